import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { InsightData } from '../src/index.ts';
import { FIXTURE_IDS, about, codeInsight, type ElementArgs } from './support.ts';

/**
 * "Are we on track?": goals, projections, what changed and annotations on `<code-insight>` (SPEC "Goals,
 * projections, change and annotations"), one story per status the card can reflect as `goal-status`.
 */
const meta = {
  title: 'Components/Goals and projections',
  component: 'code-insight',
  tags: ['autodocs'],
  render: (args) => codeInsight(args),
  parameters: {
    docs: {
      description: {
        component:
          'A `goal` (and `goal-date`) on a line chart or a single number: the goal line, the dashed projection of the recent trend with its optimistic–pessimistic band, the headline that says when the series gets there, and `goal-status`. `compare` shows each series’ change, coloured by the way that counts as progress; `<insight-annotation>` marks events on the time axis.',
      },
    },
  },
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

const weekly = (values: number[], start = Date.UTC(2026, 6, 6)) =>
  values.map((value, i) => ({ date: new Date(start + i * 7 * 864e5).toISOString(), value }));
const series = (title: string, label: string, values: number[]): InsightData => ({
  kind: 'line',
  title,
  series: [{ id: 'calls', label, color: 'var(--oc-indigo-7)', points: weekly(values) }],
});

export const OnTrack: Story = {
  name: 'On track',
  args: { 'insight-id': FIXTURE_IDS.migration, goal: 0, 'goal-series': 'JavaScript files', 'goal-date': '2027-06-30', compare: '1q' },
  parameters: about('JavaScript files fall by about 33 a month: zero around March 2027, three months before the goal date.'),
};

export const Behind: Story = {
  name: 'Behind',
  args: { 'insight-id': FIXTURE_IDS.migration, goal: 0, 'goal-series': 'JavaScript files', 'goal-date': '2027-01-01' },
  parameters: about('The same pace against a goal date in January: the headline says how many will be left then.'),
};

export const Noisy: Story = {
  name: 'On track, with a band',
  args: { goal: 0, 'trend-window': 10, data: series('Deprecated API calls', 'oldClient.call(', [300, 260, 290, 240, 270, 200, 250, 190, 230, 180]) },
  parameters: about('A noisy series: the projection is the median pace (Theil–Sen), the band between its optimistic and pessimistic bounds.'),
};

export const WrongWay: Story = {
  name: 'Going the wrong way',
  args: { 'insight-id': FIXTURE_IDS.todos, goal: 0, 'goal-series': 'TODO', compare: '1mo' },
  parameters: about('TODOs rise while the goal is zero: the change is red because up is the wrong way here.'),
};

export const NoProgress: Story = {
  name: 'No progress',
  args: { goal: 0, data: series('Uses of the v1 client', 'v1 client', [120, 121, 120, 119, 120, 120, 121, 120]) },
  parameters: about('A flat series: no date to give, and the headline says so.'),
};

export const Reached: Story = {
  name: 'Reached',
  args: { goal: 0, data: series('Python 2 files', 'Python 2 files', [30, 24, 17, 11, 6, 2, 0, 0]) },
  parameters: about('The latest value is at the goal.'),
};

export const NotEnoughData: Story = {
  name: 'Not enough data',
  args: { goal: 0, data: series('Flaky tests', 'Flaky tests', [40, 31, 36]) },
  parameters: about('Three samples: no date is made up.'),
};

export const Annotations: Story = {
  name: 'Annotations',
  args: { 'insight-id': FIXTURE_IDS.migration },
  render: (args) =>
    codeInsight(
      args,
      html`<insight-annotation date="2026-03-01" label="Codemod landed" href="https://github.com/acme/web/pull/7"></insight-annotation>
        <insight-annotation date="2026-07-01" label="v2 released"></insight-annotation>`,
    ),
  parameters: about('`<insight-annotation>` children: markers on the time axis, their labels in the tooltip of the nearest point.'),
};

export const SingleNumber: Story = {
  name: 'Single number with a goal',
  args: { 'insight-id': FIXTURE_IDS.migration, kind: 'stat', goal: 1000, 'goal-date': '2027-06-30' },
  parameters: about('`kind="stat"` with a goal: how far the series has come from its first point to the goal, as a bar.'),
};
