/**
 * The shared display and drill-down attributes turned into `insightViews` arguments, and refused before any
 * request when an instance would refuse them (a bad regular expression, a count GraphQL's Int cannot hold).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsightsError } from '../../../../src/api/errors.ts';
import { VALID_COUNT, viewOptions, type ViewAttributes } from '../../../../src/api/view-options.ts';

/** The error `viewOptions` throws for `attributes`; fails the test when it throws none or another kind. */
function refusal(attributes: ViewAttributes, noun?: 'attribute' | 'parameter'): InsightsError {
  try {
    viewOptions(attributes, noun);
  } catch (error) {
    assert.ok(error instanceof InsightsError, `an InsightsError, got ${String(error)}`);
    assert.equal(error.kind, 'config');
    return error;
  }
  assert.fail(`${JSON.stringify(attributes)} was accepted`);
}

const INT_MAX = 2 ** 31 - 1;

describe('viewOptions', () => {
  describe('nothing set', () => {
    it('is an empty object: no `filters` and no `seriesDisplayOptions` keys at all', () => {
      const result = viewOptions({});
      assert.deepEqual(result, {});
      assert.equal('filters' in result, false);
      assert.equal('seriesDisplayOptions' in result, false);
    });

    it('treats null (a removed attribute) and empty strings as not set', () => {
      assert.deepEqual(viewOptions({ includeRepos: null, excludeRepos: null, searchContexts: null, sort: null, seriesLimit: null, numSamples: null }), {});
      assert.deepEqual(viewOptions({ includeRepos: '', excludeRepos: '', searchContexts: '', sort: '' }), {});
    });

    it('leaves out the search contexts of a value that holds only separators', () => {
      assert.deepEqual(viewOptions({ searchContexts: ' , ,, ' }), {});
    });
  });

  describe('filters', () => {
    it('passes include-repos and exclude-repos through as regular expressions', () => {
      assert.deepEqual(viewOptions({ includeRepos: '^github\\.com/sourcegraph/', excludeRepos: '-archive$' }), {
        filters: { includeRepoRegex: '^github\\.com/sourcegraph/', excludeRepoRegex: '-archive$' },
      });
    });

    it('splits search contexts on commas and whitespace', () => {
      assert.deepEqual(viewOptions({ searchContexts: '@org/backend, @org/frontend  global,\n@me' }), {
        filters: { searchContexts: ['@org/backend', '@org/frontend', 'global', '@me'] },
      });
    });

    it('only filters: no seriesDisplayOptions key', () => {
      assert.equal('seriesDisplayOptions' in viewOptions({ includeRepos: 'x' }), false);
    });

    it('refuses a regular expression that does not compile, naming the attribute and the value', () => {
      const error = refusal({ includeRepos: 'github.com/(org' });
      assert.match(error.message, /include-repos attribute "github\.com\/\(org"/);
      assert.match(error.message, /regular expression/);
      assert.match(refusal({ excludeRepos: '[a-' }).message, /exclude-repos attribute "\[a-"/);
    });

    it('refuses a bad exclude-repos even when include-repos is fine', () => {
      assert.match(refusal({ includeRepos: 'ok', excludeRepos: '*bad' }).message, /exclude-repos/);
    });
  });

  describe('sort', () => {
    it('result-count is most results first (descending) by default', () => {
      assert.deepEqual(viewOptions({ sort: 'result-count' }), { seriesDisplayOptions: { sortOptions: { mode: 'RESULT_COUNT', direction: 'DESC' } } });
    });

    it('alphabetical is A to Z (ascending) by default', () => {
      assert.deepEqual(viewOptions({ sort: 'alphabetical' }), { seriesDisplayOptions: { sortOptions: { mode: 'LEXICOGRAPHICAL', direction: 'ASC' } } });
    });

    it('date-added is newest first (descending) by default', () => {
      assert.deepEqual(viewOptions({ sort: 'date-added' }), { seriesDisplayOptions: { sortOptions: { mode: 'DATE_ADDED', direction: 'DESC' } } });
    });

    it('an explicit -asc or -desc wins over the default direction of every mode', () => {
      const cases: [string, string, 'ASC' | 'DESC'][] = [
        ['result-count-asc', 'RESULT_COUNT', 'ASC'],
        ['result-count-desc', 'RESULT_COUNT', 'DESC'],
        ['alphabetical-desc', 'LEXICOGRAPHICAL', 'DESC'],
        ['alphabetical-asc', 'LEXICOGRAPHICAL', 'ASC'],
        ['date-added-asc', 'DATE_ADDED', 'ASC'],
        ['date-added-desc', 'DATE_ADDED', 'DESC'],
      ];
      for (const [sort, mode, direction] of cases) {
        assert.deepEqual(viewOptions({ sort }).seriesDisplayOptions?.sortOptions, { mode, direction }, sort);
      }
    });

    it('ignores spaces around the value', () => {
      assert.deepEqual(viewOptions({ sort: '  alphabetical-desc \n' }).seriesDisplayOptions?.sortOptions, { mode: 'LEXICOGRAPHICAL', direction: 'DESC' });
    });

    it('refuses other modes and directions, listing the valid ones', () => {
      for (const sort of ['name', 'result-count-up', 'alphabetical-', 'asc', 'result-count asc', 'RESULT_COUNT']) {
        const error = refusal({ sort });
        assert.ok(error.message.includes(`sort attribute "${sort}"`), error.message);
        assert.match(error.message, /result-count, alphabetical or date-added/);
      }
    });
  });

  describe('counts (series-limit, num-samples)', () => {
    it('passes whole numbers from 1 to 2^31-1 (GraphQL Int) through', () => {
      assert.deepEqual(viewOptions({ seriesLimit: 1, numSamples: 1 }), { seriesDisplayOptions: { limit: 1, numSamples: 1 } });
      assert.deepEqual(viewOptions({ seriesLimit: INT_MAX, numSamples: INT_MAX }), { seriesDisplayOptions: { limit: INT_MAX, numSamples: INT_MAX } });
      assert.deepEqual(viewOptions({ seriesLimit: 20 }), { seriesDisplayOptions: { limit: 20 } });
    });

    it('refuses 0, negatives, fractions, NaN, infinities and 2^31', () => {
      for (const value of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, INT_MAX + 1]) {
        assert.ok(refusal({ seriesLimit: value }).message.includes(`series-limit attribute "${value}"`), `series-limit ${value}`);
        assert.ok(refusal({ numSamples: value }).message.includes(`num-samples attribute "${value}"`), `num-samples ${value}`);
      }
    });

    it('says what a valid count is, with the real bounds', () => {
      assert.equal(VALID_COUNT, `a whole number from 1 to ${INT_MAX}`);
      assert.ok(refusal({ numSamples: 0 }).message.includes(VALID_COUNT));
    });

    it('combines with sort in one seriesDisplayOptions', () => {
      assert.deepEqual(viewOptions({ sort: 'date-added-asc', seriesLimit: 5, numSamples: 30 }), {
        seriesDisplayOptions: { sortOptions: { mode: 'DATE_ADDED', direction: 'ASC' }, limit: 5, numSamples: 30 },
      });
    });
  });

  describe('everything at once', () => {
    it('fills both filters and seriesDisplayOptions', () => {
      assert.deepEqual(viewOptions({ includeRepos: 'a', searchContexts: 'global', sort: 'alphabetical', numSamples: 12 }), {
        filters: { includeRepoRegex: 'a', searchContexts: ['global'] },
        seriesDisplayOptions: { sortOptions: { mode: 'LEXICOGRAPHICAL', direction: 'ASC' }, numSamples: 12 },
      });
    });
  });

  describe('the noun in messages', () => {
    it('says "attribute" by default (elements)', () => {
      const error = refusal({ seriesLimit: 0 });
      assert.equal(error.message, `The series-limit attribute "0" is not valid: expected ${VALID_COUNT}.`);
    });

    it('says "parameter" for the image embeds, for every check', () => {
      assert.equal(refusal({ seriesLimit: 0 }, 'parameter').message, `The series-limit parameter "0" is not valid: expected ${VALID_COUNT}.`);
      assert.match(refusal({ includeRepos: '(' }, 'parameter').message, /^The include-repos parameter "\(" /);
      assert.match(refusal({ sort: 'x' }, 'parameter').message, /^The sort parameter "x" /);
      assert.doesNotMatch(refusal({ numSamples: -2 }, 'parameter').message, /attribute/);
    });
  });
});
