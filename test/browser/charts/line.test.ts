import { expect } from '@open-wc/testing';
import { hasRoomForPoints } from '../../../src/charts/line/template.js';
import { lineLayout, nearestTimeIndex, toChartSeries } from '../../../src/charts/line/layout.js';

const month = (m: number) => new Date(Date.UTC(2026, m, 1)).toISOString();
const series = toChartSeries([
  { id: 'a', label: 'A', points: [0, 1, 2, 3].map((m) => ({ date: month(m), value: 10 + m * 10 })) },
  { id: 'b', label: 'B', color: '#123456', points: [3, 1, 0, 2].map((m) => ({ date: month(m), value: 5 })) },
]);
const size = { width: 400, height: 200 };

describe('lineLayout', () => {
  it('maps the first and last samples to the edges of the plot', () => {
    const layout = lineLayout(series, size, { yZero: false });
    expect(layout.xs[0]).to.equal(layout.plot.left);
    expect(layout.xs.at(-1)).to.equal(layout.plot.right);
    expect(layout.plot.right).to.equal(size.width - 16);
  });

  it('leaves the room asked for above the plot (a zoomed chart\'s reset button), its top tick there', () => {
    const layout = lineLayout(series, size, { yZero: false, top: 30 });
    expect(layout.plot.top).to.equal(30);
    expect(layout.yTicks.at(-1)!.at).to.equal(30);
    expect(lineLayout(series, size, { yZero: false }).plot.top).to.equal(12);
  });

  it('sorts points by time and gives palette colours to series without one', () => {
    expect(series[1].points.map((p) => new Date(p.time).getUTCMonth())).to.deep.equal([0, 1, 2, 3]);
    expect(series[0].color).to.equal('#228be6');
    expect(series[1].color).to.equal('#123456');
  });

  it('drops points whose date or value is not usable', () => {
    const [s] = toChartSeries([
      { id: 'x', label: 'X', points: [{ date: 'yesterday', value: 1 }, { date: month(0), value: NaN }, { date: month(1), value: 2 }] },
    ]);
    expect(s.points).to.have.length(1);
  });

  it('puts larger values higher, on a nice y domain', () => {
    const layout = lineLayout(series, size, { yZero: false });
    const a = layout.points.filter((p) => p.seriesId === 'a');
    expect(a[3].y).to.be.lessThan(a[0].y);
    expect(layout.yTicks.map((t) => t.label)).to.deep.equal(['0', '10', '20', '30', '40']);
  });

  it('starts the y axis at zero with yZero', () => {
    const layout = lineLayout(series, size, { yZero: true });
    expect(layout.yTicks[0].label).to.equal('0');
    expect(layout.yTicks[0].at).to.equal(layout.plot.bottom);
  });

  it('gives a flat series a range to draw in', () => {
    const flat = toChartSeries([{ id: 'f', label: 'F', points: [{ date: month(0), value: 7 }, { date: month(1), value: 7 }] }]);
    const layout = lineLayout(flat, size, { yZero: false });
    expect(layout.points.every((p) => p.y > layout.plot.top && p.y < layout.plot.bottom)).to.equal(true);
  });

  it('writes one path command per point', () => {
    const layout = lineLayout(series, size, { yZero: false });
    expect(layout.lines.map((l) => l.d.match(/[ML]/g)!.length)).to.deep.equal([4, 4]);
  });

  it('labels x ticks by month and y ticks compactly for large values', () => {
    const big = toChartSeries([{ id: 'g', label: 'G', points: [{ date: month(0), value: 12_000 }, { date: month(11), value: 48_000 }] }]);
    const layout = lineLayout(big, { width: 800, height: 200 }, { yZero: false, locale: 'en-US' });
    expect(layout.yTicks.map((t) => t.label)).to.include('20K');
    // Two samples, a tick on each: none on a month nobody measured.
    expect(layout.xTicks.map((t) => t.label)).to.deep.equal(['Jan 2026', 'Dec']);
  });

  it('finds the nearest sample to a pixel by bisection', () => {
    const layout = lineLayout(series, size, { yZero: false });
    expect(nearestTimeIndex(layout, layout.xs[2] + 3)).to.equal(2);
    expect(nearestTimeIndex(layout, -100)).to.equal(0);
    expect(nearestTimeIndex(layout, 10_000)).to.equal(3);
    expect(layout.pointsAt[2].map((p) => p.seriesId)).to.deep.equal(['a', 'b']);
  });

  it('lists the points flagged incomplete once, for the template to draw without a scan on every move', () => {
    const flagged = toChartSeries([
      { id: 'f', label: 'F', points: [0, 1, 2].map((m) => ({ date: month(m), value: m })), incomplete: [{ date: month(1), reason: 'Timed out' }] },
    ]);
    const layout = lineLayout(flagged, size, { yZero: false });
    expect(layout.incomplete.map((p) => [p.timeIndex, p.point.incomplete])).to.deep.equal([[1, 'Timed out']]);
    expect(lineLayout(series, size, { yZero: false }).incomplete).to.deep.equal([]);
  });

  it('handles no series at all', () => {
    const layout = lineLayout([], size, { yZero: false });
    expect(layout.lines).to.deep.equal([]);
    expect(nearestTimeIndex(layout, 50)).to.equal(-1);
  });
});

describe('lineLayout on small counts and short spans', () => {
  const hour = (h: number) => new Date(Date.UTC(2026, 10, 22, h, 30)).toISOString();

  it('never puts a tick between whole numbers when every value is whole', () => {
    const small = toChartSeries([{ id: 's', label: 'S', points: [0, 0, 1, 2].map((v, i) => ({ date: month(i), value: v })) }]);
    const layout = lineLayout(small, { width: 400, height: 300 }, { yZero: false });
    expect(layout.yTicks.map((t) => t.label)).to.deep.equal(['0', '1', '2']);
  });

  it('keeps fractional ticks for fractional data', () => {
    const fractions = toChartSeries([{ id: 'f', label: 'F', points: [0.2, 0.9].map((v, i) => ({ date: month(i), value: v })) }]);
    const layout = lineLayout(fractions, { width: 400, height: 300 }, { yZero: false });
    expect(layout.yTicks.some((t) => t.label.includes('.'))).to.equal(true);
  });

  it('labels hourly samples with times, and knows they are sub-daily', () => {
    const hourly = toChartSeries([{ id: 'h', label: 'H', points: [8, 9, 10, 11, 12, 13].map((h) => ({ date: hour(h), value: h })) }]);
    const layout = lineLayout(hourly, { width: 600, height: 200 }, { yZero: false, locale: 'en-US' });
    expect(layout.subDaily).to.equal(true);
    expect(layout.xTicks.map((t) => t.label)).to.include('10:30 AM');
    expect(layout.xTicks.map((t) => t.at)).to.deep.equal(layout.xs);
    expect(lineLayout(series, size, { yZero: false }).subDaily).to.equal(false);
  });

  it('puts weekly ticks on the weekday of weekly samples, under the points', () => {
    // Mondays: d3's week ticks would fall on the Sundays before them.
    const mondays = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28'];
    const weekly = toChartSeries([{ id: 'w', label: 'W', points: mondays.map((date, i) => ({ date, value: i })) }]);
    const layout = lineLayout(weekly, { width: 400, height: 200 }, { yZero: false, locale: 'en-US' });
    expect(layout.xTicks.map((t) => t.label)).to.deep.equal(['Sep 7', 'Sep 14', 'Sep 21', 'Sep 28']);
    expect(layout.xTicks.map((t) => t.at)).to.deep.equal(layout.xs);
  });

  it('keeps month ticks on the first of the month', () => {
    const monthly = toChartSeries([{ id: 'm', label: 'M', points: [0, 1, 2, 3, 4, 5].map((m) => ({ date: month(m), value: m })) }]);
    const layout = lineLayout(monthly, { width: 400, height: 200 }, { yZero: false, locale: 'en-US' });
    expect(layout.xTicks.map((t) => t.label)).to.include.members(['Jan 2026', 'Feb', 'Mar']);
  });
});

describe('dots on every sample', () => {
  const weekly = (seriesCount: number, samples: number) =>
    toChartSeries(
      Array.from({ length: seriesCount }, (_, s) => ({
        id: `s${s}`,
        label: `S${s}`,
        points: Array.from({ length: samples }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 5) + i * 7 * 864e5).toISOString(), value: s + i })),
      })),
    );
  const room = (seriesCount: number, samples: number, width: number) =>
    hasRoomForPoints(lineLayout(weekly(seriesCount, samples), { width, height: 300 }, { yZero: false }));

  it('are drawn where samples are far enough apart and few enough', () => {
    expect(room(2, 12, 400)).to.equal(true);
    expect(room(20, 12, 800)).to.equal(true);
  });

  it('are left out where they would string the lines into beads', () => {
    expect(room(5, 52, 800), '52 samples, 14 px apart').to.equal(false);
    expect(room(2, 12, 200), '12 samples in a 200 px chart').to.equal(false);
  });

  it('are left out where there are too many in all', () => {
    expect(room(5, 26, 800), '130 dots').to.equal(true);
    expect(room(20, 26, 800), '520 dots').to.equal(false);
  });
});
