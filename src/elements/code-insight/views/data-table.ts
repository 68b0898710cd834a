import { formatNumber } from '../../../charts/format.js';
import { defaultMessages as m } from '../../../model/messages.js';

/**
 * The visually hidden table of every value, for screen readers. Built with DOM calls rather than one Lit
 * template per cell: a 20 × 520 chart has over 10,000 cells, which as template instances cost several times
 * what drawing the chart does. Every string goes in as text (`textContent`), never as markup. The card keeps
 * the table off screen with `content-visibility: auto`, so the browser skips its layout and paint; it stays in
 * the accessibility tree.
 */
export function dataTable(caption: string, columns: readonly string[], rows: Iterable<readonly string[]>): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'visually-hidden data-table';
  table.createCaption().textContent = caption || m.dataTable;
  const head = table.createTHead().insertRow();
  for (const column of columns) head.append(headerCell(column, 'col'));
  const body = table.createTBody();
  for (const [name, ...values] of rows) {
    const row = body.insertRow();
    row.append(headerCell(name, 'row'));
    for (const value of values) row.insertCell().textContent = value;
  }
  return table;
}

function headerCell(text: string, scope: 'col' | 'row'): HTMLTableCellElement {
  const cell = document.createElement('th');
  cell.scope = scope;
  cell.textContent = text;
  return cell;
}

/** Slices or bars: every label with its value. */
export function categoryTable(title: string, items: readonly { label: string; value: number }[], locale: string | undefined): HTMLTableElement {
  return dataTable(title, [m.name, m.value], items.map((item) => [item.label, formatNumber(item.value, locale, false)]));
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
