// The demo's only script: the single-file build, pointed at the server that serves this page, showing the
// insights of the server's first dashboard (from insights.config.json, or the fixtures).
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });

const DASHBOARD = `{ insightsDashboards(first: 1) { nodes { title views { nodes { id presentation { __typename } } } } } }`;

async function showDashboard() {
  const grid = document.getElementById('grid');
  const response = await fetch('/.api/graphql?DemoDashboard', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: DASHBOARD }),
  });
  const dashboard = (await response.json()).data?.insightsDashboards.nodes[0];
  if (!dashboard) {
    grid.textContent = 'The server has no dashboard to show.';
    return;
  }
  document.getElementById('dashboard-title').textContent = dashboard.title;
  for (const view of dashboard.views.nodes) {
    // Language usage (pie) insights need the pie chart, which arrives with the other chart kinds.
    if (view.presentation.__typename !== 'LineChartInsightViewPresentation') continue;
    const card = document.createElement('code-insight');
    card.insightId = view.id;
    grid.append(card);
  }
  applyTheme();
}

const dark = document.getElementById('dark');
function applyTheme() {
  document.documentElement.classList.toggle('dark', dark.checked);
  for (const card of document.querySelectorAll('code-insight')) card.theme = dark.checked ? 'dark' : 'light';
}
dark.addEventListener('change', applyTheme);
dark.checked = matchMedia('(prefers-color-scheme: dark)').matches;
showDashboard();
