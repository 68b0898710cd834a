import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html, render } from 'lit';
import { formatNumber, formatPercent } from '../../../src/charts/format.js';
import type { CodeInsightElement } from '../../../src/index.js';
import '../../../src/index.js';
import { OTHER_COLOR } from '../../../src/model/palette.js';
import { shadow, untilState } from '../wait.js';
import { defaults, pieLayout, type PieLabel, type PieLayout } from '../../../src/charts/pie/layout.js';
import { pieChartTemplate, pieLegendTemplate } from '../../../src/charts/pie/template.js';
import { paletteColor } from '../../../src/model/palette.js';
import { groupSmallItems } from '../../../src/model/group-items.js';
import type { CategoryItem } from '../../../src/model/insight-data.js';

const languages: CategoryItem[] = [
  { label: 'JSON', value: 5955 },
  { label: 'TypeScript', value: 3985 },
  { label: 'GraphQL', value: 355 },
  { label: 'JavaScript', value: 134 },
  { label: 'Markdown', value: 114 },
  { label: 'CSS', value: 27 },
  { label: 'Shell', value: 12 },
  { label: 'YAML', value: 8 },
];
// Twelve slices, several of them slivers bunched together: the hard case for outside labels.
const crowded: CategoryItem[] = [400, 300, 120, 60, 30, 20, 8, 5, 4, 3, 2, 1].map((value, i) => ({
  label: `Language number ${i + 1}`,
  value,
}));
const size = { width: 460, height: 240 };

function box(l: PieLabel) {
  const left = l.anchor === 'start' ? l.x : l.x - l.width;
  return { left, right: left + l.width, top: l.y - defaults.lineHeight / 2, bottom: l.y + defaults.lineHeight / 2 };
}

function expectLabelsApartAndInside(layout: PieLayout) {
  const boxes = layout.labels.map(box);
  for (const [i, a] of boxes.entries()) {
    expect(a.left, `label ${i} left`).to.be.at.least(0);
    expect(a.right, `label ${i} right`).to.be.at.most(layout.width);
    expect(a.top, `label ${i} top`).to.be.at.least(0);
    expect(a.bottom, `label ${i} bottom`).to.be.at.most(layout.height);
    for (const [j, b] of boxes.entries()) {
      if (j <= i) continue;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom - 1e-9 && b.top < a.bottom - 1e-9;
      expect(overlap, `labels "${layout.labels[i].text}" and "${layout.labels[j].text}" overlap`).to.equal(false);
    }
  }
}

describe('groupSmallItems', () => {
  it('sorts by value and sums the items under the threshold into one last item', () => {
    const items = [
      { label: 'e', value: 3 },
      { label: 'a', value: 50 },
      { label: 'f', value: 2 },
      { label: 'b', value: 30 },
      { label: 'd', value: 5 },
      { label: 'c', value: 10 },
    ];
    expect(groupSmallItems(items, 0.06, 'Other')).to.deep.equal([
      { label: 'a', value: 50 },
      { label: 'b', value: 30 },
      { label: 'c', value: 10 },
      { label: 'Other', value: 10, color: OTHER_COLOR },
    ]);
  });

  it('keeps a single small item under its own name', () => {
    const grouped = groupSmallItems([{ label: 'b', value: 8 }, { label: 'c', value: 2 }, { label: 'a', value: 90 }], 0.05, 'Other');
    expect(grouped.map((i) => i.label)).to.deep.equal(['a', 'b', 'c']);
  });

  it('keeps items exactly at the threshold', () => {
    const grouped = groupSmallItems([{ label: 'a', value: 94 }, { label: 'b', value: 3 }, { label: 'c', value: 3 }], 0.03, 'Other');
    expect(grouped.map((i) => i.label)).to.deep.equal(['a', 'b', 'c']);
  });

  it('groups the language example at Sourcegraph’s 3% into four slices', () => {
    const grouped = groupSmallItems(languages, 0.03, 'Other');
    expect(grouped).to.deep.equal([
      { label: 'JSON', value: 5955 },
      { label: 'TypeScript', value: 3985 },
      { label: 'GraphQL', value: 355 },
      { label: 'Other', value: 134 + 114 + 27 + 12 + 8, color: OTHER_COLOR },
    ]);
  });

  it('drops zero, negative and non-finite values', () => {
    const items = [
      { label: 'zero', value: 0 },
      { label: 'negative', value: -4 },
      { label: 'nan', value: NaN },
      { label: 'infinite', value: Infinity },
      { label: 'ok', value: 1 },
    ];
    expect(groupSmallItems(items, 0.5, 'Other')).to.deep.equal([{ label: 'ok', value: 1 }]);
  });

  it('groups nothing at a zero or invalid threshold, and leaves its input alone', () => {
    const items = [{ label: 'a', value: 1 }, { label: 'b', value: 1000 }, { label: 'c', value: 2 }];
    expect(groupSmallItems(items, 0, 'Other').map((i) => i.label)).to.deep.equal(['b', 'c', 'a']);
    expect(groupSmallItems(items, NaN, 'Other')).to.have.length(3);
    expect(items.map((i) => i.label)).to.deep.equal(['a', 'b', 'c']);
  });
});

describe('pieLayout', () => {
  it('gives each slice its share: percentages sum to 100', () => {
    const layout = pieLayout([{ label: 'A', value: 3 }, { label: 'B', value: 1 }], size, { donut: false });
    expect(layout.slices.map((s) => s.percent)).to.deep.equal([75, 25]);
    expect(layout.total).to.equal(4);
    const sum = pieLayout(languages, size, { donut: false }).slices.reduce((total, s) => total + s.percent, 0);
    expect(sum).to.be.closeTo(100, 1e-9);
  });

  it('covers the full circle, clockwise from twelve o’clock, in the given order', () => {
    const layout = pieLayout([{ label: 'small', value: 1 }, { label: 'large', value: 3 }, { label: 'mid', value: 2 }], size, { donut: false });
    expect(layout.slices.map((s) => s.label)).to.deep.equal(['small', 'large', 'mid']);
    expect(layout.slices[0].startAngle).to.equal(0);
    expect(layout.slices.at(-1)!.endAngle).to.be.closeTo(2 * Math.PI, 1e-12);
    for (let i = 1; i < layout.slices.length; i++) expect(layout.slices[i].startAngle).to.equal(layout.slices[i - 1].endAngle);
    expect(layout.slices[1].endAngle - layout.slices[1].startAngle).to.be.closeTo(Math.PI, 1e-12);
  });

  it('labels a slice "Name 42%"', () => {
    const layout = pieLayout([{ label: 'A', value: 3 }, { label: 'B', value: 1 }], size, { donut: false, locale: 'en-US' });
    expect(layout.labels.map((l) => l.text)).to.deep.equal(['A 75%', 'B 25%']);
    // A (0 to 3π/2) has its middle at half past four: its label starts right of the pie; B's ends left of it.
    expect(layout.labels.map((l) => l.anchor)).to.deep.equal(['start', 'end']);
  });

  it('formats shares so that a real share never reads 0%', () => {
    expect(formatPercent(42.4, 'en-US')).to.equal('42%');
    expect(formatPercent(0.42, 'en-US')).to.equal('0.4%');
    expect(formatPercent(0.03, 'en-US')).to.equal('<0.1%');
    expect(formatPercent(0, 'en-US')).to.equal('0%');
  });

  it('fits the pie and its labels in the size', () => {
    const layout = pieLayout(languages, size, { donut: false });
    expect(layout.center).to.deep.equal({ x: 230, y: 120 });
    expect(layout.radius).to.be.at.most(size.height / 2 - defaults.margin.top);
    expect(layout.radius).to.be.at.least(defaults.minRadiusWithLabels);
    expect(layout.innerRadius).to.equal(0);
    expect(layout.labels.length).to.be.greaterThan(1);
    expectLabelsApartAndInside(layout);
  });

  it('makes a donut with a hole of 60% of the radius', () => {
    const layout = pieLayout(languages, size, { donut: true });
    expect(layout.innerRadius).to.be.closeTo(layout.radius * 0.6, 1e-9);
  });

  it('never lets labels overlap, however crowded the slices', () => {
    for (const s of [size, { width: 300, height: 200 }, { width: 640, height: 400 }, { width: 360, height: 140 }, { width: 900, height: 120 }]) {
      for (const donut of [false, true]) {
        const layout = pieLayout(crowded, s, { donut });
        expectLabelsApartAndInside(layout);
      }
    }
  });

  it('labels only slices wide enough to point at, and drops labels that do not fit, largest kept', () => {
    const layout = pieLayout(crowded, size, { donut: false });
    const labelled = layout.labels.map((l) => l.slice);
    for (const i of labelled) {
      const s = layout.slices[i];
      expect(s.endAngle - s.startAngle).to.be.at.least(defaults.minLabelAngle);
    }
    expect(labelled).to.include.members([0, 1, 2]);
    // In a short chart only a few lines fit: still no overlaps, and the two largest slices keep their labels.
    const short = pieLayout(crowded, { width: 460, height: 60 }, { donut: false });
    expect(short.labels.length).to.be.lessThan(labelled.length);
    expect(short.labels.map((l) => l.slice)).to.include.members([0, 1]);
    expectLabelsApartAndInside(short);
  });

  it('starts each leader line on its slice’s edge and ends it at its label', () => {
    const layout = pieLayout(crowded, size, { donut: false });
    for (const l of layout.labels) {
      const [start, , end] = l.leader;
      expect(Math.hypot(start[0] - layout.center.x, start[1] - layout.center.y)).to.be.closeTo(layout.radius, 1e-9);
      expect(end[1]).to.equal(l.y);
      expect(Math.abs(l.x - end[0])).to.be.closeTo(defaults.labelGap, 1e-9);
    }
  });

  it('cuts long names with an ellipsis but keeps the percentage', () => {
    const layout = pieLayout(
      [{ label: 'a-very-long-language-name-that-cannot-fit', value: 2 }, { label: 'B', value: 1 }],
      { width: 360, height: 200 },
      { donut: false, locale: 'en-US' },
    );
    const label = layout.labels.find((l) => l.slice === 0)!;
    expect(label.text).to.match(/^a-very-long.*… 67%$/);
    expect(layout.slices[0].label).to.equal('a-very-long-language-name-that-cannot-fit');
    expectLabelsApartAndInside(layout);
  });

  it('puts each centroid inside its slice', () => {
    const layout = pieLayout(languages, size, { donut: false });
    for (const s of layout.slices) {
      const [x, y] = s.centroid;
      expect(Math.hypot(x - layout.center.x, y - layout.center.y)).to.be.lessThan(layout.radius);
      const angle = (Math.atan2(x - layout.center.x, layout.center.y - y) + 2 * Math.PI) % (2 * Math.PI);
      expect(angle).to.be.within(s.startAngle - 1e-9, s.endAngle + 1e-9);
    }
  });

  it('degrades on small sizes: no outside labels, the pie fills the space, nothing throws', () => {
    const small = pieLayout(languages, { width: 120, height: 100 }, { donut: false });
    expect(small.labels).to.deep.equal([]);
    expect(small.radius).to.equal(42);
    for (const s of [{ width: 0, height: 0 }, { width: 10, height: 10 }, { width: -5, height: 30 }, { width: NaN, height: 20 }]) {
      const layout = pieLayout(crowded, s, { donut: true });
      expect(layout.radius).to.be.at.least(0);
      expect(layout.slices.every((slice) => !slice.d.includes('NaN'))).to.equal(true);
    }
  });

  it('draws nothing for no items, and drops items without a positive value', () => {
    expect(pieLayout([], size, { donut: false }).slices).to.deep.equal([]);
    const layout = pieLayout([{ label: 'a', value: 0 }, { label: 'b', value: 2 }, { label: 'c', value: NaN }], size, { donut: false });
    expect(layout.slices.map((s) => [s.label, s.percent])).to.deep.equal([['b', 100]]);
  });

  it('takes known colours, and palette colours for missing or hostile ones', () => {
    const layout = pieLayout(
      [
        { label: 'a', value: 1, color: '#123456' },
        { label: 'b', value: 1, color: 'var(--oc-red-7)' },
        { label: 'c', value: 1, color: 'red;background:url(x)' },
        { label: 'd', value: 1 },
      ],
      size,
      { donut: false },
    );
    expect(layout.slices.map((s) => s.color)).to.deep.equal(['#123456', '#fa5252', paletteColor(2), paletteColor(3)]);
  });

  it('keeps only http(s) links', () => {
    const layout = pieLayout(
      [
        { label: 'a', value: 1, url: 'https://sourcegraph.example.com/search?q=lang:go' },
        { label: 'b', value: 1, url: 'javascript:alert(1)' },
        { label: 'c', value: 1, url: '/relative' },
      ],
      size,
      { donut: false },
    );
    expect(layout.slices.map((s) => s.url)).to.deep.equal(['https://sourcegraph.example.com/search?q=lang:go', undefined, undefined]);
  });
});

describe('pieChartTemplate', () => {
  const hostile: CategoryItem[] = [
    { label: '<script>alert(1)</script>', value: 5, color: 'red;background:url(x)', url: 'javascript:alert(1)' },
    { label: '<img src=x onerror=alert(1)>', value: 3, color: 'url(javascript:alert(1))' },
    { label: 'Go', value: 2, color: '#00add8' },
  ];

  function draw(layout: PieLayout, activeIndex = -1): HTMLElement {
    const host = document.createElement('div');
    render(html`<svg viewBox="0 0 ${layout.width} ${layout.height}">${pieChartTemplate(layout, { activeIndex })}</svg>`, host);
    return host;
  }

  it('draws one slice mark per item with its label and fill', () => {
    const layout = pieLayout(languages, size, { donut: false });
    const host = draw(layout);
    const slices = [...host.querySelectorAll('path[data-mark="slice"]')];
    expect(slices.map((s) => s.getAttribute('data-label'))).to.deep.equal(languages.map((l) => l.label));
    expect(slices.map((s) => s.getAttribute('fill'))).to.deep.equal(layout.slices.map((s) => s.color));
    expect(slices.every((s) => s.getAttribute('d')?.startsWith('M'))).to.equal(true);
    expect(host.querySelectorAll('text.slice-label')).to.have.length(layout.labels.length);
    expect(host.querySelectorAll('polyline.leader')).to.have.length(layout.labels.length);
  });

  it('keeps hostile labels as text and hostile colours and links out', () => {
    const layout = pieLayout(hostile, size, { donut: true });
    const host = draw(layout, 0);
    expect(host.querySelector('script') === null).to.equal(true);
    expect(host.querySelector('img') === null).to.equal(true);
    expect(host.querySelector('[style]') === null).to.equal(true);
    expect(host.querySelector('[href]') === null).to.equal(true);
    const slices = [...host.querySelectorAll('[data-mark="slice"]')];
    expect(slices[0].getAttribute('data-label')).to.equal('<script>alert(1)</script>');
    expect(slices.map((s) => s.getAttribute('fill'))).to.deep.equal([paletteColor(0), paletteColor(1), '#00add8']);
    // Drawn as text (cut to fit, as any long label), never as markup.
    expect(host.querySelector('text.slice-label')!.textContent).to.match(/^<scri/);
    expect(host.innerHTML).not.to.contain('javascript:');
  });

  it('moves the active slice out from the centre and dims the others', () => {
    const layout = pieLayout(languages, size, { donut: false });
    const host = draw(layout, 1);
    const slices = [...host.querySelectorAll('[data-mark="slice"]')];
    const [dx, dy] = layout.slices[1].explode;
    expect(Math.hypot(dx, dy)).to.be.closeTo(defaults.activeOffset, 1e-9);
    expect(slices[1].getAttribute('transform')).to.equal(`translate(${dx},${dy})`);
    expect(slices[1].classList.contains('active')).to.equal(true);
    expect(slices[0].getAttribute('fill-opacity')).to.equal('0.6');
    expect(slices[1].getAttribute('fill-opacity')).to.equal('1');
  });
});

describe('pieLegendTemplate', () => {
  it('lists every slice with its value and share, on the legend hooks', () => {
    const host = document.createElement('div');
    render(pieLegendTemplate(pieLayout(languages, size, { donut: false }), 'en-US'), host);
    const list = host.querySelector('ul.legend[part="legend"]')!;
    const items = [...list.querySelectorAll('li[data-legend-item]')];
    expect(items.map((li) => li.getAttribute('data-series-id'))).to.deep.equal(languages.map((l) => l.label));
    expect(items[0].querySelector('.legend-value')!.textContent).to.equal('5,955');
    expect(items[0].querySelector('.legend-percent')!.textContent).to.equal('(56%)');
    expect(items.at(-1)!.querySelector('.legend-percent')!.textContent).to.equal('(<0.1%)');
    expect(items[0].querySelector('svg.swatch circle')!.getAttribute('fill')).to.equal(paletteColor(0));
  });
});

describe('pie labels that read well', () => {
  // Twelve slices, the small ones side by side: their labels would stack far from their slices.
  it('keeps each label near its slice (no bunched leader lines), and their order: leaders never cross', () => {
    for (const s of [size, { width: 640, height: 400 }, { width: 300, height: 200 }]) {
      const layout = pieLayout(crowded, s, { donut: true });
      for (const l of layout.labels) {
        const [, elbow] = l.leader;
        expect(Math.abs(l.y - elbow[1]), `label "${l.text}" is ${Math.abs(l.y - elbow[1])}px from its slice`).to.be.at.most(defaults.maxLabelShift);
      }
      for (const anchor of ['start', 'end']) {
        const side = layout.labels.filter((l) => l.anchor === anchor).sort((a, b) => a.leader[1][1] - b.leader[1][1]);
        for (let k = 1; k < side.length; k++) expect(side[k].y).to.be.greaterThan(side[k - 1].y);
      }
      expectLabelsApartAndInside(layout);
    }
  });

  it('never cuts a name to a stub: a label too long for its room is left to the legend', () => {
    for (const width of [280, 300, 328, 360, 400]) {
      const layout = pieLayout([{ label: 'TypeScript', value: 64 }, { label: 'JavaScript', value: 30 }, { label: 'Markdown', value: 6 }], { width, height: 220 }, { donut: true, locale: 'en-US' });
      for (const l of layout.labels) {
        const name = l.text.replace(/ \S+$/, '');
        if (name.endsWith('…')) expect(name.length, `"${l.text}" at ${width}px`).to.be.at.least(6);
      }
      if (layout.labels.length === 0) expect(layout.radius, `the pie fills ${width}px without labels`).to.equal(Math.min(width - 16, 220 - 16) / 2);
    }
  });

  it('paints "Other" a neutral grey, whatever its place', () => {
    const grouped = groupSmallItems([...languages, { label: 'Kotlin', value: 2 }], 0.03, 'Other');
    const layout = pieLayout(grouped, size, { donut: true });
    const host = document.createElement('div');
    render(html`<svg>${pieChartTemplate(layout, { activeIndex: -1 })}</svg>`, host);
    expect(host.querySelector('path[data-label="Other"]')!.getAttribute('fill')).to.equal(OTHER_COLOR);
    expect(layout.slices.filter((s) => s.label !== 'Other').map((s) => s.color)).not.to.include(OTHER_COLOR);
  });
});

describe('<code-insight> pie', () => {
  afterEach(() => fixtureCleanup());
  const items: CategoryItem[] = [
    { label: 'TypeScript', value: 52_000 },
    { label: 'JavaScript', value: 8_000 },
    { label: 'Markdown', value: 3_000 },
    { label: 'CSS', value: 900 },
    { label: 'HTML', value: 500 },
    { label: 'Other', value: 2_366, color: OTHER_COLOR },
  ];

  async function pie(width: number): Promise<CodeInsightElement> {
    const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><code-insight></code-insight></div>`);
    const element = host.firstElementChild as CodeInsightElement;
    element.data = { kind: 'pie', title: 'Languages', items };
    await untilState(element, 'ready');
    return element;
  }

  const gap = (a: DOMRect, b: DOMRect) => Math.hypot(Math.max(0, a.left - b.right, b.left - a.right), Math.max(0, a.top - b.bottom, b.top - a.bottom));
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it('shows a slice’s tooltip next to that slice, not over the legend', async () => {
    const element = await pie(640);
    const root = shadow(element);
    const slices = [...root.querySelectorAll<SVGPathElement>('path[data-mark="slice"]')];
    for (const slice of slices.slice(0, 3)) {
      const box = slice.getBoundingClientRect();
      slice.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, composed: true }));
      await element.updateComplete;
      await new Promise(requestAnimationFrame);
      const tooltip = root.querySelector('[part="tooltip"]')!;
      expect(tooltip.textContent).to.contain(slice.getAttribute('data-label'));
      const rect = tooltip.getBoundingClientRect();
      expect(gap(rect, slice.getBoundingClientRect()), `tooltip of ${slice.getAttribute('data-label')} away from its slice`).to.be.at.most(16);
      expect(overlaps(rect, root.querySelector('[part="legend"]')!.getBoundingClientRect()), 'tooltip over the legend').to.equal(false);
    }
  });

  it('at 360 px: labels whole or left to the legend, apart, and legend numbers in one format', async () => {
    const element = await pie(328);
    const root = shadow(element);
    const legend = root.querySelector('[part="legend"]')!.textContent!;
    const labels = [...root.querySelectorAll<SVGTextElement>('text.slice-label')];
    for (const label of labels) {
      const name = label.textContent!.replace(/ \S+$/, '');
      if (name.includes('…')) {
        expect(name.replace('…', '').length, `"${label.textContent}" is a stub`).to.be.at.least(4);
        expect(legend).to.contain(items.find((i) => i.label.startsWith(name.replace(/….*/, '')))!.label);
      }
      expect(label.getBoundingClientRect().right).to.be.at.most(element.getBoundingClientRect().right);
    }
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) expect(overlaps(a.getBoundingClientRect(), b.getBoundingClientRect()), `"${a.textContent}" over "${b.textContent}"`).to.equal(false);
    const values = [...root.querySelectorAll('.legend-value')].map((v) => v.textContent!.trim());
    expect(values).to.have.length(items.length);
    const styles = [true, false].map((compact) => items.map((i) => formatNumber(i.value, undefined, compact)));
    expect(styles, `legend numbers ${values.join(', ')} mix styles`).to.deep.include(values);
    // The donut uses the room: no small pie ringed by cut labels.
    const plot = root.querySelector('svg.plot')!.getBoundingClientRect();
    const donut = root.querySelector('g.slices')!.getBoundingClientRect();
    expect(donut.width).to.be.at.least(Math.min(plot.width, plot.height) * 0.6);
  });
});
