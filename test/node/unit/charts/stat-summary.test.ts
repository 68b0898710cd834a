/**
 * `statSummary`: what a screen reader hears for a single number: what it counts, the number, and its change
 * since the start of the period. Built on `statFigures`, as the view and the image embeds do.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { statFigures } from '../../../../src/charts/stat/layout.ts';
import { statSummary } from '../../../../src/charts/stat/summary.ts';
import type { StatInsightData } from '../../../../src/model/insight-data.ts';

const summary = (data: Omit<StatInsightData, 'kind'>, locale = 'en-US') => {
  const stat: StatInsightData = { kind: 'stat', ...data };
  return statSummary(stat, statFigures(stat, locale), locale);
};

describe('statSummary', () => {
  const savedTZ = process.env.TZ;
  afterEach(() => {
    if (savedTZ === undefined) delete process.env.TZ;
    else process.env.TZ = savedTZ;
  });

  it('says the title, the number with what it counts, and the rise since the first date', () => {
    assert.equal(summary({ title: 'Open TODOs', label: 'TODOs', value: 1234, previous: 1200, since: '2024-01-01' }), 'Open TODOs. 1,234 TODOs. +34 since Jan 1, 2024');
  });

  it('says a fall with a minus sign, and no change as ±0', () => {
    assert.match(summary({ title: 'T', value: 10, previous: 25, since: '2024-01-01' }), /\. −15 since /);
    assert.match(summary({ title: 'T', value: 10, previous: 10, since: '2024-01-01' }), /\. ±0 since /);
  });

  it('says the change without a date when none is given', () => {
    assert.equal(summary({ title: 'T', value: 3, previous: 1 }), 'T. 3. +2');
  });

  it('says only the title and the number without an earlier value', () => {
    assert.equal(summary({ title: 'Deploys', value: 7 }), 'Deploys. 7');
    assert.equal(summary({ title: 'Deploys', value: 0 }), 'Deploys. 0');
  });

  it('uses the label when there is no title, and the number alone when there is neither', () => {
    assert.equal(summary({ title: '', label: 'TODOs', value: 5 }), 'TODOs. 5 TODOs');
    assert.equal(summary({ title: '', value: 5 }), '5');
  });

  it('reads large numbers in compact form from 100,000, as the card draws them', () => {
    assert.equal(summary({ title: 'T', value: 99_999 }), 'T. 99,999');
    assert.equal(summary({ title: 'T', value: 250_000 }), 'T. 250K');
  });

  it('dates the change in UTC whatever the reader’s time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    // A locale no other test here uses: its formatter is made under this zone, not taken from the cache.
    assert.match(summary({ title: 'T', value: 2, previous: 1, since: '2024-03-01T00:00:00Z' }, 'en-GB'), /since 1 Mar 2024$/);
  });

  it('gives the time of day for samples less than a day apart', () => {
    const text = summary({
      title: 'T',
      value: 2,
      previous: 1,
      since: '2024-03-01T06:00:00Z',
      points: [
        { date: '2024-03-01T06:00:00Z', value: 1 },
        { date: '2024-03-01T12:00:00Z', value: 2 },
      ],
    });
    assert.match(text, /since Mar 1, 2024, 6:00\sAM UTC$/);
  });
});
