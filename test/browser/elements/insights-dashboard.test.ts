import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { configure, type CodeInsightElement, type InsightsDashboardElement } from '../../../src/index.js';
import { BULK_IDS, DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { graphqlRequests, instance, requestLog, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/** The git scenario of the endpoint (test/support/endpoint.ts): real counts from two small repositories. */
const GIT_DASHBOARD = 'YWNtZQ==';

const cardsOf = (dashboard: InsightsDashboardElement) => [...shadow(dashboard).querySelectorAll('code-insight')] as CodeInsightElement[];
/** The values a card drew, from the data it announced. */
const loaded = new WeakMap<Element, number[][]>();
document.addEventListener('insight-load', (event) => {
  const data = event.detail;
  if (data.kind === 'line') loaded.set(event.composedPath()[0] as Element, data.series.map((s) => s.points.map((p) => p.value)));
});
const cardValues = (card: CodeInsightElement) => loaded.get(card) ?? [];

async function dashboard(attributes: string, children = ''): Promise<InsightsDashboardElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  // Attributes as a page author writes them (the fixture html`` cannot spread a string).
  host.insertAdjacentHTML('beforeend', `<insights-dashboard ${attributes}>${children}</insights-dashboard>`);
  return host.firstElementChild as InsightsDashboardElement;
}

async function untilCardsReady(element: InsightsDashboardElement, count: number, timeout = 8000) {
  await waitUntil(() => cardsOf(element).filter((c) => c.state === 'ready').length === count, `${count} cards did not get ready`, { timeout });
}

describe('<insights-dashboard>', () => {
  beforeEach(async () => {
    configure({ retries: 0, pollInterval: 40, maxPollInterval: 80, timeout: 3000, maxViewsPerRequest: 6, maxRequestsInFlight: 4 });
    await resetEndpoint();
  });
  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname);
    await setViewport({ width: 800, height: 600 });
  });

  describe('rendering', () => {
    it('shows a saved dashboard: its title and a card per insight, for two requests', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"`);
      await untilCardsReady(element, 3);
      expect(shadow(element).querySelector('[part="title"]')!.textContent).to.equal('Frontend health');
      expect(cardsOf(element).map((c) => c.insightId)).to.deep.equal([FIXTURE_IDS.migration, FIXTURE_IDS.todos, FIXTURE_IDS.incomplete]);
      expect(element.getAttribute('state')).to.equal('ready');
      const requests = await graphqlRequests();
      expect(requests.map((r) => r.operationName)).to.deep.equal(['InsightsDashboard', 'CodeInsightViews']);
      // Titles and presentation came with the dashboard: the cards asked for data only.
      expect(requests[1].query).not.to.contain('seriesPresentation');
    });

    it('shows every insight for dashboard-id="all" (and a pasted /insights/all), as Sourcegraph\'s virtual dashboard', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="sourcegraph.example.com/insights/all"`);
      await waitUntil(() => cardsOf(element).length > 0 && element.getAttribute('state') === 'ready', 'the dashboard did not load', { timeout: 8000 });
      expect(shadow(element).querySelector('[part="title"]')!.textContent).to.equal('All insights');
      const ids = cardsOf(element).map((c) => c.insightId);
      for (const id of Object.values(FIXTURE_IDS)) expect(ids).to.include(id);
      expect((await graphqlRequests())[0].operationName).to.equal('AllInsights');
    });

    it('says where an insight\'s URL belongs when it is given as dashboard-id', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="https://sourcegraph.example.com/insights/${FIXTURE_IDS.todos}/edit"`);
      await waitUntil(() => element.getAttribute('state') === 'error', 'no error state');
      expect(shadow(element).textContent).to.contain('one insight\'s URL');
      // The same attribute would fail the same way: no retry button.
      expect(shadow(element).querySelector('[part="status"] button')).to.equal(null);
    });

    it('lays out child <code-insight> elements in the same grid, with the dashboard\'s settings', async () => {
      const element = await dashboard(
        `instance="${instance()}" include-repos="web$" theme="dark"`,
        `<code-insight insight-id="${FIXTURE_IDS.migration}"></code-insight><code-insight insight-id="${FIXTURE_IDS.todos}"></code-insight>`,
      );
      const children = [...element.querySelectorAll('code-insight')];
      await Promise.all(children.map((c) => untilState(c, 'ready')));
      expect(children.map((c) => c.theme)).to.deep.equal(['dark', 'dark']);
      expect(children[0].includeRepos).to.equal('web$');
      expect(cardValues(children[0])[0].at(-1)).to.equal(450);
      // Two columns side by side in an 800px page: the children are grid items of the dashboard.
      const [a, b] = children.map((c) => c.getBoundingClientRect());
      expect(a.top).to.equal(b.top);
      expect(b.left).to.be.greaterThan(a.right);
    });

    it("gives a composed dashboard no empty heading, and the page's own title with `heading`", async () => {
      const cards = `<code-insight insight-id="${FIXTURE_IDS.todos}"></code-insight>`;
      const untitled = await dashboard(`instance="${instance()}"`, cards);
      await untitled.updateComplete;
      expect(shadow(untitled).querySelector('[role="heading"]')).to.equal(null);
      expect(shadow(untitled).querySelector('section')!.hasAttribute('aria-labelledby')).to.equal(false);
      const titled = await dashboard(`instance="${instance()}" heading="Platform health"`, cards);
      await titled.updateComplete;
      const heading = shadow(titled).querySelector('[role="heading"]')!;
      expect(heading.textContent!.trim()).to.equal('Platform health');
      expect(shadow(titled).querySelector('section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      await expect(titled).to.be.accessible();
    });

    it('reflows into one column in a narrow container', async () => {
      const host = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
      host.innerHTML = `<insights-dashboard instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"></insights-dashboard>`;
      const element = host.firstElementChild as InsightsDashboardElement;
      await untilCardsReady(element, 3);
      const boxes = cardsOf(element).map((c) => c.getBoundingClientRect());
      expect(new Set(boxes.map((b) => b.left)).size).to.equal(1);
      expect(boxes[0].width).to.be.at.most(360);
    });

    it('takes an instance that is not a URL as its error, and leaves the page without one when removed', async () => {
      const errors: string[] = [];
      // A throw in a callback is an error event; in an update (a promise), an unhandled rejection.
      const record = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('message' in event ? event.message : String(event.reason));
      window.addEventListener('error', record);
      window.addEventListener('unhandledrejection', record);
      try {
        const element = await dashboard(`instance="probe-instance" dashboard-id="${DASHBOARD_IDS.frontend}"`);
        await waitUntil(() => element.state === 'error');
        expect(shadow(element).textContent).to.contain('"probe-instance" is not an http(s) URL');
        element.remove();
        element.instance = 'still-not-a-url';
        document.body.append(element);
        element.remove();
        // Loaded first, then given an instance that is not a URL (a Storybook control does this).
        const loaded = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"`);
        await waitUntil(() => loaded.state === 'ready');
        loaded.instance = 'probe-instance';
        await waitUntil(() => loaded.state === 'error');
        await loaded.updateComplete.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        window.removeEventListener('error', record);
        window.removeEventListener('unhandledrejection', record);
      }
      expect(errors).to.deep.equal([]);
    });

    it('says when the dashboard does not exist', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="bm9wZQ=="`);
      await waitUntil(() => element.state === 'error');
      expect(shadow(element).querySelector('[part="status"]')!.textContent).to.contain('dashboard was not found');
    });
  });

  describe('a 48-insight dashboard', () => {
    it('loads the cards in view first, the rest on scrolling, in at most 12 requests', async () => {
      await setViewport({ width: 1280, height: 800 });
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.bulk}" min-card-width="380"`);
      await waitUntil(() => cardsOf(element).length === 48, 'the cards did not render', { timeout: 5000 });
      await waitUntil(() => cardsOf(element).some((c) => c.state === 'ready'));
      await new Promise((r) => setTimeout(r, 300));
      const early = cardsOf(element).filter((c) => c.state === 'ready').length;
      // Three columns of 380px+ cards, a few rows in view (plus the lazy margin): nowhere near 48.
      expect(early).to.be.within(3, 24);
      // Requests carry the cards in view and, in their spare places, the next cards in order: never all 48.
      const requestedEarly = new Set((await graphqlRequests()).flatMap((r) => Object.values(r.variables ?? {})));
      expect(BULK_IDS.filter((id) => requestedEarly.has(id)).length).to.be.within(early, early + 5);

      for (const card of cardsOf(element)) {
        card.scrollIntoView();
        await new Promise((r) => requestAnimationFrame(r));
      }
      await untilCardsReady(element, 48);
      const requests = await graphqlRequests();
      expect(requests.length).to.be.at.most(12);
      expect(new Set(requests.flatMap((r) => Object.values(r.variables ?? {}))).size).to.be.at.least(48);
    });
  });

  describe('filter bar', () => {
    it('applies filters to every card, reflects them and keeps them in the URL', async () => {
      const element = await dashboard(`instance="${instance('git')}" dashboard-id="${GIT_DASHBOARD}" sync-url filters-open`);
      await untilCardsReady(element, 2);
      const [card, files] = cardsOf(element);
      expect(cardValues(card)[0]).to.deep.equal([3, 8, 7, 7, 7]);
      // api: server.ts, then util.ts too until C4 deleted it; web: index.ts from January 20th.
      expect(cardValues(files)[0]).to.deep.equal([1, 3, 3, 2, 2]);

      const form = shadow(element).querySelector('form')!;
      (form.querySelector('[name="include-repos"]') as HTMLInputElement).value = 'acme/web$';
      (form.querySelector('[name="num-samples"]') as HTMLInputElement).value = '3';
      form.requestSubmit();
      await waitUntil(() => cardValues(card)[0]?.length === 3 && cardValues(files)[0]?.length === 3, 'the cards did not re-query');
      // Real counts from the git history of acme/web alone, last three samples, on every card.
      expect(cardValues(card)[0]).to.deep.equal([2, 3, 3]);
      expect(cardValues(files)[0]).to.deep.equal([1, 1, 1]);
      expect(element.getAttribute('include-repos')).to.equal('acme/web$');
      expect(element.getAttribute('num-samples')).to.equal('3');
      const params = new URLSearchParams(location.search);
      expect(params.get('include-repos')).to.equal('acme/web$');
      expect(params.get('num-samples')).to.equal('3');

      // The URL round-trips: a dashboard opened on it starts filtered.
      fixtureCleanup();
      const reopened = await dashboard(`instance="${instance('git')}" dashboard-id="${GIT_DASHBOARD}" sync-url`);
      await untilCardsReady(reopened, 2);
      expect(reopened.includeRepos).to.equal('acme/web$');
      expect(cardValues(cardsOf(reopened)[0])[0]).to.deep.equal([2, 3, 3]);
    });

    it('catches an invalid regular expression before any request', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" filters-open`);
      await untilCardsReady(element, 3);
      const before = (await requestLog()).length;
      const form = shadow(element).querySelector('form')!;
      (form.querySelector('[name="exclude-repos"]') as HTMLInputElement).value = '(unclosed';
      form.requestSubmit();
      await element.updateComplete;
      expect(shadow(element).querySelector('.filter-error')!.textContent).to.contain('not a valid regular expression');
      expect(element.excludeRepos).to.equal(undefined);
      await new Promise((r) => setTimeout(r, 100));
      expect((await requestLog()).length).to.equal(before);
    });

    it('resets every filter', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" include-repos="web" sort="alphabetical" filters-open`);
      await untilCardsReady(element, 3);
      (shadow(element).querySelector('form button[type="button"]') as HTMLButtonElement).click();
      await element.updateComplete;
      expect(element.hasAttribute('include-repos')).to.equal(false);
      expect(element.hasAttribute('sort')).to.equal(false);
      expect(cardsOf(element).every((c) => !c.includeRepos && !c.sort)).to.equal(true);
    });
  });

  describe('keyboard', () => {
    /** The element that has focus, looking through shadow roots. */
    const focused = (): Element | null => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element;
    };

    it('reaches every chart and every point of a dashboard with the keyboard alone', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"`);
      await untilCardsReady(element, 3);
      (shadow(element).querySelector('.filter-toggle') as HTMLElement).focus();
      const reached = new Map<string, number>();
      for (let i = 0; i < 40 && reached.size < 3; i++) {
        await sendKeys({ press: 'Tab' });
        const area = focused();
        if (area?.getAttribute('part') !== 'chart') continue;
        const card = (area.getRootNode() as ShadowRoot).host as CodeInsightElement;
        // Every point of every series: left to right, then each series down.
        const announced = new Set<string>();
        const live = () => card.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
        const series = card.shadowRoot!.querySelectorAll('path[data-mark="line"]').length;
        for (let s = 0; s < series; s++) {
          await sendKeys({ press: 'Home' });
          for (let p = 0; p < 12; p++) {
            announced.add(live());
            await sendKeys({ press: 'ArrowRight' });
          }
          await sendKeys({ press: 'ArrowDown' });
        }
        await sendKeys({ press: 'Escape' });
        announced.delete('');
        reached.set(card.insightId!, announced.size);
      }
      expect([...reached.keys()]).to.deep.equal([FIXTURE_IDS.migration, FIXTURE_IDS.todos, FIXTURE_IDS.incomplete]);
      // 12 points in each of 2, 3 and 1 series, each announced once, all different.
      expect([...reached.values()]).to.deep.equal([24, 36, 12]);
    });
  });

  describe('refresh', () => {
    it('refreshes every card in batched requests without flashing the charts', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"`);
      await untilCardsReady(element, 3);
      const states: string[] = [];
      const observer = new MutationObserver((records) => records.forEach((r) => states.push((r.target as Element).getAttribute('state')!)));
      cardsOf(element).forEach((c) => observer.observe(c, { attributes: true, attributeFilter: ['state'] }));
      const before = (await graphqlRequests()).length;
      element.refresh = 0.2;
      await waitUntil(async () => (await graphqlRequests()).length >= before + 2, 'no refresh happened', { timeout: 3000 });
      element.refresh = 0;
      observer.disconnect();
      const refreshes = (await graphqlRequests()).slice(before);
      // Each refresh is one request for all three cards.
      expect(refreshes.every((r) => Object.keys(r.variables ?? {}).filter((k) => /^id\d+$/.test(k)).length === 3)).to.equal(true);
      expect(states.filter((s) => s !== 'ready')).to.deep.equal([]);
    });
  });

  describe('what a reader sees', () => {
    const toggle = (element: InsightsDashboardElement) => shadow(element).querySelector('.filter-toggle') as HTMLButtonElement;
    const note = (element: InsightsDashboardElement) => shadow(element).querySelector('[part="filter-note"]');

    it('says a dashboard is filtered while the filter bar is closed: a count on the button, the filters and a Clear', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" include-repos="web$" search-contexts="global"`);
      await element.updateComplete;
      expect(toggle(element).textContent!.trim()).to.equal('Filters (2)');
      expect(toggle(element).getAttribute('aria-label')).to.equal('Filters (2 applied)');
      expect(note(element)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Filtered by: include repos /web$/, context global Clear');
      // Seen: between the header and the cards, not hidden.
      const box = note(element)!.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(0);
      expect(box.top).to.be.at.least(shadow(element).querySelector('[part="header"]')!.getBoundingClientRect().bottom);

      // The open bar shows the filters themselves: no note.
      toggle(element).click();
      await element.updateComplete;
      expect(note(element)).to.equal(null);
      toggle(element).click();
      await element.updateComplete;

      (note(element)!.querySelector('button') as HTMLButtonElement).click();
      await element.updateComplete;
      expect(element.hasAttribute('include-repos')).to.equal(false);
      expect(element.hasAttribute('search-contexts')).to.equal(false);
      expect(note(element)).to.equal(null);
      expect(toggle(element).textContent!.trim()).to.equal('Filters');
      expect(toggle(element).hasAttribute('aria-label')).to.equal(false);
    });

    it('has a surface of its own when dark, so its heading reads on a light page (theme="auto", dark OS)', async () => {
      /** WCAG 2 relative luminance of a computed `rgb(…)` colour. */
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/[\d.]+/g)!.map(Number).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      /** The first opaque background behind `node`, through shadow roots; the page's white at the end. */
      const backgroundBehind = (node: Element) => {
        for (let at: Element | null = node; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
          const color = getComputedStyle(at).backgroundColor;
          if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
        }
        return 'rgb(255, 255, 255)';
      };
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const host = await fixture<HTMLDivElement>(html`<div style="background: #fff; color: #000"></div>`);
        host.innerHTML = `<insights-dashboard instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"></insights-dashboard>`;
        const element = host.firstElementChild as InsightsDashboardElement;
        await waitUntil(() => shadow(element).querySelector('[part="title"]')?.textContent === 'Frontend health', 'no title');
        const title = shadow(element).querySelector('[part="title"]')!;
        const [fg, bg] = [luminance(getComputedStyle(title).color), luminance(backgroundBehind(title))].sort((a, b) => b - a);
        expect((fg + 0.05) / (bg + 0.05)).to.be.at.least(4.5);
        // The surface is the dashboard's own, with room around the heading.
        expect(backgroundBehind(title)).to.equal(getComputedStyle(element).backgroundColor);
        expect(title.getBoundingClientRect().left - element.getBoundingClientRect().left).to.be.at.least(8);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('lines up the filter controls of a row and shows the sort select\'s text whole, at every width', async () => {
      for (const width of [1280, 450, 360]) {
        const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
        host.innerHTML = `<insights-dashboard instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" filters-open></insights-dashboard>`;
        const element = host.firstElementChild as InsightsDashboardElement;
        await element.updateComplete;
        const form = shadow(element).querySelector('form')!;
        const controls = [...form.querySelectorAll('input, select, .filter-actions button')].map((c) => [c.getAttribute('name') ?? c.textContent, c.getBoundingClientRect()] as const);
        for (const [a, boxA] of controls) {
          for (const [b, boxB] of controls) {
            if (boxA.bottom <= boxB.top || boxB.bottom <= boxA.top) continue; // other rows
            expect([a, b, boxA.top, boxA.height], `${width}px`).to.deep.equal([a, b, boxB.top, boxB.height]);
          }
        }
        const select = form.querySelector('select')!;
        expect(select.scrollWidth).to.be.at.most(select.clientWidth);
        // As wide as its longest option needs (its own max-content width), so no option's text is cut.
        const shown = select.getBoundingClientRect().width;
        select.style.width = 'max-content';
        const needed = select.getBoundingClientRect().width;
        select.style.width = '';
        expect(shown, `${width}px`).to.be.at.least(needed);
        fixtureCleanup();
      }
    });

    it('shows the number fields\' defaults and ties a refused regular expression to its field', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" filters-open`);
      await element.updateComplete;
      const form = shadow(element).querySelector('form')!;
      const field = (name: string) => form.querySelector(`[name="${name}"]`) as HTMLInputElement;
      expect(field('series-limit').placeholder).to.equal('20');
      expect(field('num-samples').placeholder).to.equal('All');
      field('include-repos').value = '[z-a]';
      form.requestSubmit();
      await element.updateComplete;
      expect(field('include-repos').getAttribute('aria-invalid')).to.equal('true');
      expect(field('exclude-repos').hasAttribute('aria-invalid')).to.equal(false);
      const described = shadow(element).getElementById(field('include-repos').getAttribute('aria-describedby')!);
      expect(described!.textContent).to.equal('Include repositories: not a valid regular expression.');
      // Fixed, the field is valid again.
      field('include-repos').value = '[a-z]';
      form.requestSubmit();
      await element.updateComplete;
      expect(field('include-repos').hasAttribute('aria-invalid')).to.equal(false);
      expect(field('include-repos').hasAttribute('aria-describedby')).to.equal(false);
    });

    it('puts its heading at heading-level (default 2) and its cards\' titles one level below', async () => {
      const element = await dashboard(`instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}"`, `<code-insight insight-id="${FIXTURE_IDS.todos}"></code-insight>`);
      await waitUntil(() => cardsOf(element).length === 3, 'no cards');
      const title = shadow(element).querySelector('[part="title"]')!;
      expect([title.getAttribute('role'), title.getAttribute('aria-level')]).to.deep.equal(['heading', '2']);
      expect([...cardsOf(element), element.querySelector('code-insight')!].map((c) => c.getAttribute('heading-level'))).to.deep.equal(['3', '3', '3', '3']);
      element.setAttribute('heading-level', '1');
      await element.updateComplete;
      expect(title.getAttribute('aria-level')).to.equal('1');
      expect([...cardsOf(element), element.querySelector('code-insight')!].map((c) => c.getAttribute('heading-level'))).to.deep.equal(['2', '2', '2', '2']);
    });
  });
});
