/**
 * What a reader sees while using a line chart, measured in the page: the tooltip beside the point, a drag that
 * zooms without selecting text or moving the plot, legends that toggle only where there is a choice, an
 * "all series hidden" state, and where a legend of many series goes in wide and narrow cards.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { CodeInsightElement } from '../../../src/index.js';
import type { LineSeries } from '../../../src/model/insight-data.js';
import { shadow, untilState } from '../wait.js';

const month = (m: number) => new Date(Date.UTC(2025, m, 1)).toISOString();

/** `count` series of 12 monthly points, rising (each series a little above the one before) or falling. */
function lines(count: number, rising = true): LineSeries[] {
  return Array.from({ length: count }, (_, s) => ({
    id: `s${s}`,
    label: `Series number ${s + 1}`,
    points: Array.from({ length: 12 }, (_, m) => ({ date: month(m), value: rising ? 100 + m * 40 + s * 15 : 400 - m * 10 - s * 9 })),
  }));
}

/** A card as wide as the page (minus the page's margin) drawing `series`. */
async function card(series: LineSeries[], attributes: Partial<CodeInsightElement> = {}): Promise<CodeInsightElement> {
  const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
  Object.assign(element, attributes);
  element.data = { kind: 'line', title: 'Lines', series };
  await untilState(element, 'ready');
  return element;
}

const $ = <E extends Element = HTMLElement>(element: CodeInsightElement, selector: string) => shadow(element).querySelector<E>(selector);
const $$ = (element: CodeInsightElement, selector: string) => [...shadow(element).querySelectorAll<HTMLElement>(selector)];
const rect = (element: CodeInsightElement, selector: string) => $(element, selector)!.getBoundingClientRect();

/** Distance from a point to a rectangle (0 inside it). */
function distance(x: number, y: number, box: DOMRect): number {
  return Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
}

describe('<code-insight> interaction', () => {
  afterEach(async () => {
    fixtureCleanup();
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  describe('tooltip', () => {
    for (const width of [1280, 360]) {
      it(`sits beside the hovered point, never over it, inside the card (${width} px)`, async () => {
        await setViewport({ width, height: 800 });
        const element = await card(lines(3));
        const area = $(element, '[part="chart"]')!;
        const cardBox = rect(element, '[part="card"]');
        for (const series of ['s0', 's1', 's2']) {
          const circles = $$(element, `circle[data-mark="point"][data-series-id="${series}"]`);
          expect(circles).to.have.length(12);
          for (const [i, circle] of circles.entries()) {
            const c = circle.getBoundingClientRect();
            const [x, y] = [c.x + c.width / 2, c.y + c.height / 2];
            area.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
            await element.updateComplete;
            const where = `${series} point ${i}`;
            expect($(element, '[part="tooltip"] li.active')?.textContent, where).to.contain(`Series number ${Number(series[1]) + 1}`);
            const tip = rect(element, '[part="tooltip"]');
            // Clear of the point's dot (radius 4.5 when active), and close to it.
            expect(distance(x, y, tip), where).to.be.within(4.5, 24);
            expect(tip.left, where).to.be.at.least(cardBox.left);
            expect(tip.right, where).to.be.at.most(cardBox.right);
            expect(tip.top, where).to.be.at.least(cardBox.top);
            expect(tip.bottom, where).to.be.at.most(cardBox.bottom);
          }
        }
      });
    }
  });

  describe('drag to zoom', () => {
    /** A real mouse drag (not synthetic events: those select no text) over the x axis labels. */
    async function drag(element: CodeInsightElement, from: number, to: number) {
      const plot = rect(element, 'svg.plot');
      const y = Math.round(plot.bottom - 8);
      await sendMouse({ type: 'move', position: [Math.round(plot.left + plot.width * from), y] });
      await sendMouse({ type: 'down' });
      for (let step = 1; step <= 8; step++) {
        await sendMouse({ type: 'move', position: [Math.round(plot.left + plot.width * (from + ((to - from) * step) / 8)), y - step * 4] });
      }
      await sendMouse({ type: 'up' });
      await element.updateComplete;
    }
    const pointsDrawn = (element: CodeInsightElement) => $(element, 'path[data-mark="line"]')!.getAttribute('d')!.split(/[ML]/).length - 1;

    it('selects no text, and neither zooming nor resetting moves the plot', async () => {
      await setViewport({ width: 1280, height: 800 });
      const element = await card(lines(3));
      const top = rect(element, 'svg.plot').top;
      await drag(element, 0.1, 0.7);
      expect(pointsDrawn(element)).to.be.below(12);
      expect(document.getSelection()!.toString()).to.equal('');
      expect(rect(element, 'svg.plot').top).to.equal(top);
      // The reset button lies over the chart's top right corner.
      const reset = $(element, '.zoom-reset')!;
      const [button, chart] = [reset.getBoundingClientRect(), rect(element, '[part="chart"]')];
      expect(button.top).to.equal(chart.top);
      expect(button.right).to.equal(chart.right);
      $(element, '[part="chart"]')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await element.updateComplete;
      expect(pointsDrawn(element)).to.equal(12);
      expect(rect(element, 'svg.plot').top).to.equal(top);
      await drag(element, 0.2, 0.8);
      $(element, '.zoom-reset')!.click();
      await element.updateComplete;
      expect(pointsDrawn(element)).to.equal(12);
      expect(rect(element, 'svg.plot').top).to.equal(top);
      // The button went; the reader stays on the chart.
      expect(shadow(element).activeElement === $(element, '[part="chart"]')).to.equal(true);
    });

    it('covers no point with the reset button, even a rising line\'s latest one at the top of the zoomed plot', async () => {
      const element = await card([{ id: 'up', label: 'Up', points: Array.from({ length: 12 }, (_, m) => ({ date: month(m), value: m * 100 })) }]);
      await drag(element, 0.1, 0.7);
      expect(pointsDrawn(element)).to.be.below(12);
      const button = $(element, '.zoom-reset')!.getBoundingClientRect();
      for (const circle of $$(element, 'circle[data-mark="point"]')) {
        const dot = circle.getBoundingClientRect();
        const apart = dot.bottom < button.top || dot.top > button.bottom || dot.right < button.left || dot.left > button.right;
        expect(apart, `point at ${dot.x}, ${dot.y}`).to.equal(true);
      }
    });

    it('keeps the reset button\'s keys and clicks its own (no point chosen, no drag)', async () => {
      const element = await card(lines(2));
      await drag(element, 0.1, 0.7);
      let chosen = 0;
      element.addEventListener('insight-point-click', (e) => (chosen++, e.preventDefault()));
      // The focus on the button, the pointer on a point: Enter resets, it does not drill down.
      $(element, '.zoom-reset')!.focus();
      const circle = $$(element, 'circle[data-mark="point"]').at(-1)!.getBoundingClientRect();
      $(element, '[part="chart"]')!.dispatchEvent(new PointerEvent('pointermove', { clientX: circle.x + 2, clientY: circle.y + 2, bubbles: true }));
      await element.updateComplete;
      expect($(element, '[part="tooltip"]') !== null).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(chosen).to.equal(0);
      expect(pointsDrawn(element)).to.equal(12);
    });
  });

  describe('legend', () => {
    it('is not a toggle for a single series', async () => {
      const element = await card(lines(1));
      expect($$(element, '[data-legend-item]')).to.have.length(1);
      expect($(element, '[data-legend-item] button') === null).to.equal(true);
      const two = await card(lines(2));
      expect($$(two, '[data-legend-item] button')).to.have.length(2);
    });

    it('says every series is hidden when they all are, never empty axes, and brings them back', async () => {
      const element = await card(lines(2));
      const toggle = (id: string) => $(element, `[data-legend-item][data-series-id="${id}"] button`)!;
      toggle('s0').click();
      toggle('s1').click();
      await element.updateComplete;
      const chart = $(element, '[part="chart"]')!;
      expect(chart.querySelector('svg') === null).to.equal(true);
      expect(chart.textContent!.trim()).to.equal('All series are hidden. Choose one in the legend to show it.');
      expect(chart.textContent).not.to.contain('1970');
      expect($$(element, '[data-legend-item] button').map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false']);
      toggle('s1').click();
      await element.updateComplete;
      expect($$(element, 'path[data-mark="line"]').map((p) => p.dataset.seriesId)).to.deep.equal(['s1']);
    });

    it('goes beside the chart in a wide card with more than three series, and scrolls when long', async () => {
      await setViewport({ width: 1280, height: 900 });
      const six = await card(lines(6, false));
      const [plot, legend] = [rect(six, 'svg.plot'), rect(six, '[part="legend"]')];
      expect(legend.left).to.be.at.least(plot.right);
      expect(legend.top).to.be.below(plot.bottom);
      const forty = await card(lines(40, false), { seriesLimit: 40 });
      expect($$(forty, '[data-legend-item]')).to.have.length(40);
      expect(rect(forty, '[part="card"]').height).to.equal(rect(six, '[part="card"]').height);
      // Keys reach every item: the legend scrolls to the focused one.
      const list = $(forty, '[part="legend"]')!;
      expect(list.scrollHeight).to.be.above(list.clientHeight);
      $$(forty, '[data-legend-item] button').at(-1)!.focus();
      const [last, box] = [$$(forty, '[data-legend-item]').at(-1)!.getBoundingClientRect(), list.getBoundingClientRect()];
      expect(last.bottom).to.be.at.most(box.bottom + 1);
      // Three series keep the legend under the chart.
      const three = await card(lines(3));
      expect(rect(three, '[part="legend"]').top).to.be.at.least(rect(three, 'svg.plot').bottom);
    });

    it('stays under the chart in a narrow card, and a long one scrolls there too', async () => {
      await setViewport({ width: 360, height: 800 });
      const six = await card(lines(6, false));
      expect(rect(six, '[part="legend"]').top).to.be.at.least(rect(six, 'svg.plot').bottom);
      const twenty = await card(lines(20, false));
      const list = $(twenty, '[part="legend"]')!;
      expect(list.scrollHeight).to.be.above(list.clientHeight);
      expect(rect(twenty, '[part="card"]').height).to.be.below(rect(six, '[part="card"]').height + 40);
    });
  });
});
