/**
 * The read-only proxy in front of a stand-in Sourcegraph instance that records every request: what the elements
 * send passes with the server's token, anything else is refused before it reaches the instance, the token never
 * comes back, browsers on other origins are kept out unless listed, answers are cached briefly, and upstream
 * faults become clear errors (read here by the elements' own transport) while the proxy keeps answering.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isObjectType, isInterfaceType, isInputObjectType, parse, print, type GraphQLNamedType } from 'graphql';
import { allOperations, LANGUAGES } from '../../../src/api/queries.ts';
import { InsightsError } from '../../../src/api/errors.ts';
import { postGraphQL } from '../../../src/api/transport.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { localFetch } from '../../../server/graphql/local-fetch.ts';
import { createUpstreamFetch, embedTimeoutMs, type UpstreamOptions } from '../../../server/proxy/index.ts';
import { readOnlySchema } from '../../../server/proxy/allowlist.ts';
import { StandInUpstream, type Fault } from '../../support/stand-in-upstream.ts';
import { upstreamSchema, upstreamSchemaAvailable, validateDocument } from '../../support/upstream-schema.ts';

const CANARY = 'sgp_canary_0123456789abcdef';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Proxy {
  base: string;
  logs: string[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json(): { data: unknown; errors?: { message: string }[] };
}

/** Everything any proxy returned in this file, for the final sweep for the token. */
const returned: string[] = [];

async function startProxy(upstream: StandInUpstream, options: Partial<UpstreamOptions> & { allowOrigins?: string[]; proxyToken?: string } = {}): Promise<Proxy> {
  const logs: string[] = [];
  const { allowOrigins = [], proxyToken, ...upstreamOptions } = options;
  const upstreamFetch = createUpstreamFetch({ upstream: upstream.url, token: CANARY, cacheTtlSeconds: 0, timeoutSeconds: 2, log: (line) => logs.push(line), ...upstreamOptions });
  const server: Server = createInsightsServer({ proxy: { upstreamFetch, allowOrigins, token: proxyToken } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  returned.push(text, headers);
  assert.ok(!text.includes(CANARY) && !headers.includes(CANARY), `the token came back from ${url}`);
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

function graphql(proxy: Proxy, query: string, variables: object = {}, headers: Record<string, string> = {}, operationName?: string): Promise<Answer> {
  return call(`${proxy.base}/.api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables, operationName }),
  });
}

const VIEW = 'query View($id: ID!) { insightViews(id: $id) { nodes { id } } }';

describe('read-only proxy', () => {
  let upstream: StandInUpstream;
  let proxy: Proxy;

  before(async () => {
    upstream = await new StandInUpstream().start();
    proxy = await startProxy(upstream);
  });
  after(async () => {
    await proxy.close();
    await upstream.stop();
  });

  describe('what the elements send', () => {
    for (const operation of allOperations()) {
      const views = (operation.document.match(/insightViews\(/g) ?? []).length;
      test(`${operation.name}${views ? ` (${views} views)` : ''} reaches the instance with the server's token`, async () => {
        upstream.requests.length = 0;
        const variables = { id0: 'aW5zaWdodA==', query: 'repo:^x$' };
        const answer = await graphql(proxy, operation.document, variables, {}, operation.name);
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.json(), { data: { operationName: operation.name, variables } });
        assert.equal(upstream.requests.length, 1);
        const [sent] = upstream.requests;
        assert.equal(sent.method, 'POST');
        assert.equal(sent.url, `/.api/graphql?${operation.name}`);
        assert.equal(sent.headers.authorization, `token ${CANARY}`);
        assert.equal(sent.headers['content-type'], 'application/json');
        const body = JSON.parse(sent.body);
        assert.equal(body.query, print(parse(operation.document)), 'the checked document, re-printed');
        if (upstreamSchemaAvailable()) assert.deepEqual(validateDocument(upstreamSchema(), body.query), []);
      });
    }

    test('the caller\'s own Authorization and Cookie stay at the proxy; the instance\'s headers stay upstream', async () => {
      upstream.requests.length = 0;
      const answer = await graphql(proxy, VIEW, { id: 'a' }, { Authorization: 'token caller-token', Cookie: 'sgs=caller-session', 'X-Requested-With': 'Sourcegraph' });
      assert.equal(upstream.requests[0].headers.authorization, `token ${CANARY}`);
      assert.equal(upstream.requests[0].headers.cookie, undefined);
      assert.equal(upstream.requests[0].headers['x-requested-with'], undefined);
      assert.equal(answer.headers.get('set-cookie'), null);
      assert.equal(answer.headers.get('x-trace'), null);
    });

    test('aliases of allowed fields pass', async () => {
      const answer = await graphql(proxy, '{ a: insightViews(id: "x") { nodes { id } } b: search(query: "repo:x") { stats { languages { name totalLines } } } }');
      assert.equal(answer.json().errors, undefined);
    });
  });

  describe('refused, never reaching the instance', () => {
    const refusals: [string, string, RegExp][] = [
      ['a mutation', 'mutation { deleteInsightView(id: "x") { alwaysNil } }', /mutation operations are not forwarded/],
      ['a mutation beside an allowed query', 'query A { insightViews { nodes { id } } } mutation B { logout }', /mutation operations .*: B/],
      ['a subscription', 'subscription { anything }', /subscription operations/],
      ['a field outside the allowlist', '{ currentUser { accessTokens { nodes { id } } } }', /"currentUser" on "Query".*Only insightViews/],
      ['an aliased field outside the allowlist', '{ views: insightViews { nodes { id } } me: currentUser { username } }', /"currentUser"/],
      ['a field smuggled in a fragment spread', 'query Q { ...Root } fragment Root on Query { site { configuration { effectiveContents } } }', /"site" on "Query"/],
      [
        'a field smuggled in an inline fragment',
        '{ insightViews { nodes { dataSeries { status { incompleteDatapoints { ... on TimeoutDatapointAlert { repositories { commit(rev: "HEAD") { blob(path: "x") { content } } } } } } } } } }',
        /"repositories" on "TimeoutDatapointAlert"/,
      ],
      ['a type the proxy does not read, in an inline fragment', '{ insightViews { nodes { ... on Repository { name } } } }', /Unknown type "Repository"/],
      ['search results', '{ search(query: "secret") { results { results { __typename } } } }', /"results" on "SearchResults"/],
      ['search repositories', '{ search(query: "secret") { results { repositories { name } } } }', /"repositories" on "SearchResults"/],
      ['dashboard grants', '{ insightsDashboards { nodes { grants { users } } } }', /"grants" on "InsightsDashboard"/],
      ['introspection of the schema', '{ __schema { types { name } } }', /introspection \(__schema\)/],
      ['introspection of a type', '{ __type(name: "User") { fields { name } } }', /introspection \(__type\)/],
      ['a document that is not GraphQL', 'query {', /not valid GraphQL/],
      [
        'views in dashboards in views…, nested to multiply the work',
        'query { insightViews { nodes { ...Deep } } } fragment Deep on InsightView { dashboards { nodes { views { nodes { dashboards { nodes { views { nodes { id } } } } } } } } }',
        /nests fields 11 deep; at most 10/,
      ],
    ];
    for (const [what, query, message] of refusals) {
      test(what, async () => {
        upstream.requests.length = 0;
        const answer = await graphql(proxy, query);
        assert.equal(answer.status, 200, 'as Sourcegraph answers an invalid document');
        const body = answer.json();
        assert.equal(body.data, null);
        assert.ok(body.errors?.some((e) => message.test(e.message)), JSON.stringify(body.errors));
        assert.equal(upstream.requests.length, 0);
      });
    }

    test('a batch (array body), a body that is not JSON, a GET of the endpoint', async () => {
      upstream.requests.length = 0;
      const json = { 'Content-Type': 'application/json' };
      const batch = await call(`${proxy.base}/.api/graphql`, { method: 'POST', headers: json, body: JSON.stringify([{ query: VIEW }]) });
      assert.match(batch.json().errors![0].message, /no batches/);
      assert.equal((await call(`${proxy.base}/.api/graphql`, { method: 'POST', headers: json, body: 'not json' })).status, 400);
      assert.equal((await call(`${proxy.base}/.api/graphql`)).status, 405);
      assert.equal(upstream.requests.length, 0);
    });

    test('createUpstreamFetch applies the allowlist too (what the image routes are given)', async () => {
      upstream.requests.length = 0;
      const upstreamFetch = createUpstreamFetch({ upstream: upstream.url, token: CANARY, log: () => {} });
      const response = await upstreamFetch('http://any-host/.api/graphql?X', { method: 'POST', body: JSON.stringify({ query: 'mutation { logout }' }) });
      assert.equal(response.status, 200);
      assert.match((await response.json()).errors[0].message, /mutation/);
      const allowed = await upstreamFetch('http://any-host/.api/graphql', { method: 'POST', body: JSON.stringify({ query: LANGUAGES.document, variables: { query: 'r' } }) });
      assert.equal((await allowed.json()).data.operationName, null);
      assert.equal(upstream.requests.length, 1);
      assert.equal(upstream.requests[0].url, '/.api/graphql?CodeInsightLanguages');
    });
  });

  describe('the CSV export', () => {
    test('is forwarded read-only with the token, without the instance\'s cookies', async () => {
      upstream.requests.length = 0;
      const answer = await call(`${proxy.base}/.api/insights/export/aW5zaWdodA%3D%3D`);
      assert.equal(answer.status, 200);
      assert.match(answer.text, /^Series,Date,Value/);
      assert.equal(answer.headers.get('content-disposition'), 'attachment; filename="insight.csv"');
      assert.equal(answer.headers.get('set-cookie'), null);
      assert.equal(upstream.requests[0].url, '/.api/insights/export/aW5zaWdodA%3D%3D');
      assert.equal(upstream.requests[0].headers.authorization, `token ${CANARY}`);
    });

    test('refuses what is not an insight id, and POST', async () => {
      upstream.requests.length = 0;
      assert.equal((await call(`${proxy.base}/.api/insights/export/..%2F..%2Fgraphql`)).status, 400);
      assert.equal((await call(`${proxy.base}/.api/insights/export/abc`, { method: 'POST' })).status, 405);
      assert.equal(upstream.requests.length, 0);
    });
  });

  describe('faults upstream', () => {
    async function during<T>(fault: Fault, run: () => Promise<T>): Promise<T> {
      upstream.fault = fault;
      try {
        return await run();
      } finally {
        upstream.fault = 'ok';
      }
    }
    /** What the elements' own transport makes of the proxy's answer. */
    async function elementsError(fault: Fault): Promise<InsightsError> {
      return during(fault, async () => {
        try {
          await postGraphQL(proxy.base, { query: VIEW, variables: { id: fault }, operationName: 'View' }, { credentials: 'omit', timeout: 10_000 });
        } catch (error) {
          assert.ok(error instanceof InsightsError);
          return error;
        }
        assert.fail('no error');
      });
    }

    test('500 → 502, saying what the instance did (its body scrubbed of the token)', async () => {
      const error = await elementsError('server-error');
      assert.equal(error.status, 502);
      assert.ok(error.transient);
      assert.match(error.details.join('\n'), /answered HTTP 500/);
      assert.match(error.details.join('\n'), /\[redacted\]/);
    });

    test('429 passes through with Retry-After', async () => {
      const error = await elementsError('rate-limit');
      assert.equal(error.status, 429);
      assert.equal(error.retryAfter, 7);
      assert.match(error.details[0], /rate-limiting the proxy .* in 7 s/);
    });

    test('401: the server\'s token was rejected, which the operator must fix', async () => {
      const error = await elementsError('unauthorized');
      assert.equal(error.status, 401);
      assert.match(error.details[0], /rejected the proxy's access token.*SRC_ACCESS_TOKEN/);
    });

    test('403 with the instance\'s reason (a cost limit)', async () => {
      const error = await elementsError('cost-limit');
      assert.equal(error.status, 403);
      assert.match(error.details.join('\n'), /maximum query cost/);
    });

    test('a redirect is not followed', async () => {
      upstream.requests.length = 0;
      const error = await elementsError('redirect');
      assert.equal(error.status, 502);
      assert.match(error.details[0], /redirect \(HTTP 302\).*not follow/);
      assert.ok(upstream.requests.every((r) => !r.url.startsWith('/sign-in')));
    });

    test('a body that is not JSON → 502 naming what came', async () => {
      const error = await elementsError('html');
      assert.equal(error.status, 502);
      assert.match(error.details[0], /not JSON \(text\/html\)/);
    });

    test('an instance that reflects the request headers: the token is scrubbed', async () => {
      const answer = await during('echo-headers', () => graphql(proxy, VIEW, { id: 'echo' }));
      assert.match(answer.text, /"authorization":"token \[redacted\]"/);
    });

    test('a hanging instance times out with 504, and the proxy keeps answering', async () => {
      const quick = await startProxy(upstream, { timeoutSeconds: 0.3 });
      try {
        const started = Date.now();
        const answer = await during('hang', () => graphql(quick, VIEW, { id: 'hang' }));
        assert.equal(answer.status, 504);
        assert.match(answer.json().errors![0].message, /did not answer within 0.3 s/);
        assert.ok(Date.now() - started < 2000);
        assert.equal((await graphql(quick, VIEW, { id: 'after' })).status, 200);
        assert.ok(quick.logs.some((line) => /did not answer/.test(line)));
      } finally {
        await quick.close();
      }
    });

    test('an instance that is not there → 502 (connection refused)', async () => {
      const gone = await new StandInUpstream().start();
      const url = gone.url;
      await gone.stop();
      const upstreamFetch = createUpstreamFetch({ upstream: url, token: CANARY, log: () => {} });
      const response = await upstreamFetch(`${url}/.api/graphql`, { method: 'POST', body: JSON.stringify({ query: VIEW, variables: { id: 'x' } }) });
      assert.equal(response.status, 502);
      assert.match(await response.text(), /could not be reached \(ECONNREFUSED\)/);
    });

    test('after all that, the proxy still answers, and its logs never held the token', async () => {
      assert.equal((await graphql(proxy, VIEW, { id: 'still-here' })).status, 200);
      assert.ok(proxy.logs.length >= 5);
      for (const line of proxy.logs) assert.ok(!line.includes(CANARY), line);
    });
  });
});

describe('read-only proxy: browser origins', () => {
  let upstream: StandInUpstream;
  let closed: Proxy;
  let listed: Proxy;

  before(async () => {
    upstream = await new StandInUpstream().start();
    closed = await startProxy(upstream);
    listed = await startProxy(upstream, { allowOrigins: ['https://wiki.example.com'] });
  });
  after(async () => {
    await Promise.all([closed.close(), listed.close()]);
    await upstream.stop();
  });

  const preflight = (proxy: Proxy, origin: string) =>
    call(`${proxy.base}/.api/graphql`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });

  test('by default, another origin is refused: preflight and request, without CORS headers, nothing sent upstream', async () => {
    upstream.requests.length = 0;
    const pre = await preflight(closed, 'https://evil.example');
    assert.equal(pre.status, 403);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const post = await graphql(closed, VIEW, { id: 'x' }, { Origin: 'https://evil.example' });
    assert.equal(post.status, 403);
    assert.equal(post.headers.get('access-control-allow-origin'), null);
    assert.equal(upstream.requests.length, 0);
  });

  test('by default, the proxy\'s own origin and callers without Origin get through (no CORS headers needed)', async () => {
    const same = await graphql(closed, VIEW, { id: 'x' }, { Origin: closed.base });
    assert.equal(same.status, 200);
    assert.equal(same.headers.get('access-control-allow-origin'), null);
    assert.equal((await graphql(closed, VIEW, { id: 'x' })).status, 200);
  });

  test('a listed origin gets CORS headers (without credentials); others still do not', async () => {
    const pre = await preflight(listed, 'https://wiki.example.com');
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://wiki.example.com');
    assert.match(pre.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    assert.equal(pre.headers.get('access-control-allow-credentials'), null);
    const post = await graphql(listed, VIEW, { id: 'x' }, { Origin: 'https://wiki.example.com' });
    assert.equal(post.status, 200);
    assert.equal(post.headers.get('access-control-allow-origin'), 'https://wiki.example.com');
    assert.equal((await preflight(listed, 'https://wiki.example.com.evil.example')).status, 403);
  });

  test('--token protects the proxy itself, and is not what goes upstream', async () => {
    const guarded = await startProxy(upstream, { proxyToken: 'proxy-token' });
    try {
      upstream.requests.length = 0;
      assert.equal((await graphql(guarded, VIEW, { id: 'x' })).status, 401);
      assert.equal(upstream.requests.length, 0);
      assert.equal((await graphql(guarded, VIEW, { id: 'x' }, { Authorization: 'token proxy-token' })).status, 200);
      assert.equal(upstream.requests[0].headers.authorization, `token ${CANARY}`);
    } finally {
      await guarded.close();
    }
  });
});

describe('read-only proxy: caching', () => {
  let upstream: StandInUpstream;

  before(async () => {
    upstream = await new StandInUpstream().start();
  });
  after(() => upstream.stop());

  test('identical requests within the TTL are answered once upstream (variables in any key order)', async () => {
    const proxy = await startProxy(upstream, { cacheTtlSeconds: 30 });
    try {
      upstream.requests.length = 0;
      const first = await graphql(proxy, VIEW, { id: 'a', other: { x: 1, y: 2 } });
      const second = await graphql(proxy, `  ${VIEW}\n# same document, other spacing`, { other: { y: 2, x: 1 }, id: 'a' });
      assert.equal(second.text, first.text);
      assert.equal(upstream.requests.length, 1);
      await graphql(proxy, VIEW, { id: 'b' });
      assert.equal(upstream.requests.length, 2, 'other variables are another request');
    } finally {
      await proxy.close();
    }
  });

  test('answers with errors, and faults, are not cached', async () => {
    const proxy = await startProxy(upstream, { cacheTtlSeconds: 30 });
    try {
      upstream.requests.length = 0;
      for (const fault of ['graphql-error', 'server-error'] as const) {
        upstream.fault = fault;
        await graphql(proxy, VIEW, { id: fault });
        await graphql(proxy, VIEW, { id: fault });
      }
      upstream.fault = 'ok';
      assert.equal(upstream.requests.length, 4);
    } finally {
      upstream.fault = 'ok';
      await proxy.close();
    }
  });

  test('identical requests at the same time share one upstream call', async () => {
    const proxy = await startProxy(upstream, { cacheTtlSeconds: 0 });
    try {
      upstream.requests.length = 0;
      upstream.delayMs = 150;
      const answers = await Promise.all(Array.from({ length: 5 }, () => graphql(proxy, VIEW, { id: 'together' })));
      assert.equal(upstream.requests.length, 1);
      assert.ok(answers.every((a) => a.status === 200 && a.text === answers[0].text));
    } finally {
      upstream.delayMs = 0;
      await proxy.close();
    }
  });

  test('TTL 0 turns the cache off; answers expire after the TTL', async () => {
    const off = await startProxy(upstream, { cacheTtlSeconds: 0 });
    const brief = await startProxy(upstream, { cacheTtlSeconds: 0.2 });
    try {
      upstream.requests.length = 0;
      await graphql(off, VIEW, { id: 'off' });
      await graphql(off, VIEW, { id: 'off' });
      assert.equal(upstream.requests.length, 2);
      await graphql(brief, VIEW, { id: 'brief' });
      await graphql(brief, VIEW, { id: 'brief' });
      assert.equal(upstream.requests.length, 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await graphql(brief, VIEW, { id: 'brief' });
      assert.equal(upstream.requests.length, 4);
    } finally {
      await Promise.all([off.close(), brief.close()]);
    }
  });
});

describe('read-only proxy: image embeds', () => {
  test('an insight image in proxy mode is drawn from the instance, read with the server\'s token', async () => {
    const upstream = await new StandInUpstream().start();
    // The stand-in answers as the local server answers its fixtures: a real insight to draw.
    const local = localFetch(new FixtureSource());
    upstream.respond = async (request) => {
      const response = await local('http://local/.api/graphql', { method: 'POST', body: request.body });
      return { status: response.status, body: await response.text() };
    };
    const upstreamFetch = createUpstreamFetch({ upstream: upstream.url, token: CANARY, log: () => {} });
    const server = createInsightsServer({ proxy: { upstreamFetch, allowOrigins: [] }, embedFetch: upstreamFetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const image = await call(`${base}/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`);
      assert.equal(image.status, 200, image.text);
      assert.match(image.text, /TODOs and FIXMEs/);
      assert.ok(upstream.requests.length >= 1);
      for (const request of upstream.requests) {
        assert.match(request.url, /^\/\.api\/graphql\?\w+$/);
        assert.equal(request.headers.authorization, `token ${CANARY}`);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await upstream.stop();
    }
  });
});

describe('read-only proxy: image embeds of a silent instance', () => {
  test('the proxy\'s upstream timeout answers first, and the image says what happened', async () => {
    const upstream = await new StandInUpstream().start();
    upstream.fault = 'hang';
    const upstreamFetch = createUpstreamFetch({ upstream: upstream.url, token: CANARY, timeoutSeconds: 1, log: () => {} });
    // As the CLI sets it.
    const server = createInsightsServer({ proxy: { upstreamFetch, allowOrigins: [] }, embedFetch: upstreamFetch, embedTimeout: embedTimeoutMs(1) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const started = Date.now();
      const image = await call(`${base}/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`);
      const waited = Date.now() - started;
      assert.ok(waited >= 900 && waited < 4000, `answered at the proxy's timeout (1 s), not the image's own: ${waited} ms`);
      assert.ok([502, 504].includes(image.status), String(image.status));
      assert.match(image.headers.get('content-type') ?? '', /image\/svg\+xml/);
      assert.ok(!image.text.includes(CANARY));
    } finally {
      upstream.fault = 'ok';
      await new Promise((resolve) => server.close(resolve));
      await upstream.stop();
    }
  });
});

describe('read-only proxy: the schema it forwards', () => {
  test('every type and field it allows exists in Sourcegraph\'s schema (current or mid-2022)', { skip: !upstreamSchemaAvailable() && 'no ../shared/sourcegraph' }, () => {
    const current = upstreamSchema();
    const old = upstreamSchema(['schema.graphql', 'insights-2022.graphql']);
    const fieldsOf = (type: GraphQLNamedType | null | undefined) =>
      type && (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) ? type.getFields() : undefined;
    for (const type of Object.values(readOnlySchema().getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      assert.ok(current.getType(type.name) ?? old.getType(type.name), `${type.name} is not an upstream type`);
      const fields = fieldsOf(type);
      if (!fields) continue;
      for (const [name, field] of Object.entries(fields)) {
        const upstreamField = fieldsOf(current.getType(type.name))?.[name] ?? fieldsOf(old.getType(type.name))?.[name];
        assert.ok(upstreamField, `${type.name}.${name} is not an upstream field`);
        assert.equal(String(field.type), String(upstreamField.type), `${type.name}.${name} has another type upstream`);
      }
    }
  });
});

describe('read-only proxy: the CLI', { skip: !existsSync(`${ROOT}server/dist/cli.js`) && 'run npm run build first' }, () => {
  test('code-insights-server --upstream (from SRC_ENDPOINT) forwards allowed queries with SRC_ACCESS_TOKEN', { timeout: 20_000 }, async () => {
    const upstream = await new StandInUpstream().start();
    const child = spawn(process.execPath, ['server/dist/cli.js', '--upstream', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, SRC_ENDPOINT: upstream.url, SRC_ACCESS_TOKEN: CANARY },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /endpoint: (http:\/\/[\d.:]+)\/\.api\/graphql/.exec(output);
          if (match) resolve(match[1]);
        });
        child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
      });
      const proxy: Proxy = { base, logs: [], close: async () => {} };
      assert.equal((await graphql(proxy, VIEW, { id: 'cli' })).status, 200);
      assert.match((await graphql(proxy, 'mutation { logout }')).json().errors![0].message, /mutation/);
      assert.equal(upstream.requests.length, 1);
      assert.equal(upstream.requests[0].headers.authorization, `token ${CANARY}`);
      assert.ok(!output.includes(CANARY), output);
      assert.match(output, /read-only/);
    } finally {
      child.kill();
      await upstream.stop();
    }
  });
});

test('nothing any proxy returned in this file held the token', () => {
  assert.ok(returned.length > 50);
  for (const text of returned) assert.ok(!text.includes(CANARY));
});
