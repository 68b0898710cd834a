import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { configure, type InsightData } from '../src/index.ts';
import de from '../src/locales/de.ts';
import fr from '../src/locales/fr.ts';
import { DASHBOARD_IDS, FIXTURE_IDS, REPOS, codeInsight, scenario, type ElementArgs } from './support.ts';

/**
 * The visual review page: every kind and state side by side, in light and in dark, so that a change to any of
 * them is seen next to the others. `npm run screenshots` photographs each section at 1280 and 360 px.
 */
const meta = {
  title: 'Review/Every kind and state',
  // A page to look at, not a component: no docs page.
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj;

const BOTH_REPOS = `${REPOS.web} ${REPOS.api}`;

/** A card that loads at once (the review page is long: lazy cards below the fold would stay skeletons). */
const card = (args: ElementArgs, children: TemplateResult | string = ''): TemplateResult =>
  html`<div class="review-cell">${codeInsight({ loading: 'eager', ...args }, children)}</div>`;

const pie: InsightData = {
  kind: 'pie',
  title: 'Open pull requests by team',
  items: [
    { label: 'Frontend', value: 34 },
    { label: 'Backend', value: 21 },
    { label: 'Platform', value: 12 },
    { label: 'Documentation and developer experience', value: 4 },
    { label: 'Security', value: 2 },
    { label: 'Other', value: 3 },
  ],
};
const stat: InsightData = { kind: 'stat', title: 'Services on Node 20', value: 42, previous: 35 };
const noisy: InsightData = {
  kind: 'line',
  title: 'Deprecated API calls',
  series: [
    {
      id: 'calls',
      label: 'oldClient.call(',
      color: 'var(--oc-indigo-7)',
      points: [300, 260, 290, 240, 270, 200, 250, 190, 230, 180].map((value, i) => ({ date: new Date(Date.UTC(2026, 6, 6 + 7 * i)).toISOString(), value })),
    },
  ],
};
const dataCard = (data: InsightData, theme: string): TemplateResult =>
  html`<div class="review-cell"><code-insight loading="eager" theme=${theme} .data=${data}></code-insight></div>`;

/** The sections, each drawn once per theme. */
const sections: [string, (theme: 'light' | 'dark') => TemplateResult[]][] = [
  [
    'line',
    (theme) => [
      card({ theme, 'insight-id': FIXTURE_IDS.migration }),
      card({ theme, 'insight-id': FIXTURE_IDS.migration, stacked: true, heading: 'Stacked' }),
      card({ theme, 'insight-id': FIXTURE_IDS.todos, 'y-zero': true, heading: 'Y axis from zero' }),
      card({ theme, 'insight-id': FIXTURE_IDS.incomplete }),
      card({ theme, 'insight-id': FIXTURE_IDS.manySeries }),
      card({ theme, 'insight-id': FIXTURE_IDS.migration, 'include-repos': '^github\\.com/acme/api$', heading: 'Filtered to one repository' }),
    ],
  ],
  [
    'kinds',
    (theme) => [
      card({ theme, kind: 'languages', repository: REPOS.web, heading: `Languages in ${REPOS.web}` }),
      dataCard(pie, theme),
      card({ theme, kind: 'group-by', heading: 'TODOs by file', query: 'TODO', mode: 'path', limit: 8 }),
      card({ theme, kind: 'group-by', heading: 'TODOs by repository', query: 'TODO' }),
      card({ theme, kind: 'stat', heading: 'TODOs today', repositories: BOTH_REPOS }, html`<insight-series label="TODOs" query="TODO case:yes"></insight-series>`),
      dataCard(stat, theme),
      card({ theme, src: 'data/deploys.json' }),
      card({ theme, src: 'data/incidents.csv', heading: 'Incidents per month' }),
      card(
        { theme, heading: 'lodash versions', repositories: BOTH_REPOS, 'series-limit': 2 },
        html`<insight-series capture-group label="lodash" query="lodash@(\\d)"></insight-series>`,
      ),
    ],
  ],
  [
    'states',
    (theme) => [
      card({ theme, instance: scenario('hang'), 'insight-id': FIXTURE_IDS.todos }),
      card({ theme, instance: scenario('processing-forever'), 'insight-id': FIXTURE_IDS.processing }),
      card({ theme, 'insight-id': FIXTURE_IDS.empty }),
      card({ theme, instance: scenario('status/401'), 'insight-id': FIXTURE_IDS.todos }),
      card({ theme, instance: scenario('status/500'), 'insight-id': FIXTURE_IDS.todos }),
      card({ theme, instance: scenario('body/not-json'), 'insight-id': FIXTURE_IDS.todos }),
      card({ theme, instance: scenario('body/graphql-error'), 'insight-id': FIXTURE_IDS.todos }),
      card({ theme, kind: 'stat', repository: REPOS.web }),
      card({ theme, kind: 'group-by', heading: 'TODOs by author', query: 'TODO', mode: 'author' }),
      card({ theme, 'insight-id': FIXTURE_IDS.hostile }),
    ],
  ],
  [
    'goals',
    (theme) => [
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} insight-id=${FIXTURE_IDS.migration} goal="0" goal-series="JavaScript files" goal-date="2027-06-30" compare="1q">
        <insight-annotation date="2026-03-01" label="Codemod landed"></insight-annotation>
      </code-insight></div>`,
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} insight-id=${FIXTURE_IDS.migration} goal="0" goal-series="JavaScript files" goal-date="2027-01-01" heading="Behind the goal date"></code-insight></div>`,
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} insight-id=${FIXTURE_IDS.todos} goal="0" goal-series="TODO" compare="1mo"></code-insight></div>`,
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} goal="0" trend-window="10" .data=${noisy}></code-insight></div>`,
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} insight-id=${FIXTURE_IDS.migration} kind="stat" goal="1000" heading="TypeScript files, goal 1,000"></code-insight></div>`,
    ],
  ],
  [
    // What a page that embeds the cards controls: the title, the menu's entries, the language.
    'embedding',
    (theme) => [
      card({ theme, 'insight-id': FIXTURE_IDS.migration, 'hide-title': true, actions: 'csv png' }),
      card({ theme, 'insight-id': FIXTURE_IDS.todos, actions: 'none', heading: 'No menu (actions="none")' }),
      card({ theme, 'insight-id': FIXTURE_IDS.migration, locale: 'de', goal: '0', 'goal-series': 'JavaScript files', compare: '1q' }),
      card({ theme, 'insight-id': FIXTURE_IDS.empty, locale: 'fr' }),
      card({ theme, instance: scenario('status/500'), 'insight-id': FIXTURE_IDS.todos, locale: 'de' }),
      html`<div class="review-cell"><code-insight loading="eager" theme=${theme} locale="fr" .data=${pie}></code-insight></div>`,
    ],
  ],
  [
    'dashboard',
    (theme) => [html`<insights-dashboard theme=${theme} dashboard-id=${DASHBOARD_IDS.frontend} heading="Frontend health (${theme})"></insights-dashboard>`],
  ],
];

export const EveryKindAndState: Story = {
  name: 'Every kind and state',
  // The card whose instance never answers sits below the fold, where the story visitor does not wait for it.
  render: () => html`${sections.flatMap(([name, cards]) =>
    (['light', 'dark'] as const).map(
      (theme) => html`<section class="review review-${theme}" data-review="${name}-${theme}" aria-label="${name}, ${theme}">
        <div class="review-grid">${cards(theme)}</div>
      </section>`,
    ),
  )}
  <section class="review" data-review="auto-theme" aria-label="theme auto on a light page">
    <insights-dashboard dashboard-id=${DASHBOARD_IDS.frontend} heading="Frontend health (theme auto)"></insights-dashboard>
  </section>`,
};

/** A card alone under the page's only heading, an `<h1>`: its title follows the outline (axe: heading-order). */
export const StandaloneUnderH1: Story = {
  name: 'Standalone card under an h1',
  render: () => html`<h1>Quarterly engineering review</h1>
    <code-insight insight-id=${FIXTURE_IDS.migration} heading-level="2"></code-insight>`,
};

// The translations a page imports beside the file; only the cards given those locales use them.
configure({ translations: { de, fr } });

const style = document.createElement('style');
style.textContent = `
  .story-surface:has(> .review) { max-width: none; }
  .review { padding: 16px; }
  .review-light { background: #ffffff; }
  .review-dark { background: #0d1117; }
  .review-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 380px), 1fr)); gap: 16px; align-items: stretch; }
  .review-cell { display: grid; }
`;
document.head.append(style);
