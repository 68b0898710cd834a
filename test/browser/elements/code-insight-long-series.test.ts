import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/code-insight/define.js';
import type { CodeInsightElement } from '../../../src/index.js';
import type { LineInsightData } from '../../../src/model/insight-data.js';
import { shadow, untilState } from '../wait.js';

/** One series of `n` hourly samples with noise: a dense line, as a long series draws it. */
function longSeries(n: number): LineInsightData {
  const points = Array.from({ length: n }, (_, i) => ({
    date: new Date(Date.UTC(2020, 0, 1) + i * 36e5).toISOString(),
    value: 500 + Math.round(200 * Math.sin(i / 300)) + ((i * 7919) % 97),
  }));
  return { kind: 'line', title: 'Long series', series: [{ id: 'long', label: 'Long', points }] };
}

async function longCard(n: number): Promise<CodeInsightElement> {
  const element = await fixture<CodeInsightElement>(html`<code-insight style="width: 640px"></code-insight>`);
  element.data = longSeries(n);
  await untilState(element, 'ready');
  return element;
}

const dataTable = (element: CodeInsightElement) => shadow(element).querySelector('table');
/** The table once complete: it stays hidden while its rows go in, a slice at a time. */
const untilTable = (element: CodeInsightElement) =>
  waitUntil(() => dataTable(element) !== null && !dataTable(element)!.hidden, 'no data table', { timeout: 5000 });

/** Counts calls of `name` on `prototype` until restored. */
function countCalls(prototype: object, name: string): { count: number; restore(): void } {
  const original = Reflect.get(prototype, name) as (...args: unknown[]) => unknown;
  const counter = {
    count: 0,
    restore: () => Reflect.set(prototype, name, original),
  };
  Reflect.set(prototype, name, function (this: unknown, ...args: unknown[]) {
    counter.count++;
    return original.apply(this, args);
  });
  return counter;
}

describe('<code-insight> with a long series', () => {
  afterEach(() => fixtureCleanup());

  describe('accessibility', () => {
    it('builds the screen readers\' table by appending rows: insertRow() counts the rows already there on every call', async () => {
      const insertRow = countCalls(HTMLTableSectionElement.prototype, 'insertRow');
      const insertCell = countCalls(HTMLTableRowElement.prototype, 'insertCell');
      try {
        const element = await longCard(3000);
        await untilTable(element);
        expect(dataTable(element)!.querySelectorAll('tbody tr')).to.have.length(3000);
      } finally {
        insertRow.restore();
        insertCell.restore();
      }
      expect(insertRow.count).to.equal(0);
      expect(insertCell.count).to.equal(0);
    });

    it('keeps the table\'s rows out of style, layout and paint (content-visibility on a wrapper: Chromium ignores it on a <table>)', async () => {
      const element = await longCard(3000);
      await untilTable(element);
      const table = dataTable(element)!;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const row = table.querySelector('tbody tr')!;
      // Skipped by rendering, and still there for assistive technology.
      expect(row.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
      expect(row.textContent).to.not.equal('');
      expect(table.parentElement!.tagName).to.equal('DIV');
      expect(getComputedStyle(table.parentElement!).contentVisibility).to.equal('auto');
    });
  });
});
