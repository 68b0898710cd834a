// Points every card of kinds.html at a repository the server knows (its first insight's), whatever it serves,
// sampled at that insight's step: the server picks it from the repository's history, so a young checkout gets
// hourly points where a fixed monthly step would show eleven zeros and one value.
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });

const FIRST_REPOSITORY = `{ insightViews(first: 1) { nodes {
  repositoryDefinition { ... on InsightRepositoryScope { repositories } }
  timeScope { ... on InsightIntervalTimeScope { unit value } }
} } }`;
const STEP_UNITS = { HOUR: 'h', DAY: 'd', WEEK: 'w', MONTH: 'mo', YEAR: 'y' };

try {
  const response = await fetch('/.api/graphql?DemoRepository', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: FIRST_REPOSITORY }),
  });
  const first = (await response.json()).data?.insightViews.nodes[0];
  const [repository] = first?.repositoryDefinition.repositories ?? [];
  const step = first?.timeScope && `${first.timeScope.value}${STEP_UNITS[first.timeScope.unit]}`;
  for (const id of ['adhoc', 'stat', 'stacked']) {
    const card = document.getElementById(id);
    card.repositories = repository;
    if (step) card.step = step;
  }
  document.getElementById('languages').repository = repository;
  document.getElementById('languages').heading = `Languages in ${repository}`;
} finally {
  // Shown either way: without a repository, each card says what it is missing.
  document.querySelector('main').hidden = false;
}

const dark = document.getElementById('dark');
function applyTheme() {
  document.documentElement.classList.toggle('dark', dark.checked);
  for (const card of document.querySelectorAll('code-insight')) card.theme = dark.checked ? 'dark' : 'light';
}
dark.addEventListener('change', applyTheme);
dark.checked = matchMedia('(prefers-color-scheme: dark)').matches;
applyTheme();
