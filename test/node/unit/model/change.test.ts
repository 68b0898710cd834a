/** `parsePeriod` and `changeOver`: the change a `compare` period shows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeOver, parsePeriod } from '../../../../src/model/change.ts';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('parsePeriod', () => {
  it('moves back by days, weeks, months, quarters and years in UTC', () => {
    assert.equal(iso(parsePeriod('1w')!(at('2026-03-10'))), '2026-03-03');
    assert.equal(iso(parsePeriod('3d')!(at('2026-03-10'))), '2026-03-07');
    assert.equal(iso(parsePeriod('1mo')!(at('2026-03-10'))), '2026-02-10');
    assert.equal(iso(parsePeriod('1q')!(at('2026-03-10'))), '2025-12-10');
    assert.equal(iso(parsePeriod('1y')!(at('2026-03-10'))), '2025-03-10');
  });

  it('keeps the end of a month at the end of a shorter month', () => {
    assert.equal(iso(parsePeriod('1mo')!(at('2026-03-31'))), '2026-02-28');
    assert.equal(iso(parsePeriod('1mo')!(at('2024-03-31'))), '2024-02-29');
  });

  it('refuses what is not a period', () => {
    for (const text of ['', 'w', '0w', '1m', '1 month', '-1w', '1.5w']) assert.equal(parsePeriod(text), undefined, text);
  });
});

describe('changeOver', () => {
  const monthly = [
    { t: at('2026-01-01'), v: 40 },
    { t: at('2026-02-01'), v: 50 },
    { t: at('2026-03-01'), v: 45 },
    { t: at('2026-04-01'), v: 30 },
  ];

  it('compares the latest value with the one a period before', () => {
    assert.deepEqual(changeOver(monthly, parsePeriod('1mo')!), { from: 45, to: 30, since: at('2026-03-01'), delta: -15, ratio: -1 / 3 });
    assert.equal(changeOver(monthly, parsePeriod('1q')!)!.from, 40);
  });

  it('takes the latest sample at or before the period start when none falls on it', () => {
    assert.equal(changeOver(monthly, parsePeriod('5w')!)!.from, 50);
  });

  it('gives nothing when no sample is that old, and no ratio from zero', () => {
    assert.equal(changeOver(monthly, parsePeriod('1y')!), undefined);
    assert.equal(changeOver([], parsePeriod('1w')!), undefined);
    assert.equal(changeOver([{ t: at('2026-01-01'), v: 0 }, { t: at('2026-01-08'), v: 4 }], parsePeriod('1w')!)!.ratio, undefined);
  });
});
