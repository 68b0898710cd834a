/**
 * What a dashboard says about its filters while the filter bar is closed: one phrase per filter in force (their
 * count is the Filters button's badge), none for the default order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterPhrases, normalizedSort } from '../../../../src/model/view-filters.ts';

describe('filterPhrases', () => {
  it('is empty without filters, and for the default order spelled out', () => {
    assert.deepEqual(filterPhrases({}), []);
    assert.deepEqual(filterPhrases({ includeRepos: '', sort: 'result-count' }), []);
    assert.deepEqual(filterPhrases({ sort: 'result-count-desc' }), []);
  });

  it('names every filter in force, in the filter bar\'s order, with the sort as the select shows it', () => {
    assert.deepEqual(filterPhrases({ numSamples: 3, searchContexts: 'global', includeRepos: 'acme/web$', sort: 'alphabetical', seriesLimit: 5, excludeRepos: 'fork' }), [
      'include repos /acme/web$/',
      'exclude repos /fork/',
      'context global',
      'sort: Name, A to Z',
      '5 series per chart',
      'latest 3 points',
    ]);
  });

  it('keeps a sort it does not know as written', () => {
    assert.deepEqual(filterPhrases({ sort: 'stars-up' }), ['sort: stars-up']);
  });
});

describe('normalizedSort', () => {
  it('gives each mode its default direction', () => {
    assert.equal(normalizedSort(undefined), 'result-count-desc');
    assert.equal(normalizedSort('alphabetical'), 'alphabetical-asc');
    assert.equal(normalizedSort('date-added'), 'date-added-desc');
    assert.equal(normalizedSort('date-added-asc'), 'date-added-asc');
  });
});
