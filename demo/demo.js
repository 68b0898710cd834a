// The demo's only script: the single-file build, pointed at the server that serves this page.
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });

const dark = document.getElementById('dark');
const applyTheme = () => {
  document.documentElement.classList.toggle('dark', dark.checked);
  for (const card of document.querySelectorAll('code-insight')) card.theme = dark.checked ? 'dark' : 'light';
};
dark.addEventListener('change', applyTheme);
dark.checked = matchMedia('(prefers-color-scheme: dark)').matches;
applyTheme();
