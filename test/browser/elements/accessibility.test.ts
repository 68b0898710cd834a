import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement, type InsightsDashboardElement } from '../../../src/index.js';
import { DASHBOARD_IDS, FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { untilState } from '../wait.js';

/** axe-core (through chai-a11y-axe) checks the element, its shadow DOM included, against WCAG rules. */
async function card(markup: string, state: string): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.insertAdjacentHTML('beforeend', markup);
  const element = host.firstElementChild as CodeInsightElement;
  await untilState(element, state as never);
  return element;
}

describe('accessibility (axe-core: zero violations)', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 60_000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  const cases: [string, string, string][] = [
    ['loading', `<code-insight instance="${instance('hang')}" insight-id="${FIXTURE_IDS.todos}"></code-insight>`, 'loading'],
    ['processing with progress', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.processing}"></code-insight>`, 'processing'],
    ['empty', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.empty}"></code-insight>`, 'empty'],
    ['error with retry', `<code-insight instance="${instance('status/500')}" insight-id="${FIXTURE_IDS.todos}"></code-insight>`, 'error'],
    ['a line chart', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}"></code-insight>`, 'ready'],
    ['incomplete points', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.incomplete}"></code-insight>`, 'ready'],
    ['hidden series', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.manySeries}"></code-insight>`, 'ready'],
    ['a stacked chart', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" stacked></code-insight>`, 'ready'],
    ['dark theme', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.todos}" theme="dark"></code-insight>`, 'ready'],
    ['a language donut', `<code-insight instance="${instance()}" kind="languages" repository="github.com/acme/web"></code-insight>`, 'ready'],
    ['group-by bars', `<code-insight instance="${instance()}" kind="group-by" query="TODO" mode="path"></code-insight>`, 'ready'],
    ['a single number', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" kind="stat"></code-insight>`, 'ready'],
    ['hostile labels', `<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.hostile}"></code-insight>`, 'ready'],
  ];
  for (const [name, markup, state] of cases) {
    it(`${name}`, async () => {
      const element = await card(markup, state);
      // With the screen readers' data table, which a drawn chart (not a single number) gets once painted.
      if ((state === 'ready' || state === 'processing') && !markup.includes('kind="stat"') && !name.startsWith('processing')) {
        await waitUntil(() => element.shadowRoot!.querySelector('table') !== null, 'no data table');
      }
      await expect(element).to.be.accessible();
    });
  }

  it('a card with its menu open', async () => {
    const element = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}"></code-insight>`, 'ready');
    (element.shadowRoot!.querySelector('.menu-button') as HTMLButtonElement).click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="menu"]') !== null).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('a dashboard with its filter bar open', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<insights-dashboard instance="${instance()}" dashboard-id="${DASHBOARD_IDS.frontend}" filters-open></insights-dashboard>`;
    const dashboard = host.firstElementChild as InsightsDashboardElement;
    await waitUntil(() => [...dashboard.shadowRoot!.querySelectorAll('code-insight')].filter((c) => c.state === 'ready').length === 3);
    await expect(dashboard).to.be.accessible();
  });
});
