import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement, type InsightErrorEvent, type InsightLoadEvent, type InsightsError } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { SECURE_TOKEN, graphqlRequests, instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/** The fixture values at the last date (1 Oct 2026), web + api repositories. */
const LATEST = { ts: 450 + 150, js: 125 + 62 };

async function card(id: string, scenario = 'open', extra: Partial<CodeInsightElement> = {}): Promise<CodeInsightElement> {
  const element = await fixture<CodeInsightElement>(html`<code-insight instance=${instance(scenario)} insight-id=${id}></code-insight>`);
  Object.assign(element, extra);
  return element;
}

/** Moves the pointer over the chart, `x` pixels from its left edge, and returns the tooltip text. */
async function hover(element: CodeInsightElement, x: number): Promise<string> {
  const svg = shadow(element).querySelector('svg.plot')!;
  const box = svg.getBoundingClientRect();
  svg.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + x, clientY: box.top + 40, bubbles: true }));
  await element.updateComplete;
  return shadow(element).querySelector('[part="tooltip"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<code-insight>', () => {
  beforeEach(async () => {
    configure({ retries: 0, pollInterval: 40, maxPollInterval: 80, timeout: 2000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  describe('rendering', () => {
    it('tells series apart that the data gives one colour (an instance that saved them all grape)', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      const points = [{ date: '2026-01-01', value: 1 }, { date: '2026-02-01', value: 2 }];
      element.data = {
        kind: 'line',
        title: 'TODO and FIXME',
        series: [
          { id: 'todo', label: 'TODO', color: 'var(--oc-grape-7)', points },
          { id: 'fixme', label: 'FIXME', color: 'var(--oc-grape-7)', points },
          { id: 'hack', label: 'HACK', color: '#123456', points },
        ],
      };
      await untilState(element, 'ready');
      const strokes = [...shadow(element).querySelectorAll('path[data-mark="line"]')].map((l) => l.getAttribute('stroke'));
      expect(new Set(strokes).size).to.equal(3);
      expect(strokes[2]).to.equal('#123456'); // a colour that tells its series apart is kept
      const swatches = [...shadow(element).querySelectorAll('[data-legend-item] circle')].map((c) => c.getAttribute('fill'));
      expect(swatches).to.deep.equal(strokes);
    });

    it('draws every series of a saved insight with its title, legend and mapped colours', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const root = shadow(element);
      expect(root.querySelector('[part="title"]')!.textContent!.trim()).to.equal('Migration to TypeScript');
      const lines = [...root.querySelectorAll('path[data-mark="line"]')];
      expect(lines.map((l) => l.getAttribute('data-series-id'))).to.deep.equal(['ts', 'js']);
      expect(lines.map((l) => l.getAttribute('data-label'))).to.deep.equal(['TypeScript files', 'JavaScript files']);
      // var(--oc-blue-7) and var(--oc-orange-7) do not exist on this page: they must arrive as real colours.
      expect(lines.map((l) => l.getAttribute('stroke'))).to.deep.equal(['#228be6', '#f76707']);
      expect(lines.every((l) => (l.getAttribute('d') ?? '').split(/[ML]/).length - 1 === 12)).to.equal(true);
      const legend = [...root.querySelectorAll('[data-legend-item]')];
      expect(legend.map((l) => [l.getAttribute('data-series-id'), l.textContent!.trim()])).to.deep.equal([
        ['ts', 'TypeScript files'],
        ['js', 'JavaScript files'],
      ]);
      expect(root.querySelectorAll('svg[role="img"]')).to.have.length(1);
    });

    it('labels axes in UTC dates and readable numbers', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const xLabels = [...shadow(element).querySelectorAll('text.tick.x')].map((t) => t.textContent);
      const yLabels = [...shadow(element).querySelectorAll('text.tick.y')].map((t) => t.textContent);
      // The test browser runs in Los Angeles: local time would label 1 Jan 00:00Z as Dec 31.
      expect(xLabels).to.include.members(['Nov 2025', 'Jan 2026', 'Mar']);
      expect(xLabels.some((l) => /31|30/.test(l ?? ''))).to.equal(false, xLabels.join(' '));
      expect(yLabels.length).to.be.greaterThan(2);
      // Round tick values, written as a person would (the fixture spans 62 to 600).
      expect(yLabels.every((l) => /^\d{1,3}(,\d{3})*$/.test(l ?? ''))).to.equal(true, yLabels.join(' '));
      expect(yLabels.map((l) => Number(l!.replace(/,/g, '')) % 100)).to.satisfy((r: number[]) => r.every((x) => x === 0));
    });

    it('shows every series value at the hovered date, largest first', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const lastX = Math.max(...[...shadow(element).querySelectorAll('circle[data-mark="point"]')].map((c) => Number(c.getAttribute('cx'))));
      const text = await hover(element, lastX - 20);
      expect(text).to.match(/^Oct 1, 2026/);
      expect(text).to.contain(`TypeScript files ${LATEST.ts}`);
      expect(text).to.contain(`JavaScript files ${LATEST.js}`);
      expect(text.indexOf('TypeScript')).to.be.lessThan(text.indexOf('JavaScript'));
      // The pointer leaves the chart area (pointerleave does not bubble: it is fired at the area itself).
      shadow(element).querySelector('[part="chart"]')!.dispatchEvent(new PointerEvent('pointerleave'));
      await element.updateComplete;
      expect(shadow(element).querySelector('[part="tooltip"]') === null).to.equal(true);
    });

    it('summarizes the chart for screen readers', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const label = shadow(element).querySelector('svg[role="img"]')!.getAttribute('aria-label')!;
      expect(label).to.contain('Migration to TypeScript');
      expect(label).to.contain('2 series');
      expect(label).to.contain('Nov 1, 2025 to Oct 1, 2026');
      expect(label).to.contain(`TypeScript files ${LATEST.ts}`);
    });

    it('re-lays out to its new width', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const path = () => shadow(element).querySelector('path[data-mark="line"]')!.getAttribute('d');
      const before = path();
      element.style.width = '320px';
      await waitUntil(() => path() !== before, 'the chart did not follow the new width');
      expect(shadow(element).querySelector('svg.plot')!.getAttribute('viewBox')).to.match(/^0 0 2\d\d /);
    });

    it('uses the dark palette with theme="dark" and the light one with theme="light"', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const background = () => getComputedStyle(shadow(element).querySelector('[part="card"]')!).backgroundColor;
      element.theme = 'dark';
      await element.updateComplete;
      expect(background()).to.equal('rgb(21, 27, 35)');
      element.theme = 'light';
      await element.updateComplete;
      expect(background()).to.equal('rgb(255, 255, 255)');
      element.style.setProperty('--insight-background', 'rgb(1, 2, 3)');
      expect(background()).to.equal('rgb(1, 2, 3)');
    });

    it('marks incomplete points and says why', async () => {
      const element = await card(FIXTURE_IDS.incomplete);
      await untilState(element, 'ready');
      expect(shadow(element).querySelectorAll('circle[data-mark="point"].incomplete')).to.have.length(2);
      expect(shadow(element).querySelector('[part="status"]')!.textContent).to.contain('undercounted');
    });

    it('draws at most series-limit series and says how many are hidden', async () => {
      const element = await card(FIXTURE_IDS.manySeries);
      await untilState(element, 'ready');
      expect(shadow(element).querySelectorAll('path[data-mark="line"]')).to.have.length(20);
      expect(shadow(element).textContent).to.contain('5 more series hidden');
    });

    it('renders data given as a property without fetching', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = {
        kind: 'line',
        title: 'Third-party',
        series: [{ id: 'a', label: 'Deploys', points: [{ date: '2026-01-01', value: 3 }, { date: '2026-02-01', value: 5 }] }],
      };
      await untilState(element, 'ready');
      expect(shadow(element).querySelectorAll('path[data-mark="line"]')).to.have.length(1);
      expect(await graphqlRequests()).to.have.length(0);
    });
  });

  describe('attributes', () => {
    it('accepts a pasted Sourcegraph insight URL as insight-id', async () => {
      const element = await card(`https://sourcegraph.example.com/insights/${FIXTURE_IDS.todos}`);
      await untilState(element, 'ready');
      expect(shadow(element).querySelectorAll('path[data-mark="line"]')).to.have.length(3);
    });

    it('sends drill-down filters and shows the filtered numbers', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight instance=${instance()} insight-id=${FIXTURE_IDS.migration} include-repos="acme/web$"></code-insight>`,
      );
      const load = await oneEvent(element, 'insight-load');
      const ts = (load as InsightLoadEvent).detail;
      expect(ts.kind).to.equal('line');
      if (ts.kind !== 'line') return;
      expect(ts.series[0].points.at(-1)!.value).to.equal(450);
      expect(ts.series[0].points.at(-1)!.url).to.contain(encodeURIComponent(`repo:acme/web$`));
    });

    it('links each point to its diff search on the instance', async () => {
      const element = await card(FIXTURE_IDS.migration);
      const { detail } = (await oneEvent(element, 'insight-load')) as InsightLoadEvent;
      if (detail.kind !== 'line') throw new Error('expected a line insight');
      const url = new URL(detail.series[0].points[1].url!);
      expect(url.origin + url.pathname).to.equal(`${instance()}/search`);
      expect(url.searchParams.get('q')).to.equal(
        `repo:^(github\\.com/acme/web|github\\.com/acme/api)$ after:2025-11-01T00:00:00.000Z before:2025-12-01T00:00:00.000Z type:diff lang:typescript count:all`,
      );
    });

    it('catches an invalid regular expression before any request', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight instance=${instance()} insight-id=${FIXTURE_IDS.migration} exclude-repos="(unclosed"></code-insight>`,
      );
      await untilState(element, 'error');
      expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('exclude-repos');
      expect(await graphqlRequests(FIXTURE_IDS.migration)).to.have.length(0);
    });

    it('re-queries when insight-id changes, and a stale answer never paints over the new one', async () => {
      const element = await card(FIXTURE_IDS.todos, 'hang');
      await waitUntil(async () => (await graphqlRequests(FIXTURE_IDS.todos)).length === 1);
      element.instance = instance();
      element.insightId = FIXTURE_IDS.migration;
      await untilState(element, 'ready');
      expect(shadow(element).querySelector('[part="title"]')!.textContent!.trim()).to.equal('Migration to TypeScript');
    });
  });

  describe('states', () => {
    it('shows a skeleton while loading, then the chart', async () => {
      const element = await card(FIXTURE_IDS.migration, 'hang');
      expect(element.state).to.equal('loading');
      expect(element.getAttribute('state')).to.equal('loading');
      expect(shadow(element).querySelector('.skeleton')).to.exist;
      expect(shadow(element).querySelector('[role="status"]')!.textContent).to.contain('Loading');
    });

    it('says a processing insight is being computed, shows progress, and polls until it is done', async () => {
      const element = await card(FIXTURE_IDS.processing);
      await untilState(element, 'processing');
      const progress = shadow(element).querySelector('progress[part="progress"]') as HTMLProgressElement;
      expect(progress).to.exist;
      expect(progress.value).to.equal(0);
      expect(shadow(element).textContent).to.contain('still being processed');
      await waitUntil(() => shadow(element).querySelectorAll('path[data-mark="line"]').length === 1, 'partial data did not show');
      expect(element.state).to.equal('processing');
      await untilState(element, 'ready');
      expect(shadow(element).querySelector('path[data-mark="line"]')!.getAttribute('d')!.split(/[ML]/).length - 1).to.equal(12);
      const requests = await graphqlRequests(FIXTURE_IDS.processing);
      expect(requests).to.have.length(3);
    });

    it('says when there is no data', async () => {
      const element = await card(FIXTURE_IDS.empty);
      await untilState(element, 'empty');
      expect(shadow(element).textContent).to.contain('No data');
    });

    it('says when the insight does not exist', async () => {
      const element = await card('aW5zaWdodF92aWV3OiJub3BlIg==');
      await untilState(element, 'error');
      expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('not found');
    });
  });

  describe('errors', () => {
    const cases: [string, string, RegExp][] = [
      ['status/401', 'http', /rejected the access token/],
      ['status/403', 'http', /refused the request/],
      ['status/429', 'http', /rate-limiting/],
      ['status/500', 'http', /HTTP 500/],
      ['status/502', 'http', /HTTP 502/],
      ['body/not-json', 'decode', /does not understand/],
      ['body/array', 'decode', /does not understand/],
      ['body/wrong-shape', 'decode', /does not understand/],
      ['body/graphql-error', 'graphql', /insight not found: <b>bold<\/b>/],
      ['body/partial', 'graphql', /series failed/],
      ['redirect', 'redirect', /redirect/],
    ];
    for (const [scenario, kind, message] of cases) {
      it(`${scenario}: a clear message, a retry button and an insight-error event`, async () => {
        const element = await card(FIXTURE_IDS.migration, scenario);
        const { detail } = (await oneEvent(element, 'insight-error')) as InsightErrorEvent;
        expect((detail as InsightsError).kind).to.equal(kind);
        await untilState(element, 'error');
        const error = shadow(element).querySelector('[part="error"]')!;
        expect(error.textContent).to.match(message);
        // Server text is text: the <b> in a GraphQL message must not become an element.
        expect(error.querySelector('b') === null).to.equal(true);
        expect(error.querySelector('button')!.textContent).to.contain('Try again');
      });
    }

    it('says the instance could not be reached when nothing listens', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight instance="http://127.0.0.1:9" insight-id=${FIXTURE_IDS.migration}></code-insight>`,
      );
      await untilState(element, 'error');
      expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('could not be reached');
    });

    it('times out a request that hangs', async () => {
      configure({ timeout: 300 });
      const element = await card(FIXTURE_IDS.migration, 'hang');
      await untilState(element, 'error');
      expect(shadow(element).querySelector('[part="error"]')!.textContent).to.contain('too long');
    });

    it('recovers when retry is clicked after the instance comes back', async () => {
      const element = await card(FIXTURE_IDS.migration, 'flaky/1');
      await untilState(element, 'error');
      (shadow(element).querySelector('[part="error"] button') as HTMLButtonElement).click();
      await untilState(element, 'ready');
    });

    it('retries 5xx answers by itself when retries are allowed', async () => {
      configure({ retries: 2, retryDelay: 10 });
      const element = await card(FIXTURE_IDS.migration, 'flaky/2');
      await untilState(element, 'ready');
      expect(await graphqlRequests(FIXTURE_IDS.migration)).to.have.length(3);
    });

    it('refuses an instance that is not http(s)', async () => {
      const element = await fixture<CodeInsightElement>(
        html`<code-insight instance="javascript:alert(1)" insight-id=${FIXTURE_IDS.migration}></code-insight>`,
      );
      await untilState(element, 'error');
      expect(shadow(element).textContent).to.contain('is not an http(s) URL');
    });
  });

  describe('authentication', () => {
    it('sends the token property only in the Authorization header', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight insight-id=${FIXTURE_IDS.migration}></code-insight>`);
      element.token = SECURE_TOKEN;
      element.instance = instance('secure');
      await untilState(element, 'ready');
      const [request] = await graphqlRequests(FIXTURE_IDS.migration);
      expect(request.headers.authorization).to.equal(`token ${SECURE_TOKEN}`);
      expect(request.url).not.to.contain(SECURE_TOKEN);
      expect(request.url).to.equal('/secure/.api/graphql?CodeInsightViews');
      expect(request.headers.referer).to.equal(undefined);
      expect(request.headers['x-requested-with']).to.equal(undefined);
      expect(element.outerHTML + shadow(element).innerHTML).not.to.contain(SECURE_TOKEN);
      expect(element.hasAttribute('token')).to.equal(false);
    });

    it('uses configure({ getToken }) when the element has none', async () => {
      configure({ getToken: async () => SECURE_TOKEN });
      const element = await card(FIXTURE_IDS.migration, 'secure');
      await untilState(element, 'ready');
      configure({ getToken: undefined });
    });

    it('asks for a valid token when the instance rejects it', async () => {
      const element = await card(FIXTURE_IDS.migration, 'secure', { token: 'sgp_wrong' });
      await untilState(element, 'error');
      expect(shadow(element).textContent).to.contain('rejected the access token');
      expect(shadow(element).textContent).not.to.contain('sgp_wrong');
    });

    it('sends cookies and X-Requested-With only in cookie mode', async () => {
      configure({ credentials: 'include' });
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      const [request] = await graphqlRequests(FIXTURE_IDS.migration);
      expect(request.headers['x-requested-with']).to.equal('Sourcegraph');
      expect(request.headers.authorization).to.equal(undefined);
      configure({ credentials: 'omit' });
    });

    it('sends only operations valid against the upstream Sourcegraph schema', async () => {
      for (const id of [FIXTURE_IDS.migration, FIXTURE_IDS.processing]) {
        const element = await card(id);
        await waitUntil(() => element.state === 'ready' || element.state === 'processing');
      }
      const requests = await graphqlRequests();
      expect(requests.length).to.be.greaterThan(1);
      for (const request of requests) {
        // null: ../shared/sourcegraph is absent here (CI has it), so only the project's schema checked the query.
        if (request.upstreamErrors !== null) expect(request.upstreamErrors, request.operationName).to.deep.equal([]);
      }
    });
  });

  describe('lazy loading', () => {
    it('fetches a card far below the viewport only when it is scrolled near', async () => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 4000px"></div>
        <code-insight instance=${instance()} insight-id=${FIXTURE_IDS.todos}></code-insight>
      </div>`);
      const element = page.querySelector('code-insight')!;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(await graphqlRequests(FIXTURE_IDS.todos)).to.have.length(0);
      expect(element.state).to.equal('loading');
      element.scrollIntoView();
      await untilState(element, 'ready');
      expect(await graphqlRequests(FIXTURE_IDS.todos)).to.have.length(1);
    });

    it('fetches at once with loading="eager"', async () => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 4000px"></div>
        <code-insight loading="eager" instance=${instance()} insight-id=${FIXTURE_IDS.todos}></code-insight>
      </div>`);
      await untilState(page.querySelector('code-insight')!, 'ready');
    });
  });

  describe('lifecycle', () => {
    it('aborts its request when removed from the page', async () => {
      const signals: AbortSignal[] = [];
      configure({
        fetch: (input, init) => {
          if (init?.signal) signals.push(init.signal);
          return fetch(input, init);
        },
      });
      const element = await card(FIXTURE_IDS.migration, 'hang');
      await waitUntil(() => signals.length === 1);
      element.remove();
      await waitUntil(() => signals[0].aborted, 'the request was not aborted');
      configure({ fetch: undefined });
    });

    it('never fetches once removed, even with a poll already queued', async () => {
      const element = await card(FIXTURE_IDS.processing);
      await untilState(element, 'processing');
      await waitUntil(async () => (await graphqlRequests(FIXTURE_IDS.processing)).length === 2);
      element.remove();
      const count = (await graphqlRequests(FIXTURE_IDS.processing)).length;
      await new Promise((r) => setTimeout(r, 300));
      expect((await graphqlRequests(FIXTURE_IDS.processing)).length).to.equal(count);
    });

    it('fetches again when put back on the page after an aborted load', async () => {
      const element = await card(FIXTURE_IDS.migration, 'hang');
      const parent = element.parentElement!;
      element.remove();
      element.instance = instance();
      parent.append(element);
      await untilState(element, 'ready');
    });

    it('settles: reflecting its state does not make it load again', async () => {
      const element = await card(FIXTURE_IDS.todos);
      await untilState(element, 'ready');
      element.theme = 'dark';
      await new Promise((r) => setTimeout(r, 200));
      expect(await graphqlRequests(FIXTURE_IDS.todos)).to.have.length(1);
      expect(element.state).to.equal('ready');
    });

    it('refresh() fetches again and keeps the chart while it does', async () => {
      const element = await card(FIXTURE_IDS.migration);
      await untilState(element, 'ready');
      element.refresh();
      await element.updateComplete;
      expect(shadow(element).querySelectorAll('path[data-mark="line"]')).to.have.length(2);
      await waitUntil(async () => (await graphqlRequests(FIXTURE_IDS.migration)).length === 2);
      expect(element.state).to.equal('ready');
    });

    it('keeps refreshing after it is moved in the page (refresh survives a disconnect)', async () => {
      const element = await card(FIXTURE_IDS.migration, 'open', { refreshInterval: 0.3 });
      await untilState(element, 'ready');
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
      const before = (await graphqlRequests(FIXTURE_IDS.migration)).length;
      await waitUntil(async () => (await graphqlRequests(FIXTURE_IDS.migration)).length > before, 'no refresh after the move', { timeout: 3000 });
      element.refreshInterval = 0;
    });

    it('fires insight-load once per load, bubbling out of shadow roots', async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      const loads: InsightLoadEvent[] = [];
      document.addEventListener('insight-load', (e) => loads.push(e), { once: true });
      root.innerHTML = `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.todos}"></code-insight>`;
      await waitUntil(() => loads.length === 1);
      expect(loads[0].detail.title).to.equal('TODOs and FIXMEs');
    });
  });
});
