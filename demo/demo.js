// The demo's only script: the single-file build, pointed at the server that serves this page, showing the
// insights of the server's first dashboard (from insights.config.json, or the fixtures).
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });

const FIRST_DASHBOARD = `{ insightsDashboards(first: 1) { nodes { id } } }`;

async function showDashboard() {
  const response = await fetch('/.api/graphql?DemoDashboards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: FIRST_DASHBOARD }),
  });
  const [first] = (await response.json()).data?.insightsDashboards.nodes ?? [];
  const dashboard = document.querySelector('insights-dashboard');
  if (first) dashboard.dashboardId = first.id;
  applyTheme();
}

const dark = document.getElementById('dark');
function applyTheme() {
  document.documentElement.classList.toggle('dark', dark.checked);
  document.querySelector('insights-dashboard').theme = dark.checked ? 'dark' : 'light';
}
dark.addEventListener('change', applyTheme);
dark.checked = matchMedia('(prefers-color-scheme: dark)').matches;
showDashboard();
