/**
 * What `npm start` serves, on this very checkout: the built code-insights-server with the default
 * insights.config.json over the project's own git history, and the demo page under a strict CSP.
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import { ROOT, startDemoServer } from '../../support/demo-server.ts';

const PORT = 18_000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
let server: Awaited<ReturnType<typeof startDemoServer>>;

before(async () => {
  server = await startDemoServer(PORT);
});

after(() => server?.stop());

async function graphql(query: string, variables: object = {}) {
  const response = await fetch(`${BASE}/.api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

const VIEW = `query($id: ID!) { insightViews(id: $id) { nodes { presentation { __typename ... on LineChartInsightViewPresentation { title } }
  dataSeries { label points { dateTime value } status { isLoadingData } } } } }`;

interface Series { label: string; points: { dateTime: string; value: number }[]; status: { isLoadingData: boolean } }

test('npm start answers the default dashboard from the project history within a minute', { timeout: 90_000 }, async () => {
  const { insightsDashboards } = await graphql('{ insightsDashboards { nodes { title views { nodes { id } } } } }');
  const [dashboard] = insightsDashboards.nodes;
  assert.ok(dashboard.views.nodes.length >= 4);

  const deadline = Date.now() + 60_000;
  const insights = new Map<string, Series[]>();
  for (const { id } of dashboard.views.nodes) {
    for (;;) {
      const [node] = (await graphql(VIEW, { id })).insightViews.nodes;
      if (node.presentation.__typename !== 'LineChartInsightViewPresentation') break;
      if (node.dataSeries.every((s: Series) => !s.status.isLoadingData)) {
        insights.set(node.presentation.title, node.dataSeries);
        break;
      }
      assert.ok(Date.now() < deadline, 'the dashboard did not finish computing within a minute');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  assert.ok(insights.size >= 4);
  for (const [title, series] of insights) {
    assert.ok(series.length >= 1, title);
    for (const s of series) assert.equal(s.points.length, 12, `${title}: ${s.label}`);
  }

  // The numbers are the project's own: TypeScript files in the tree of the commit behind the newest point.
  const files = insights.get('TypeScript and JavaScript files')!.find((s) => s.label === 'TypeScript files')!;
  const newest = files.points.at(-1)!;
  const commit = execFileSync('git', ['rev-list', '-1', '--first-parent', `--before=${newest.dateTime}`, 'HEAD'], { cwd: ROOT }).toString().trim();
  const tree = execFileSync('git', ['ls-tree', '-r', '--name-only', commit], { cwd: ROOT }).toString().split('\n');
  assert.equal(newest.value, tree.filter((path) => /\.(ts|tsx|mts|cts)$/.test(path)).length);
  assert.ok(newest.value > 0);
});

test('the demo page is served under the strict CSP with the single-file build', async () => {
  const page = await fetch(`${BASE}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<script type="module" src="demo.js">/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'; style-src 'self'/);
  const script = await fetch(`${BASE}/dist/code-insights.js`);
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  // fetch() would normalize the dots away: send the raw path, as an attacker would.
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/dist/..%2f..%2fpackage.json']) {
    const status = await new Promise<number>((resolve, reject) =>
      get({ host: '127.0.0.1', port: PORT, path }, (response) => { response.resume(); resolve(response.statusCode ?? 0); }).on('error', reject),
    );
    assert.equal(status, 404, path);
  }
});
