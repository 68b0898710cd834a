/**
 * Embedding controls and usage signals (issue 19): `actions` picks a card's menu entries (or no menu), `hide-title`
 * hides a title from sight but not from screen readers, `insight-view` says a card was seen, and
 * `insights-filters-change` says the reader changed a dashboard's filters.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { configure, type CodeInsightElement, type InsightsDashboardElement, type InsightViewEvent, type ViewFilters } from '../../../src/index.js';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

async function place<T extends Element>(markup: string, style = ''): Promise<T> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.setAttribute('style', style);
  // Attributes as a page author writes them.
  host.insertAdjacentHTML('beforeend', markup);
  return host.querySelector('code-insight, insights-dashboard') as T;
}

const card = (attributes: string, id = FIXTURE_IDS.migration) => place<CodeInsightElement>(`<code-insight instance="${instance()}" insight-id="${id}" ${attributes}></code-insight>`);

async function entries(element: CodeInsightElement): Promise<(string | undefined)[]> {
  (shadow(element).querySelector('.menu-button') as HTMLButtonElement).click();
  await element.updateComplete;
  return [...shadow(element).querySelectorAll('[role^="menuitem"]')].map((e) => e.textContent?.trim());
}

const cardsOf = (dashboard: InsightsDashboardElement) => [...shadow(dashboard).querySelectorAll('code-insight')] as CodeInsightElement[];
const rect = (element: Element | null | undefined) => element!.getBoundingClientRect();
/** Waits a real time span: `insight-view` counts a second of being seen, and a wait shows one did not come. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves once an IntersectionObserver of the test has seen `element` at least half in view (or not). */
const halfInView = (element: Element, wanted: boolean) =>
  new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(
      (list) => {
        if (list.at(-1)!.intersectionRatio >= 0.5 !== wanted) return;
        observer.disconnect();
        resolve();
      },
      { threshold: 0.5 },
    );
    observer.observe(element);
  });

describe('<code-insight> embedding', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 60_000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  describe('attributes: actions', () => {
    it('shows exactly the entries its tokens name, in the menu\'s order and groups', async () => {
      const element = await card('actions="csv png svg open"');
      await untilState(element, 'ready');
      expect(await entries(element)).to.deep.equal(['Open in Sourcegraph', 'Download data (CSV)', 'Download chart (SVG)', 'Download chart (PNG)']);
      expect([...shadow(element).querySelectorAll('[role="menu"] [role="group"]')].map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Insight', 'Export']);
    });

    it('names every entry with a token of its own', async () => {
      const element = await card('actions="y-zero csv-all embed monitor batch-change"');
      await untilState(element, 'ready');
      expect(await entries(element)).to.deep.equal(['Start Y axis at 0', 'Download all data from Sourcegraph (CSV)', 'Copy embed snippet', 'Create a code monitor', 'Create a batch change']);
    });

    it('renders no menu button for actions="none", nor where no entry it names is available', async () => {
      const none = await card('actions="none"');
      await untilState(none, 'ready');
      expect(shadow(none).querySelector('.menu-button')).to.equal(null);
      // A language donut has no y axis: its only named entry does not exist.
      const donut = await place<CodeInsightElement>(`<code-insight instance="${instance()}" kind="languages" repository="github.com/acme/web" actions="y-zero"></code-insight>`);
      await untilState(donut, 'ready');
      expect(shadow(donut).querySelector('.menu-button')).to.equal(null);
      donut.actions = 'y-zero csv';
      await donut.updateComplete;
      expect(await entries(donut)).to.deep.equal(['Download data (CSV)']);
    });

    it('offers the chart downloads alone where a chart is drawn (read once it is), not on a single number', async () => {
      const element = await card('actions="png"');
      await untilState(element, 'ready');
      expect(await entries(element)).to.deep.equal(['Download chart (PNG)']);
      const stat = await card('kind="stat" actions="png svg"');
      await untilState(stat, 'ready');
      await stat.updateComplete;
      expect(shadow(stat).querySelector('.menu-button')).to.equal(null);
    });

    it('ignores tokens that name no entry, with one warning for cards that share the value', async () => {
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const [a, b] = await Promise.all([card('actions="csv downloads"'), card('actions="csv downloads"', FIXTURE_IDS.todos)]);
        await Promise.all([untilState(a, 'ready'), untilState(b, 'ready')]);
        expect(await entries(a)).to.deep.equal(['Download data (CSV)']);
        expect(await entries(b)).to.deep.equal(['Download data (CSV)']);
        expect(warnings.length).to.equal(1);
        expect(String(warnings[0][0])).to.contain('downloads');
      } finally {
        console.warn = warn;
      }
    });

    it('keeps the error card\'s way to the insight unless "open" is left out', async () => {
      const element = await place<CodeInsightElement>(`<code-insight instance="${instance('status/500')}" insight-id="${FIXTURE_IDS.todos}" actions="open"></code-insight>`);
      await untilState(element, 'error');
      expect(await entries(element)).to.deep.equal(['Open in Sourcegraph']);
      element.actions = 'csv';
      await element.updateComplete;
      expect(shadow(element).querySelector('.menu-button')).to.equal(null);
    });
  });

  describe('attributes: hide-title', () => {
    it('hides the title from sight, not from screen readers, and keeps the menu button in its row', async () => {
      const element = await card('hide-title');
      await untilState(element, 'ready');
      const title = shadow(element).querySelector('[part="title"]')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.textContent!.trim()).to.equal('Migration to TypeScript');
      expect(rect(title).width).to.be.at.most(1);
      expect(getComputedStyle(title).display).not.to.equal('none');
      expect(getComputedStyle(title).visibility).to.equal('visible');
      // An unseen link would be an invisible tab stop: the menu opens the insight instead.
      expect(title.querySelector('a')).to.equal(null);
      expect(shadow(element).querySelector('[part="chart"]')!.getAttribute('aria-label')).to.equal('Migration to TypeScript');
      const button = rect(shadow(element).querySelector('.menu-button'));
      const box = rect(shadow(element).querySelector('[part="card"]'));
      expect(button.width).to.be.greaterThan(10);
      expect(button.right).to.be.within(box.right - 24, box.right);
      expect(button.bottom).to.be.at.most(rect(shadow(element).querySelector('[part="chart"]')).top);
      await expect(element).to.be.accessible();
    });

    it('gives the title row\'s room to the chart when there is no menu either', async () => {
      const [plain, bare] = await Promise.all([card('actions="none"'), card('actions="none" hide-title')]);
      await Promise.all([untilState(plain, 'ready'), untilState(bare, 'ready')]);
      const top = (e: CodeInsightElement) => rect(shadow(e).querySelector('[part="chart"]')).top - rect(e).top;
      expect(top(bare)).to.be.lessThan(top(plain) - 20);
      expect(shadow(bare).querySelector('[role="heading"]')!.textContent!.trim()).to.equal('Migration to TypeScript');
      await expect(bare).to.be.accessible();
      // However there is no menu: `actions` set as a property (React 19 sets properties), or with commas and capitals.
      const others = await Promise.all(['hide-title', 'hide-title actions="NONE , "'].map((a) => card(`${a} loading="eager"`)));
      others[0]!.actions = 'none';
      for (const other of others) {
        await untilState(other, 'ready');
        await other.updateComplete;
        expect(top(other), other.outerHTML).to.equal(top(bare));
      }
    });
  });

  describe('events: insight-view', () => {
    const views: InsightViewEvent[] = [];
    const record = (event: InsightViewEvent) => views.push(event);
    beforeEach(() => {
      views.length = 0;
      document.addEventListener('insight-view', record);
    });
    afterEach(async () => {
      document.removeEventListener('insight-view', record);
      window.scrollTo(0, 0);
      await setViewport({ width: 800, height: 600 });
    });

    it('takes a pasted dashboard URL in insight-id as the card\'s error, with no page error from the event\'s bookkeeping', async () => {
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      try {
        const element = await card('');
        await untilState(element, 'ready');
        element.insightId = 'https://sourcegraph.example.com/insights/dashboards/ZGFzaGJvYXJkOjE=';
        await untilState(element, 'error');
        await element.updateComplete;
        expect(shadow(element).textContent).to.contain("is a dashboard's URL: show it with <insights-dashboard");
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });

    it('waits while the page is in a background tab, and counts the second once it is in front again', async () => {
      const hidden = (value: boolean) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      hidden(true);
      try {
        const element = await card('');
        await untilState(element, 'ready');
        await pause(1500);
        expect(views).to.have.length(0);
        hidden(false);
        await waitUntil(() => views.length === 1, 'no insight-view once in front', { timeout: 4000 });
      } finally {
        delete (document as { hidden?: boolean }).hidden;
      }
    });

    it('fires once a card has been half in view for a second, once per insight, again for another insight', async () => {
      const element = await card('');
      await untilState(element, 'ready');
      await waitUntil(() => views.length === 1, 'no insight-view', { timeout: 4000 });
      const [event] = views;
      expect(event.detail).to.deep.equal({ id: FIXTURE_IDS.migration, kind: 'line', title: 'Migration to TypeScript' });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.target).to.equal(element);
      // The same insight again (a refresh, a scroll away and back) is no new view.
      element.refresh();
      await new Promise((resolve) => element.addEventListener('insight-load', resolve, { once: true }));
      element.hidden = true;
      await halfInView(element, false);
      element.hidden = false;
      await pause(1500);
      expect(views.length).to.equal(1);
      element.insightId = FIXTURE_IDS.todos;
      await waitUntil(() => views.length === 2, 'no insight-view for the other insight', { timeout: 4000 });
      expect(views[1].detail).to.deep.equal({ id: FIXTURE_IDS.todos, kind: 'line', title: 'TODOs and FIXMEs' });
    });

    it('counts the insight the card shows: not another insight-id whose data has not arrived', async () => {
      const element = await card('');
      await waitUntil(() => views.length === 1, 'no insight-view', { timeout: 4000 });
      // The instance never answers: the card keeps showing the migration insight.
      element.setAttribute('instance', instance('hang'));
      element.insightId = FIXTURE_IDS.todos;
      await element.updateComplete;
      await pause(1500);
      expect(element.state).to.equal('ready');
      expect(views.map((v) => v.detail.id)).to.deep.equal([FIXTURE_IDS.migration]);
    });

    it('does not fire for a card below the viewport, nor for one less than half in view, until it is', async () => {
      await setViewport({ width: 800, height: 600 });
      // 600 - 450 = 150 px of a card over 300 px tall: under half in view.
      const element = await place<CodeInsightElement>(
        `<div style="height: 450px"></div><code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" loading="eager"></code-insight><div style="height: 1200px"></div>`,
      );
      const below = element.previousElementSibling as HTMLElement;
      await untilState(element, 'ready');
      expect(rect(element).height).to.be.greaterThan(300);
      await pause(1500);
      expect(views.length).to.equal(0);
      below.style.height = '2000px'; // far below
      await pause(1500);
      expect(views.length).to.equal(0);
      element.scrollIntoView();
      await waitUntil(() => views.length === 1, 'no insight-view once in view', { timeout: 4000 });
    });

    it('does not fire for a card scrolled away before the second passes', async () => {
      const element = await place<CodeInsightElement>(
        `<div style="height: 2000px"></div><code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" loading="eager"></code-insight><div style="height: 2000px"></div>`,
      );
      await untilState(element, 'ready');
      element.scrollIntoView();
      await halfInView(element, true);
      window.scrollTo(0, 0);
      await halfInView(element, false);
      await pause(1500);
      expect(views.length).to.equal(0);
      element.scrollIntoView();
      await waitUntil(() => views.length === 1, 'no insight-view once back in view', { timeout: 4000 });
    });

    it('fires for a card showing data, without an id', async () => {
      const element = await place<CodeInsightElement>('<code-insight heading="Deploys"></code-insight>');
      element.data = { kind: 'stat', title: '', value: 3 };
      await waitUntil(() => views.length === 1, 'no insight-view', { timeout: 4000 });
      expect(views[0].detail).to.deep.equal({ id: undefined, kind: 'stat', title: 'Deploys' });
    });
  });
});

describe('<insights-dashboard> embedding', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 60_000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  const dashboard = (attributes: string, children = '') =>
    place<InsightsDashboardElement>(`<insights-dashboard instance="${instance()}" ${attributes}>${children}</insights-dashboard>`);
  const untilReady = (cards: CodeInsightElement[]) => Promise.all(cards.map((c) => untilState(c, 'ready', 8000)));

  describe('attributes: actions', () => {
    it('passes its actions to its cards, a card\'s own winning, and follows a change', async () => {
      const element = await dashboard(
        `dashboard-id="${DASHBOARD_IDS.frontend}" actions="csv"`,
        `<code-insight insight-id="${FIXTURE_IDS.migration}"></code-insight><code-insight insight-id="${FIXTURE_IDS.todos}" actions="png"></code-insight>`,
      );
      await waitUntil(() => cardsOf(element).length === 3, 'no cards', { timeout: 8000 });
      const [own, child, ownActions] = [cardsOf(element)[0], ...element.querySelectorAll('code-insight')] as CodeInsightElement[];
      await untilReady([own, child, ownActions]);
      expect(await entries(own)).to.deep.equal(['Download data (CSV)']);
      expect(await entries(child)).to.deep.equal(['Download data (CSV)']);
      expect(await entries(ownActions)).to.deep.equal(['Download chart (PNG)']);
      element.actions = 'none';
      await element.updateComplete;
      await Promise.all([own, child, ownActions].map((c) => c.updateComplete));
      expect(shadow(own).querySelector('.menu-button')).to.equal(null);
      expect(shadow(child).querySelector('.menu-button')).to.equal(null);
      expect(shadow(ownActions).querySelector('.menu-button')).not.to.equal(null);
    });
  });

  describe('attributes: hide-title', () => {
    it('hides its own heading from sight, not from screen readers, and not its cards\' titles', async () => {
      const element = await dashboard(`dashboard-id="${DASHBOARD_IDS.frontend}" hide-title`);
      await waitUntil(() => cardsOf(element).length === 3, 'no cards', { timeout: 8000 });
      await untilReady(cardsOf(element));
      const title = shadow(element).querySelector('[part="title"]')!;
      expect(title.textContent).to.equal('Frontend health');
      expect(shadow(element).querySelector('section')!.getAttribute('aria-labelledby')).to.equal(title.id);
      expect(rect(title).width).to.be.at.most(1);
      for (const c of cardsOf(element)) expect(rect(shadow(c).querySelector('[part="title"]')).width).to.be.greaterThan(50);
      // The filter button stays at the end of its row.
      const header = rect(shadow(element).querySelector('[part="header"]'));
      expect(rect(shadow(element).querySelector('.filter-toggle')).right).to.be.closeTo(header.right, 1);
      await expect(element).to.be.accessible();
    });
  });

  describe('events: insight-view', () => {
    it('reaches the document from the cards in its shadow root, with each card\'s insight id', async () => {
      const views: InsightViewEvent[] = [];
      const record = (event: InsightViewEvent) => views.push(event);
      document.addEventListener('insight-view', record);
      try {
        const element = await dashboard(`dashboard-id="${DASHBOARD_IDS.frontend}"`);
        const migration = () => views.find((v) => v.detail.id === FIXTURE_IDS.migration);
        await waitUntil(migration, 'no insight-view for the first card', { timeout: 8000 });
        expect(migration()!.target).to.equal(element);
        expect(migration()!.detail).to.deep.equal({ id: FIXTURE_IDS.migration, kind: 'line', title: 'Migration to TypeScript' });
      } finally {
        document.removeEventListener('insight-view', record);
      }
    });
  });

  describe('events: insights-filters-change', () => {
    const changes: ViewFilters[] = [];
    const record = (event: CustomEvent<ViewFilters>) => changes.push(event.detail);
    beforeEach(() => {
      changes.length = 0;
      document.addEventListener('insights-filters-change', record);
    });
    afterEach(() => document.removeEventListener('insights-filters-change', record));

    it('fires with the filters in force when the reader applies or clears filters in the filter bar', async () => {
      const element = await dashboard(`dashboard-id="${DASHBOARD_IDS.frontend}" filters-open`);
      await waitUntil(() => cardsOf(element).length === 3, 'no cards', { timeout: 8000 });
      const form = () => shadow(element).querySelector('form')!;
      (form().querySelector('[name="include-repos"]') as HTMLInputElement).value = 'web$';
      (form().querySelector('[name="num-samples"]') as HTMLInputElement).value = '3';
      form().requestSubmit();
      expect(changes).to.deep.equal([{ includeRepos: 'web$', excludeRepos: undefined, searchContexts: undefined, sort: undefined, seriesLimit: undefined, numSamples: 3 }]);
      // The same filters again change nothing; a refused filter applies nothing.
      form().requestSubmit();
      await element.updateComplete;
      (form().querySelector('[name="exclude-repos"]') as HTMLInputElement).value = '(unclosed';
      form().requestSubmit();
      expect(changes.length).to.equal(1);
      (form().querySelector('[name="exclude-repos"]') as HTMLInputElement).value = '';
      (form().querySelector('button[type="button"]') as HTMLButtonElement).click();
      expect(changes.length).to.equal(2);
      expect(Object.values(changes[1]).every((v) => v === undefined)).to.equal(true);
    });

    it('fires for the Clear of the closed filter bar\'s note, not for applyFilters() from the page', async () => {
      const element = await dashboard(`dashboard-id="${DASHBOARD_IDS.frontend}"`);
      await element.updateComplete;
      expect(element.applyFilters({ sort: 'alphabetical-asc' })).to.equal(true);
      await element.updateComplete;
      expect(changes.length).to.equal(0);
      (shadow(element).querySelector('[part="filter-note"] button') as HTMLButtonElement).click();
      expect(changes.length).to.equal(1);
      expect(changes[0].sort).to.equal(undefined);
      expect(element.sort).to.equal(undefined);
    });
  });
});
