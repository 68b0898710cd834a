import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';
import { shadow, untilState } from '../wait.js';

/**
 * Goals, projections, change and annotations (SPEC "Goals, projections, change and annotations") on the fixture
 * instance. Migration to TypeScript: JavaScript files fall by 33 a month, 550 on Nov 1, 2025 to 187 on Oct 1,
 * 2026, so they reach zero around March 2027; TypeScript files rise by 40 a month to 600; TODOs rise.
 */
async function card(markup: string, state = 'ready'): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 720px"></div>`);
  host.insertAdjacentHTML('beforeend', markup);
  const element = host.firstElementChild as CodeInsightElement;
  await untilState(element, state as never);
  return element;
}
const saved = (id: string, attributes: string, children = '') =>
  `<code-insight instance="${instance()}" insight-id="${id}" ${attributes}>${children}</code-insight>`;
const mark = (element: Element, name: string) => [...shadow(element).querySelectorAll(`[data-mark="${name}"]`)];
const part = (element: Element, name: string) => [...shadow(element).querySelectorAll(`[part~="${name}"]`)];
const text = (node: Element | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const JS_GOAL = 'goal="0" goal-series="JavaScript files"';

describe('<code-insight> goals', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  it('draws the goal line, the dashed projection from the last point to the goal, and says when', async () => {
    const element = await card(saved(FIXTURE_IDS.migration, `${JS_GOAL} goal-date="2027-06-30"`));
    expect(element.getAttribute('goal-status')).to.equal('on-track');
    const [goal] = mark(element, 'goal');
    expect(goal.getAttribute('data-series-id')).to.equal('js');
    const [projection] = mark(element, 'projection');
    expect(projection.getAttribute('data-series-id')).to.equal('js');
    expect(projection.getAttribute('stroke-dasharray')).to.not.equal(null);
    // It starts at the last JavaScript point and ends on the goal line.
    const last = mark(element, 'point').filter((p) => p.getAttribute('data-series-id') === 'js').pop()!.getBoundingClientRect();
    const path = projection as SVGPathElement;
    const start = path.getPointAtLength(0);
    const end = path.getPointAtLength(path.getTotalLength());
    const svg = path.ownerSVGElement!;
    const toScreen = (p: DOMPoint) => new DOMPoint(p.x, p.y).matrixTransform(svg.getScreenCTM()!);
    expect(Math.abs(toScreen(start).x - (last.x + last.width / 2))).to.be.below(2);
    expect(Math.abs(toScreen(start).y - (last.y + last.height / 2))).to.be.below(3);
    const goalY = goal.getBoundingClientRect().y + goal.getBoundingClientRect().height / 2;
    expect(Math.abs(toScreen(end).y - goalY)).to.be.below(2);
    const [headline] = part(element, 'projection');
    expect(text(headline)).to.equal('On track: at this pace 0 around Mar 2027, 3 months before the goal');
    // What a screen reader hears says it too.
    expect(shadow(element).querySelector('svg.plot')!.getAttribute('aria-label')).to.contain('On track: at this pace 0 around Mar 2027');
  });

  it("puts the goal's label where no line runs, over the series, with a halo in the card's background", async () => {
    // A series that runs just above the goal of 0 on the left and rises on the right: the label moves right.
    const host = await fixture<HTMLDivElement>(html`<div style="width: 720px"></div>`);
    host.innerHTML = '<code-insight goal="0" theme="dark"></code-insight>';
    const element = host.firstElementChild as CodeInsightElement;
    const values = [4, 3, 4, 3, 5, 20, 45, 70, 95, 120];
    const points = values.map((value, i) => ({ date: new Date(Date.UTC(2026, i, 1)).toISOString(), value }));
    element.data = { kind: 'line', title: 'Rising', series: [{ id: 'a', label: 'A', points }] };
    await untilState(element, 'ready');
    const label = shadow(element).querySelector<SVGTextElement>('.goal-label')!;
    expect(text(label)).to.equal('Goal 0');
    expect(label.getAttribute('text-anchor')).to.equal('end');
    const box = label.getBoundingClientRect();
    const covered = mark(element, 'point').filter((p) => {
      const r = p.getBoundingClientRect();
      return r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    });
    expect(covered).to.have.length(0);
    // Drawn after the points, so where no place is free a line still cannot cover it; the halo is the card's
    // background (dark here).
    const pointsGroup = shadow(element).querySelector('g.points')!;
    expect(pointsGroup.compareDocumentPosition(label) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const style = getComputedStyle(label);
    expect(style.paintOrder).to.match(/^stroke/);
    expect(style.stroke).to.equal('rgb(21, 27, 35)');
  });

  it('is behind when the goal date comes first, and names what will be left', async () => {
    const element = await card(saved(FIXTURE_IDS.migration, `${JS_GOAL} goal-date="2027-01-01"`));
    expect(element.getAttribute('goal-status')).to.equal('behind');
    expect(text(part(element, 'projection')[0])).to.match(/^Behind: about \d+ left on Jan 1, 2027$/);
  });

  it('says a series going the wrong way, and reflects no status without a goal', async () => {
    const element = await card(saved(FIXTURE_IDS.todos, 'goal="0" goal-series="TODO"'));
    expect(element.getAttribute('goal-status')).to.equal('wrong-way');
    expect(text(part(element, 'projection')[0])).to.match(/^Going the wrong way over the last \d+ months$/);
    element.removeAttribute('goal');
    await waitUntil(() => !element.hasAttribute('goal-status'), 'goal-status stayed');
    expect(part(element, 'projection')).to.have.length(0);
    expect(mark(element, 'goal')).to.have.length(0);
  });

  it('shows each series’ change over the compare period, coloured by the way that counts as progress', async () => {
    const element = await card(saved(FIXTURE_IDS.migration, `${JS_GOAL} compare="1q"`));
    const changes = part(element, 'change');
    expect(changes.map(text)).to.deep.equal(['▲ +120 (+25%)', '▼ −99 (−35%)']);
    // No goal on TypeScript files and no `better`: neutral; JavaScript files fall towards their goal: good.
    expect(changes.map((c) => c.getAttribute('data-tone'))).to.deep.equal(['neutral', 'good']);
    element.setAttribute('better', 'down');
    await waitUntil(() => part(element, 'change')[0]?.getAttribute('data-tone') === 'bad', 'more TypeScript files counted as progress');
  });

  it('marks annotations on the time axis, with their label in the tooltip and the announcement', async () => {
    const element = await card(
      saved(FIXTURE_IDS.migration, '', '<insight-annotation date="2026-03-01" label="Codemod landed" href="https://github.com/acme/web/pull/7"></insight-annotation>'),
    );
    const [annotation] = mark(element, 'annotation');
    expect(annotation.getAttribute('data-label')).to.equal('Codemod landed');
    const point = mark(element, 'point').find((p) => p.getAttribute('data-series-id') === 'ts' && Math.abs(p.getBoundingClientRect().x + 3 - annotation.getBoundingClientRect().x) < 6);
    expect(point, 'a point at the annotation').to.not.equal(undefined);
    const area = shadow(element).querySelector('[part="chart"]') as HTMLElement;
    area.focus();
    // Mar 1, 2026 is the fifth sample: Home, then four to the right.
    await sendKeys({ press: 'Home' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(text(part(element, 'tooltip')[0])).to.contain('Codemod landed');
    expect(shadow(element).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain('Codemod landed');
  });

  it('exports the goal and the projection: CSV columns, and the marks in the SVG', async () => {
    const element = await card(saved(FIXTURE_IDS.migration, JS_GOAL));
    const [header, ...rows] = element.toCSV().trim().split('\r\n');
    expect(header).to.equal('date,TypeScript files,JavaScript files,JavaScript files goal,JavaScript files projected');
    const lastRow = rows[rows.length - 1].split(',');
    expect(lastRow[0]).to.match(/^2027-0[23]-/);
    expect(Math.abs(Number(lastRow[4]))).to.be.below(2);
    expect(element.toSVG()).to.contain('data-mark="projection"');
  });

  it('takes goals from ad-hoc series, and refuses a goal that is not a number', async () => {
    const adHoc = await card(
      `<code-insight instance="${instance()}" repositories="github.com/acme/web" points="8">
        <insight-series label="TODO" query="TODO" goal="200"></insight-series><insight-series label="FIXME" query="FIXME"></insight-series>
      </code-insight>`,
    );
    expect(mark(adHoc, 'goal').map((g) => g.getAttribute('data-series-id'))).to.have.length(1);
    expect(adHoc.hasAttribute('goal-status')).to.equal(true);
    const bad = await card(saved(FIXTURE_IDS.migration, 'goal="soon"'), 'error');
    expect(text(part(bad, 'error')[0])).to.contain('goal');
  });

  it('gives a single number its progress towards the goal as a bar', async () => {
    // TypeScript files: 160 to 600; a goal of 1,000 is (600 − 160) / (1,000 − 160) = 52% of the way.
    const element = await card(saved(FIXTURE_IDS.migration, 'kind="stat" goal="1000"'));
    const bar = shadow(element).querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('52');
    expect(element.getAttribute('goal-status')).to.equal('on-track');
    expect(text(part(element, 'projection')[0])).to.match(/^On track: at this pace 1,000 around \w{3} 2027/);
  });
});
