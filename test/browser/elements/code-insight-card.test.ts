/**
 * The card's states and structure (issue 16, items 8, 10, 12, 13 and the incomplete-points popover): errors in the
 * titled card with a menu and a tone, plots of cards in a row at the same height, bars filling the chart area, the
 * loading outline, the processing banner over a partial chart, why a card is empty, and the heading level.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import type { InsightData } from '../../../src/model/insight-data.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

const points = (values: number[]) => values.map((value, i) => ({ date: `2026-0${i + 1}-01`, value }));
const line = (extra: Partial<InsightData> = {}): InsightData =>
  ({
    kind: 'line',
    title: 'TODOs',
    series: [
      { id: 'a', label: 'TODO', points: points([3, 5, 8, 13]) },
      { id: 'b', label: 'FIXME', points: points([1, 2, 2, 4]) },
    ],
    ...extra,
  }) as InsightData;

async function withData(data: InsightData, attributes = ''): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 480px"></div>`);
  host.innerHTML = `<code-insight ${attributes}></code-insight>`;
  const element = host.firstElementChild as CodeInsightElement;
  element.data = data;
  return element;
}

describe('<code-insight> card states and structure', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 60_000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  describe('errors (item 8)', () => {
    it('takes an instance that is not a URL as its error, with no page error, also when changed after loading', async () => {
      const errors: string[] = [];
      const record = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('message' in event ? event.message : String(event.reason));
      window.addEventListener('error', record);
      window.addEventListener('unhandledrejection', record);
      try {
        const host = await fixture<HTMLDivElement>(html`<div style="width: 480px"></div>`);
        host.innerHTML = `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" loading="eager"></code-insight>`;
        const element = host.firstElementChild as CodeInsightElement;
        await untilState(element, 'ready');
        element.instance = 'probe-instance';
        await untilState(element, 'error');
        expect(shadow(element).textContent).to.contain('"probe-instance" is not an http(s) URL');
        // Its menu, opened, offers what it can without the instance.
        shadow(element).querySelector<HTMLButtonElement>('.menu-button')?.click();
        await element.updateComplete;
        element.remove();
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        window.removeEventListener('error', record);
        window.removeEventListener('unhandledrejection', record);
      }
      expect(errors).to.deep.equal([]);
    });

    it('a 500 with an HTML body: titled card, menu to the insight, plain detail, error tone', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('status/500')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
      await untilState(element, 'error');
      const root = shadow(element);
      expect(root.querySelector('[part="title"]')?.textContent?.trim()).to.equal('Code insight');
      const error = root.querySelector('[part="error"]')!;
      expect(error.getAttribute('data-tone')).to.equal('error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('HTTP 500');
      expect(error.textContent).not.to.contain('<html');
      expect(error.textContent).not.to.contain('<body');
      expect([...error.querySelectorAll('.detail')].map((d) => d.textContent)).to.deep.equal(['Error 500']);
      // The sentence is in the text colour; only the icon carries the danger colour.
      const text = getComputedStyle(error.querySelector('.error-message')!).color;
      expect(text).to.equal(getComputedStyle(root.querySelector('[part="title"]')!).color);
      (root.querySelector('.menu-button') as HTMLButtonElement).click();
      await element.updateComplete;
      const items = [...root.querySelectorAll<HTMLAnchorElement>('[role="menuitem"]')];
      expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Open in Sourcegraph']);
      expect(items[0].href).to.equal(`${instance('status/500')}/insights/${encodeURIComponent(FIXTURE_IDS.todos)}`);
    });

    it('keeps the page’s heading in an error', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight heading="Our TODOs" instance=${instance('status/502')} insight-id=${FIXTURE_IDS.todos}></code-insight>`,
      );
      await untilState(element, 'error');
      expect(shadow(element).querySelector('[part="title"]')?.textContent?.trim()).to.equal('Our TODOs');
    });

    it('"This grouping is not available" is informational, not an alarm', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance()} kind="group-by" query="TODO" mode="author"></code-insight>`);
      await untilState(element, 'error');
      const error = shadow(element).querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('not available');
      expect(error.getAttribute('data-tone')).to.equal('info');
      expect(error.getAttribute('role')).to.equal('status');
      // Not the danger colour of a failure's icon.
      const failed = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('status/500')} insight-id=${FIXTURE_IDS.todos}></code-insight>`);
      await untilState(failed, 'error');
      const stroke = (e: CodeInsightElement) => getComputedStyle(shadow(e).querySelector('.tone-icon')!).stroke;
      expect(stroke(element)).not.to.equal(stroke(failed));
      // No instance link without an insight id: no menu with nothing in it.
      expect(shadow(element).querySelector('.menu-button')).to.equal(null);
    });
  });

  describe('structure (item 10)', () => {
    it('plots of cards side by side start at the same height, with or without a status note or a long title', async () => {
      const host = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: 1fr 1fr; gap: 16px; width: 720px"></div>`);
      const long = 'Languages in github.com/code-insights-elements/code-insights-elements, by number of lines';
      host.innerHTML = `<code-insight></code-insight><code-insight series-limit="1" heading="${long}"></code-insight>`;
      const [plain, noted] = [...host.children] as CodeInsightElement[];
      plain.data = line();
      noted.data = line();
      await untilState(plain, 'ready');
      await untilState(noted, 'ready');
      expect(shadow(noted).querySelector('[part="status"]')?.textContent).to.contain('1 more series hidden');
      const top = (e: CodeInsightElement) => shadow(e).querySelector('svg.plot')!.getBoundingClientRect().top;
      expect(top(noted)).to.equal(top(plain));
      // Both cards fill their grid cell, with their legends at the bottom.
      const bottom = (e: CodeInsightElement, selector: string) => shadow(e).querySelector(selector)!.getBoundingClientRect().bottom;
      expect(Math.abs(bottom(noted, '[part="card"]') - bottom(plain, '[part="card"]'))).to.be.below(1);
      expect(bottom(noted, '[part="card"]') - bottom(noted, '[part="legend"]')).to.be.below(16);
    });

    it('a bar chart of three bars fills the chart area', async () => {
      const element = await withData({ kind: 'bar', title: 'By repo', items: [{ label: 'a', value: 3 }, { label: 'b', value: 2 }, { label: 'c', value: 1 }] });
      await untilState(element, 'ready');
      const chart = shadow(element).querySelector('[part="chart"]')!.getBoundingClientRect();
      const bars = [...shadow(element).querySelectorAll('[data-mark="bar"]')].map((b) => b.getBoundingClientRect());
      expect(bars.length).to.equal(3);
      expect((bars[2].bottom - chart.top) / chart.height).to.be.at.least(0.8);
    });
  });

  describe('states (item 12)', () => {
    it('loading: a title placeholder and a chart outline', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance('hang')} insight-id=${FIXTURE_IDS.todos} loading="eager"></code-insight>`);
      await element.updateComplete;
      const root = shadow(element);
      const title = root.querySelector('.title-placeholder')!.getBoundingClientRect();
      expect(title.width).to.be.above(40);
      const bars = [...root.querySelectorAll('.skeleton span')].map((s) => s.getBoundingClientRect());
      // Bars standing on a common baseline, of different heights: a chart, not a list of lines.
      expect(new Set(bars.map((b) => Math.round(b.bottom))).size).to.equal(1);
      expect(new Set(bars.map((b) => Math.round(b.height))).size).to.be.above(2);
    });

    it('processing: the partial chart stays visible under a banner saying how far along it is', async () => {
      const element = await withData(line({ processing: { progress: 0.4 } } as Partial<InsightData>));
      await untilState(element, 'processing');
      const root = shadow(element);
      expect(root.querySelectorAll('path[data-mark="line"]').length).to.equal(2);
      const banner = root.querySelector('.processing-banner')!;
      expect(banner.textContent).to.contain('40% done');
      expect(banner.textContent).to.contain('numbers may be low');
      const chart = root.querySelector('[part="chart"]')!.getBoundingClientRect();
      const box = banner.getBoundingClientRect();
      expect(box.top).to.be.at.least(chart.top - 0.5);
      expect(box.bottom).to.be.below(chart.top + chart.height / 3); // over the chart, not instead of it
      const progress = root.querySelector('progress')!;
      expect(getComputedStyle(progress).appearance).to.equal('none');
    });

    it('empty: says why (a new insight without points; drill-down filters)', async () => {
      const fresh = await withData(line({ series: [{ id: 'a', label: 'TODO', points: [] }] } as Partial<InsightData>));
      await untilState(fresh, 'empty');
      expect(shadow(fresh).querySelector('[part="chart"]')!.textContent).to.contain('has not computed any points');
      const filtered = await withData(line({ series: [{ id: 'a', label: 'TODO', points: [] }] } as Partial<InsightData>), 'include-repos="^nothing$"');
      await untilState(filtered, 'empty');
      expect(shadow(filtered).querySelector('[part="chart"]')!.textContent).to.contain('drill-down filters');
    });
  });

  describe('incomplete points (better than Sourcegraph)', () => {
    it('the note opens, by keyboard too, to list each incomplete point and why', async () => {
      const data = line();
      if (data.kind === 'line') data.series[0].incomplete = [{ date: '2026-03-01', reason: 'The search timed out.' }];
      const element = await withData(data, 'locale="en-US"');
      await untilState(element, 'ready');
      const details = shadow(element).querySelector('details[part="status"]') as HTMLDetailsElement;
      const summary = details.querySelector('summary')!;
      expect(summary.tabIndex).to.equal(0);
      expect(summary.textContent).to.contain('undercounted');
      summary.click();
      await waitUntil(() => details.open);
      const items = [...details.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal(['TODO, Mar 1, 2026: The search timed out.']);
      expect(details.querySelector('li')!.getBoundingClientRect().height).to.be.above(0);
    });
  });

  describe('hidden series (better than Sourcegraph)', () => {
    it('"1 more series hidden" opens to name the series left out', async () => {
      const element = await withData(line(), 'series-limit="1"');
      await untilState(element, 'ready');
      const details = shadow(element).querySelector('details[part="status"]') as HTMLDetailsElement;
      expect(details.querySelector('summary')!.textContent).to.contain('1 more series hidden');
      details.querySelector('summary')!.click();
      await waitUntil(() => details.open);
      expect([...details.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(['FIXME']);
    });
  });

  describe('heading level (item 13)', () => {
    it('heading-level="2" under a page’s <h1>: aria-level 2, no heading-order violation', async () => {
      const host = await fixture<HTMLDivElement>(html`<main><h1>Engineering health</h1><div></div></main>`);
      host.querySelector('div')!.innerHTML = `<code-insight heading-level="2"></code-insight>`;
      const element = host.querySelector('code-insight') as CodeInsightElement;
      element.data = line();
      await untilState(element, 'ready');
      const title = shadow(element).querySelector('[part="title"]')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('2');
      await expect(host).to.be.accessible();
    });

    it('defaults to level 3 (under a dashboard’s <h2>), and ignores a level outside 1–6', async () => {
      const element = await withData(line(), 'heading-level="9"');
      await untilState(element, 'ready');
      expect(shadow(element).querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('3');
    });
  });
});
