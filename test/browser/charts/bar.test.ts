import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { truncateLabel } from '../../../src/charts/format.js';
import { barLayout, defaults, type BarLayout } from '../../../src/charts/bar/layout.js';
import { barChartTemplate } from '../../../src/charts/bar/template.js';
import type { CategoryItem } from '../../../src/model/insight-data.js';

const size = { width: 460, height: 300 };
const abc: CategoryItem[] = [
  { label: 'a', value: 30 },
  { label: 'b', value: 20 },
  { label: 'c', value: 10 },
];
const longPath = 'client/web/src/enterprise/insights/components/insights-view-grid/components/backend-insight/BackendInsight.tsx';
const paths: CategoryItem[] = [
  { label: longPath, value: 1834 },
  { label: 'internal/insights/background/queryrunner/work_handler.go', value: 980 },
  { label: 'README.md', value: 260 },
  { label: 'doc/code_insights/explanations/current_limitations_of_code_insights.md', value: 3 },
];

function draw(layout: BarLayout, activeIndex = -1): HTMLElement {
  const host = document.createElement('div');
  render(html`<svg viewBox="0 0 ${layout.width} ${layout.height}">${barChartTemplate(layout, { activeIndex })}</svg>`, host);
  return host;
}

describe('barLayout', () => {
  it('stacks bars top to bottom in the given order, at most maxThickness thick', () => {
    const layout = barLayout([{ label: 'small', value: 1 }, ...abc], size, {});
    expect(layout.bars.map((b) => b.label)).to.deep.equal(['small', 'a', 'b', 'c']);
    const ys = layout.bars.map((b) => b.y);
    expect(ys).to.deep.equal([...ys].sort((p, q) => p - q));
    expect(layout.bars.every((b) => b.height === defaults.maxThickness)).to.equal(true);
    // Rows share the chart's height: the axis is at the bottom of the card, as in every other card of a row.
    const step = (size.height - defaults.margin.top - defaults.margin.bottom) / 4;
    expect(layout.bars[0].cy).to.be.closeTo(defaults.margin.top + step / 2, 1e-9);
    expect(layout.plot.bottom).to.be.closeTo(size.height - defaults.margin.bottom, 1e-9);
  });

  it('fills the chart area with three bars (issue 16, item 10: no bars huddled at the top of a half-empty card)', () => {
    const layout = barLayout(abc, { width: 460, height: 240 }, {});
    const top = layout.bars[0].y;
    const bottom = layout.bars[2].y + layout.bars[2].height;
    expect((bottom - top) / 240).to.be.at.least(0.65);
    expect(layout.plot.bottom / 240).to.be.at.least(0.8);
  });

  it('sizes bars in proportion to their values, from zero', () => {
    const layout = barLayout(abc, size, { locale: 'en-US' });
    const [a, b, c] = layout.bars;
    expect(layout.zero).to.equal(layout.plot.left);
    expect(a.x).to.equal(layout.plot.left);
    // The domain is [0, 30]: the largest bar spans the whole plot.
    expect(a.width).to.be.closeTo(layout.plot.right - layout.plot.left, 1e-9);
    expect(b.width / a.width).to.be.closeTo(2 / 3, 1e-9);
    expect(c.width / a.width).to.be.closeTo(1 / 3, 1e-9);
    expect(layout.plot.right).to.equal(460 - defaults.margin.right - (2 * defaults.charWidth + defaults.valueGap));
  });

  it('puts each value label at its bar’s end', () => {
    const layout = barLayout(paths, size, { locale: 'en-US' });
    expect(layout.bars.map((b) => b.valueLabel)).to.deep.equal(['1,834', '980', '260', '3']);
    for (const b of layout.bars) expect(b.valueX).to.be.closeTo(b.x + b.width + defaults.valueGap, 1e-9);
  });

  it('starts the value axis at 0 with whole ticks for whole values', () => {
    const layout = barLayout([{ label: 'x', value: 1 }, { label: 'y', value: 3 }, { label: 'z', value: 2 }], size, { locale: 'en-US' });
    expect(layout.ticks.map((t) => t.label)).to.deep.equal(['0', '1', '2', '3']);
    expect(layout.ticks[0].at).to.equal(layout.plot.left);
    expect(layout.ticks.at(-1)!.at).to.be.closeTo(layout.plot.right, 1e-9);
    expect(barLayout([{ label: 'one', value: 1 }], size, {}).ticks.map((t) => t.label)).to.deep.equal(['0', '1']);
  });

  it('keeps fractional ticks for fractional values and compact ones for large values', () => {
    const fractions = barLayout([{ label: 'x', value: 0.2 }, { label: 'y', value: 0.9 }], size, { locale: 'en-US' });
    expect(fractions.ticks.some((t) => t.label.includes('.'))).to.equal(true);
    const large = barLayout([{ label: 'x', value: 12_000 }, { label: 'y', value: 48_000 }], size, { locale: 'en-US' });
    expect(large.ticks.map((t) => t.label)).to.include('20K');
    expect(large.bars.map((b) => b.valueLabel)).to.deep.equal(['12K', '48K']);
  });

  it('thins out ticks until their labels stop touching on narrow charts', () => {
    for (const width of [120, 160, 200, 260, 460]) {
      const layout = barLayout(paths, { width, height: 200 }, { locale: 'en-US' });
      expect(layout.ticks[0].label).to.equal('0');
      for (let i = 1; i < layout.ticks.length; i++) {
        const room = Math.max(layout.ticks[i].label.length, layout.ticks[i - 1].label.length) * defaults.charWidth;
        expect(layout.ticks[i].at - layout.ticks[i - 1].at, `width ${width}`).to.be.at.least(room);
      }
    }
  });

  it('cuts long labels with an ellipsis to fit the label column and keeps the full label', () => {
    const layout = barLayout(paths, size, {});
    const columnChars = Math.floor((460 * defaults.maxLabelShare) / defaults.charWidth);
    expect(layout.labelX).to.equal(defaults.margin.left + 460 * defaults.maxLabelShare);
    expect(layout.bars[0].label).to.equal(longPath);
    expect(layout.bars[0].shortLabel).to.equal('client/we…BackendInsight.tsx');
    expect(layout.bars[0].shortLabel).to.have.length(columnChars);
    expect(layout.bars[2].shortLabel).to.equal('README.md');
    expect(layout.bars.every((b) => b.shortLabel.length <= columnChars)).to.equal(true);
  });

  it('sizes the label column to short labels', () => {
    const layout = barLayout(abc, size, {});
    expect(layout.labelX).to.equal(defaults.margin.left + defaults.charWidth);
    expect(layout.plot.left).to.equal(layout.labelX + defaults.labelGap);
  });

  it('keeps the first bars that fit and counts the rest as hidden', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `repo-${i}`, value: 100 - i }));
    const layout = barLayout(many, size, {});
    // (300 - 4 - 24) px of rows at 10 / 0.7 px a row at least: 19 rows.
    expect(layout.bars).to.have.length(19);
    expect(layout.hidden).to.equal(11);
    expect(layout.bars.at(-1)!.label).to.equal('repo-18');
    expect(layout.bars.every((b) => b.height >= defaults.minThickness)).to.equal(true);
    expect(layout.plot.bottom).to.be.closeTo(300 - defaults.margin.bottom, 1e-9);
    expect(barLayout(abc, size, {}).hidden).to.equal(0);
  });

  it('colours every bar one hue unless the item brings a valid colour', () => {
    const layout = barLayout(
      [
        { label: 'a', value: 1 },
        { label: 'b', value: 1, color: '#123456' },
        { label: 'c', value: 1, color: 'red;background:url(x)' },
        { label: 'd', value: 1, color: 'var(--oc-teal-7)' },
      ],
      size,
      {},
    );
    expect(layout.bars.map((b) => b.color)).to.deep.equal([defaults.barColor, '#123456', defaults.barColor, '#0ca678']);
    expect(defaults.barColor).to.equal('#228be6');
  });

  it('keeps only http(s) links', () => {
    const layout = barLayout(
      [
        { label: 'a', value: 1, url: 'https://sourcegraph.example.com/search?q=repo:a' },
        { label: 'b', value: 1, url: 'javascript:alert(1)' },
      ],
      size,
      {},
    );
    expect(layout.bars.map((b) => b.url)).to.deep.equal(['https://sourcegraph.example.com/search?q=repo:a', undefined]);
  });

  it('draws negative values left of zero and drops non-finite ones', () => {
    const layout = barLayout([{ label: 'up', value: 10 }, { label: 'down', value: -5 }, { label: 'bad', value: NaN }], size, {});
    expect(layout.bars.map((b) => b.label)).to.deep.equal(['up', 'down']);
    const [up, down] = layout.bars;
    expect(up.x).to.equal(layout.zero);
    expect(down.x + down.width).to.be.closeTo(layout.zero, 1e-9);
    expect(down.width / up.width).to.be.closeTo(0.5, 1e-9);
  });

  it('does not throw on tiny or unusable sizes and on no items', () => {
    for (const s of [{ width: 0, height: 0 }, { width: 10, height: 10 }, { width: -5, height: 40 }, { width: NaN, height: NaN }]) {
      const layout = barLayout(paths, s, {});
      expect(layout.bars).to.have.length(0);
      expect(layout.hidden).to.equal(paths.length);
    }
    const empty = barLayout([], size, {});
    expect(empty.bars).to.deep.equal([]);
    expect(empty.hidden).to.equal(0);
    const narrow = barLayout(paths, { width: 40, height: 100 }, {});
    expect(narrow.bars.every((b) => Number.isFinite(b.width) && b.width >= 0)).to.equal(true);
  });
});

describe('truncateLabel', () => {
  it('keeps both ends of paths and the start of other labels', () => {
    expect(truncateLabel('a/b/c/d/file.ts', 10)).to.equal('a/b…ile.ts');
    expect(truncateLabel('Jane Doe <jane@example.com>', 9)).to.equal('Jane Doe…');
    expect(truncateLabel('short', 9)).to.equal('short');
    expect(truncateLabel('anything', 1)).to.equal('…');
    expect(truncateLabel('anything', 0)).to.equal('');
  });
});

describe('barChartTemplate', () => {
  it('draws one bar mark per item with its full label, and the line chart’s axis classes', () => {
    const layout = barLayout(paths, size, { locale: 'en-US' });
    const host = draw(layout);
    const bars = [...host.querySelectorAll('rect[data-mark="bar"]')];
    expect(bars.map((b) => b.getAttribute('data-label'))).to.deep.equal(paths.map((p) => p.label));
    expect(bars.map((b) => b.getAttribute('fill'))).to.deep.equal(paths.map(() => defaults.barColor));
    expect(Number(bars[0].getAttribute('width'))).to.be.closeTo(layout.bars[0].width, 1e-6);
    expect(host.querySelectorAll('line.gridline')).to.have.length(layout.ticks.length);
    expect(host.querySelectorAll('text.tick')).to.have.length(layout.ticks.length);
    expect(host.querySelector('line.domain') !== null).to.equal(true);
    const labels = [...host.querySelectorAll('text.category-label')];
    const ownText = (node: Node) => [...node.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
    expect(ownText(labels[0])).to.equal('client/we…BackendInsight.tsx');
    // A cut label carries its full text as a native tooltip; an uncut one needs none.
    expect(labels[0].querySelector('title')!.textContent).to.equal(longPath);
    expect(labels[2].querySelector('title') === null).to.equal(true);
    expect([...host.querySelectorAll('text.value-label')].map((t) => t.textContent)).to.deep.equal(['1,834', '980', '260', '3']);
  });

  it('keeps hostile labels as text and hostile colours and links out', () => {
    const layout = barLayout(
      [
        { label: '<script>alert(1)</script>', value: 2, color: 'red;background:url(x)', url: 'javascript:alert(1)' },
        { label: '<img src=x onerror=alert(1)>', value: 1 },
      ],
      size,
      {},
    );
    const host = draw(layout);
    expect(host.querySelector('script') === null).to.equal(true);
    expect(host.querySelector('img') === null).to.equal(true);
    expect(host.querySelector('[style]') === null).to.equal(true);
    expect(host.querySelector('[href]') === null).to.equal(true);
    expect(host.innerHTML).not.to.contain('javascript:');
    const bar = host.querySelector('[data-mark="bar"]')!;
    expect(bar.getAttribute('data-label')).to.equal('<script>alert(1)</script>');
    expect(bar.getAttribute('fill')).to.equal(defaults.barColor);
    expect(host.querySelector('text.category-label')!.textContent).to.contain('<script>');
  });

  it('emphasizes the active bar and dims the others', () => {
    const host = draw(barLayout(abc, size, {}), 1);
    const bars = [...host.querySelectorAll('[data-mark="bar"]')];
    expect(bars.map((b) => b.getAttribute('fill-opacity'))).to.deep.equal(['0.55', '1', '0.55']);
    expect(bars[1].classList.contains('active')).to.equal(true);
  });
});
