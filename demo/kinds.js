// Points every card of kinds.html at a repository the server knows (its first insight's), whatever it serves.
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });

const FIRST_REPOSITORY = `{ insightViews(first: 1) { nodes { repositoryDefinition { ... on InsightRepositoryScope { repositories } } } } }`;

const response = await fetch('/.api/graphql?DemoRepository', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ query: FIRST_REPOSITORY }),
});
const [repository] = (await response.json()).data?.insightViews.nodes[0]?.repositoryDefinition.repositories ?? [];
for (const id of ['adhoc', 'stat', 'stacked']) document.getElementById(id).repositories = repository;
document.getElementById('languages').repository = repository;
document.getElementById('languages').heading = `Languages in ${repository}`;

const dark = document.getElementById('dark');
function applyTheme() {
  document.documentElement.classList.toggle('dark', dark.checked);
  for (const card of document.querySelectorAll('code-insight')) card.theme = dark.checked ? 'dark' : 'light';
}
dark.addEventListener('change', applyTheme);
dark.checked = matchMedia('(prefers-color-scheme: dark)').matches;
applyTheme();
