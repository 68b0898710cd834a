/**
 * The card rules shared by the element and the server's image embeds: whether there is anything to draw,
 * whether the instance is still computing, and the notes under the title, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyReason, hasMarks, isProcessing, statusNotes } from '../../../../src/model/card-status.ts';
import type { CategoryInsightData, InsightData, LineInsightData, LineSeries } from '../../../../src/model/insight-data.ts';
import { defaultMessages as m } from '../../../../src/model/messages.ts';

const s = (id: string, values: number[], extra: Partial<LineSeries> = {}): LineSeries => ({
  id,
  label: id,
  points: values.map((value, i) => ({ date: `2024-0${i + 1}-01`, value })),
  ...extra,
});
const line = (series: LineSeries[], extra: Partial<LineInsightData> = {}): LineInsightData => ({ kind: 'line', title: '', series, ...extra });
const items = (kind: 'pie' | 'bar', values: number[]): CategoryInsightData => ({
  kind,
  title: '',
  items: values.map((value, i) => ({ label: `item ${i}`, value })),
});

describe('hasMarks', () => {
  describe('line', () => {
    it('is false without series, or when every series is empty', () => {
      assert.equal(hasMarks(line([])), false);
      assert.equal(hasMarks(line([s('a', []), s('b', [])])), false);
    });

    it('is true when any series has a point, even a zero', () => {
      assert.equal(hasMarks(line([s('a', []), s('b', [0])])), true);
      assert.equal(hasMarks(line([s('a', [3, 4])])), true);
    });
  });

  describe('pie and bar', () => {
    it('is false without items, or when no item is above zero (nothing has a size)', () => {
      for (const kind of ['pie', 'bar'] as const) {
        assert.equal(hasMarks(items(kind, [])), false, kind);
        assert.equal(hasMarks(items(kind, [0, 0])), false, kind);
        assert.equal(hasMarks(items(kind, [-2, 0])), false, kind);
      }
    });

    it('is true when one item is above zero', () => {
      assert.equal(hasMarks(items('pie', [0, 0, 1])), true);
      assert.equal(hasMarks(items('bar', [0.5])), true);
    });
  });

  describe('stat', () => {
    it('is always true: zero is a number worth showing', () => {
      assert.equal(hasMarks({ kind: 'stat', title: '', value: 0 }), true);
      assert.equal(hasMarks({ kind: 'stat', title: '', value: -4, points: [] }), true);
    });
  });
});

describe('isProcessing', () => {
  it('is true for a line the instance is still computing, with or without a progress figure', () => {
    assert.equal(isProcessing(line([], { processing: {} })), true);
    assert.equal(isProcessing(line([s('a', [1])], { processing: { progress: 0.4 } })), true);
    assert.equal(isProcessing(line([], { processing: { progress: 0 } })), true);
  });

  it('is false for a line that is done', () => {
    assert.equal(isProcessing(line([s('a', [1])])), false);
  });

  it('is false for pies, bars and numbers (only saved line insights backfill)', () => {
    const others: InsightData[] = [items('pie', [1]), items('bar', [1]), { kind: 'stat', title: '', value: 1 }];
    for (const data of others) assert.equal(isProcessing(data), false, data.kind);
  });
});

describe('statusNotes', () => {
  const incomplete = { incomplete: [{ date: '2024-01-01', reason: m.searchTimedOut }] };

  it('is empty for complete data with nothing hidden and no warnings', () => {
    assert.deepEqual(statusNotes(line([s('a', [1])]), 0, []), []);
    assert.deepEqual(statusNotes(items('pie', [1]), 0, []), []);
  });

  it('puts the four notes in order: processing, incomplete points, hidden series, then warnings', () => {
    const data = line([s('a', [1, 2]), s('b', [3], incomplete)], { processing: { progress: 0.5 } });
    assert.deepEqual(statusNotes(data, 3, ['First server error', 'Second server error']), [
      { text: m.processing, id: 'processing' },
      { text: m.incompletePoints, warning: true, id: 'incomplete' },
      { text: m.hiddenSeries(3), id: 'hidden' },
      { text: 'First server error', warning: true },
      { text: 'Second server error', warning: true },
    ]);
  });

  it('flags incomplete points and warnings as warnings, and only those', () => {
    const notes = statusNotes(line([s('a', [1], incomplete)], { processing: {} }), 2, ['w']);
    assert.deepEqual(
      notes.map((n) => n.warning === true),
      [false, true, false, true],
    );
    // Not `warning: false`: the flag is absent on plain notes.
    assert.equal('warning' in notes[0], false);
    assert.equal('warning' in notes[2], false);
  });

  it('says processing only when there is already a chart (without one, the chart area says it)', () => {
    assert.deepEqual(statusNotes(line([s('a', [])], { processing: {} }), 0, []), []);
    assert.deepEqual(statusNotes(line([s('a', [1])], { processing: {} }), 0, []), [{ text: m.processing, id: 'processing' }]);
  });

  it('says how many series are hidden, and nothing for zero', () => {
    const [note] = statusNotes(line([s('a', [1])]), 7, []);
    assert.equal(note.text, m.hiddenSeries(7));
    assert.match(note.text, /\b7\b/);
    assert.deepEqual(statusNotes(line([s('a', [1])]), 0, []), []);
  });

  it('does not count an empty incomplete list as incomplete points', () => {
    assert.deepEqual(statusNotes(line([s('a', [1], { incomplete: [] })]), 0, []), []);
  });

  it('notes incomplete points of any series, not only the first', () => {
    const notes = statusNotes(line([s('a', [1]), s('b', [1]), s('c', [1], incomplete)]), 0, []);
    assert.deepEqual(notes, [{ text: m.incompletePoints, warning: true, id: 'incomplete' }]);
  });

  it('keeps every warning, in the order given, for any kind of data', () => {
    assert.deepEqual(
      statusNotes(items('bar', [2]), 0, ['b', 'a', 'b']).map((n) => n.text),
      ['b', 'a', 'b'],
    );
    assert.deepEqual(statusNotes({ kind: 'stat', title: '', value: 1 }, 0, ['approximate']), [{ text: 'approximate', warning: true }]);
  });
});

describe('emptyReason', () => {
  it('says why a card has nothing to draw: filters first, then a new insight, then no matches', () => {
    assert.equal(emptyReason(line([s('a', [])]), true), m.emptyFiltered);
    assert.equal(emptyReason(items('bar', []), true), m.emptyFiltered);
    assert.equal(emptyReason(line([s('a', [])]), false), m.emptyNoPoints);
    assert.equal(emptyReason(line([]), false), m.emptyNoSeries);
    assert.equal(emptyReason(items('pie', [0, 0]), false), m.emptyNoMatches);
    assert.equal(new Set([m.emptyFiltered, m.emptyNoPoints, m.emptyNoSeries, m.emptyNoMatches]).size, 4);
  });
});
