import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FIXTURE_IDS, about, codeInsight, element, type ElementArgs } from './support.ts';

/**
 * `<insight-annotation>`: an event on a line chart's time axis. It renders nothing itself, so each story shows it
 * inside a card; the controls are the annotation's own attributes.
 */
const meta = {
  title: 'Components/Insight annotation',
  component: 'insight-annotation',
  tags: ['autodocs'],
  render: (args) => codeInsight({ 'insight-id': FIXTURE_IDS.migration }, element('insight-annotation', args)),
  args: { date: '2026-03-01', label: 'Codemod landed', href: 'https://github.com/acme/web/pull/7' },
  parameters: {
    docs: {
      description: {
        component:
          'An event marked on a line chart\'s time axis ("v2 released", "codemod landed"), declared in HTML as a child of `<code-insight>`: its `date` (ISO 8601), a short `label` shown in the tooltip of the nearest point, and an optional `href` (http or https only).',
      },
    },
  },
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

export const OneEvent: Story = {
  name: 'One event',
  parameters: about('A card with one `<insight-annotation>`: move its date or change its label and the marker follows.'),
};

export const WithoutLink: Story = {
  name: 'Without a link',
  args: { date: '2026-07-01', label: 'v2 released', href: undefined },
  parameters: about('No `href`: the label alone, in the tooltip.'),
};
