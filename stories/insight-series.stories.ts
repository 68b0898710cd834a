import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { REPOS, about, codeInsight, element, type ElementArgs } from './support.ts';

const BOTH_REPOS = `${REPOS.web} ${REPOS.api}`;

/**
 * `<insight-series>`: one series of an ad-hoc `<code-insight>`. It renders nothing itself, so each story shows it
 * inside a card; the controls are the series' own attributes, and the card queries again when they change.
 */
const meta = {
  title: 'Components/Insight series',
  component: 'insight-series',
  tags: ['autodocs'],
  render: (args) => codeInsight({ heading: 'Ad-hoc insight', repositories: BOTH_REPOS, step: '1mo', points: 12 }, element('insight-series', args)),
  args: { label: 'TODO', query: 'TODO case:yes', color: 'var(--oc-grape-7)' },
  parameters: {
    docs: {
      description: {
        component:
          'A series of an ad-hoc insight, declared in HTML as a child of `<code-insight repositories="…">`: its `label`, its search `query`, a `color`, `capture-group` for one series per value of the query\'s capture group, and a per-series `goal`. It renders nothing; the enclosing card reads its attributes and queries the instance again when they change.',
      },
    },
  },
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

export const OneSeries: Story = {
  name: 'One series',
  parameters: about('A card with one `<insight-series>`: change its label, query or colour and the card follows.'),
};

export const CaptureGroup: Story = {
  name: 'Capture group',
  args: { label: 'lodash', query: 'lodash@(\\d)', color: undefined, 'capture-group': true },
  parameters: about('`capture-group`: one series per value the query\'s first capture group matched (here each lodash major version).'),
};

export const WithGoal: Story = {
  name: 'A goal for this series',
  args: { goal: 0, 'goal-date': '2027-06-30' },
  parameters: about('`goal` and `goal-date` on the series: the goal line and projection for this series alone.'),
};
