import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { configure, type CodeInsightElement, type InsightLoadEvent } from '../../../src/index.js';
import { FIXTURE_IDS, previewValue } from '../../../server/sources/fixtures/insights.ts';
import { graphqlRequests, instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/** A card from markup as a page author writes it. */
async function card(markup: string): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.insertAdjacentHTML('beforeend', markup);
  return host.firstElementChild as CodeInsightElement;
}

const marks = (element: Element, mark: string) => [...shadow(element).querySelectorAll(`[data-mark="${mark}"]`)];
const labels = (element: Element, mark: string) => marks(element, mark).map((m) => m.getAttribute('data-label'));
const errorText = (element: Element) => shadow(element).querySelector('[part="error"]')?.textContent ?? '';

describe('<code-insight> kinds', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 40 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  describe('ad-hoc search insights', () => {
    const adHoc = (series: string, attributes = '') =>
      card(`<code-insight instance="${instance()}" repositories="github.com/acme/web, github.com/acme/api" points="6" ${attributes}>${series}</code-insight>`);

    it('computes child <insight-series> on the instance without saving, one line each', async () => {
      const element = await adHoc(
        `<insight-series label="TODO" query="TODO" color="var(--oc-red-7)"></insight-series><insight-series label="FIXME" query="FIXME"></insight-series>`,
      );
      const { detail } = (await oneEvent(element, 'insight-load')) as InsightLoadEvent;
      await untilState(element, 'ready');
      expect(labels(element, 'line')).to.deep.equal(['TODO', 'FIXME']);
      expect(marks(element, 'line')[0].getAttribute('stroke')).to.equal('#fa5252');
      if (detail.kind !== 'line') throw new Error('expected a line');
      // The last 6 of the instance's samples: points="6".
      expect(detail.series[0].points.map((p) => p.value)).to.deep.equal([6, 7, 8, 9, 10, 11].map((i) => previewValue('TODO', 2, i)));
      const [request] = await graphqlRequests();
      expect(request.operationName).to.equal('CodeInsightPreview');
      expect(request.variables).to.deep.include({
        input: {
          repositoryScope: { repositories: ['github.com/acme/web', 'github.com/acme/api'], repositoryCriteria: null },
          timeScope: { stepInterval: { unit: 'MONTH', value: 1 } },
          series: [
            { query: 'TODO', label: 'TODO', generatedFromCaptureGroups: false, groupBy: null },
            { query: 'FIXME', label: 'FIXME', generatedFromCaptureGroups: false, groupBy: null },
          ],
        },
      });
    });

    it('queries again when a child series changes', async () => {
      const element = await adHoc(`<insight-series label="TODO" query="TODO"></insight-series>`);
      await untilState(element, 'ready');
      element.querySelector('insight-series')!.setAttribute('query', 'TODO OR FIXME');
      await waitUntil(async () => (await graphqlRequests()).length === 2, 'no new request');
      element.append(Object.assign(document.createElement('insight-series'), {}));
      element.lastElementChild!.setAttribute('label', 'HACK');
      element.lastElementChild!.setAttribute('query', 'HACK');
      await waitUntil(() => marks(element, 'line').length === 2, 'the new series was not drawn');
    });

    it('draws one line per captured value, largest first, and says how many are hidden', async () => {
      const element = await adHoc(`<insight-series capture-group query="lodash@(\\d)"></insight-series>`, 'series-limit="2"');
      await untilState(element, 'ready');
      expect(labels(element, 'line')).to.deep.equal(['lodash@4', 'lodash@3']);
      expect(shadow(element).textContent).to.contain('1 more series hidden');
    });

    it('refuses a colour that is not a colour', async () => {
      const element = await adHoc(`<insight-series label="x" query="x" color="red;background:url(//evil.example)"></insight-series>`);
      await untilState(element, 'ready');
      expect(marks(element, 'line')[0].getAttribute('stroke')).to.equal('#228be6');
    });

    it('takes its title from the heading attribute, also in the chart summary', async () => {
      const element = await adHoc(`<insight-series label="x" query="x"></insight-series>`, 'heading="Our TODOs"');
      await untilState(element, 'ready');
      expect(shadow(element).querySelector('[part="title"]')!.textContent!.trim()).to.equal('Our TODOs');
      expect(shadow(element).querySelector('svg[role="img"]')!.getAttribute('aria-label')).to.match(/^Our TODOs\./);
    });

    it('reads the step attribute', async () => {
      const element = await adHoc(`<insight-series label="x" query="x"></insight-series>`, 'step="2w"');
      await untilState(element, 'ready');
      const [request] = await graphqlRequests();
      expect((request.variables as { input: { timeScope: unknown } }).input.timeScope).to.deep.equal({ stepInterval: { unit: 'WEEK', value: 2 } });
    });
  });

  describe('language usage', () => {
    it('draws a donut of a repository\'s languages with small ones grouped as Other', async () => {
      const element = await card(`<code-insight instance="${instance()}" kind="languages" repository="github.com/acme/web"></code-insight>`);
      await untilState(element, 'ready');
      // JSON, Shell, YAML and Dockerfile are each under 3% of 81,300 lines.
      expect(labels(element, 'slice')).to.deep.equal(['TypeScript', 'JavaScript', 'CSS', 'HTML', 'Markdown', 'Other']);
      const legend = shadow(element).querySelector('[part="legend"]')!.textContent!.replace(/\s+/g, ' ');
      expect(legend).to.contain('TypeScript 52K (64%)').and.to.contain('Other 2.3K (3%)'); // one number format per legend
      const [request] = await graphqlRequests();
      expect(request.variables).to.deep.equal({ query: 'repo:^github\\.com/acme/web$' });
    });

    it('draws a saved language usage insight from its repository', async () => {
      const element = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.languages}"></code-insight>`);
      await untilState(element, 'ready');
      expect(marks(element, 'slice')).to.have.length(6);
      expect(shadow(element).querySelector('[part="title"]')!.textContent!.trim()).to.equal('Languages in acme/web');
    });

    it('groups according to other-threshold', async () => {
      const element = await card(`<code-insight instance="${instance()}" kind="languages" repository="github.com/acme/web" other-threshold="0.1"></code-insight>`);
      await untilState(element, 'ready');
      // CSS is 9.8% of the lines: under a 10% threshold.
      expect(labels(element, 'slice')).to.deep.equal(['TypeScript', 'JavaScript', 'Other']);
    });

    it('says so when the repository has no language statistics', async () => {
      const element = await card(`<code-insight instance="${instance()}" kind="languages" repository="github.com/acme/nope"></code-insight>`);
      await untilState(element, 'error');
      expect(errorText(element)).to.contain("couldn't find the language statistics");
    });
  });

  describe('group-by', () => {
    it('draws a bar per group, each linked to its search', async () => {
      const element = await card(`<code-insight instance="${instance()}" kind="group-by" query="TODO" mode="path" limit="5"></code-insight>`);
      const { detail } = (await oneEvent(element, 'insight-load')) as InsightLoadEvent;
      await untilState(element, 'ready');
      expect(labels(element, 'bar')).to.deep.equal([0, 1, 2, 3, 4].map((i) => `src/components/feature-${'abcde'[i]}/index.ts`));
      if (detail.kind !== 'bar') throw new Error('expected bars');
      expect(new URL(detail.items[0].url!).searchParams.get('q')).to.equal('TODO file:^src/components/feature-a/index\\.ts$');
      expect(new URL(detail.items[0].url!).origin).to.equal(new URL(instance()).origin);
    });

    it('says why a mode is unavailable, without a useless retry', async () => {
      const element = await card(`<code-insight instance="${instance()}" kind="group-by" query="TODO" mode="author"></code-insight>`);
      await untilState(element, 'error');
      expect(errorText(element)).to.contain('only available for commit and diff searches');
      expect(shadow(element).querySelector('[part="error"] button') === null).to.equal(true);
    });
  });

  describe('single number', () => {
    it('shows the latest value, its change over the period and a sparkline', async () => {
      const element = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" kind="stat"></code-insight>`);
      await untilState(element, 'ready');
      const stat = shadow(element).querySelector('.stat')!;
      expect(stat.querySelector('.stat-value')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('600 TypeScript files');
      expect(stat.querySelector('.stat-change')!.textContent!.replace(/\s+/g, ' ')).to.contain('+440').and.contain('since Nov 1, 2025');
      const sparkline = stat.querySelector('svg[role="img"]')!;
      expect(sparkline.getAttribute('aria-label')).to.contain('600 TypeScript files').and.contain('+440 since Nov 1, 2025');
      expect(marks(element, 'line')).to.have.length(1);
    });

    it('says the hour the change counts from when samples are hours apart', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight locale="en-US"></code-insight>`);
      const points = [9, 10, 11].map((h, i) => ({ date: new Date(Date.UTC(2026, 10, 22, h, 49)).toISOString(), value: i * 5 }));
      element.data = { kind: 'stat', title: 'TODOs', value: 10, previous: 0, since: points[0].date, points };
      await untilState(element, 'ready');
      expect(shadow(element).querySelector('.stat-change')!.textContent!.replace(/\s+/g, ' ')).to.contain('since Nov 22, 2026, 9:49 AM UTC');
    });
  });

  describe('line options', () => {
    it('stacks series with stacked', async () => {
      const element = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" stacked></code-insight>`);
      await untilState(element, 'ready');
      expect(shadow(element).querySelectorAll('path.area')).to.have.length(2);
      const ticks = [...shadow(element).querySelectorAll('text.tick.y')].map((t) => Number(t.textContent!.replace(/,/g, '')));
      // The top band ends at 600 + 187 = 787 on the last date; the axis starts at 0.
      expect(Math.max(...ticks)).to.be.at.least(787);
      expect(Math.min(...ticks)).to.equal(0);
    });

    it('starts the axis at zero with y-zero', async () => {
      const element = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.migration}" y-zero></code-insight>`);
      await untilState(element, 'ready');
      expect([...shadow(element).querySelectorAll('text.tick.y')].map((t) => t.textContent)).to.include('0');
    });
  });

  describe('third-party data', () => {
    it('draws JSON in the InsightData format from src', async () => {
      const element = await card(`<code-insight src="/test/fixtures/third-party/deploys.json"></code-insight>`);
      await untilState(element, 'ready');
      expect(labels(element, 'line')).to.deep.equal(['Production', 'Staging']);
      expect(marks(element, 'line')[0].getAttribute('stroke')).to.equal('#2f9e44');
      expect(shadow(element).querySelector('[part="title"]')!.textContent!.trim()).to.equal('Deploys per week');
    });

    it('draws CSV with a date column from src, empty cells as missing points', async () => {
      const element = await card(`<code-insight src="/test/fixtures/third-party/incidents.csv"></code-insight>`);
      const { detail } = (await oneEvent(element, 'insight-load')) as InsightLoadEvent;
      await untilState(element, 'ready');
      expect(labels(element, 'line')).to.deep.equal(['P1', 'P2']);
      if (detail.kind !== 'line') throw new Error('expected a line');
      expect(detail.series[0].points.map((p) => p.value)).to.deep.equal([3, 1, 2]);
    });

    it('says where a CSV file is broken', async () => {
      const element = await card(`<code-insight src="/test/fixtures/third-party/broken.csv"></code-insight>`);
      await untilState(element, 'error');
      expect(errorText(element)).to.match(/[Ll]ine 3/).and.to.match(/column/);
    });

    it('says when src cannot be fetched', async () => {
      const element = await card(`<code-insight src="/test/fixtures/third-party/missing.json"></code-insight>`);
      await untilState(element, 'error');
      expect(errorText(element)).to.contain('HTTP 404');
    });

    it('draws the data property as a pie, bars or a number', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = { kind: 'pie', title: 'Teams', items: [{ label: 'Web', value: 3 }, { label: 'API', value: 1 }] };
      await untilState(element, 'ready');
      expect(labels(element, 'slice')).to.deep.equal(['Web', 'API']);
      element.data = { kind: 'bar', title: 'Teams', items: [{ label: 'Web', value: 3 }, { label: 'API', value: 1 }] };
      await waitUntil(() => labels(element, 'bar').length === 2);
      element.data = { kind: 'stat', title: 'Open incidents', value: 4, previous: 6 };
      await waitUntil(() => shadow(element).querySelector('.stat-value')?.textContent?.trim() === '4');
      expect(shadow(element).querySelector('.stat-change')!.textContent).to.contain('−2');
    });

    it('says what is wrong with invalid data', async () => {
      const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
      element.data = { kind: 'line', title: 'x', series: [{ id: 'a', label: 'A', points: [{ date: 'soon', value: 1 }] }] };
      await untilState(element, 'error');
      expect(errorText(element)).to.contain('series[0].points[0].date');
    });
  });

  describe('kind detection', () => {
    const contradictions: [string, RegExp][] = [
      [`insight-id="${FIXTURE_IDS.todos}" repositories="github.com/acme/web"`, /only one source of data.*insight-id and repositories/],
      [`kind="group-by" insight-id="${FIXTURE_IDS.todos}"`, /kind="group-by" cannot show insight-id/],
      [`kind="languages"`, /needs a repository/],
      [`kind="pie" insight-id="${FIXTURE_IDS.todos}"`, /kind="pie" is not one of/],
      [`kind="line" insight-id="${FIXTURE_IDS.languages}"`, /kind="line" cannot draw this data, which is a pie chart/],
      [`repositories="github.com/acme/web" repository-criteria="repo:acme"`, /repositories or repository-criteria, not both/],
      [`repositories="github.com/acme/web"`, /needs <insight-series/],
      [`repositories="github.com/acme/web" step="fortnightly"><insight-series query="x"></insight-series`, /step="fortnightly"/],
    ];
    for (const [attributes, message] of contradictions) {
      it(`explains ${attributes.split('>')[0]}`, async () => {
        const element = await card(`<code-insight instance="${instance()}" ${attributes}></code-insight>`);
        await untilState(element, 'error');
        expect(errorText(element)).to.match(message);
      });
    }

    it('picks the chart from the saved presentation', async () => {
      const line = await card(`<code-insight instance="${instance()}" insight-id="${FIXTURE_IDS.todos}"></code-insight>`);
      await untilState(line, 'ready');
      expect(marks(line, 'line')).to.have.length(3);
    });
  });

  describe('with real data from the local server', () => {
    it('draws language usage computed from git', async () => {
      const element = await card(`<code-insight instance="${instance('git')}" kind="languages" repository="github.com/acme/web"></code-insight>`);
      await untilState(element, 'ready');
      expect(labels(element, 'slice').sort()).to.deep.equal(['CSS', 'TypeScript']);
    });

    it('draws group-by bars computed from git', async () => {
      const element = await card(`<code-insight instance="${instance('git')}" kind="group-by" query="TODO" mode="repo"></code-insight>`);
      await untilState(element, 'ready');
      expect(labels(element, 'bar')).to.deep.equal(['github.com/acme/api', 'github.com/acme/web']);
    });

    it('draws an ad-hoc series computed from git', async () => {
      const element = await card(
        `<code-insight instance="${instance('git')}" repositories="github.com/acme/api" points="5"><insight-series label="TODO" query="TODO"></insight-series></code-insight>`,
      );
      const { detail } = (await oneEvent(element, 'insight-load')) as InsightLoadEvent;
      await untilState(element, 'ready');
      if (detail.kind !== 'line') throw new Error('expected a line');
      expect(detail.series[0].points.map((p) => p.value)).to.deep.equal([3, 6, 5, 4, 4]);
    });
  });
});
