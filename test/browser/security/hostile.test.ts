import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement, type InsightData } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';
import { HOSTILE_COLORS, HOSTILE_TEXT, HOSTILE_URLS } from './hostile-payloads.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
const month = (i: number) => new Date(Date.UTC(2026, i, 1)).toISOString();

/** Every text payload somewhere: titles, labels, colours and links of a chart of each kind. */
function hostileData(kind: InsightData['kind'], start: number): InsightData {
  const title = pick(HOSTILE_TEXT, start);
  if (kind === 'line') {
    return {
      kind,
      title,
      series: HOSTILE_TEXT.map((label, i) => ({
        id: `s${i}`,
        label,
        color: pick(HOSTILE_COLORS, i),
        points: [0, 1, 2].map((m) => ({ date: month(m), value: i + m, url: pick(HOSTILE_URLS, i + m) })),
      })),
    };
  }
  if (kind === 'stat') return { kind, title, value: 3, previous: 1, label: pick(HOSTILE_TEXT, start + 1), url: pick(HOSTILE_URLS, start) };
  return {
    kind,
    title,
    items: HOSTILE_TEXT.map((label, i) => ({ label, value: 1 + (i % 7), color: pick(HOSTILE_COLORS, i), url: pick(HOSTILE_URLS, i) })),
  };
}

/** What must never be found in what a card renders or exports. */
function assertInert(root: ParentNode, where: string): void {
  const found = [...root.querySelectorAll('script, iframe, img, object, embed, foreignObject, style, base, meta, link, math')];
  expect(found.map((e) => `${e.localName} in <${e.parentElement?.localName}>: ${e.outerHTML.slice(0, 120)}`), `${where}: elements`).to.deep.equal([]);
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      expect(/^on/i.test(name), `${where}: ${name} on <${element.localName}>`).to.equal(false);
      if (name === 'href' || name === 'xlink:href' || name === 'src') expect(value, `${where}: ${name}`).to.match(/^https?:\/\//);
      if (name === 'fill' || name === 'stroke') expect(value, `${where}: ${name}`).to.match(/^(#[0-9a-f]{3,8}|rgba?\([\d\s.,/%]+\)|hsla?\([\w\s.,/%]+\)|[a-z]+)$/i);
      // Only the card's own positioning, written through CSSOM (tooltip, zoom brush, a legend beside the chart):
      // numbers, never data.
      if (name === 'style')
        expect(value, `${where}: style on <${element.localName}>`).to.match(/^((transform: translate(X)?\([-\d.]+px(, [-\d.]+px)?\)|width: [\d.]+px|--_legend-width: [\d.]+px);\s*)+$/);
    }
  }
}

describe('hostile data', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000 });
    await resetEndpoint();
    window.__pwned = undefined;
  });
  afterEach(() => fixtureCleanup());

  it(`has more than 100 payloads (${HOSTILE_TEXT.length} texts, ${HOSTILE_URLS.length} links, ${HOSTILE_COLORS.length} colours)`, () => {
    expect(HOSTILE_TEXT.length + HOSTILE_URLS.length + HOSTILE_COLORS.length).to.be.greaterThan(100);
  });

  for (const kind of ['line', 'pie', 'bar', 'stat'] as const) {
    it(`${kind}: titles, labels, colours and links stay inert in the chart, legend, tooltip, menu, table and exports`, async () => {
      const requested: string[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requested.push(e.name)));
      observer.observe({ type: 'resource', buffered: false });
      const element = await fixture<CodeInsightElement>(html`<code-insight series-limit="500"></code-insight>`);
      element.data = hostileData(kind, 3);
      await untilState(element, 'ready');
      const root = shadow(element);
      // The screen readers' table comes once the chart has painted; it holds every label, as text.
      if (kind !== 'stat') {
        await waitUntil(() => root.querySelector('table') !== null, 'no data table');
        expect(root.querySelector('table')!.textContent).to.contain(kind === 'line' ? HOSTILE_TEXT[0] : HOSTILE_TEXT[1]);
      }
      // Point at every mark, open the menu, read the table: every part of the card renders.
      const area = root.querySelector('[part="chart"]') as HTMLElement;
      const box = area.getBoundingClientRect();
      for (const fraction of [0.1, 0.5, 0.9]) {
        area.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width * fraction, clientY: box.top + box.height / 2, bubbles: true }));
        await element.updateComplete;
      }
      for (const mark of root.querySelectorAll('[data-mark="slice"], [data-mark="bar"]')) {
        mark.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: box.left + 5, clientY: box.top + 5 }));
      }
      (root.querySelector('.menu-button') as HTMLButtonElement).click();
      await element.updateComplete;
      assertInert(root, kind);
      // Labels are text: every payload that was drawn reads back exactly.
      if (kind !== 'stat') expect(root.textContent).to.contain(kind === 'line' ? HOSTILE_TEXT[0] : HOSTILE_TEXT[1]);

      const svg = element.toSVG();
      if (svg) assertInert(new DOMParser().parseFromString(svg, 'image/svg+xml'), `${kind} SVG`);
      for (const line of element.toCSV().split('\r\n')) expect(line, 'CSV formula').not.to.match(/^[=+\-@]|,[=+\-@]/);

      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      expect(window.__pwned, 'a payload ran').to.equal(undefined);
      const foreign = requested.filter((url) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url));
      expect(foreign, 'requests to other origins').to.deep.equal([]);
    });
  }

  it('a hostile insight from the server stays inert too', async () => {
    const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance()} insight-id=${FIXTURE_IDS.hostile}></code-insight>`);
    await untilState(element, 'ready');
    (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
    await element.updateComplete;
    assertInert(shadow(element), 'server');
    expect(shadow(element).querySelector('[part="title"]')!.textContent).to.contain('<img src=x onerror=');
    expect(window.__pwned).to.equal(undefined);
  });
});
