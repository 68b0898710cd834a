import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { CodeInsightElement } from '../../../src/index.js';
import '../../../src/index.js';
import type { StatInsightData } from '../../../src/model/insight-data.js';
import { shadow, untilState } from '../wait.js';

/** 13 TODOs rising to 35: the demo's stat card, where the sparkline rose 13 px and started 27 px in. */
const todos: StatInsightData = {
  kind: 'stat',
  title: 'TODOs today',
  label: 'TODOs',
  value: 35,
  previous: 13,
  since: '2026-06-01',
  points: [13, 14, 14, 20, 22, 22, 30, 35].map((value, i) => ({ date: `2026-0${6 + Math.floor(i / 4)}-${String(1 + (i % 4) * 7).padStart(2, '0')}`, value })),
};

async function stat(width: number, data: StatInsightData = todos): Promise<CodeInsightElement> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><code-insight></code-insight></div>`);
  const element = host.firstElementChild as CodeInsightElement;
  element.data = data;
  await untilState(element, 'ready');
  return element;
}

describe('<code-insight kind="stat">', () => {
  afterEach(() => fixtureCleanup());

  for (const width of [328, 480]) {
    it(`draws the sparkline edge to edge, its rise across the height (${width} px)`, async () => {
      const root = shadow(await stat(width));
      const block = root.querySelector('.stat')!.getBoundingClientRect();
      const svg = root.querySelector('svg.sparkline')!.getBoundingClientRect();
      const line = root.querySelector('svg.sparkline [data-mark="line"]')!.getBoundingClientRect();
      expect(line.left - block.left, 'indent').to.be.within(-0.5, 2);
      expect(line.width / block.width, 'share of the width').to.be.at.least(0.8);
      expect(line.height / svg.height, 'share of the height for 13 → 35').to.be.at.least(0.5);
    });
  }

  it('shows the change in a neutral colour while the better direction is unknown, arrow kept', async () => {
    const element = await stat(480);
    const change = shadow(element).querySelector('.stat-change')!;
    expect(change.textContent).to.contain('▲').and.contain('+22');
    const style = getComputedStyle(element);
    const probe = (token: string) => {
      const span = document.createElement('span');
      span.style.color = style.getPropertyValue(token);
      document.body.append(span);
      const color = getComputedStyle(span).color;
      span.remove();
      return color;
    };
    expect(getComputedStyle(change).color).not.to.equal(probe('--_success'));
    expect(getComputedStyle(change).color).to.equal(probe('--_muted'));
  });
});
