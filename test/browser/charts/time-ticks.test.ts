import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/code-insight/define.js';
import type { CodeInsightElement } from '../../../src/index.js';
import { shadow, untilState } from '../wait.js';

/**
 * Time ticks as a reader sees them: each x label centred on a sample of the line (not on a calendar date between
 * samples), and no two labels touching, on a wide card and a phone-sized one.
 */
const DAY = 864e5;
const iso = (time: number) => new Date(time).toISOString();
const monthly = (year: number, month: number, count: number) => Array.from({ length: count }, (_, i) => iso(Date.UTC(year, month + i, 1)));
const every = (start: string, gap: number, count: number) => Array.from({ length: count }, (_, i) => iso(Date.parse(start) + i * gap));
const DATA: Record<string, string[]> = {
  'monthly, 4 points': monthly(2026, 0, 4),
  'weekly, 12 points': every('2026-03-02T00:00:00Z', 7 * DAY, 12),
  'daily, 30 points': every('2026-03-01T00:00:00Z', DAY, 30),
  'monthly, 3 years': monthly(2023, 6, 36),
  irregular: ['2026-01-01', '2026-01-03', '2026-01-20', '2026-02-28', '2026-03-02', '2026-05-15', '2026-06-01'],
};

async function chart(dates: string[], width: number): Promise<CodeInsightElement> {
  const element = await fixture<CodeInsightElement>(html`<code-insight></code-insight>`);
  element.style.width = `${width}px`;
  element.data = { kind: 'line', title: 'Ticks', series: [{ id: 'a', label: 'A', points: dates.map((date, i) => ({ date, value: (i * 7) % 13 })) }] };
  await untilState(element, 'ready');
  await waitUntil(() => shadow(element).querySelectorAll('text.tick.x').length > 0, 'no x ticks');
  return element;
}

/** The x of every vertex of the line, in page pixels. */
function sampleXs(element: CodeInsightElement): number[] {
  const path = shadow(element).querySelector<SVGPathElement>('path[data-mark="line"]')!;
  const matrix = path.getScreenCTM()!;
  const numbers = (path.getAttribute('d') ?? '').match(/-?[\d.]+(e-?\d+)?/g)!.map(Number);
  return numbers.filter((_, i) => i % 2 === 0).map((x) => new DOMPoint(x, 0).matrixTransform(matrix).x);
}

describe('time axis ticks', () => {
  afterEach(() => fixtureCleanup());

  for (const width of [1200, 328]) {
    for (const [name, dates] of Object.entries(DATA)) {
      it(`${name} at ${width} px: every label centred on a sample, none overlapping`, async () => {
        const element = await chart(dates, width);
        const xs = sampleXs(element);
        expect(xs).to.have.length(dates.length);
        const boxes = [...shadow(element).querySelectorAll('text.tick.x')].map((t) => t.getBoundingClientRect());
        expect(boxes.length).to.be.within(2, Math.max(2, dates.length));
        for (const box of boxes) {
          const centre = box.left + box.width / 2;
          const nearest = Math.min(...xs.map((x) => Math.abs(x - centre)));
          expect(nearest).to.be.below(0.5, `a label centred at ${centre}, samples at ${xs.map(Math.round)}`);
        }
        boxes.slice(1).forEach((box, i) => expect(box.left).to.be.above(boxes[i].right + 4));
      });
    }
  }
});
