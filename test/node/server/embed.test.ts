/**
 * The image embeds through a real server over the fixture source: the chart the elements draw (one line per
 * series, the title, the legend), PNGs that decode at the asked size, themes, HTTP caching, errors drawn as
 * images, 400s for bad parameters, and hostile labels that stay text.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { defaultMessages as m } from '../../../src/model/messages.ts';
import { themeColors } from '../../../src/styles/theme-colors.ts';
import { DASHBOARD_IDS, FIXTURE_IDS, REPOS, viewId, type FixtureInsight } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { createInsightsServer } from '../../../server/http/server.ts';
import { HOSTILE_COLORS, HOSTILE_TEXT } from '../../browser/security/hostile-payloads.ts';
import { decodePNG } from './png-decode.ts';

let server: Server;
let base: string;

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const insightPath = (id: string, format: 'svg' | 'png', query = '') => `/embed/insight/${encodeURIComponent(id)}.${format}${query}`;

async function get(path: string, headers: Record<string, string> = {}, at = base) {
  const response = await fetch(at + path, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** Parses `svg` as XML with resvg's strict parser (roxmltree): malformed markup throws. */
function assertXML(svg: string): void {
  assert.doesNotThrow(() => new Resvg(svg), 'the SVG is well-formed XML');
}

/** The `data-series-id` of every mark of a kind (`line`, `point`), in document order. */
function marks(svg: string, mark: string): string[] {
  return [...svg.matchAll(new RegExp(`<[a-z]+ data-mark="${mark}" data-series-id="([^"]*)"`, 'g'))].map((match) => match[1]);
}

before(async () => {
  server = createInsightsServer({ source: new FixtureSource() });
  base = await listen(server);
});

after(() => server.close());

describe('image embeds', () => {
  describe('svg', () => {
    test('a line insight is the chart: one line per series, its title, a legend item per series', async () => {
      const { response, body } = await get(insightPath(FIXTURE_IDS.migration, 'svg'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      const svg = body.toString();
      assertXML(svg);
      assert.deepEqual(marks(svg, 'line'), ['ts', 'js']);
      assert.match(svg, /<title>Migration to TypeScript<\/title>/);
      assert.match(svg, /<text class="title"[^>]*>Migration to TypeScript<\/text>/);
      assert.equal([...svg.matchAll(/data-legend-item=""/g)].length, 2);
      assert.match(svg, />TypeScript files</);
      // Points and axes come from the shared chart template, not a drawing of the server's own.
      assert.equal(marks(svg, 'point').length, 24);
      assert.match(svg, /class="tick x"/);
      assert.doesNotMatch(svg, /lit-part|lit-node|<\?/, 'no hydration markers');
    });

    test('filters and display options reach the GraphQL query', async () => {
      const all = (await get(insightPath(FIXTURE_IDS.todos, 'svg'))).body.toString();
      const limited = (await get(insightPath(FIXTURE_IDS.todos, 'svg', '?series-limit=1&sort=alphabetical'))).body.toString();
      assert.deepEqual(marks(all, 'line'), ['todo', 'fixme', 'hack']);
      assert.deepEqual(marks(limited, 'line'), ['fixme']);
      assert.match(limited, new RegExp(m.hiddenSeries(2)));
      const both = (await get(insightPath(FIXTURE_IDS.migration, 'svg'))).body.toString();
      const webOnly = (await get(insightPath(FIXTURE_IDS.migration, 'svg', `?include-repos=${encodeURIComponent('web$')}`))).body.toString();
      // Fewer repositories, smaller numbers: the top tick of the y axis comes down (600 for both, 450 for web).
      const topTick = (svg: string) => Math.max(...[...svg.matchAll(/class="tick y"[^>]*>([\d,]+)</g)].map((t) => Number(t[1].replace(',', ''))));
      assert.equal(topTick(both), 600);
      assert.ok(topTick(webOnly) < 600, `web only tops at ${topTick(webOnly)}`);
    });

    test('every kind: stacked areas, a language pie, group-by bars, a single number', async () => {
      const stacked = (await get(insightPath(FIXTURE_IDS.todos, 'svg', '?stacked'))).body.toString();
      assert.equal([...stacked.matchAll(/class="area"/g)].length, 3);
      const pie = (await get(insightPath(FIXTURE_IDS.languages, 'svg'))).body.toString();
      assertXML(pie);
      const slices = [...pie.matchAll(/data-mark="slice"/g)].length;
      assert.ok(slices >= 5, `${slices} slices`);
      assert.equal([...pie.matchAll(/data-legend-item=""/g)].length, slices);
      const bars = (await get('/embed/insight.svg?kind=group-by&query=TODO&mode=repo')).body.toString();
      assertXML(bars);
      assert.deepEqual([...bars.matchAll(/data-mark="bar" data-label="([^"]*)"/g)].map((b) => b[1]), [REPOS.web, REPOS.api]);
      const stat = (await get(insightPath(FIXTURE_IDS.todos, 'svg', '?kind=stat'))).body.toString();
      assert.deepEqual(marks(stat, 'line'), ['stat']);
      assert.match(stat, />121</);
    });

    test('goals: the goal line, the dashed projection and the headline, as the card draws them', async () => {
      // JavaScript files fall from 550 by about 33 a month to 190 on Oct 1, 2026: zero around March 2027.
      const path = insightPath(FIXTURE_IDS.migration, 'svg', `?goal=0&goal-series=${encodeURIComponent('JavaScript files')}&goal-date=2027-06-30`);
      const svg = (await get(path)).body.toString();
      assertXML(svg);
      assert.deepEqual(marks(svg, 'goal'), ['js']);
      assert.deepEqual(marks(svg, 'projection'), ['js']);
      assert.match(svg, /<text class="status"[^>]*>On track: at this pace 0 around Mar 2027, 3 months before the goal<\/text>/);
      assert.match(svg, />Goal 0</);
      // Behind: the goal date comes before the projection reaches zero.
      const behind = (await get(insightPath(FIXTURE_IDS.migration, 'svg', `?goal=0&goal-series=js&goal-date=2027-01-01`))).body.toString();
      assert.match(behind, />Behind: about \d+ left on Jan 1, 2027</);
      assert.match(behind, /class="goal-date"/);
      // compare: each series' change after its label in the legend, as on the card.
      const compared = (await get(insightPath(FIXTURE_IDS.migration, 'svg', '?goal=0&goal-series=js&compare=1q'))).body.toString();
      assert.match(compared, /<tspan dx="5">▲ \+120 \(\+25%\)<\/tspan>/);
      assert.match(compared, /<tspan dx="5">▼ −99 \(−35%\)<\/tspan>/);
      // No goal: none of it.
      const plain = (await get(insightPath(FIXTURE_IDS.migration, 'svg'))).body.toString();
      assert.doesNotMatch(plain, /data-mark="(goal|projection)"/);
    });

    test('a processing insight shows its progress, and is cached briefly', async () => {
      const { response, body } = await get(insightPath(FIXTURE_IDS.processing, 'svg'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=30');
      const svg = body.toString();
      assert.match(svg, /data-progress=""/);
      assert.match(svg, new RegExp(m.processingProgress(0)));
      assert.deepEqual(marks(svg, 'line'), []);
    });

    test('a dashboard has its title and one chart per card', async () => {
      const { response, body } = await get(`/embed/dashboard/${encodeURIComponent(DASHBOARD_IDS.frontend)}.svg`);
      assert.equal(response.status, 200);
      const svg = body.toString();
      assertXML(svg);
      assert.match(svg, /class="dashboard-title"[^>]*>Frontend health</);
      assert.equal([...svg.matchAll(/data-card=""/g)].length, 3);
      assert.equal([...svg.matchAll(/<g class="plot" role="img"/g)].length, 3);
      assert.deepEqual(marks(svg, 'line'), ['ts', 'js', 'todo', 'fixme', 'hack', 'fetch']);
    });
  });

  describe('png', () => {
    test('decodes at the size asked for, and at the default size', async () => {
      const { response, body } = await get(insightPath(FIXTURE_IDS.migration, 'png', '?width=500&height=300'));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      const png = decodePNG(body);
      assert.deepEqual([png.width, png.height], [500, 300]);
      const sharp = decodePNG((await get(insightPath(FIXTURE_IDS.migration, 'png', '?width=500&height=300&scale=2'))).body);
      assert.deepEqual([sharp.width, sharp.height], [1000, 600]);
      const natural = decodePNG((await get(insightPath(FIXTURE_IDS.migration, 'png'))).body);
      assert.equal(natural.width, 640);
    });

    test('text is drawn: the title area holds dark pixels on the light card', async () => {
      const png = decodePNG((await get(insightPath(FIXTURE_IDS.migration, 'png'))).body);
      let dark = 0;
      for (let x = 16; x < 220; x++) for (let y = 12; y < 32; y++) if (png.pixel(x, y)[0] < 100) dark++;
      assert.ok(dark > 200, `${dark} dark pixels where the title is`);
    });

    test('a dark image differs from a light one and has the dark background', async () => {
      const light = (await get(insightPath(FIXTURE_IDS.migration, 'png'))).body;
      const dark = (await get(insightPath(FIXTURE_IDS.migration, 'png', '?theme=dark'))).body;
      assert.notDeepEqual(light, dark);
      const hex = (rgba: number[]) => `#${rgba.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      assert.equal(hex(decodePNG(light).pixel(320, 6)), themeColors.light.bg);
      assert.equal(hex(decodePNG(dark).pixel(320, 6)), themeColors.dark.bg);
      const darkSVG = (await get(insightPath(FIXTURE_IDS.migration, 'svg', '?theme=dark'))).body.toString();
      assert.match(darkSVG, new RegExp(`fill="${themeColors.dark.bg}"`));
    });
  });

  describe('caching', () => {
    test('a strong ETag of the bytes; If-None-Match answers 304 with no body', async () => {
      const path = insightPath(FIXTURE_IDS.migration, 'png');
      const first = await get(path);
      const etag = first.response.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]{20,}"$/);
      assert.equal(first.response.headers.get('cache-control'), 'public, max-age=300');
      const again = await get(path, { 'If-None-Match': etag! });
      assert.equal(again.response.status, 304);
      assert.equal(again.body.length, 0);
      assert.equal(again.response.headers.get('etag'), etag);
      const other = await get(insightPath(FIXTURE_IDS.migration, 'png', '?theme=dark'), { 'If-None-Match': etag! });
      assert.equal(other.response.status, 200);
      assert.notEqual(other.response.headers.get('etag'), etag);
    });
  });

  describe('errors', () => {
    test('an unknown insight is an image that says so, with status 404', async () => {
      const svg = await get(insightPath(viewId('no-such-insight'), 'svg'));
      assert.equal(svg.response.status, 404);
      assert.equal(svg.response.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
      assertXML(svg.body.toString());
      assert.match(svg.body.toString(), new RegExp(m.notFound.split(',')[0]));
      const png = await get(insightPath(viewId('no-such-insight'), 'png'));
      assert.equal(png.response.status, 404);
      assert.equal(decodePNG(png.body).width, 640);
      const dashboard = await get('/embed/dashboard/bm9wZQ==.svg');
      assert.equal(dashboard.response.status, 404);
      assert.match(dashboard.body.toString(), new RegExp(m.dashboardNotFound.split(',')[0]));
    });

    test('an instance that fails, or rate-limits, is an image with status 502 or 503', async () => {
      let upstream = () => new Response(JSON.stringify({ data: null, errors: [{ message: 'insights are <b>down</b>' }] }), { status: 200 });
      const failing = createInsightsServer({ source: new FixtureSource(), embedFetch: async () => upstream() });
      const at = await listen(failing);
      try {
        const { response, body } = await get(insightPath(FIXTURE_IDS.migration, 'svg'), {}, at);
        assert.equal(response.status, 502);
        assert.equal(response.headers.get('cache-control'), 'public, max-age=30');
        assertXML(body.toString());
        assert.match(body.toString(), /insights are &lt;b&gt;down&lt;\/b&gt;/);
        upstream = () => new Response('', { status: 429, headers: { 'Retry-After': '7' } });
        const limited = await get(insightPath(FIXTURE_IDS.migration, 'png'), {}, at);
        assert.equal(limited.response.status, 503);
        assert.equal(limited.response.headers.get('retry-after'), '7');
        assert.equal(decodePNG(limited.body).width, 640);
      } finally {
        failing.close();
      }
    });

    test('bad parameters are a 400 with a sentence that names them', async () => {
      const cases: [string, RegExp][] = [
        ['?width=5', /width parameter "5".*200 to 3840/],
        ['?width=abc', /width parameter "abc"/],
        ['?height=999999', /height parameter/],
        ['?theme=blue', /theme parameter "blue".*light or dark/],
        ['?include-repos=(', /include-repos parameter "\(" is not valid/],
        ['?sort=sideways', /sort parameter "sideways"/],
        ['?series-limit=0', /series-limit parameter "0"/],
        ['?stacked=maybe', /stacked parameter/],
        ['?locale=%20not%20a%20locale', /locale parameter/],
        ['?kind=languages', /kind="languages" cannot draw/],
        ['?goal=lots', /goal parameter "lots" is not valid: expected a number/],
        ['?goal=0&goal-date=soon', /goal-date parameter "soon"/],
        ['?goal-date=2027-01-01', /goal-date parameter .* a goal as well/],
        ['?compare=1month', /compare parameter "1month"/],
        ['?better=sideways', /better parameter/],
      ];
      for (const [query, message] of cases) {
        const { response, body } = await get(insightPath(FIXTURE_IDS.migration, 'svg', query));
        assert.equal(response.status, 400, query);
        assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
        assert.match(body.toString(), message, query);
      }
    });

    test('a server that asks for a token asks it of images too', async () => {
      const secured = createInsightsServer({ source: new FixtureSource(), token: 'sgp_embed_test' });
      const at = await listen(secured);
      try {
        assert.equal((await get(insightPath(FIXTURE_IDS.migration, 'svg'), {}, at)).response.status, 401);
        const ok = await get(insightPath(FIXTURE_IDS.migration, 'svg'), { Authorization: 'token sgp_embed_test' }, at);
        assert.equal(ok.response.status, 200);
      } finally {
        secured.close();
      }
    });
  });

  describe('hostile labels', () => {
    // Insights whose titles, series labels and colours are the hostile corpus, ten labels per insight.
    const insights: FixtureInsight[] = [];
    for (let i = 0; i < HOSTILE_TEXT.length; i += 10) {
      const labels = HOSTILE_TEXT.slice(i, i + 10);
      insights.push({
        id: viewId(`hostile-${i}`),
        title: HOSTILE_TEXT[i],
        kind: 'line',
        repositories: [REPOS.web],
        step: { unit: 'MONTH', value: 1 },
        points: 12,
        series: labels.map((label, j) => ({ seriesId: `s${j}`, label, query: 'x', color: HOSTILE_COLORS[(i + j) % HOSTILE_COLORS.length] })),
        values: Object.fromEntries(labels.map((_, j) => [`s${j}`, { [REPOS.web]: Array.from({ length: 12 }, (_, k) => j + k) }])),
      });
    }
    class HostileSource extends FixtureSource {
      override insights() {
        return insights;
      }
    }
    const ALLOWED_TAGS = new Set(['svg', 'title', 'style', 'rect', 'g', 'text', 'tspan', 'line', 'path', 'circle', 'polyline']);

    test('stay text: well-formed files, only the chart tags, safe colours, escaped labels', async () => {
      const hostile = createInsightsServer({ source: new HostileSource() });
      const at = await listen(hostile);
      try {
        for (const insight of insights) {
          const { response, body } = await get(insightPath(insight.id, 'svg', '?series-limit=10'), {}, at);
          assert.equal(response.status, 200, insight.title.slice(0, 40));
          const svg = body.toString();
          assertXML(svg);
          // With every attribute value (always double-quoted, `"` escaped) removed, what is left is tags and text.
          const skeleton = svg.replace(/="[^"]*"/g, '').replace(/<style>[^<]*<\/style>/, '<style></style>');
          for (const [, tag] of skeleton.matchAll(/<\/?([A-Za-z][\w:-]*)/g)) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}>`);
          assert.doesNotMatch(skeleton, /\son[a-z]+[\s>]/i, 'no event handler attributes');
          for (const [, value] of svg.matchAll(/\s(?:fill|stroke)="([^"]*)"/g)) {
            assert.match(value, /^(#[0-9a-f]{3,8}|none|currentColor|rgba?\([\d.,\s%/]+\))$/i, `paint ${value}`);
          }
        }
        const first = (await get(insightPath(insights[0].id, 'svg', '?series-limit=10'), {}, at)).body.toString();
        assert.match(first, /&lt;script&gt;window.__pwned=1&lt;\/script&gt;/);
        // The rasterizer reads the same file: it must parse and draw.
        assert.equal(decodePNG((await get(insightPath(insights[0].id, 'png'), {}, at)).body).width, 640);
      } finally {
        hostile.close();
      }
    });
  });
});
