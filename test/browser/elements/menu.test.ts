import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import { embedSnippet } from '../../../src/elements/code-insight/menu.js';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

async function card(id: string, attributes = ''): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.insertAdjacentHTML('beforeend', `<code-insight instance="${instance()}" insight-id="${id}" ${attributes}></code-insight>`);
  const element = host.firstElementChild as CodeInsightElement;
  await untilState(element, 'ready');
  return element;
}

async function openMenu(element: CodeInsightElement): Promise<HTMLElement> {
  (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
  await element.updateComplete;
  return shadow(element).querySelector('[role="menu"]') as HTMLElement;
}

const active = (element: CodeInsightElement) => shadow(element).activeElement as HTMLElement | null;
const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('<code-insight> menu', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  it('is grouped (insight, chart, export, act), each group labelled and set apart by a separator', async () => {
    const menu = await openMenu(await card(FIXTURE_IDS.migration));
    const children = [...menu.children];
    expect(children.map((c) => c.getAttribute('role'))).to.deep.equal(['group', 'separator', 'group', 'separator', 'group', 'separator', 'group']);
    const groups = children.filter((c) => c.getAttribute('role') === 'group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Insight', 'Chart', 'Export', 'Act on results']);
    // The label is seen, not read twice (the group's aria-label says it).
    expect(groups.map((g) => text(g.querySelector('.menu-group-label')))).to.deep.equal(['Insight', 'Chart', 'Export', 'Act on results']);
    expect(groups.map((g) => [...g.querySelectorAll('[role^="menuitem"]')].map(text))).to.deep.equal([
      ['Open in Sourcegraph'],
      ['Start Y axis at 0'],
      ['Download data (CSV)', 'Download all data from Sourcegraph (CSV)', 'Download chart (SVG)', 'Download chart (PNG)', 'Copy embed snippet'],
      ['Create a code monitor', 'Create a batch change'],
    ]);
    // Separators are drawn lines between groups.
    const separator = menu.querySelector('[role="separator"]')!.getBoundingClientRect();
    const [first, second] = groups.map((g) => g.getBoundingClientRect());
    expect(separator.top).to.be.at.least(first.bottom);
    expect(separator.bottom).to.be.at.most(second.top);
  });

  it('has "Start Y axis at 0" as a setting: a checkbox that flips yZero and keeps the menu open', async () => {
    const element = await card(FIXTURE_IDS.migration);
    const lowestTick = () => Math.min(...[...shadow(element).querySelectorAll('.tick.y')].map((t) => Number(t.textContent!.replace(/,/g, ''))));
    const menu = await openMenu(element);
    const toggle = menu.querySelector('[role="menuitemcheckbox"]') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Start Y axis at 0');
    expect(toggle.getAttribute('aria-checked')).to.equal('false');
    expect(lowestTick()).to.be.greaterThan(0);
    toggle.click();
    await element.updateComplete;
    expect(element.yZero).to.equal(true);
    expect(shadow(element).querySelector('[role="menuitemcheckbox"]')!.getAttribute('aria-checked')).to.equal('true');
    expect(lowestTick()).to.equal(0);
    (shadow(element).querySelector('[role="menuitemcheckbox"]') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(element.yZero).to.equal(false);
    expect(shadow(element).querySelector('[role="menu"]')).not.to.equal(null);
  });

  it('is seen whole in a dashboard, even where it reaches past the card (whose paint is contained there)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<insights-dashboard instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"></insights-dashboard>`;
    const dashboard = host.firstElementChild!;
    await waitUntil(() => dashboard.shadowRoot?.querySelector('code-insight')?.getAttribute('state') === 'ready', 'no card', { timeout: 8000 });
    const element = dashboard.shadowRoot!.querySelector('code-insight') as CodeInsightElement;
    const menu = await openMenu(element);
    const last = [...menu.querySelectorAll('[role^="menuitem"]')].at(-1) as HTMLElement;
    const box = last.getBoundingClientRect();
    expect(box.bottom, 'the menu reaches past the card').to.be.greaterThan(element.getBoundingClientRect().bottom);
    // What is painted (and hit) at the last entry's centre is that entry, not the page or the next card.
    const hit = shadow(element).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    expect(hit === last, `hit ${hit?.tagName} ${hit?.className}`).to.equal(true);
    (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(element.hasAttribute('menu-open')).to.equal(false);
  });

  it('offers no chart setting on a chart without a y axis', async () => {
    const menu = await openMenu(await card(FIXTURE_IDS.languages));
    expect([...menu.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'))).not.to.include('Chart');
    expect(menu.querySelector('[role="menuitemcheckbox"]')).to.equal(null);
  });

  it('moves with arrows over entries only (never a separator or a label), Escape closes it', async () => {
    const element = await card(FIXTURE_IDS.migration);
    const menu = await openMenu(element);
    const entries = [...menu.querySelectorAll('[role^="menuitem"]')];
    expect(text(active(element))).to.equal('Open in Sourcegraph');
    const visited: (string | undefined)[] = [];
    for (let i = 0; i < entries.length; i++) {
      await sendKeys({ press: 'ArrowDown' });
      expect(active(element)!.getAttribute('role')).to.match(/^menuitem/);
      visited.push(text(active(element)));
    }
    // Every entry once, then round to the first.
    expect(visited).to.deep.equal([...entries.slice(1), entries[0]].map(text));
    await sendKeys({ press: 'ArrowUp' });
    expect(text(active(element))).to.equal('Create a batch change');
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="menu"]')).to.equal(null);
    expect(active(element)).to.equal(shadow(element).querySelector('.menu-button'));
  });
});

describe('embed snippet', () => {
  afterEach(() => fixtureCleanup());
  const src = (snippet: string) => /src="([^"]*)"/.exec(snippet)![1];

  it('loads the single file from an absolute URL: the page\'s own script, else the published copy', async () => {
    const element = await fixture<HTMLElement>(html`<code-insight loading="eager" insight-id="x"></code-insight>`);
    // Outside the single file (these tests run the sources) and without a script naming it: the published copy.
    expect(src(embedSnippet(element, undefined))).to.equal('https://cdn.jsdelivr.net/npm/code-insights-elements/dist/code-insights.js');
    // A page that loads it: that address, made absolute. (type="text/plain": the test page must not run it.)
    const script = Object.assign(document.createElement('script'), { type: 'text/plain', src: '/assets/code-insights.js' });
    document.head.append(script);
    try {
      expect(src(embedSnippet(element, undefined))).to.equal(`${location.origin}/assets/code-insights.js`);
    } finally {
      script.remove();
    }
  });

  it('carries the card\'s own theme, and none when the card follows the reader\'s scheme', async () => {
    const auto = await fixture<HTMLElement>(html`<code-insight loading="eager"></code-insight>`);
    await (auto as CodeInsightElement).updateComplete;
    // No theme of its own (the page's configure() or the reader's scheme): none is written into the attribute.
    expect(auto.hasAttribute('theme')).to.equal(false);
    expect(embedSnippet(auto, 'https://sg.example')).not.to.contain('theme=');
    const explicit = await fixture<HTMLElement>(html`<code-insight loading="eager" theme="auto"></code-insight>`);
    expect(embedSnippet(explicit, 'https://sg.example')).not.to.contain('theme=');
    const dark = await fixture<HTMLElement>(html`<code-insight loading="eager" theme="dark"></code-insight>`);
    expect(embedSnippet(dark, 'https://sg.example')).to.contain('theme="dark"');
  });
});
