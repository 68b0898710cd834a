import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FIXTURE_IDS, about, codeInsight, scenario, type ElementArgs } from './support.ts';

/**
 * `<code-insight>` with a saved insight (`insight-id`) from the fixture instance: its display options and every
 * state a card goes through, from loading to error.
 */
const meta = {
  title: 'Components/Code insight',
  component: 'code-insight',
  tags: ['autodocs'],
  render: (args) => codeInsight(args),
  args: { 'insight-id': FIXTURE_IDS.migration },
  parameters: {
    docs: {
      description: {
        component:
          'One Sourcegraph code insight as a card: title, chart, legend and every state in between. These stories read saved insights from the fixture resolvers, which run in the page (no server).',
      },
    },
  },
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

export const SavedLine: Story = {
  name: 'Saved line insight',
  parameters: about('A saved insight (`insight-id`): two series over twelve months, with legend and drill-down links.'),
};

export const Stacked: Story = {
  name: 'Stacked',
  args: { stacked: true },
  parameters: about('`stacked`: the series are stacked, so the top line is their total.'),
};

export const YZero: Story = {
  name: 'Y axis from zero',
  args: { 'insight-id': FIXTURE_IDS.todos, 'y-zero': true },
  parameters: about('`y-zero`: the y axis starts at zero instead of near the smallest value.'),
};

export const IncompletePoints: Story = {
  name: 'Incomplete points',
  args: { 'insight-id': FIXTURE_IDS.incomplete },
  parameters: about('Two points the instance flagged as undercounted (a search timed out): marked on the chart, with a note.'),
};

export const ManySeries: Story = {
  name: 'Many series (5 hidden)',
  args: { 'insight-id': FIXTURE_IDS.manySeries },
  parameters: about('25 series: the default `series-limit` of 20 draws the largest 20, and the card says how many are hidden.'),
};

export const Loading: Story = {
  name: 'Loading (the instance never answers)',
  tags: ['stays-loading'],
  args: { instance: scenario('hang') },
  parameters: about('The instance never answers: the skeleton stays until the request times out (30 s).'),
};

export const Processing: Story = {
  name: 'Processing, then done',
  args: { 'insight-id': FIXTURE_IDS.processing },
  parameters: about(
    'An insight the instance is still computing: progress first (0 of 12 points), half the points 1.5 s later, then the finished chart. Polling runs only while it is processing.',
  ),
};

export const ProcessingProgress: Story = {
  name: 'Processing with progress',
  args: { instance: scenario('processing-forever'), 'insight-id': FIXTURE_IDS.processing },
  parameters: about('An instance that keeps reporting the insight half computed: the progress bar and percentage, with no points yet.'),
};

export const Empty: Story = {
  name: 'Empty',
  args: { 'insight-id': FIXTURE_IDS.empty },
  parameters: about('A query that never matched: no points, and a message instead of an empty chart.'),
};

export const Unauthorized: Story = {
  name: 'Error: 401 invalid token',
  args: { instance: scenario('status/401') },
  parameters: about('The instance rejects the token (HTTP 401): a message that says what to check.'),
};

export const ServerError: Story = {
  name: 'Error: 500 with retry',
  args: { instance: scenario('status/500') },
  parameters: about('The instance fails (HTTP 500): a message and a "Try again" button (retries are off in Storybook).'),
};

export const MalformedResponse: Story = {
  name: 'Error: malformed response',
  args: { instance: scenario('body/not-json') },
  parameters: about('HTTP 200 with an HTML sign-in page instead of JSON, as a misconfigured proxy answers.'),
};

export const GraphQLError: Story = {
  name: 'Error: GraphQL error',
  args: { instance: scenario('body/graphql-error') },
  parameters: about("The instance answers with GraphQL `errors`: its words are shown as text (the `<b>` is not markup)."),
};

export const InvalidAttributes: Story = {
  name: 'Invalid attributes',
  args: { 'insight-id': undefined, kind: 'stat', repository: 'github.com/acme/web' },
  parameters: about('`kind="stat"` with `repository` (a language-usage source) contradict each other: the card names the attributes, with no retry button.'),
};

export const HostileTitles: Story = {
  name: 'Hostile titles stay text',
  args: { 'insight-id': FIXTURE_IDS.hostile },
  parameters: about('Titles, labels and colours from the instance containing markup and `javascript:` URLs are rendered as text and ignored colours.'),
};

export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { 'insight-id': FIXTURE_IDS.todos, theme: 'dark' },
  parameters: about('`theme="dark"` on a dark page.', { dark: true }),
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { 'insight-id': FIXTURE_IDS.todos },
  parameters: about('In a 320 px column, as in a wiki sidebar: axis labels thin out and the legend wraps.', { width: 320 }),
};

export const Filtered: Story = {
  name: 'Filtered to one repository',
  args: { 'include-repos': '^github\\.com/acme/api$' },
  parameters: about('`include-repos`: the numbers count only the matching repositories.'),
};

export const Row: Story = {
  name: 'Side by side',
  render: () => html`<div class="story-grid">
    ${codeInsight({ 'insight-id': FIXTURE_IDS.migration })} ${codeInsight({ 'insight-id': FIXTURE_IDS.todos })}
    ${codeInsight({ 'insight-id': FIXTURE_IDS.incomplete })}
  </div>`,
  // Three cards of their own: the controls would reach none of them.
  parameters: { ...about('Three saved insights in a responsive grid; they go out as one batched request.'), controls: { disable: true } },
};
