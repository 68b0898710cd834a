import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, type CodeInsightElement, type InsightPointClickEvent } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

async function card(id: string, attributes = ''): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.insertAdjacentHTML('beforeend', `<code-insight instance="${instance()}" insight-id="${id}" ${attributes}></code-insight>`);
  const element = host.firstElementChild as CodeInsightElement;
  await untilState(element, 'ready');
  return element;
}

const chartArea = (element: CodeInsightElement) => shadow(element).querySelector('[part="chart"]') as HTMLElement;
const tooltipText = (element: CodeInsightElement) => shadow(element).querySelector('[part="tooltip"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const liveRegion = (element: CodeInsightElement) => shadow(element).querySelector('[role="status"][aria-live="polite"]')!.textContent!.trim();

/** window.open, recorded instead of opening tabs. */
let opened: string[] = [];
const realOpen = window.open;

describe('<code-insight> reading', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000 });
    await resetEndpoint();
    opened = [];
    window.open = ((url: string) => (opened.push(url), null)) as typeof window.open;
  });
  afterEach(() => {
    window.open = realOpen;
    fixtureCleanup();
  });

  describe('keyboard', () => {
    it('is one tab stop; arrows move between points and series, with the tooltip and a polite announcement', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const area = chartArea(element);
      expect(area.getAttribute('tabindex')).to.equal('0');
      expect(shadow(element).querySelectorAll('[tabindex="0"]')).to.have.length(1);
      area.focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(tooltipText(element)).to.match(/^Nov 1, 2025/);
      await sendKeys({ press: 'End' });
      await element.updateComplete;
      expect(tooltipText(element)).to.match(/^Oct 1, 2026/);
      expect(liveRegion(element)).to.equal('Oct 1, 2026, TypeScript files: 600');
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('Oct 1, 2026, JavaScript files: 187');
      // The series the reader is on stands out; the others step back.
      expect(shadow(element).querySelector('[data-series-id="js"][data-mark="line"]')!.classList.contains('active')).to.equal(true);
      expect(shadow(element).querySelector('[data-series-id="ts"][data-mark="line"]')!.classList.contains('dimmed')).to.equal(true);
      await sendKeys({ press: 'ArrowLeft' });
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('Sep 1, 2026, JavaScript files: 220');
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="tooltip"]') === null).to.equal(true);
    });

    it('opens the drill-down search of the point with Enter', async () => {
      const element = await card(FIXTURE_IDS.migration);
      chartArea(element).focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      const click = oneEvent(element, 'insight-point-click');
      await sendKeys({ press: 'Enter' });
      const { detail } = (await click) as InsightPointClickEvent;
      expect(detail).to.include({ seriesId: 'ts', label: 'TypeScript files', date: '2025-12-01T00:00:00.000Z', value: 150 + 50 });
      expect(opened).to.deep.equal([detail.url]);
      expect(new URL(opened[0]).origin).to.equal(new URL(instance()).origin);
      expect(new URL(opened[0]).searchParams.get('q')).to.contain('after:2025-11-01T00:00:00.000Z before:2025-12-01T00:00:00.000Z type:diff');
    });

    it('moves between slices of a pie', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = { kind: 'pie', title: 'Teams', items: [{ label: 'Web', value: 3 }, { label: 'API', value: 1 }] };
      await untilState(element, 'ready');
      chartArea(element).focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(liveRegion(element)).to.equal('API: 1');
    });
  });

  describe('pointer', () => {
    it('fires a cancelable insight-point-click for the clicked point; cancelling keeps the reader here', async () => {
      const element = await card(FIXTURE_IDS.migration);
      element.addEventListener('insight-point-click', (e) => e.preventDefault(), { once: true });
      const area = chartArea(element);
      const circle = shadow(element).querySelector('circle[data-mark="point"][data-series-id="js"]')!;
      const box = circle.getBoundingClientRect();
      const click = oneEvent(element, 'insight-point-click');
      area.dispatchEvent(new MouseEvent('click', { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, bubbles: true }));
      const { detail } = (await click) as InsightPointClickEvent;
      expect(detail).to.include({ seriesId: 'js', label: 'JavaScript files', date: '2025-11-01T00:00:00.000Z', value: 550 });
      expect(opened).to.deep.equal([]);
    });

    it('opens the search behind a bar', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.insertAdjacentHTML('beforeend', `<code-insight instance="${instance()}" kind="group-by" query="TODO" mode="repo"></code-insight>`);
      const element = host.firstElementChild as CodeInsightElement;
      await untilState(element, 'ready');
      const bar = shadow(element).querySelector('[data-mark="bar"]')!;
      const box = bar.getBoundingClientRect();
      bar.dispatchEvent(new MouseEvent('click', { clientX: box.x + 2, clientY: box.y + 2, bubbles: true, composed: true }));
      expect(opened).to.have.length(1);
      expect(new URL(opened[0]).searchParams.get('q')).to.equal('TODO repo:^github\\.com/acme/web$');
    });
  });

  describe('zoom', () => {
    /** A drag across the chart area between two x positions (chart-area pixels). */
    async function drag(element: CodeInsightElement, from: number, to: number) {
      const area = chartArea(element);
      const box = area.getBoundingClientRect();
      const at = (x: number) => ({ clientX: box.left + x, clientY: box.top + 60, bubbles: true, button: 0 });
      area.dispatchEvent(new PointerEvent('pointerdown', at(from)));
      for (let x = from; from < to ? x <= to : x >= to; x += from < to ? 20 : -20) area.dispatchEvent(new PointerEvent('pointermove', at(x)));
      area.dispatchEvent(new PointerEvent('pointerup', at(to)));
      area.dispatchEvent(new MouseEvent('click', at(to)));
      await element.updateComplete;
    }
    const pointsDrawn = (element: CodeInsightElement) =>
      shadow(element).querySelector('path[data-mark="line"]')!.getAttribute('d')!.split(/[ML]/).length - 1;

    it('zooms into the dragged time range, and resets with the button or a double click', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const width = chartArea(element).getBoundingClientRect().width;
      await drag(element, width * 0.3, width * 0.7);
      const zoomed = pointsDrawn(element);
      expect(zoomed).to.be.within(4, 7);
      // The drag does not also drill down.
      expect(opened).to.deep.equal([]);
      const reset = shadow(element).querySelector('.zoom-reset') as HTMLButtonElement;
      expect(reset.textContent!.trim()).to.equal('Reset zoom');
      reset.click();
      await element.updateComplete;
      expect(pointsDrawn(element)).to.equal(12);
      await drag(element, width * 0.7, width * 0.2);
      expect(pointsDrawn(element)).to.be.below(12);
      chartArea(element).dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await element.updateComplete;
      expect(pointsDrawn(element)).to.equal(12);
    });

    it('treats a click that wobbles a few pixels as a click', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const width = chartArea(element).getBoundingClientRect().width;
      const area = chartArea(element);
      const box = area.getBoundingClientRect();
      const at = (x: number) => ({ clientX: box.left + x, clientY: box.top + 60, bubbles: true, button: 0 });
      area.dispatchEvent(new PointerEvent('pointerdown', at(width / 2)));
      area.dispatchEvent(new PointerEvent('pointermove', at(width / 2 + 3)));
      area.dispatchEvent(new PointerEvent('pointerup', at(width / 2 + 3)));
      area.dispatchEvent(new MouseEvent('click', at(width / 2 + 3)));
      await element.updateComplete;
      expect(pointsDrawn(element)).to.equal(12);
      expect(opened).to.have.length(1);
    });
  });

  describe('legend', () => {
    it('turns a series off and on, and highlights it while pointed at', async () => {
      const element = await card(FIXTURE_IDS.todos);
      const toggle = (id: string) => shadow(element).querySelector(`[data-legend-item][data-series-id="${id}"] button`) as HTMLButtonElement;
      const drawn = () => [...shadow(element).querySelectorAll('path[data-mark="line"]')].map((p) => p.getAttribute('data-series-id'));
      expect(toggle('fixme').getAttribute('aria-pressed')).to.equal('true');
      toggle('fixme').click();
      await element.updateComplete;
      expect(drawn()).to.deep.equal(['todo', 'hack']);
      expect(toggle('fixme').getAttribute('aria-pressed')).to.equal('false');
      toggle('fixme').click();
      await element.updateComplete;
      expect(drawn()).to.deep.equal(['todo', 'fixme', 'hack']);
      toggle('hack').dispatchEvent(new PointerEvent('pointerenter'));
      await element.updateComplete;
      expect(shadow(element).querySelector('path[data-series-id="hack"]')!.classList.contains('active')).to.equal(true);
      expect(shadow(element).querySelector('path[data-series-id="todo"]')!.classList.contains('dimmed')).to.equal(true);
      toggle('hack').dispatchEvent(new PointerEvent('pointerleave'));
      await element.updateComplete;
      expect(shadow(element).querySelector('path[data-series-id="todo"]')!.getAttribute('class')).to.equal('');
    });
  });

  describe('words', () => {
    it('says the page\'s own words from configure({ messages })', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = { kind: 'line', title: 'Empty', series: [{ id: 'a', label: 'A', points: [] }] };
      await untilState(element, 'empty');
      configure({ messages: { empty: 'Noch keine Daten.' } });
      await element.updateComplete;
      expect(shadow(element).querySelector('[role="status"]')!.textContent).to.contain('Noch keine Daten.');
      configure({ messages: { empty: 'No data to display yet.' } });
    });
  });

  describe('screen readers', () => {
    it('holds every value in a visually hidden table, added once the chart has painted', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await waitUntil(() => shadow(element).querySelector('table') !== null, 'no data table');
      const table = shadow(element).querySelector('table')!;
      expect(table.classList.contains('visually-hidden')).to.equal(true);
      expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['Date', 'TypeScript files', 'JavaScript files']);
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
      expect(rows).to.have.length(12);
      expect(rows[11]).to.deep.equal(['Oct 1, 2026', '600', '187']);
    });

    it('keeps the same table when the card is resized (it does not depend on the size)', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await waitUntil(() => shadow(element).querySelector('table') !== null, 'no data table');
      const table = shadow(element).querySelector('table');
      const before = shadow(element).querySelector('path[data-mark="line"]')!.getAttribute('d');
      element.style.width = '300px';
      await waitUntil(() => shadow(element).querySelector('path[data-mark="line"]')!.getAttribute('d') !== before, 'not redrawn');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(shadow(element).querySelector('table') === table).to.equal(true);
    });
  });

  describe('menu', () => {
    const active = (element: CodeInsightElement) => shadow(element).activeElement as HTMLElement | null;

    it('opens with the button, moves with arrows, closes with Escape back to the button', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const button = shadow(element).querySelector('.menu-button') as HTMLButtonElement;
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      button.click();
      await element.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const items = [...shadow(element).querySelectorAll('[role="menu"] [role="menuitem"]')].map((i) => i.textContent!.trim());
      expect(items).to.deep.equal([
        'Open in Sourcegraph',
        'Download data (CSV)',
        'Download all data from Sourcegraph (CSV)',
        'Download chart (SVG)',
        'Download chart (PNG)',
        'Copy embed snippet',
        'Create a code monitor',
        'Create a batch change',
      ]);
      expect(active(element)!.textContent!.trim()).to.equal('Open in Sourcegraph');
      await sendKeys({ press: 'ArrowDown' });
      expect(active(element)!.textContent!.trim()).to.equal('Start Y axis at 0');
      await sendKeys({ press: 'ArrowDown' });
      expect(active(element)!.textContent!.trim()).to.equal('Download data (CSV)');
      await sendKeys({ press: 'End' });
      expect(active(element)!.textContent!.trim()).to.equal('Create a batch change');
      await sendKeys({ press: 'ArrowDown' });
      expect(active(element)!.textContent!.trim()).to.equal('Open in Sourcegraph');
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(shadow(element).querySelector('[role="menu"]') === null).to.equal(true);
      expect(active(element)).to.equal(button);
    });

    it('closes on a click elsewhere', async () => {
      const element = await card(FIXTURE_IDS.todos);
      (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
      await element.updateComplete;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await element.updateComplete;
      expect(shadow(element).querySelector('[role="menu"]') === null).to.equal(true);
    });

    it('links a code monitor and a batch change to the series query, on the instance', async () => {
      const element = await card(FIXTURE_IDS.migration);
      (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
      await element.updateComplete;
      const links = Object.fromEntries(
        [...shadow(element).querySelectorAll('a[role="menuitem"]')].map((a) => [a.textContent!.trim(), new URL((a as HTMLAnchorElement).href)]),
      );
      expect(links['Open in Sourcegraph'].href).to.equal(`${instance()}/insights/${encodeURIComponent(FIXTURE_IDS.migration)}`);
      const monitor = links['Create a code monitor'];
      expect(monitor.origin + monitor.pathname).to.equal(`${new URL(instance()).origin}/open/code-monitoring/new`);
      expect(monitor.searchParams.get('trigger-query')).to.equal('lang:typescript count:all type:diff patterntype:literal');
      const batch = links['Create a batch change'];
      expect(batch.pathname).to.equal('/open/batch-changes/create');
      expect(batch.searchParams.get('trigger-query')).to.equal('lang:typescript count:all patterntype:literal');
      for (const a of shadow(element).querySelectorAll('a[role="menuitem"]')) expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    });
  });

  describe('export', () => {
    it('toCSV() gives one row per date and one column per series', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const lines = element.toCSV().trimEnd().split('\r\n');
      expect(lines[0]).to.equal('date,TypeScript files,JavaScript files');
      expect(lines).to.have.length(13);
      expect(lines[12]).to.equal('2026-10-01T00:00:00.000Z,600,187');
    });

    it('toCSV() keeps labels from becoming spreadsheet formulas', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = { kind: 'bar', title: 'x', items: [{ label: '=HYPERLINK("http://evil.example","x")', value: 1 }, { label: 'a,b', value: 2 }] };
      await untilState(element, 'ready');
      expect(element.toCSV()).to.equal('label,value\r\n"\'=HYPERLINK(""http://evil.example"",""x"")",1\r\n"a,b",2\r\n');
    });

    it('toSVG() is a standalone document with its title and colours, that a browser draws as an image', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const svg = element.toSVG();
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror') === null).to.equal(true);
      expect(doc.documentElement.getAttribute('xmlns')).to.equal('http://www.w3.org/2000/svg');
      expect(doc.querySelector('title')!.textContent).to.equal('Migration to TypeScript');
      const lines = [...doc.querySelectorAll('[data-mark="line"]')];
      expect(lines.map((l) => l.getAttribute('stroke'))).to.deep.equal(['rgb(34, 139, 230)', 'rgb(247, 103, 7)']);
      expect(lines.every((l) => l.getAttribute('fill') === 'none')).to.equal(true);
      expect(doc.querySelectorAll('[class], [style], script, foreignObject')).to.have.length(0);
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      await image.decode();
      expect(image.width).to.be.greaterThan(100);
    });

    it('toPNG() draws the chart at twice its size', async () => {
      const element = await card(FIXTURE_IDS.todos);
      const blob = await element.toPNG();
      expect(blob.type).to.equal('image/png');
      const bitmap = await createImageBitmap(blob);
      const width = Number(element.toSVG().match(/width="(\d+)"/)![1]);
      expect(bitmap.width).to.equal(width * 2);
    });

    it('has nothing to export before the chart exists', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      expect(element.toCSV()).to.equal('');
      expect(element.toSVG()).to.equal('');
      const error = await element.toPNG().then(() => null, (e: Error) => e);
      expect(error?.message).to.contain('no chart to export');
    });
  });
});
