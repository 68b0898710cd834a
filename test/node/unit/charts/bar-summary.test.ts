/**
 * `barSummary`: what a screen reader hears for grouped results: the title, how many groups there are, and the
 * first five bars of the layout with their value labels. Built on `barLayout`, as the view does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { barLayout } from '../../../../src/charts/bar/layout.ts';
import { barSummary } from '../../../../src/charts/bar/summary.ts';
import type { CategoryInsightData, CategoryItem } from '../../../../src/model/insight-data.ts';

const summary = (title: string, items: CategoryItem[], size = { width: 480, height: 320 }) => {
  const data: CategoryInsightData = { kind: 'bar', title, items };
  return barSummary(data, barLayout(items, size, { locale: 'en-US' }), 'en-US');
};
const item = (label: string, value: number): CategoryItem => ({ label, value });

describe('barSummary', () => {
  it('says the title, the number of groups and each bar with its value', () => {
    assert.equal(summary('TODOs by repository', [item('github.com/a/api', 42), item('github.com/a/web', 7)]), 'TODOs by repository. Bar chart of 2 groups. github.com/a/api 42, github.com/a/web 7.');
  });

  it('says "group" for a single bar', () => {
    assert.equal(summary('T', [item('alice', 3)]), 'T. Bar chart of 1 group. alice 3.');
  });

  it('names the full label, not the one cut to fit the label column', () => {
    const long = `github.com/some-organisation/${'very-long-repository-name-'.repeat(4)}end`;
    const text = summary('T', [item(long, 1)], { width: 200, height: 200 });
    assert.ok(text.includes(long), text);
    assert.doesNotMatch(text, /…/);
  });

  it('names at most five bars, in the given order, but counts every group', () => {
    const items = [9, 8, 7, 6, 5, 4, 3].map((value, i) => item(`g${i + 1}`, value));
    const text = summary('T', items);
    assert.match(text, /Bar chart of 7 groups\. g1 9, g2 8, g3 7, g4 6, g5 5\.$/);
    assert.doesNotMatch(text, /g6|g7/);
  });

  it('counts groups too many to draw on a short card', () => {
    const items = Array.from({ length: 40 }, (_, i) => item(`g${i + 1}`, 40 - i));
    const layout = barLayout(items, { width: 480, height: 120 }, { locale: 'en-US' });
    assert.ok(layout.hidden > 0, 'the layout leaves some bars out');
    assert.match(barSummary({ kind: 'bar', title: 'T', items }, layout, 'en-US'), /Bar chart of 40 groups\./);
  });

  it('has no leading sentence without a title', () => {
    assert.equal(summary('', [item('a', 1), item('b', 2)]), 'Bar chart of 2 groups. a 1, b 2.');
  });

  it('reads values as the bars label them (thousands separators)', () => {
    assert.match(summary('T', [item('a', 1234)]), /a 1,234\.$/);
  });

  it('reads negative values', () => {
    assert.match(summary('T', [item('up', 5), item('down', -3)]), /up 5, down -3\.$/);
  });
});
