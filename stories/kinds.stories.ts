import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { InsightData } from '../src/index.ts';
import { REPOS, about, codeInsight, type ElementArgs } from './support.ts';

/**
 * Every kind of insight `<code-insight>` draws besides a saved one, declared in HTML as in demo/kinds.html:
 * ad-hoc series, capture groups, language usage, group-by bars, a single number, third-party files and the
 * `data` property.
 */
const meta = {
  title: 'Components/Code insight kinds',
  component: 'code-insight',
  tags: ['autodocs'],
  render: (args) => codeInsight(args),
  parameters: {
    docs: {
      description: {
        component:
          'The kinds of `<code-insight>`: computed by the instance without saving (`repositories` with `<insight-series>`), `kind="languages"`, `kind="group-by"`, `kind="stat"`, third-party data (`src`) and the `data` property.',
      },
    },
  },
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

const BOTH_REPOS = `${REPOS.web} ${REPOS.api}`;

export const AdHocSeries: Story = {
  name: 'Ad-hoc series',
  args: { heading: 'TODO and FIXME (ad-hoc)', repositories: BOTH_REPOS, step: '1mo', points: 12 },
  render: (args) =>
    codeInsight(
      args,
      html`<insight-series label="TODO" query="TODO case:yes" color="var(--oc-grape-7)"></insight-series>
        <insight-series label="FIXME" query="FIXME case:yes" color="var(--oc-orange-7)"></insight-series>`,
    ),
  parameters: about('An insight the instance computes without saving it: `repositories`, `step`, `points` and `<insight-series>` children.'),
};

export const CaptureGroups: Story = {
  name: 'Capture groups, series hidden',
  args: { heading: 'lodash versions', repositories: BOTH_REPOS, 'series-limit': 2 },
  render: (args) => codeInsight(args, html`<insight-series capture-group label="lodash" query="lodash@(\\d)"></insight-series>`),
  parameters: about('`capture-group`: one series per value of the query\'s capture group; `series-limit="2"` hides the third and says so.'),
};

export const LanguageUsage: Story = {
  name: 'Language usage (donut)',
  args: { kind: 'languages', repository: REPOS.web, heading: `Languages in ${REPOS.web}` },
  parameters: about('`kind="languages"`: the lines of each language in one repository, languages under 3 % grouped as "Other".'),
};

export const GroupByBars: Story = {
  name: 'Group-by bars',
  args: { kind: 'group-by', heading: 'TODOs by file', query: 'TODO', mode: 'path', limit: 8 },
  parameters: about('`kind="group-by"`: a search query\'s results grouped by path, the 8 largest as bars and the rest counted.'),
};

export const GroupByRepository: Story = {
  name: 'Group-by repository',
  args: { kind: 'group-by', heading: 'TODOs by repository', query: 'TODO' },
  parameters: about('`kind="group-by"` without `mode`: the instance picks (repository).'),
};

export const GroupByUnavailable: Story = {
  name: 'Group-by mode unavailable',
  args: { kind: 'group-by', heading: 'TODOs by author', query: 'TODO', mode: 'author' },
  parameters: about('`mode="author"` works only for commit and diff searches: the card gives the instance\'s reason, with no retry button.'),
};

export const SingleNumber: Story = {
  name: 'Single number',
  args: { kind: 'stat', heading: 'TODOs today', repositories: BOTH_REPOS },
  render: (args) => codeInsight(args, html`<insight-series label="TODOs" query="TODO case:yes"></insight-series>`),
  parameters: about('`kind="stat"`: the latest value of one series, with its change over the period and a sparkline.'),
};

export const ThirdPartyJSON: Story = {
  name: 'Third-party JSON (src)',
  args: { src: 'data/deploys.json' },
  parameters: about('`src` pointing at a JSON file in the InsightData format, served next to the page (stories/data/deploys.json).'),
};

export const ThirdPartyCSV: Story = {
  name: 'Third-party CSV (src)',
  args: { src: 'data/incidents.csv', heading: 'Incidents per month' },
  parameters: about('`src` pointing at a CSV file with a `date` column and one column per series; an empty cell is a missing point.'),
};

const pie: InsightData = {
  kind: 'pie',
  title: 'Open pull requests by team',
  items: [
    { label: 'Frontend', value: 34 },
    { label: 'Backend', value: 21 },
    { label: 'Platform', value: 12 },
    { label: 'Docs', value: 4 },
  ],
};
const bar: InsightData = {
  kind: 'bar',
  title: 'Flaky tests by package',
  items: [
    { label: 'web', value: 18 },
    { label: 'api', value: 11 },
    { label: 'cli', value: 7 },
    { label: 'shared', value: 3 },
  ],
};
const stat: InsightData = { kind: 'stat', title: 'Services on Node 20', value: 42, previous: 35 };

export const DataProperty: Story = {
  name: 'data property: pie, bar, stat',
  render: () => html`<div class="story-grid">
    <code-insight .data=${pie}></code-insight>
    <code-insight .data=${bar}></code-insight>
    <code-insight .data=${stat}></code-insight>
  </div>`,
  // Three cards of their own: the controls would reach none of them (DataControl has one).
  parameters: { ...about('The `data` property (an `InsightData` object) drawn without any request: a pie, bars and a single number.'), controls: { disable: true } },
};

export const DataControl: Story = {
  name: 'data property as a control',
  args: { data: pie },
  parameters: about('The `data` property set from the `data` control: edit the object and the chart follows, with no request.'),
};
