import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DASHBOARD_IDS, FIXTURE_IDS, REPOS, about, element, scenario, type ElementArgs } from './support.ts';

const dashboard = (args: ElementArgs, children: unknown = '') => element('insights-dashboard', args, children);

/** `<insights-dashboard>`: a saved dashboard, page-composed cards, the filter bar and a 48-card dashboard. */
const meta = {
  title: 'Components/Insights dashboard',
  component: 'insights-dashboard',
  tags: ['autodocs'],
  render: (args) => dashboard(args),
  args: { 'dashboard-id': DASHBOARD_IDS.frontend },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component: 'A grid of insight cards with one filter bar: a saved dashboard (`dashboard-id`), child `<code-insight>` elements, or both.',
      },
    },
  },
  decorators: [(story) => html`<div style="padding: 1rem">${story()}</div>`],
} satisfies Meta<ElementArgs>;
export default meta;

type Story = StoryObj<ElementArgs>;

export const Saved: Story = {
  name: 'Saved dashboard',
  parameters: about('A saved dashboard: its title and its three insights, fetched as one batched request.'),
};

export const FiltersOpen: Story = {
  name: 'Filter bar open',
  args: { 'filters-open': true, 'include-repos': '^github\\.com/acme/web$' },
  parameters: about('`filters-open` with `include-repos` set: the filter bar shows the filter, and every card counts only acme/web.'),
};

export const Composed: Story = {
  name: 'Composed of child cards',
  args: { 'dashboard-id': undefined, heading: 'Frontend, as this page sees it' },
  render: (args) =>
    dashboard(
      args,
      html`<code-insight insight-id=${FIXTURE_IDS.migration}></code-insight>
        <code-insight kind="languages" repository=${REPOS.web} heading="Languages in acme/web"></code-insight>
        <code-insight kind="group-by" heading="TODOs by file" query="TODO" mode="path" limit="6"></code-insight>
        <code-insight insight-id=${FIXTURE_IDS.todos}></code-insight>`,
    ),
  parameters: about('No `dashboard-id`: a dashboard that exists only on this page, from child `<code-insight>` elements of any kind.'),
};

export const FortyEightCards: Story = {
  name: '48 cards',
  args: { 'dashboard-id': DASHBOARD_IDS.bulk },
  parameters: about('48 insights: cards are created a few per task and fetch only as they near the viewport, in a few batched requests.'),
};

export const Dark: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  parameters: about('`theme="dark"` passed down to every card, on a dark page.', { dark: true }),
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  parameters: about('In a 320 px column: one card per row, and the header wraps.', { width: 320 }),
};

export const Failing: Story = {
  name: 'Error: 500',
  args: { instance: scenario('status/500') },
  parameters: about('The instance fails while loading the dashboard: a message and a retry button instead of the grid.'),
};
