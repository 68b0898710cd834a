/**
 * The local server as Sourcegraph's own clients see it. Each document Sourcegraph's insights web app sends (in
 * its mid-2022 and 5.x forms, test/support/sourcegraph-client-documents.ts) is validated against the schema file
 * of its generation in ../shared/sourcegraph and replayed over HTTP, the way the web app sends it, to the server
 * in fixtures mode and in git mode over generated repositories; the answer must have no errors, non-null nodes and
 * the shape that schema promises. Then what src-cli does differently (gzip-compressed bodies, sudo tokens), through
 * the local server and the read-only proxy; and the colours of series configured without one.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { GraphQLSchema } from 'graphql';
import { parseColor } from '../../../src/model/color.ts';
import { loadSchema } from '../../../server/graphql/schema-file.ts';
import { seriesColors } from '../../../server/graphql/series-colors.ts';
import { presentedToken } from '../../../server/http/auth.ts';
import { createInsightsServer, type InsightsServerOptions } from '../../../server/http/server.ts';
import { createUpstreamFetch } from '../../../server/proxy/index.ts';
import { dashboardId, insightViewId, type ServerConfig } from '../../../server/sources/config.ts';
import { DASHBOARD_IDS, FIXTURE_IDS, REPOS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { GitSource } from '../../../server/sources/git-source.ts';
import { guardedRepositoryMatch } from '../../../server/sources/guarded-match.ts';
import { API, WEB, createFixtureRepositories } from '../engine/fixture-repositories.ts';
import { makeTempDir, removeDir } from '../engine/git-fixture.ts';
import { shapeProblems } from '../../support/response-shape.ts';
import { CLIENT_DOCUMENTS, type Generation, type ReplayTargets } from '../../support/sourcegraph-client-documents.ts';
import { StandInUpstream } from '../../support/stand-in-upstream.ts';
import { upstreamSchema, upstreamSchemaAvailable, validateDocument } from '../../support/upstream-schema.ts';

const UPSTREAM = upstreamSchemaAvailable();
const NOW = new Date('2023-05-15T00:00:00Z');
const TOKEN = 'sgp_local_0123456789abcdef';

/** The schema files of each generation (the main schema carries `search`, `currentUser` and the scalars). */
const schemas: Record<Generation, () => GraphQLSchema> = {
  '5.x': () => upstreamSchema(),
  '2022': () => upstreamSchema(['schema.graphql', 'insights-2022.graphql']),
};

/** A git-mode configuration whose line insights have no colours, as a config (or an instance) may hold them. */
function gitConfig(paths: { api: string; web: string }): ServerConfig {
  const monthly = { unit: 'MONTH', value: 1 } as const;
  return {
    repositories: [
      { name: API, path: paths.api },
      { name: WEB, path: paths.web },
    ],
    insights: [
      {
        id: insightViewId('todos'),
        title: 'TODOs',
        kind: 'line',
        repositories: [API, WEB],
        step: monthly,
        points: 5,
        series: [
          { seriesId: 'todo', label: 'TODO', query: 'TODO' },
          { seriesId: 'todo-case', label: 'TODO (case)', query: 'TODO case:yes' },
        ],
      },
      {
        id: insightViewId('some-colored'),
        title: 'Some series coloured',
        kind: 'line',
        repositories: [API],
        step: monthly,
        points: 3,
        series: [
          { seriesId: 'a', label: 'a', query: 'TODO' },
          { seriesId: 'b', label: 'b', query: 'todo', color: 'var(--oc-blue-7)' },
          { seriesId: 'c', label: 'c', query: 'lib@' },
        ],
      },
      {
        id: insightViewId('versions'),
        title: 'lib versions',
        kind: 'line',
        repositories: [API],
        step: monthly,
        points: 5,
        series: [{ seriesId: 'lib', label: 'lib', query: 'patterntype:regexp lib@(\\d+)', captureGroups: true }],
      },
      { id: insightViewId('languages'), title: 'Languages', kind: 'pie', repositories: [API], step: monthly, points: 0, otherThreshold: 0.03, series: [] },
    ],
    dashboards: [{ id: dashboardId('acme'), title: 'Acme', insightIds: [insightViewId('todos'), insightViewId('versions'), insightViewId('languages')] }],
  };
}

async function listen(options: InsightsServerOptions): Promise<{ base: string; server: Server }> {
  const server = createInsightsServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request over plain node:http, so any header (Content-Encoding, Authorization) goes as written. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A POST as Sourcegraph's web app makes it: `?OperationName` on the URL, a body of query and variables only. */
async function replay(base: string, name: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const answer = await raw(`${base}/.api/graphql?${name}`, {
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'Sourcegraph', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  assert.equal(answer.status, 200, answer.text);
  return JSON.parse(answer.text) as { data: Record<string, any> | null; errors?: { message: string; path?: string[] }[] };
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const VIEWS = JSON.stringify({ query: '{ insightViews { nodes { id } } }' });

let root: string;
const modes: { name: string; base: string; targets: ReplayTargets }[] = [];
const servers: Server[] = [];

before(async () => {
  root = makeTempDir('client-compat-');
  const paths = createFixtureRepositories(root);
  const fixtures = await listen({ source: new FixtureSource({ matchRepositories: guardedRepositoryMatch }) });
  const git = await listen({ source: new GitSource(gitConfig(paths), { now: () => NOW }) });
  servers.push(fixtures.server, git.server);
  modes.push(
    { name: 'fixtures', base: fixtures.base, targets: { insight: FIXTURE_IDS.todos, dashboard: DASHBOARD_IDS.frontend, repository: REPOS.web } },
    { name: 'git', base: git.base, targets: { insight: insightViewId('todos'), dashboard: dashboardId('acme'), repository: API } },
  );
});

after(() => {
  for (const server of servers) server.close();
  if (root) removeDir(root);
});

describe("Sourcegraph's web app, replayed", () => {
  for (const document of CLIENT_DOCUMENTS) {
    const title = `${document.generation} ${document.name} (${document.purpose})`;

    test(`${title}: valid against the ${document.generation} schema and the local one`, () => {
      if (UPSTREAM) assert.deepEqual(validateDocument(schemas[document.generation](), document.query), []);
      assert.deepEqual(validateDocument(loadSchema(), document.query), []);
    });

    for (const mode of ['fixtures', 'git']) {
      test(`${title}: answered in ${mode} mode, in the shape the schema promises`, { timeout: 20_000 }, async () => {
        const { base, targets } = modes.find((m) => m.name === mode)!;
        const variables = document.variables(targets);
        const answer = await replay(base, document.name, document.query, variables);
        assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
        // The shape is read from the document's own generation (a current server's newer enum values allowed).
        const schema = UPSTREAM ? schemas[document.generation]() : loadSchema();
        assert.deepEqual(shapeProblems(schema, document.query, answer.data, { variables, alsoEnumsOf: UPSTREAM ? [schemas['5.x']()] : [] }), []);
        document.expect(answer.data!);
      });
    }
  }

  test('the shape check itself fails on a wrong answer', () => {
    const schema = loadSchema();
    const query = 'query { insightViews { nodes { id presentation { __typename ... on PieChartInsightViewPresentation { otherThreshold } } } } }';
    assert.deepEqual(shapeProblems(schema, query, { insightViews: { nodes: [null] } }), ['data.insightViews.nodes[0] is null: an item that failed']);
    assert.deepEqual(shapeProblems(schema, query, { insightViews: { nodes: [{ id: 1, presentation: { __typename: 'PieChartInsightViewPresentation', otherThreshold: null } }] } }), [
      'data.insightViews.nodes[0].id is 1, not a ID',
      'data.insightViews.nodes[0].presentation.otherThreshold is null, but Float! is non-null',
    ]);
  });
});

describe('the empty search context', () => {
  test('searchContexts: [""] means no context in git mode, as "global" does', async () => {
    const { base } = modes.find((m) => m.name === 'git')!;
    const query = 'query($id: ID, $filters: InsightViewFiltersInput) { insightViews(id: $id, filters: $filters) { nodes { dataSeries { label points { value } } } } }';
    const values = async (searchContexts: string[] | null) => {
      const answer = await replay(base, 'Q', query, { id: insightViewId('todos'), filters: { searchContexts } });
      assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
      return answer.data!.insightViews.nodes[0].dataSeries.map((s: { points: { value: number }[] }) => s.points.map((p) => p.value));
    };
    const unfiltered = await values(null);
    assert.deepEqual(await values(['']), unfiltered);
    assert.deepEqual(await values(['global']), unfiltered);
    assert.deepEqual(await values(['', 'global']), unfiltered);
    const unknown = await replay(base, 'Q', query, { id: insightViewId('todos'), filters: { searchContexts: ['', '@acme/secret'] } });
    assert.match(unknown.errors![0].message, /search context "@acme\/secret" does not exist/);
  });
});

describe('currentUser', () => {
  test('is a fixed local user with no organizations and no rights to administer', async () => {
    for (const { base } of modes) {
      const answer = await replay(base, 'Me', '{ currentUser { id username displayName viewerCanAdminister organizations { nodes { id } totalCount } } }', {});
      assert.deepEqual(answer.data, {
        currentUser: { id: 'VXNlcjow', username: 'local', displayName: 'Local insights server', viewerCanAdminister: false, organizations: { nodes: [], totalCount: 0 } },
      });
    }
  });

  test('is not forwarded by the read-only proxy (it would name the proxy token\'s user)', async () => {
    const upstream = await new StandInUpstream().start();
    const proxy = await listen({ proxy: { upstreamFetch: createUpstreamFetch({ upstream: upstream.url, token: TOKEN, log: () => {} }), allowOrigins: [] } });
    try {
      const answer = await replay(proxy.base, 'InsightsDashboards', '{ currentUser { id } }', {});
      assert.match(answer.errors![0].message, /"currentUser" on "Query" is not forwarded/);
      assert.equal(upstream.requests.length, 0);
    } finally {
      proxy.server.close();
      await upstream.stop();
    }
  });
});

describe('searchInsightLivePreview', () => {
  test('answers what searchInsightPreview answers for the same series', async () => {
    for (const { base, targets } of modes) {
      const scope = { repositoryScope: { repositories: [targets.repository] }, timeScope: { stepInterval: { unit: 'MONTH', value: 1 } } };
      for (const [series, generatedFromCaptureGroups] of [['TODO', false], ['patterntype:regexp lib@(\\d+)', true]] as const) {
        const live = await replay(base, 'Live', 'query($input: SearchInsightLivePreviewInput!) { searchInsightLivePreview(input: $input) { label points { dateTime value diffQuery } } }', {
          input: { ...scope, query: series, label: 'the series', generatedFromCaptureGroups },
        });
        const preview = await replay(base, 'Preview', 'query($input: SearchInsightPreviewInput!) { searchInsightPreview(input: $input) { label points { dateTime value diffQuery } } }', {
          input: { ...scope, series: [{ query: series, label: 'the series', generatedFromCaptureGroups }] },
        });
        assert.equal(live.errors, undefined, JSON.stringify(live.errors));
        assert.deepEqual(live.data!.searchInsightLivePreview, preview.data!.searchInsightPreview);
        assert.ok(live.data!.searchInsightLivePreview.length > 0);
      }
    }
  });

  test('is forwarded by the read-only proxy, a read like searchInsightPreview', async () => {
    const upstream = await new StandInUpstream().start();
    const proxy = await listen({ proxy: { upstreamFetch: createUpstreamFetch({ upstream: upstream.url, token: TOKEN, log: () => {} }), allowOrigins: [] } });
    try {
      const preview = await replay(proxy.base, 'GetSearchInsightContent', 'query GetSearchInsightContent($input: SearchInsightLivePreviewInput!) { searchInsightLivePreview(input: $input) { label } }', {
        input: { query: 'TODO', label: 'x', repositoryScope: { repositories: [] }, timeScope: { stepInterval: { unit: 'DAY', value: 1 } }, generatedFromCaptureGroups: false },
      });
      assert.equal(preview.errors, undefined, JSON.stringify(preview.errors));
      assert.equal(upstream.requests.length, 1);
      assert.equal(upstream.requests[0].url, '/.api/graphql?GetSearchInsightContent');
    } finally {
      proxy.server.close();
      await upstream.stop();
    }
  });

  test('refuses compute (groupBy) previews as searchInsightPreview does', async () => {
    const { base } = modes[0];
    const answer = await replay(base, 'Live', 'query($input: SearchInsightLivePreviewInput!) { searchInsightLivePreview(input: $input) { label } }', {
      input: { query: 'TODO', label: 'x', repositoryScope: { repositories: [] }, timeScope: { stepInterval: { unit: 'MONTH', value: 1 } }, generatedFromCaptureGroups: true, groupBy: 'REPO' },
    });
    assert.match(answer.errors![0].message, /Compute \(group by\) previews are not supported/);
  });
});

describe('series without colours', () => {
  test('get distinct open-color colours, in the order of their position in the insight', async () => {
    const { base } = modes.find((m) => m.name === 'git')!;
    const colors = async (name: string): Promise<Record<string, string>> => {
      const query = 'query($id: ID) { insightViews(id: $id) { nodes { presentation { ... on LineChartInsightViewPresentation { seriesPresentation { seriesId color } } } } } }';
      const answer = await replay(base, 'Colors', query, { id: insightViewId(name) });
      return Object.fromEntries(answer.data!.insightViews.nodes[0].presentation.seriesPresentation.map((s: { seriesId: string; color: string }) => [s.seriesId, s.color]));
    };
    const todos = await colors('todos');
    assert.deepEqual(todos, { todo: 'var(--oc-blue-7)', 'todo-case': 'var(--oc-orange-7)' });
    // A configured colour is kept, and the others avoid it.
    assert.deepEqual(await colors('some-colored'), { a: 'var(--oc-orange-7)', b: 'var(--oc-blue-7)', c: 'var(--oc-teal-7)' });
    // Every colour is one the elements read (src/model/color.ts), and the same on the next request.
    for (const color of Object.values(todos)) assert.ok(parseColor(color), color);
    assert.deepEqual(await colors('todos'), todos);
    // Not the order series are shown in: sorted by name, descending, each keeps its colour.
    const sorted = await replay(base, 'Sorted', 'query($id: ID, $o: SeriesDisplayOptionsInput) { insightViews(id: $id, seriesDisplayOptions: $o) { nodes { presentation { ... on LineChartInsightViewPresentation { seriesPresentation { seriesId color } } } } } }', {
      id: insightViewId('todos'),
      o: { sortOptions: { mode: 'LEXICOGRAPHICAL', direction: 'DESC' } },
    });
    const shown: { seriesId: string; color: string }[] = sorted.data!.insightViews.nodes[0].presentation.seriesPresentation;
    assert.deepEqual(Object.fromEntries(shown.map((s) => [s.seriesId, s.color])), todos);
  });

  test('seriesColors: the palette in order, skipping colours taken, round again past its end', () => {
    const none = Array.from({ length: 12 }, () => ({}));
    const colors = seriesColors(none);
    assert.equal(new Set(colors.slice(0, 10)).size, 10, 'ten series, ten colours');
    assert.deepEqual(colors.slice(10), colors.slice(0, 2));
    assert.deepEqual(seriesColors([{ color: 'var(--oc-orange-7)' }, {}, { color: '#123456' }, {}]), ['var(--oc-orange-7)', 'var(--oc-blue-7)', '#123456', 'var(--oc-teal-7)']);
    for (const color of colors) assert.match(color, /^var\(--oc-[a-z]+-7\)$/);
    // Ten hues the elements know, drawn as ten different colours.
    assert.equal(new Set(colors.slice(0, 10).map((c) => parseColor(c))).size, 10);
    // A hue taken at another shade is taken; an empty colour is none.
    assert.deepEqual(seriesColors([{ color: 'var(--oc-blue-5)' }, { color: '' }]), ['var(--oc-blue-5)', 'var(--oc-orange-7)']);
  });
});

describe('src-cli: gzip-compressed bodies', () => {
  let local: { base: string; server: Server };
  let upstream: StandInUpstream;
  let proxy: { base: string; server: Server };
  before(async () => {
    local = await listen({ source: new FixtureSource() });
    upstream = await new StandInUpstream().start();
    proxy = await listen({ proxy: { upstreamFetch: createUpstreamFetch({ upstream: upstream.url, token: TOKEN, cacheTtlSeconds: 0, log: () => {} }), allowOrigins: [] } });
  });
  after(async () => {
    local.server.close();
    proxy.server.close();
    await upstream.stop();
  });
  const gzipped = (body: string | Buffer) => ({ method: 'POST', headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, body: gzipSync(body) });

  test('are read by the local server as src-cli sends them', async () => {
    const answer = await raw(`${local.base}/.api/graphql`, gzipped(VIEWS));
    assert.equal(answer.status, 200, answer.text);
    assert.ok(JSON.parse(answer.text).data.insightViews.nodes.length > 0);
  });

  test('are read by the proxy and forwarded as plain JSON', async () => {
    upstream.requests.length = 0;
    const answer = await raw(`${proxy.base}/.api/graphql`, gzipped(JSON.stringify({ query: 'query View { insightViews { nodes { id } } }', operationName: 'View' })));
    assert.equal(answer.status, 200, answer.text);
    assert.equal(JSON.parse(answer.text).data.operationName, 'View');
    assert.equal(upstream.requests.length, 1);
    assert.equal(upstream.requests[0].headers['content-encoding'], undefined);
    assert.equal(JSON.parse(upstream.requests[0].body).operationName, 'View');
  });

  test('the decompressed body counts against the 1 MB limit: 1 MB passes, one byte more is 413', async () => {
    const padded = (size: number) => {
      const head = '{"query":"{ insightViews { nodes { id } } }","variables":{"pad":"';
      return `${head}${'x'.repeat(size - head.length - 3)}"}}`;
    };
    assert.equal(padded(1024 * 1024).length, 1024 * 1024);
    for (const base of [local.base, proxy.base]) {
      const within = await raw(`${base}/.api/graphql`, gzipped(padded(1024 * 1024)));
      // The proxy refuses variables over 64 KB itself (a GraphQL error, HTTP 200): the body was read.
      assert.equal(within.status, 200, within.text);
      const over = await raw(`${base}/.api/graphql`, gzipped(padded(1024 * 1024 + 1)));
      assert.equal(over.status, 413);
      assert.equal(over.text, 'The request body is larger than 1 MB once decompressed.');
    }
  });

  test('a gzip bomb (1 MB expanding to 1 GB) is refused 413 at once, without inflating it all', { timeout: 20_000 }, async () => {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    const bomb = Buffer.concat(Array.from({ length: 15 }, () => member));
    assert.ok(bomb.length < 1024 * 1024);
    for (const base of [local.base, proxy.base]) {
      const started = performance.now();
      const answer = await raw(`${base}/.api/graphql`, { headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, body: bomb });
      const took = performance.now() - started;
      assert.equal(answer.status, 413);
      // Inflating all 960 MB takes 1.5 s here; stopping at the limit, a few milliseconds.
      assert.ok(took < 1000, `took ${Math.round(took)} ms`);
    }
  });

  test('malformed gzip is 400, an unknown encoding 415, identity is read as is', async () => {
    for (const base of [local.base, proxy.base]) {
      const broken = await raw(`${base}/.api/graphql`, { headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, body: VIEWS });
      assert.equal(broken.status, 400);
      assert.equal(broken.text, 'The request body is not valid gzip (Content-Encoding: gzip).');
      const truncated = await raw(`${base}/.api/graphql`, { headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' }, body: gzipSync(VIEWS).subarray(0, 20) });
      assert.equal(truncated.status, 400);
      for (const encoding of ['br', 'deflate', 'gzip, gzip', 'compress']) {
        const answer = await raw(`${base}/.api/graphql`, { headers: { ...JSON_TYPE, 'Content-Encoding': encoding }, body: VIEWS });
        assert.equal(answer.status, 415, encoding);
        assert.match(answer.text, /^The request body's Content-Encoding .* is not supported: send it as is or gzip-compressed\.$/);
      }
      for (const encoding of ['identity', 'GZIP', 'x-gzip']) {
        const body = encoding === 'identity' ? VIEWS : gzipSync(VIEWS);
        const answer = await raw(`${base}/.api/graphql`, { headers: { ...JSON_TYPE, 'Content-Encoding': encoding }, body });
        assert.equal(answer.status, 200, `${encoding}: ${answer.text}`);
      }
    }
  });
});

describe('src-cli and site admins: token-sudo', () => {
  const sudo = (user: string, token: string) => `token-sudo user="${user}",token="${token}"`;
  const forms: [string, string, number][] = [
    ['token <t>', `token ${TOKEN}`, 200],
    ['token-sudo user="…",token="…"', sudo('alice', TOKEN), 200],
    ['token-sudo token="…",user="…" (either order, any case of the scheme)', `Token-Sudo token="${TOKEN}", user="alice"`, 200],
    ['token-sudo with unquoted values', `token-sudo user=alice,token=${TOKEN}`, 200],
    ['token token="…"', `token token="${TOKEN}"`, 200],
    ['token-sudo with a wrong token', sudo('alice', `${TOKEN}x`), 401],
    ['token-sudo without a user', `token-sudo token="${TOKEN}"`, 401],
    ['token-sudo with the token bare', `token-sudo ${TOKEN}`, 401],
    ['another scheme', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, 401],
    ['the token with a suffix', `token ${TOKEN} extra`, 401],
  ];

  test('the local server (--token) takes the sudo form wherever it takes `token …`', async () => {
    const local = await listen({ source: new FixtureSource(), token: TOKEN });
    try {
      for (const [what, authorization, status] of forms) {
        const answer = await raw(`${local.base}/.api/graphql`, { headers: { ...JSON_TYPE, Authorization: authorization }, body: VIEWS });
        assert.equal(answer.status, status, `${what}: ${answer.text}`);
        const image = await raw(`${local.base}/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`, { method: 'GET', headers: { Authorization: authorization } });
        assert.equal(image.status, status, `${what} (image)`);
      }
    } finally {
      local.server.close();
    }
  });

  test('presentedToken: the forms, and a --token of any characters still taken whole after `token `', () => {
    assert.equal(presentedToken('token-sudo user="a\\"b",token="t\\"1"'), 't"1');
    assert.equal(presentedToken('token token=abc'), 'abc');
    for (const token of ['abc=def', 'a,b', 'two words', 'x="y"']) assert.equal(presentedToken(`token ${token}`), token);
    for (const header of ['', 'token', 'token ', 'Bearer abc', 'token-sudo user="",token="t"', 'token-sudo user="a",token=""', 'token-sudo user="a" token="t"']) {
      assert.equal(presentedToken(header), undefined, header);
    }
  });

  test("the proxy (--token) too, and the caller's sudo header never travels upstream", async () => {
    const upstream = await new StandInUpstream().start();
    const CALLER = 'sgp_caller_fedcba9876543210';
    const proxy = await listen({ proxy: { upstreamFetch: createUpstreamFetch({ upstream: upstream.url, token: TOKEN, cacheTtlSeconds: 0, log: () => {} }), allowOrigins: [], token: CALLER } });
    try {
      for (const [what, authorization, status] of forms) {
        const answer = await raw(`${proxy.base}/.api/graphql`, { headers: { ...JSON_TYPE, Authorization: authorization.replaceAll(TOKEN, CALLER) }, body: VIEWS });
        assert.equal(answer.status, status, `${what}: ${answer.text}`);
      }
      upstream.fault = 'echo-headers';
      const echoed = await raw(`${proxy.base}/.api/graphql`, { headers: { ...JSON_TYPE, Authorization: sudo('alice', CALLER) }, body: VIEWS });
      assert.equal(echoed.status, 200);
      assert.ok(!echoed.text.includes(CALLER) && !echoed.text.includes('alice'), echoed.text);
      assert.match(echoed.text, /"authorization":"token \[redacted\]"/);
    } finally {
      await upstream.stop();
      proxy.server.close();
    }
  });
});
