import { expect } from '@open-wc/testing';
import { InsightsClient } from '../../../src/api/client.js';
import { BULK_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { SECURE_TOKEN, graphqlRequests, instance, requestLog, resetEndpoint } from '../endpoint.js';

function client(options: Partial<ConstructorParameters<typeof InsightsClient>[1]> = {}) {
  return new InsightsClient(instance(), { credentials: 'omit', timeout: 2000, retries: 0, retryDelay: 10, ...options });
}

const aliases = (request: { variables?: Record<string, unknown> }) => Object.keys(request.variables ?? {}).filter((k) => /^id\d+$/.test(k)).length;

describe('InsightsClient', () => {
  beforeEach(resetEndpoint);

  it('sends views asked for in the same tick as aliased requests of a few views each', async () => {
    const api = client({ maxViewsPerRequest: 5 });
    const insights = await Promise.all(BULK_IDS.slice(0, 12).map((id) => api.insightView({ id })));
    expect(insights.map((i) => i.data.title)).to.deep.equal(BULK_IDS.slice(0, 12).map((_, i) => `Team ${i + 1}: open TODOs`));
    const requests = await graphqlRequests();
    expect(requests.map(aliases).sort()).to.deep.equal([2, 5, 5]);
    expect(requests.every((r) => r.url.endsWith('?CodeInsightViews'))).to.equal(true);
  });

  it('keeps at most maxRequestsInFlight requests in flight', async () => {
    const originalFetch = window.fetch;
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await originalFetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const counted = new InsightsClient(instance(), { credentials: 'omit', timeout: 2000, retries: 0, retryDelay: 10, maxViewsPerRequest: 1, maxRequestsInFlight: 2, fetch: counting });
    await Promise.all(BULK_IDS.slice(0, 6).map((id) => counted.insightView({ id })));
    expect(most).to.equal(2);
    expect(await graphqlRequests()).to.have.length(6);
  });

  it('shares one request among identical asks and caches the answer for the page', async () => {
    const api = client();
    const [a, b] = await Promise.all([api.insightView({ id: FIXTURE_IDS.todos }), api.insightView({ id: FIXTURE_IDS.todos })]);
    expect(a).to.equal(b);
    expect((await graphqlRequests()).map(aliases)).to.deep.equal([1]);
    await api.insightView({ id: FIXTURE_IDS.todos });
    expect(await graphqlRequests()).to.have.length(1);
    await api.insightView({ id: FIXTURE_IDS.todos }, undefined, { fresh: true });
    expect(await graphqlRequests()).to.have.length(2);
  });

  it('asks again for other filters', async () => {
    const api = client();
    const all = await api.insightView({ id: FIXTURE_IDS.migration });
    const web = await api.insightView({ id: FIXTURE_IDS.migration, filters: { includeRepoRegex: 'web$' } });
    expect(all.data.series[0].points.at(-1)!.value).to.equal(600);
    expect(web.data.series[0].points.at(-1)!.value).to.equal(450);
  });

  it('never sends a view whose every caller left before the request went out', async () => {
    const api = client();
    const controller = new AbortController();
    const gone = api.insightView({ id: FIXTURE_IDS.todos }, controller.signal);
    controller.abort();
    await gone.then(
      () => expect.fail('should have been aborted'),
      (error) => expect(error.name).to.equal('AbortError'),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await graphqlRequests()).to.have.length(0);
    // A later ask for the same view is not tied to the abandoned one.
    expect((await api.insightView({ id: FIXTURE_IDS.todos })).data.title).to.equal('TODOs and FIXMEs');
  });

  it('keeps a batch going for the callers who stay', async () => {
    const api = client();
    const controller = new AbortController();
    const leaving = api.insightView({ id: FIXTURE_IDS.todos }, controller.signal).catch((e) => e);
    const staying = api.insightView({ id: FIXTURE_IDS.migration });
    // The batch goes out on the next macrotask; leave just after, before any answer can arrive.
    await new Promise((r) => setTimeout(r));
    await new Promise((r) => setTimeout(r));
    controller.abort();
    expect((await leaving).name).to.equal('AbortError');
    expect((await staying).data.title).to.equal('Migration to TypeScript');
    expect((await graphqlRequests()).map(aliases)).to.deep.equal([2]);
  });

  it('routes a failure to the view it concerns and answers the others', async () => {
    const api = client();
    const [missing, found] = await Promise.allSettled([
      api.insightView({ id: 'aW5zaWdodF92aWV3OiJub3BlIg==' }),
      api.insightView({ id: FIXTURE_IDS.todos }),
    ]);
    expect(missing.status).to.equal('rejected');
    expect((missing as PromiseRejectedResult).reason.kind).to.equal('not-found');
    expect(found.status).to.equal('fulfilled');
    expect(await graphqlRequests()).to.have.length(1);
  });

  it('does not ask again for what a dashboard query returned', async () => {
    const api = client();
    const dashboard = await api.dashboard(btoa('dashboard:{"IdType":"custom","Arg":1}'));
    expect(dashboard.title).to.equal('Frontend health');
    expect(dashboard.viewIds).to.deep.equal([FIXTURE_IDS.migration, FIXTURE_IDS.todos, FIXTURE_IDS.incomplete]);
    const insight = await api.insightView({ id: FIXTURE_IDS.migration });
    expect(insight.data.title).to.equal('Migration to TypeScript');
    expect(insight.data.series.map((s) => s.color)).to.deep.equal(['#228be6', '#f76707']);
    const [, data] = await graphqlRequests();
    // The data request carries no presentation: the dashboard already gave it.
    expect(data.operationName).to.equal('CodeInsightViews');
    expect(data.query).not.to.contain("seriesPresentation");
    expect(data.query).to.contain("...InsightViewData");
  });

  it('fills a request\'s spare places with the views a dashboard expects next, never sending more requests', async () => {
    const api = client({ maxViewsPerRequest: 4 });
    const owner = {};
    api.expect(owner, BULK_IDS.slice(0, 10).map((id) => ({ id })));
    await api.insightView({ id: BULK_IDS[0] });
    const [first] = await graphqlRequests();
    expect(Object.entries(first.variables ?? {}).filter(([k]) => /^id\d+$/.test(k)).map(([, v]) => v)).to.deep.equal(BULK_IDS.slice(0, 4));
    // Those came along: asking for them costs nothing.
    await Promise.all(BULK_IDS.slice(1, 4).map((id) => api.insightView({ id })));
    expect(await graphqlRequests()).to.have.length(1);
    // Nothing is sent for expectations alone, and a forgotten expectation fills nothing.
    api.expect(owner, []);
    await api.insightView({ id: BULK_IDS[9] });
    const [, second] = await graphqlRequests();
    expect(Object.keys(second.variables ?? {}).filter((k) => /^id\d+$/.test(k))).to.have.length(1);
  });

  it('downloads every point from the instance\'s CSV export, with the token', async () => {
    const secure = new InsightsClient(instance('secure'), { credentials: 'omit', timeout: 2000, retries: 0, retryDelay: 10, token: () => SECURE_TOKEN });
    const csv = await (await secure.exportCSV(FIXTURE_IDS.migration)).text();
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).to.equal('Series Label,Series Query,Recording Time,Value');
    expect(rows).to.have.length(1 + 24);
    expect(rows).to.include('TypeScript files,lang:typescript count:all,2026-10-01T00:00:00.000Z,600');
    const [request] = (await requestLog()).filter((r) => r.url.includes('/export/'));
    expect(request.headers.authorization).to.equal(`token ${SECURE_TOKEN}`);
    const anonymous = await client().exportCSV('aW5zaWdodF92aWV3OiJub3BlIg==').then(() => null, (e) => e);
    expect(anonymous?.status).to.equal(404);
  });
});
