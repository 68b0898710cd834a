/**
 * What the image embeds refuse, and how the server keeps answering while it draws PNGs, through real HTTP: a PNG
 * over the pixel limit (asked for, or as tall as a long dashboard), other requests answered while a large PNG is
 * rasterized, a full rasterizing queue, URLs that are not validly percent-encoded, absurd series options.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { embedHandler } from '../../../server/embed/handler.ts';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { localFetch } from '../../../server/graphql/local-fetch.ts';

const servers: Server[] = [];
let base: string;
/** GraphQL requests the embeds sent to the fixture source (not counting the tests' own), and those answered. */
let embedFetches = 0;
let embedAnswers = 0;
let staticRoot: string;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(path: string, at = base) {
  const response = await fetch(at + path);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

const insight = (format: 'svg' | 'png', query = '') => `/embed/insight/${encodeURIComponent(FIXTURE_IDS.migration)}.${format}${query}`;
/** The 48-card dashboard. */
const bulk = (format: 'svg' | 'png', query = '') => `/embed/dashboard/${encodeURIComponent(DASHBOARD_IDS.bulk)}.${format}${query}`;
/** Exactly the pixel limit: 7680 × 4320. Over a second of resvg on one core. */
const LARGEST = '?width=3840&height=2160&scale=2';

before(async () => {
  const source = new FixtureSource();
  const fetchData = localFetch(source);
  staticRoot = mkdtempSync(join(tmpdir(), 'embed-limits-'));
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>demo</title>');
  const server = createInsightsServer({
    source,
    embedFetch: async (input, init) => {
      embedFetches++;
      const response = await fetchData(input, init);
      embedAnswers++;
      return response;
    },
    // As with --demo: paths no route claims fall through to the static files.
    static: { '/': staticRoot },
  });
  base = await listen(server);
});

after(() => {
  for (const server of servers) server.close();
  rmSync(staticRoot, { recursive: true, force: true });
});

describe('image embeds under load', () => {
  describe('pixel limit', () => {
    test('a PNG over the limit is a 400 that names the limit, before any data is fetched', async () => {
      embedFetches = 0;
      const { response, body } = await get(insight('png', '?width=3840&height=19990&scale=3'));
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.match(body.toString(), /This PNG would be 11520 × 59970 pixels \(3840 × 19990 at scale 3\), 690\.9 million pixels/);
      assert.match(body.toString(), /PNG images are limited to 33\.2 million pixels \(width × height × scale²/);
      assert.equal(embedFetches, 0, 'nothing was fetched');
      // The SVG of the same size is text and costs no pixmap: it is drawn.
      assert.equal((await get(insight('svg', '?width=3840&height=19990&scale=3'))).response.status, 200);
    });

    test('an image as tall as its content is checked once drawn: a long dashboard at scale 3', async () => {
      const { response, body } = await get(bulk('png', '?width=3840&min-card-width=1920&scale=3'));
      assert.equal(response.status, 400);
      assert.match(body.toString(), /This PNG would be 11520 × \d+ pixels \(3840 × \d+ at scale 3\).*limited to 33\.2 million pixels/);
    });

    test('the limit itself is drawn', async () => {
      const { response, body } = await get(insight('png', LARGEST));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      // The header's size: decoding 133 MB of pixels in JavaScript would take the test seconds.
      assert.deepEqual([body.readUInt32BE(16), body.readUInt32BE(20)], [7680, 4320]);
    });
  });

  describe('responsiveness', () => {
    test('an SVG and a GraphQL query sent while a large PNG is drawn are answered before it', async () => {
      const finished: string[] = [];
      const png = get(insight('png', `${LARGEST}&heading=responsiveness`)).then(({ response }) => {
        finished.push('png');
        return response.status;
      });
      // Once its data is there, the PNG is drawn as SVG (tens of milliseconds) and then rasterized (over a second).
      const answered = embedAnswers;
      while (embedAnswers === answered) await delay(5);
      await delay(100);
      const svg = get(insight('svg', '?heading=meanwhile')).then(({ response }) => {
        finished.push('svg');
        return response.status;
      });
      const graphql = fetch(`${base}/.api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'query { __typename }' }),
      }).then(async (response) => {
        await response.arrayBuffer();
        finished.push('graphql');
        return response.status;
      });
      assert.deepEqual(await Promise.all([png, svg, graphql]), [200, 200, 200]);
      assert.equal(finished.at(-1), 'png', `finished in the order ${finished.join(', ')}`);
    });

    test('with every thread drawing and the queue full, the next PNG is a 503 with Retry-After', async () => {
      // One thread, one waiting render: the third PNG sent at once finds no room.
      const at = await listen(createServer(embedHandlerServer({ workers: 1, queue: 1 })));
      const answers = await Promise.all(
        [1, 2, 3].map((n) => get(insight('png', `?width=3840&height=2160&heading=queue-${n}`), at)),
      );
      const statuses = answers.map((a) => a.response.status);
      assert.deepEqual([...statuses].sort(), [200, 200, 503]);
      const busy = answers[statuses.indexOf(503)];
      assert.equal(busy.response.headers.get('retry-after'), '5');
      assert.equal(busy.response.headers.get('cache-control'), 'no-store');
      assert.match(busy.body.toString(), /The server is busy drawing PNG images \(1 at a time, 1 waiting\): try again in a few seconds, or use the \.svg\./);
      // Room again once they are done.
      assert.equal((await get(insight('png', '?heading=queue-after'), at)).response.status, 200);
    });
  });

  describe('malformed URLs', () => {
    test('bad percent-encoding anywhere in an embed URL is a 400 that says where', async () => {
      const id = encodeURIComponent(FIXTURE_IDS.migration);
      const cases: [string, RegExp][] = [
        // No embed route matches these: the static files would answer them.
        ['/embed/%zz.svg', /The path in the URL is not validly percent-encoded\./],
        ['/embed/insight/%E0%A4%A', /The path in the URL is not validly percent-encoded\./],
        // Query parameters used to pass as they were ("%zz") or as U+FFFD.
        [`/embed/insight/${id}.svg?heading=%E0%A4%A`, /The heading parameter in the URL is not validly percent-encoded\./],
        [`/embed/insight/${id}.png?include-repos=%zz`, /The include-repos parameter in the URL is not validly percent-encoded\./],
        [`/embed/insight.svg?kind=group-by&query=TODO%FF`, /The query parameter in the URL is not validly percent-encoded\./],
        [`/embed/insight/${id}.svg?%zz=1`, /The "%zz" parameter in the URL is not validly percent-encoded\./],
      ];
      for (const [path, message] of cases) {
        const { response, body } = await get(path);
        assert.equal(response.status, 400, path);
        assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8', path);
        assert.match(body.toString(), message, path);
      }
      // Valid escapes still work: an encoded space and a `+`.
      assert.equal((await get(`/embed/insight/${id}.svg?heading=Build%20time+trend`)).response.status, 200);
    });

    test('a series-limit or num-samples beyond a GraphQL Int is a 400, not the instance refusing the query', async () => {
      for (const query of ['?series-limit=999999999999', '?num-samples=99999999999', '?series-limit=2147483648']) {
        const { response, body } = await get(insight('svg', query));
        assert.equal(response.status, 400, query);
        assert.match(body.toString(), /parameter "\d+" is not valid: expected a whole number from 1 to 2147483647\./, query);
      }
      assert.equal((await get(insight('svg', '?series-limit=1e9'))).response.status, 400);
      assert.equal((await get(insight('svg', '?series-limit=2147483647'))).response.status, 200);
    });
  });
});

/** The embed routes alone, with the rasterizer's pool sized for a test. */
function embedHandlerServer(raster: { workers: number; queue: number }) {
  const handle = embedHandler({ fetch: localFetch(new FixtureSource()), raster });
  return (request: Parameters<typeof handle>[0], response: Parameters<typeof handle>[1]) => {
    void handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  };
}
