/** `goalExtent` and `goalMarks`: the room goals need on a line chart's axes, and their marks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goalExtent, goalMarks, labelPlace } from '../../../../src/charts/goal-marks.ts';
import { goalsOf } from '../../../../src/model/goals.ts';
import type { LineInsightData } from '../../../../src/model/insight-data.ts';

const WEEK = 7 * 864e5;
const START = Date.UTC(2026, 0, 5);
const week = (i: number) => START + i * WEEK;
const series = (id: string, values: number[]) => ({ id, label: id, points: values.map((value, i) => ({ date: new Date(week(i)).toISOString(), value })) });
const data = (...s: ReturnType<typeof series>[]): LineInsightData => ({ kind: 'line', title: 't', series: s });
const falling = series('js', [150, 140, 130, 120, 110, 100, 90, 80]); // zero at week 15
const identity = (v: number) => v;
const colorOf = (id: string) => `color-${id}`;
const label = (v: number) => `Goal ${v}`;

describe('goalExtent', () => {
  it('stretches the time axis to where the projection reaches the goal, and the values to the goal', () => {
    const goals = goalsOf(data(falling), { goal: { value: 0 } });
    // The data spans 7 weeks; the goal is 8 weeks on, past the 0.6 × span cap (4.2 weeks).
    const { until, values } = goalExtent(goals, [], [week(0), week(7)]);
    assert.equal(until, week(7) + 7 * WEEK * 0.6);
    assert.ok(values.includes(0));
    const near = goalsOf(data(falling), { goal: { value: 60 } }); // two weeks on
    assert.equal(goalExtent(near, [], [week(0), week(7)]).until, week(9));
  });

  it('reaches a goal date within the cap, and an annotation after the data', () => {
    const goals = goalsOf(data(falling), { goal: { value: 0, date: week(10) } });
    assert.equal(goalExtent(goals, [], [week(0), week(7)]).until, week(10));
    assert.equal(goalExtent(undefined, [{ date: new Date(week(8)).toISOString(), label: 'v2' }], [week(0), week(7)]).until, week(8));
    assert.deepEqual(goalExtent(undefined, [], [week(0), week(7)]), { until: week(7), values: [] });
  });
});

describe('goalMarks', () => {
  it('draws one goal line for a goal every series shares, and one per series for their own', () => {
    const both = data(falling, series('ts', [10, 20, 30, 40, 50, 60, 70, 80]));
    const shared = goalMarks(goalsOf(both, { goal: { value: 0 } }), [], identity, identity, [week(0), week(20)], [0, 200], colorOf, label);
    const line = ({ seriesId, value, y, color, label }: (typeof shared.goals)[number]) => ({ seriesId, value, y, color, label });
    assert.deepEqual(shared.goals.map(line), [{ seriesId: undefined, value: 0, y: 0, color: undefined, label: 'Goal 0' }]);
    const named = goalMarks(goalsOf(both, { goal: { value: 0 }, goalSeries: 'js' }), [], identity, identity, [week(0), week(20)], [0, 200], colorOf, label);
    assert.deepEqual(named.goals.map(line), [{ seriesId: 'js', value: 0, y: 0, color: undefined, label: 'Goal 0' }]);
    const own = data({ ...falling, goal: { value: 0 } } as never, { ...series('ts', [10, 20, 30, 40, 50, 60, 70, 80]), goal: { value: 100 } } as never);
    const marks = goalMarks(goalsOf(own, {}), [], identity, identity, [week(0), week(20)], [0, 200], colorOf, label);
    assert.deepEqual(marks.goals.map((g) => [g.seriesId, g.value, g.color]), [['js', 0, 'color-js'], ['ts', 100, 'color-ts']]);
  });

  it('projects from the trend at the last sample to the goal, dashed, with its band', () => {
    const marks = goalMarks(goalsOf(data(falling), { goal: { value: 0 } }), [], identity, identity, [week(0), week(20)], [0, 200], colorOf, label);
    assert.equal(marks.projections.length, 1);
    const projection = marks.projections[0];
    assert.equal(projection.seriesId, 'js');
    assert.equal(projection.d, `M${week(7)},80L${week(15)},0`);
    // A straight line has no spread: the band is the line there and back.
    assert.match(projection.band, /Z$/);
  });

  it('cuts the projection and its band at the edges of the chart', () => {
    const noisy = series('js', [300, 260, 290, 240, 270, 200, 250, 190, 230, 180]);
    const goals = goalsOf(data(noisy), { goal: { value: 0 }, window: 10 });
    const marks = goalMarks(goals, [], identity, identity, [week(0), week(12)], [150, 400], colorOf, label);
    const numbers = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    for (const [t, v] of [...numbers(marks.projections[0].d), ...numbers(marks.projections[0].band)]) {
      assert.ok(t <= week(12) + 0.1, `t ${t}`);
      assert.ok(v >= 150 - 0.1 && v <= 400 + 0.1, `v ${v}`);
    }
  });

  it('draws nothing to project for a reached goal or too little data, and keeps annotations inside the chart', () => {
    assert.equal(goalMarks(goalsOf(data(series('a', [3, 2, 1, 0])), { goal: { value: 0 } }), [], identity, identity, [0, 1e13], [0, 9], colorOf, label).projections.length, 0);
    assert.equal(goalMarks(goalsOf(data(series('a', [3, 2])), { goal: { value: 0 } }), [], identity, identity, [0, 1e13], [0, 9], colorOf, label).projections.length, 0);
    const notes = [
      { date: new Date(week(3)).toISOString(), label: 'Codemod landed', url: 'https://example.com/pr/1' },
      { date: new Date(week(30)).toISOString(), label: 'Out of range' },
    ];
    assert.deepEqual(goalMarks(undefined, notes, identity, identity, [week(0), week(7)], [0, 1], colorOf, label).annotations, [
      { time: week(3), x: week(3), label: 'Codemod landed', url: 'https://example.com/pr/1' },
    ]);
  });
});

describe('goalExtent, a goal date after the projection reaches the goal', () => {
  it('does not stretch the values past the goal (no axis below a goal of zero)', () => {
    const goals = goalsOf(data(falling), { goal: { value: 0, date: week(11) } }); // zero at week 15, cap at week 11.2
    const { values } = goalExtent(goals, [], [week(0), week(7)]);
    assert.ok(Math.min(...values) >= 0, `values ${values}`);
    const early = goalsOf(data(falling), { goal: { value: 60, date: week(11) } }); // 60 at week 9, before the goal date
    assert.ok(Math.min(...goalExtent(early, [], [week(0), week(7)]).values) >= 60);
  });
});

describe('labelPlace', () => {
  // A plot 400 px wide and 200 px high; a goal line at y = 150 (pixels grow downwards).
  const plot = { left: 40, right: 440, top: 10, bottom: 210 };
  const flat = (y: number) => ({ xs: [40, 440], ys: [y, y] });

  it('puts the label above the line at its left end when nothing is there', () => {
    assert.deepEqual(labelPlace(150, 'Goal 0', plot, [flat(60)]), { labelX: 44, labelY: 145, anchor: 'start' });
  });

  it('moves it to the right end when a series runs just above the line at the left (a goal of 0 under a series near zero)', () => {
    const nearLeft = { xs: [40, 200, 440], ys: [140, 140, 40] };
    assert.deepEqual(labelPlace(150, 'Goal 0', plot, [nearLeft]), { labelX: 436, labelY: 145, anchor: 'end' });
  });

  it('goes below the line when both ends above it are taken, and never outside the plot', () => {
    assert.deepEqual(labelPlace(150, 'Goal 0', plot, [flat(140)]), { labelX: 44, labelY: 164, anchor: 'start' });
    // At the bottom of the plot there is no room below: every place is taken, so above-left it is.
    assert.deepEqual(labelPlace(210, 'Goal 0', plot, [flat(200)]), { labelX: 44, labelY: 205, anchor: 'start' });
  });

  it('counts vertical lines (the goal-date marker) and single points', () => {
    const marker = { xs: [60, 60], ys: [10, 210] };
    assert.equal(labelPlace(150, 'Goal 0', plot, [marker]).anchor, 'end');
    assert.equal(labelPlace(150, 'Goal 0', plot, [{ xs: [50], ys: [140] }]).anchor, 'end');
  });

  it('keeps two goals with close values apart, and clear of an event marker', () => {
    // Two series with their own goals, 100 and 104, in a chart whose y is pixels already (y grows downwards).
    const flip = (v: number) => 210 - v;
    const own = data({ ...falling, goal: { value: 100 } } as never, { ...series('ts', [10, 20, 30, 40, 50, 60, 70, 80]), goal: { value: 104 } } as never);
    const at = (t: number) => 40 + ((t - week(0)) / (week(20) - week(0))) * 400;
    const event = [{ date: new Date(week(1)).toISOString(), label: 'v2' }];
    const marks = goalMarks(goalsOf(own, {}), event, at, flip, [week(0), week(20)], [0, 200], colorOf, label);
    const [first, second] = marks.goals;
    // The event at week 1 (x = 60) is where a left-aligned label would be: both go right, and not on each other.
    assert.equal(first!.anchor, 'end');
    assert.notDeepEqual([second!.labelX, second!.labelY], [first!.labelX, first!.labelY]);
    const overlap = Math.abs(second!.labelY - first!.labelY) < 11 && second!.anchor === first!.anchor;
    assert.equal(overlap, false);
  });

  it('keeps the label of the TODO chart off the series that runs along zero where the line leaves room', () => {
    // The "TODOs and FIXMEs" card of stories/review.stories.ts: HACK runs at 7–12 over a goal of 0, in a 0–140 chart. It
    // rises to 12 at the right, which leaves the label room there; were it flat at 7 nothing would (the
    // label then keeps its place, readable through its halo).
    const y = (v: number) => 278 - (v / 140) * 200;
    const plot = { left: 910, right: 1231, top: 78, bottom: 278 };
    const hack = { xs: [910, 1000, 1100, 1231], ys: [7, 7, 8, 16].map(y) };
    assert.deepEqual(labelPlace(y(0), 'Goal 0', plot, [hack]), { labelX: 1227, labelY: 273, anchor: 'end' });
    assert.equal(labelPlace(y(0), 'Goal 0', plot, [{ xs: [910, 1231], ys: [y(7), y(7)] }]).labelX, 914);
  });
});
