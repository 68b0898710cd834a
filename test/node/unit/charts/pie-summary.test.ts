/**
 * `pieSummary`: what a screen reader hears for a pie: the title, how many parts it has, and the first five
 * slices of the layout with their shares. Built on `pieLayout`, as the view does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pieLayout } from '../../../../src/charts/pie/layout.ts';
import { pieSummary } from '../../../../src/charts/pie/summary.ts';
import type { CategoryInsightData, CategoryItem } from '../../../../src/model/insight-data.ts';

const SIZE = { width: 480, height: 320 };
const summary = (title: string, items: CategoryItem[], locale = 'en-US') => {
  const data: CategoryInsightData = { kind: 'pie', title, items };
  return pieSummary(data, pieLayout(items, SIZE, { donut: true, locale }), locale);
};
const item = (label: string, value: number): CategoryItem => ({ label, value });

describe('pieSummary', () => {
  it('says the title, the number of parts and the largest slices with their shares', () => {
    assert.equal(summary('Languages', [item('Go', 50), item('TypeScript', 30), item('CSS', 20)]), 'Languages. Pie chart of 3 parts. Largest: Go 50%, TypeScript 30%, CSS 20%.');
  });

  it('computes shares of the total, not the raw values', () => {
    assert.equal(summary('T', [item('A', 300), item('B', 100)]), 'T. Pie chart of 2 parts. Largest: A 75%, B 25%.');
  });

  it('says "part" for a single slice', () => {
    assert.equal(summary('Only Go', [item('Go', 7)]), 'Only Go. Pie chart of 1 part. Largest: Go 100%.');
  });

  it('leaves out items without a size (zero or negative): they are not drawn', () => {
    assert.equal(summary('T', [item('A', 3), item('Nothing', 0), item('B', 1)]), 'T. Pie chart of 2 parts. Largest: A 75%, B 25%.');
  });

  it('names at most five slices but counts them all', () => {
    const items = [40, 20, 10, 10, 8, 6, 6].map((value, i) => item(`L${i + 1}`, value));
    const text = summary('T', items);
    assert.match(text, /Pie chart of 7 parts\./);
    assert.match(text, /Largest: L1 40%, L2 20%, L3 10%, L4 10%, L5 8%\.$/);
    assert.doesNotMatch(text, /L6|L7/);
  });

  it('has no leading sentence without a title', () => {
    assert.equal(summary('', [item('Go', 1), item('Rust', 1)]), 'Pie chart of 2 parts. Largest: Go 50%, Rust 50%.');
  });

  it('says "<0.1%" for a sliver rather than a misleading 0%', () => {
    assert.match(summary('T', [item('Big', 99_999), item('Tiny', 1)]), /Tiny <0\.1%/);
  });

  it('follows the locale for shares', () => {
    assert.match(summary('T', [item('A', 995), item('B', 5)], 'fr-FR'), /B 0,5\s%/);
  });

  it('names the largest slices even when the data does not come sorted', () => {
    const items = [1, 2, 3, 4, 5, 60].map((value, i) => item(`L${i + 1}`, value));
    assert.match(summary('T', items), /Largest: L6 /);
  });
});
