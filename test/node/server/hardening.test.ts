/**
 * Hostile requests to both servers (the local one over fixtures, the read-only proxy over a stand-in instance):
 * query cost (fragment bombs, alias floods), foreign hosts and origins, oversized and badly encoded requests,
 * and what the proxy passes back. Each is answered with a clear refusal, and nothing reaches the instance.
 */
import assert from 'node:assert/strict';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { parse } from 'graphql';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { guardedRepositoryMatch } from '../../../server/sources/guarded-match.ts';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { QUERY_LIMITS, queryCost } from '../../../server/graphql/query-cost.ts';
import { createInsightsServer, type InsightsServerOptions } from '../../../server/http/server.ts';
import { createUpstreamFetch } from '../../../server/proxy/index.ts';
import { MAX_BYTES_IN_FLIGHT, redact } from '../../../server/proxy/upstream.ts';
import { aliasFlood, fragmentBomb } from '../../support/hostile-queries.ts';
import { StandInUpstream } from '../../support/stand-in-upstream.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request as a hostile page or client sends it: any Host, Origin and body, over plain node:http. */
function raw(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const graphqlBody = (query: string) => JSON.stringify({ query });
const VIEWS = '{ insightViews { nodes { id } } }';

/** `count` aliases of one insight view each: one request asking for `count` computations. */
function viewFlood(count: number): string {
  return aliasFlood(count, () => `insightViews(id: "${FIXTURE_IDS.todos}") { nodes { id } }`);
}

async function listen(options: InsightsServerOptions): Promise<{ base: string; server: Server }> {
  const server = createInsightsServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('query cost', () => {
  test('queryCost measures a fragment bomb without expanding it', { timeout: 10_000 }, () => {
    // 2^60 fields: expanding them would never end; measuring per fragment is linear.
    const cost = queryCost(parse(fragmentBomb(60)));
    assert.equal(cost.fields, 2 ** 60 + 2);
    assert.equal(cost.depth, 3);
  });

  test('queryCost counts aliases and top-level fields through fragments', () => {
    const cost = queryCost(parse('{ ...Q a: insightViews { nodes { id } } } fragment Q on Query { b: insightViews { nodes { x: id } } search(query: "") { __typename } }'));
    assert.deepEqual(cost, { depth: 3, rootFields: 3, breadth: 3, aliases: 3, fields: 8 });
  });

  test('queryCost measures the widest selection set, which graphql-js compares field by field', () => {
    const wide = `{ insightViews { nodes { ${'dashboards(first: 1) { nodes { id } } '.repeat(400)} } } }`;
    assert.equal(queryCost(parse(wide)).breadth, 400);
  });

  test('a fragment cycle costs infinitely much instead of looping', () => {
    const cost = queryCost(parse('{ insightViews { nodes { ...A } } } fragment A on InsightView { ...B } fragment B on InsightView { ...A }'));
    assert.equal(cost.fields, Infinity);
  });

  test('the elements\' own batched documents are far within the limits', async () => {
    const { allOperations } = await import('../../../src/api/queries.ts');
    for (const operation of allOperations()) {
      const cost = queryCost(parse(operation.document));
      assert.ok(cost.depth <= QUERY_LIMITS.depth && cost.fields <= QUERY_LIMITS.fields / 4 && cost.rootFields <= 6, `${operation.name}: ${JSON.stringify(cost)}`);
    }
  });
});

describe('the local server under hostile requests', () => {
  let local: { base: string; server: Server };
  before(async () => {
    // As `code-insights-server --fixtures` makes it.
    local = await listen({ source: new FixtureSource({ matchRepositories: guardedRepositoryMatch }), allowHosts: ['insights.example.com'] });
  });
  after(() => local.server.close());

  test('a fragment bomb is refused with the cost that refused it', { timeout: 10_000 }, async () => {
    const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(fragmentBomb(40)) });
    assert.equal(answer.status, 200);
    const { data, errors } = JSON.parse(answer.text);
    assert.equal(data, null);
    const messages = errors.map((e: { message: string }) => e.message);
    assert.ok(messages.includes('Refused: the query selects 1,099,511,627,778 fields once its fragments are expanded; at most 5,000 are answered.'), messages.join('\n'));
  });

  test('an alias flood is refused before any view is computed', async () => {
    // 1,000 aliases: refused while parsing, at the token limit; just over the field limit: by the cost check.
    for (const [count, message] of [
      [1000, /^Refused: the query has more than 5,000 tokens, the most that are read\.$/],
      [QUERY_LIMITS.rootFields + 1, /^Refused: the query asks for 31 top-level fields; at most 30 are answered in one request/],
    ] as const) {
      const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(viewFlood(count)) });
      const { data, errors } = JSON.parse(answer.text);
      assert.equal(data, null);
      assert.ok(errors.some((e: { message: string }) => message.test(e.message)), answer.text);
    }
    // At the limit it is still answered.
    const within = JSON.parse((await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(viewFlood(QUERY_LIMITS.rootFields)) })).text);
    assert.equal(within.errors, undefined);
    assert.equal(Object.keys(within.data).length, QUERY_LIMITS.rootFields);
  });

  test('pages on other origins are refused; its own pages and non-browser callers are answered', async () => {
    const foreign = await raw(local.base, '/.api/graphql', { method: 'POST', headers: { ...JSON_TYPE, Origin: 'https://evil.example' }, body: graphqlBody(VIEWS) });
    assert.equal(foreign.status, 403);
    assert.match(foreign.text, /pages on https:\/\/evil\.example may not call this server \(start it with --allow-origin/);
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    const preflight = await raw(local.base, '/.api/graphql', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    const host = new URL(local.base).host;
    const same = await raw(local.base, '/.api/graphql', { method: 'POST', headers: { ...JSON_TYPE, Origin: `http://${host}` }, body: graphqlBody(VIEWS) });
    assert.equal(same.status, 200);
    const curl = await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(VIEWS) });
    assert.equal(curl.status, 200);
  });

  test('listed origins get Sourcegraph\'s CORS answer', async () => {
    const listed = await listen({ source: new FixtureSource(), allowOrigins: ['https://wiki.example.com'] });
    try {
      const answer = await raw(listed.base, '/.api/graphql', { method: 'POST', headers: { ...JSON_TYPE, Origin: 'https://wiki.example.com' }, body: graphqlBody(VIEWS) });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['access-control-allow-origin'], 'https://wiki.example.com');
      assert.equal(answer.headers['access-control-allow-credentials'], 'true');
    } finally {
      listed.server.close();
    }
  });

  test('POSTs that are not JSON are refused (a page can send text/plain without a preflight)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body: graphqlBody(VIEWS) });
      assert.equal(answer.status, 415, type);
      assert.match(answer.text, /POST requests must be JSON, sent with "Content-Type: application\/json"/);
    }
    const charset = await raw(local.base, '/.api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: graphqlBody(VIEWS) });
    assert.equal(charset.status, 200);
  });

  test('a rebound host name is refused on every route; loopback, IP addresses and --allow-host names are answered', async () => {
    const port = new URL(local.base).port;
    for (const path of ['/.api/graphql', `/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`, '/']) {
      const rebound = await raw(local.base, path, { method: path === '/.api/graphql' ? 'POST' : 'GET', headers: { ...JSON_TYPE, Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` }, body: path === '/.api/graphql' ? graphqlBody(VIEWS) : undefined });
      assert.equal(rebound.status, 403, path);
      assert.match(rebound.text, /does not answer for the host name "evil\.example" \(a protection against DNS rebinding\)\. If that is its name, start it with --allow-host evil\.example/);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, `insights.example.com:${port}`, 'INSIGHTS.example.com']) {
      const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: { ...JSON_TYPE, Host: host }, body: graphqlBody(VIEWS) });
      assert.equal(answer.status, 200, host);
    }
  });

  test('a 10 MB body is answered 413, not with a reset connection', async () => {
    const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(10 * 1024 * 1024, 32) });
    assert.equal(answer.status, 413);
    assert.equal(answer.text, 'The request body is larger than 1 MB.');
  });

  test('a flood past the GraphQL places is answered 503 with Retry-After, at once or after the longest wait', async () => {
    for (const [limits, why] of [
      [{ concurrent: 0, queued: 0 }, /0 jobs are running and 0 waiting, the most this server takes\./],
      [{ concurrent: 0, queued: 5, waitMs: 50 }, /the request waited 0\.05 s for one of 0 places\./],
    ] as const) {
      const busy = await listen({ source: new FixtureSource(), graphqlLimits: limits });
      try {
        const answer = await raw(busy.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(VIEWS) });
        assert.equal(answer.status, 503);
        assert.equal(answer.headers['retry-after'], '2');
        assert.match(answer.text, /^The insights server is busy: /);
        assert.match(answer.text, why);
      } finally {
        busy.server.close();
      }
    }
  });

  test('images go to any <img> but are read by scripts only on listed origins', async () => {
    const path = `/embed/insight.svg?kind=group-by&query=${encodeURIComponent('TODO')}&mode=repo`;
    const img = await raw(local.base, path);
    assert.equal(img.status, 200);
    assert.equal(img.headers['access-control-allow-origin'], undefined);
    const script = await raw(local.base, path, { headers: { Origin: 'https://evil.example' } });
    assert.equal(script.status, 403);
    assert.match(script.text, /--allow-origin/);
    const listed = await listen({ source: new FixtureSource(), allowOrigins: ['https://wiki.example.com'] });
    try {
      const answer = await raw(listed.base, path, { headers: { Origin: 'https://wiki.example.com' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['access-control-allow-origin'], 'https://wiki.example.com');
    } finally {
      listed.server.close();
    }
  });

  test('a live preview has at most 20 series: the list is the one cost the query limits cannot see', async () => {
    const series = Array.from({ length: 21 }, (_, i) => ({ query: `TODO ${i}`, label: `s${i}`, generatedFromCaptureGroups: false }));
    const query = 'query($input: SearchInsightPreviewInput!) { searchInsightPreview(input: $input) { label } }';
    const input = { repositoryScope: { repositories: ['github.com/acme/api'] }, timeScope: { stepInterval: { unit: 'MONTH', value: 1 } }, series };
    const answer = JSON.parse((await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query, variables: { input } }) })).text);
    assert.equal(answer.errors[0].message, 'A preview has at most 20 series, not 21.');
    input.series = series.slice(0, 20);
    const within = JSON.parse((await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query, variables: { input } }) })).text);
    assert.equal(within.errors, undefined, JSON.stringify(within.errors));
  });

  test('fixture mode runs repository filters under the regexp time limit too', { timeout: 20_000 }, async () => {
    const query = 'query($id: ID!, $filters: InsightViewFiltersInput) { insightViews(id: $id, filters: $filters) { nodes { dataSeries { label } } } }';
    const runaway = raw(local.base, '/.api/graphql', {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ query, variables: { id: FIXTURE_IDS.todos, filters: { includeRepoRegex: '^gi(([a-z./]+)+)+X$' } } }),
    }).then((answer) => ({ answer, at: performance.now() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await raw(local.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(VIEWS) });
    const ordinaryAt = performance.now();
    const { answer, at } = await runaway;
    assert.ok(ordinaryAt < at, 'the ordinary request waited for the runaway filter');
    assert.match(JSON.parse(answer.text).errors[0].message, /took too long to run/);
  });

  test('image embeds take their data requests\' places among the API\'s: a full house is a 503 image', async () => {
    const full = await listen({ source: new FixtureSource(), graphqlLimits: { concurrent: 0, queued: 0 } });
    try {
      const image = await raw(full.base, `/embed/insight/${encodeURIComponent(FIXTURE_IDS.todos)}.svg`);
      assert.equal(image.status, 503);
      assert.match(image.headers['content-type'] as string, /^image\/svg\+xml/);
    } finally {
      full.server.close();
    }
  });

  test('Host headers that are no host names are refused, whatever they end with', async () => {
    for (const host of ['[::1].evil.com', 'evil.com#.localhost', 'evil.com?.localhost', 'x@evil']) {
      const answer = await raw(local.base, '/.api/graphql', { method: 'POST', headers: { ...JSON_TYPE, Host: host }, body: graphqlBody(VIEWS) });
      assert.equal(answer.status, 400, host);
      assert.equal(answer.text, 'Refused: the Host header is not a host name.');
    }
  });

  test('malformed percent-encoding is a 400 naming it, not a 500', async () => {
    const exported = await raw(local.base, '/.api/insights/export/%E0%A4%A');
    assert.equal(exported.status, 400);
    assert.equal(exported.text, 'The insight id in the URL is not validly percent-encoded.');
    const demo = await listen({ source: new FixtureSource(), static: { '/': 'demo' } });
    try {
      const page = await raw(demo.base, '/%E0%A4%A.html');
      assert.equal(page.status, 400);
      assert.equal(page.text, 'The path in the URL is not validly percent-encoded.');
    } finally {
      demo.server.close();
    }
  });
});

describe('the read-only proxy under hostile requests', () => {
  const TOKEN = 'sgp_hardening_0123456789abcdef';
  let upstream: StandInUpstream;
  let proxy: { base: string; server: Server };
  before(async () => {
    upstream = await new StandInUpstream().start();
    const upstreamFetch = createUpstreamFetch({ upstream: upstream.url, token: TOKEN, cacheTtlSeconds: 0, log: () => {} });
    proxy = await listen({ proxy: { upstreamFetch, allowOrigins: [] } });
  });
  after(async () => {
    proxy.server.close();
    await upstream.stop();
  });

  test('a fragment bomb and an alias flood are refused and never reach the instance', { timeout: 10_000 }, async () => {
    upstream.requests.length = 0;
    for (const [query, message] of [
      [fragmentBomb(40), /Refused by the read-only insights proxy: the query selects 1,099,511,627,778 fields/],
      [aliasFlood(1000, () => 'searchQueryAggregate(query: "x", patternType: literal) { __typename }'), /Refused by the read-only insights proxy: the query has more than 5,000 tokens/],
      [aliasFlood(31, () => 'searchQueryAggregate(query: "x", patternType: literal) { __typename }'), /Refused by the read-only insights proxy: the query asks for 31 top-level fields; at most 30/],
    ] as const) {
      const answer = await raw(proxy.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: graphqlBody(query) });
      assert.equal(answer.status, 200);
      const { data, errors } = JSON.parse(answer.text);
      assert.equal(data, null);
      assert.ok(errors.some((e: { message: string }) => message.test(e.message)), answer.text.slice(0, 500));
    }
    assert.equal(upstream.requests.length, 0);
  });

  test('a rebound host is refused even when Origin matches it', async () => {
    const port = new URL(proxy.base).port;
    upstream.requests.length = 0;
    const answer = await raw(proxy.base, '/.api/graphql', {
      method: 'POST',
      headers: { ...JSON_TYPE, Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` },
      body: graphqlBody(VIEWS),
    });
    assert.equal(answer.status, 403);
    assert.match(answer.text, /DNS rebinding/);
    assert.equal(upstream.requests.length, 0);
  });

  test('variables nested 200,000 deep or over 64 KB are refused, not answered with a stack trace', async () => {
    let deep = '0';
    for (let i = 0; i < 200_000; i++) deep = `[${deep}]`;
    const nested = await raw(proxy.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: `{"query":"{ insightViews { nodes { id } } }","variables":{"a":${deep}}}` });
    assert.equal(nested.status, 200);
    assert.match(JSON.parse(nested.text).errors[0].message, /"variables" nest more than 16 deep/);
    const large = await raw(proxy.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query: VIEWS, variables: { pad: 'x'.repeat(100_000) } }) });
    assert.match(JSON.parse(large.text).errors[0].message, /"variables" are larger than 64 KB/);
  });

  test('text/plain POSTs and 10 MB bodies are refused', async () => {
    assert.equal((await raw(proxy.base, '/.api/graphql', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: graphqlBody(VIEWS) })).status, 415);
    const large = await raw(proxy.base, '/.api/graphql', { method: 'POST', headers: JSON_TYPE, body: Buffer.alloc(10 * 1024 * 1024, 32) });
    assert.equal(large.status, 413);
    assert.equal(large.text, 'The request body is larger than 1 MB.');
  });

  test('the CSV export is CSV whatever content type the instance gives it', async () => {
    upstream.fault = 'html';
    try {
      const answer = await raw(proxy.base, '/.api/insights/export/aW5zaWdodA%3D%3D');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    } finally {
      upstream.fault = 'ok';
    }
  });

  test('concurrent large answers are bounded in memory: past the budget, callers are told to retry', async () => {
    // An instance whose answers each hold 20 MB until all four callers have read that much: 80 MB at once.
    const CALLERS = 4;
    const chunk = new TextEncoder().encode(`{"data":{"blob":"${'x'.repeat(20 * 1024 * 1024)}`);
    let firstChunksRead = 0;
    let release!: () => void;
    const allRead = new Promise<void>((resolve) => (release = resolve));
    const instance: typeof fetch = async () => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            if (!sent) {
              sent = true;
              controller.enqueue(chunk);
              if (++firstChunksRead === CALLERS) release();
              return;
            }
            await allRead;
            controller.enqueue(new TextEncoder().encode('"}}'));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const upstreamFetch = createUpstreamFetch({ upstream: 'http://instance.invalid', fetch: instance, cacheTtlSeconds: 0, log: () => {} });
    const answers = await Promise.all(
      Array.from({ length: CALLERS }, (_, i) =>
        upstreamFetch('http://proxy/.api/graphql', { method: 'POST', body: JSON.stringify({ query: `query Q${i} { insightViews { nodes { id } } }` }) }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, Math.floor(MAX_BYTES_IN_FLIGHT / chunk.length), statuses.join());
    const busy = answers.find((a) => a.status === 503)!;
    assert.equal(busy.headers.get('retry-after'), '2');
    assert.match((await busy.json()).errors[0].message, /The proxy is reading 64 MB of other answers from the instance: try again in a few seconds/);
  });
});

describe('token scrubbing', () => {
  const token = 'sgp_0123456789abcdef0123';
  test('the token is redacted as sent, re-cased, escaped, percent-encoded, and in base64 or hex at any alignment', () => {
    const echoes = [
      token,
      token.toUpperCase(),
      [...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
      `\\u0073${token.slice(1)}`,
      [...token].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(''),
      Buffer.from(token).toString('hex'),
      ...[0, 1, 2].flatMap((shift) => {
        const encoded = Buffer.from(`${'u:'.slice(0, shift)}${token}`);
        return [encoded.toString('base64'), encoded.toString('base64url')];
      }),
    ];
    for (const echo of echoes) {
      const scrubbed = redact(`{"message":"bad credential ${echo} here"}`, token);
      assert.match(scrubbed, /\[redacted\]/, echo);
      assert.ok(!scrubbed.toLowerCase().includes(token.slice(4, 16).toLowerCase()), `${echo} → ${scrubbed}`);
    }
    assert.equal(redact('nothing secret here', token), 'nothing secret here');
    // The secret after Sourcegraph's `sgp_` prefix is the token too.
    assert.equal(redact(`secret=${token.slice(4)}`, token), 'secret=[redacted]');
  });

  test('the token inside a sudo header (`token-sudo user="…",token="…"`) is redacted however the header comes back', () => {
    const header = `token-sudo user="alice",token="${token}"`;
    const echoes = [
      header,
      JSON.stringify({ authorization: header }),
      encodeURIComponent(header),
      Buffer.from(header).toString('base64'),
      Buffer.from(`Authorization: ${header}`).toString('base64url'),
      Buffer.from(header).toString('hex'),
    ];
    for (const echo of echoes) {
      const scrubbed = redact(echo, token);
      assert.match(scrubbed, /\[redacted\]/, echo);
      assert.ok(!scrubbed.toLowerCase().includes(token.slice(4, 16).toLowerCase()), `${echo} → ${scrubbed}`);
    }
    assert.equal(redact(header, token), 'token-sudo user="alice",token="[redacted]"');
  });
});
