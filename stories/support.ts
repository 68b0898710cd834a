/**
 * Shared pieces of the stories: the attributes of `<code-insight>` as Storybook args, and the fixture ids.
 * Every request goes to the fixture resolvers running in the page (.storybook/fixture-fetch.ts).
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FIXTURE_INSTANCE } from '../.storybook/fixture-fetch.ts';

export { FIXTURE_INSTANCE };
export { DASHBOARD_IDS, FIXTURE_IDS, REPOS } from '../server/sources/fixtures/insights.ts';

/** The fixture instance with a scenario path: `status/500`, `body/not-json`, `hang`, `processing-forever`. */
export const scenario = (path: string): string => `${FIXTURE_INSTANCE}/${path}`;

export interface CodeInsightArgs {
  instance?: string;
  insightId?: string;
  heading?: string;
  kind?: string;
  repositories?: string;
  step?: string;
  points?: number;
  repository?: string;
  path?: string;
  otherThreshold?: number;
  query?: string;
  mode?: string;
  limit?: number;
  src?: string;
  includeRepos?: string;
  excludeRepos?: string;
  sort?: string;
  seriesLimit?: number;
  numSamples?: number;
  stacked?: boolean;
  yZero?: boolean;
  theme?: 'auto' | 'light' | 'dark';
  locale?: string;
  loading?: 'lazy' | 'eager';
}

const text = (description: string, category: string) => ({ control: 'text' as const, description, table: { category } });
const number = (description: string, category: string) => ({ control: 'number' as const, description, table: { category } });

export const codeInsightArgTypes: Partial<ArgTypes<CodeInsightArgs>> = {
  instance: text('Sourcegraph base URL; falls back to the dashboard, then to configure().', 'Source'),
  insightId: text('A saved insight view id, or a pasted insight URL.', 'Source'),
  kind: { control: 'select', options: [undefined, 'auto', 'line', 'languages', 'group-by', 'stat'], description: 'What to draw.', table: { category: 'Source' } },
  src: text('URL of third-party JSON (InsightData) or CSV.', 'Source'),
  repositories: text('Ad-hoc insight: repository names.', 'Ad-hoc'),
  step: text('Ad-hoc insight: 1d, 1w, 1mo, 1y…', 'Ad-hoc'),
  points: number('Ad-hoc insight: samples (default 12).', 'Ad-hoc'),
  repository: text('Language usage: the repository.', 'Languages'),
  path: text('Language usage: a path inside the repository.', 'Languages'),
  otherThreshold: { control: { type: 'range', min: 0, max: 0.2, step: 0.01 }, description: 'Language usage: share under which languages become "Other".', table: { category: 'Languages' } },
  query: text('Group-by: the search query.', 'Group-by'),
  mode: { control: 'select', options: [undefined, 'repo', 'path', 'author', 'capture-group', 'repo-metadata'], description: 'Group-by mode.', table: { category: 'Group-by' } },
  limit: number('Group-by: most bars.', 'Group-by'),
  includeRepos: text('Drill-down filter: repositories to include (regular expression).', 'Filters'),
  excludeRepos: text('Drill-down filter: repositories to exclude (regular expression).', 'Filters'),
  sort: {
    control: 'select',
    options: [undefined, 'result-count-desc', 'result-count-asc', 'alphabetical-asc', 'alphabetical-desc', 'date-added-desc', 'date-added-asc'],
    description: 'Series order.',
    table: { category: 'Filters' },
  },
  seriesLimit: number('At most this many series are drawn (default 20).', 'Filters'),
  numSamples: number('Only the latest N points.', 'Filters'),
  heading: text("The page's own title for the card.", 'Display'),
  stacked: { control: 'boolean', description: 'Stack the series of a line chart.', table: { category: 'Display' } },
  yZero: { control: 'boolean', description: 'Start the y axis at zero.', table: { category: 'Display' } },
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'], description: 'Colour scheme.', table: { category: 'Display' } },
  locale: text('BCP 47 tag for dates and numbers.', 'Display'),
};

/** One `<code-insight>` with the args as attributes; `children` are its `<insight-series>`. */
export function codeInsight(a: CodeInsightArgs, children: TemplateResult | string = ''): TemplateResult {
  return html`<code-insight
    instance=${ifDefined(a.instance)}
    insight-id=${ifDefined(a.insightId)}
    heading=${ifDefined(a.heading)}
    kind=${ifDefined(a.kind)}
    repositories=${ifDefined(a.repositories)}
    step=${ifDefined(a.step)}
    points=${ifDefined(a.points)}
    repository=${ifDefined(a.repository)}
    path=${ifDefined(a.path)}
    other-threshold=${ifDefined(a.otherThreshold)}
    query=${ifDefined(a.query)}
    mode=${ifDefined(a.mode)}
    limit=${ifDefined(a.limit)}
    src=${ifDefined(a.src)}
    include-repos=${ifDefined(a.includeRepos)}
    exclude-repos=${ifDefined(a.excludeRepos)}
    sort=${ifDefined(a.sort)}
    series-limit=${ifDefined(a.seriesLimit)}
    num-samples=${ifDefined(a.numSamples)}
    ?stacked=${a.stacked}
    ?y-zero=${a.yZero}
    theme=${ifDefined(a.theme)}
    locale=${ifDefined(a.locale)}
    loading=${ifDefined(a.loading)}
    >${children}</code-insight
  >`;
}

/** Story parameters: a description for the docs, and the surface the story sits on. */
export function about(story: string, surface?: { dark?: boolean; width?: number }): Record<string, unknown> {
  return { docs: { description: { story } }, ...(surface ? { surface } : {}) };
}
