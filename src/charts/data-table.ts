import { formatNumber } from './format.js';
import { messagesFor } from '../model/locale-messages.js';

/**
 * A data table being built: `node` goes into the page at once, hidden, and each `rows.next()` adds one row; the
 * table shows (to assistive technology: it is visually hidden) once the last is in. The card runs `rows` in short
 * idle slices, so a 100,000-point series never holds the main thread: built in one go, the table took seconds,
 * and the reader's first hover waited for it; added in one go, 100,000 rows still took 30 ms.
 */
export interface TableBuild {
  readonly node: HTMLElement;
  readonly rows: Iterator<void>;
}

/**
 * The visually hidden table of every value, for screen readers. Built with DOM calls rather than one Lit
 * template per cell: a 20 × 520 chart has over 10,000 cells, which as template instances cost several times
 * what drawing the chart does. Every string goes in as text (`textContent`), never as markup.
 *
 * Rows are appended, not added with `insertRow()`: that one counts the rows already there on every call, so a
 * table of n rows took n² steps (4 s for 20,000 rows, over a minute for 100,000). The table sits in a wrapper that the
 * card keeps off screen with `content-visibility: auto`, so the browser skips its style, layout and paint (it
 * stays in the accessibility tree); Chromium does not skip the contents of a `<table>` given that property
 * itself, which cost a second of layout per 20,000 rows.
 */
export function dataTable(caption: string, columns: readonly string[], rows: Iterable<readonly string[]>, locale: string | undefined): TableBuild {
  const wrapper = document.createElement('div');
  wrapper.className = 'visually-hidden data-table';
  const table = wrapper.appendChild(document.createElement('table'));
  table.className = 'visually-hidden';
  table.hidden = true;
  table.createCaption().textContent = caption || messagesFor(locale).dataTable;
  const head = table.createTHead().appendChild(document.createElement('tr'));
  for (const column of columns) head.append(headerCell(column, 'col'));
  const body = table.createTBody();
  function* fill(): Generator<void> {
    for (const [name, ...values] of rows) {
      const row = body.appendChild(document.createElement('tr'));
      row.append(headerCell(name, 'row'));
      for (const value of values) row.appendChild(document.createElement('td')).textContent = value;
      yield;
    }
    table.hidden = false;
  }
  return { node: wrapper, rows: fill() };
}

function headerCell(text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const cell = document.createElement('th');
  cell.scope = scope;
  cell.textContent = text;
  return cell;
}

/** Slices or bars: every label with its value. */
export function categoryTable(title: string, items: readonly { label: string; value: number }[], locale: string | undefined): TableBuild {
  const m = messagesFor(locale);
  return dataTable(title, [m.name, m.value], items.map((item) => [item.label, formatNumber(item.value, locale, false)]), locale);
}

/** Formats numbers through `formatNumber`, once per distinct value: counts repeat a lot across a long table. */
export function numberFormatter(locale: string | undefined): (value: number) => string {
  const formatted = new Map<number, string>();
  return (value) => {
    let text = formatted.get(value);
    if (text === undefined) formatted.set(value, (text = formatNumber(value, locale, false)));
    return text;
  };
}
