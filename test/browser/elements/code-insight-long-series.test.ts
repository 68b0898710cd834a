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

  describe('rendering', () => {
    it('hovering never touches the lines: they sit in a layer of their own, and a lone series is not re-emphasized', async () => {
      const element = await longCard(5000);
      const root = shadow(element);
      const series = root.querySelector('svg.plot g.series')!;
      expect(series.querySelector('path[data-mark="line"]')).to.not.equal(null);
      // Composited apart from the crosshair and the active dots, so their moves repaint none of the path.
      expect(getComputedStyle(series).willChange).to.equal('transform');
      expect(series.querySelector('.crosshair, [data-mark="point"]')).to.equal(null);

      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(series, { subtree: true, attributes: true, childList: true, characterData: true });
      const area = root.querySelector<HTMLElement>('[part="chart"]')!;
      const box = area.getBoundingClientRect();
      for (let x = 60; x < box.width - 20; x += 37) {
        area.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + x, clientY: box.top + 60, bubbles: true }));
        await element.updateComplete;
      }
      expect(root.querySelector('[part="tooltip"]')).to.not.equal(null);
      expect(root.querySelector('.crosshair')).to.not.equal(null);
      area.dispatchEvent(new PointerEvent('pointerleave'));
      await element.updateComplete;
      observer.disconnect();
      expect(changes.map((c) => `${c.type} ${c.attributeName ?? ''} on ${(c.target as Element).tagName}`)).to.deep.equal([]);
    });

    it('marks take no pointer events: the browser hit-tests the chart\'s box, not the outline of a long path', async () => {
      const element = await longCard(5000);
      const root = shadow(element);
      const line = root.querySelector<SVGPathElement>('path[data-mark="line"]')!;
      // A point on the line itself, in the page's coordinates.
      const svg = line.ownerSVGElement!;
      const at = line.getPointAtLength(line.getTotalLength() / 3).matrixTransform(svg.getScreenCTM()!);
      const hit = root.elementFromPoint(at.x, at.y)!;
      // The <svg> box itself (the hover handler sits on the chart area around it); strings, not elements, so a
      // failure does not print a path of thousands of points.
      expect(hit.tagName.toLowerCase()).to.equal('svg');
      expect(hit.closest('[data-mark]')?.getAttribute('data-mark') ?? 'none').to.equal('none');
      for (const mark of root.querySelectorAll('[data-mark="line"], [data-mark="point"], .crosshair')) {
        expect(getComputedStyle(mark).pointerEvents).to.equal('none');
      }
    });
  });

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
