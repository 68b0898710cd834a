/**
 * What a card shows, from its attributes: one source of data (the data property, src, insight-id, an ad-hoc
 * search over repositories, a repository's languages, a grouped query) and a kind that can draw it.
 * Contradictions are a SpecError that names the attributes involved.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KINDS, SpecError, resolveSpec, type SeriesSpec, type SpecAttributes } from '../../../../src/model/insight-spec.ts';

const NONE: SpecAttributes = { hasData: false, series: [] };
const TODO: SeriesSpec = { label: 'TODOs', query: 'TODO', captureGroups: false };
const FIXME: SeriesSpec = { label: 'FIXMEs', query: 'FIXME', color: '#f00', captureGroups: false };

const resolve = (attributes: Partial<SpecAttributes>) => resolveSpec({ ...NONE, ...attributes });

/** The SpecError message for `attributes`; fails when they resolve. */
function refusal(attributes: Partial<SpecAttributes>): string {
  try {
    resolve(attributes);
  } catch (error) {
    assert.ok(error instanceof SpecError, `a SpecError, got ${String(error)}`);
    assert.equal(error.name, 'SpecError');
    return error.message;
  }
  assert.fail(`${JSON.stringify(attributes)} resolved`);
}

describe('resolveSpec', () => {
  describe('no source', () => {
    it('is undefined: nothing to show yet (no error while attributes are still being set)', () => {
      assert.equal(resolve({}), undefined);
      assert.equal(resolve({ kind: 'line' }), undefined);
      assert.equal(resolve({ kind: 'stat' }), undefined);
    });

    it('counts blank attributes as unset', () => {
      assert.equal(resolve({ src: '  ', insightId: '', repositories: ' \n', repositoryCriteria: ' ', repository: '', query: '   ' }), undefined);
    });

    it('does not take modifiers for sources: path, mode, step, points, limit or series alone', () => {
      assert.equal(resolve({ path: 'src/', mode: 'repo', step: '1w', points: 5, limit: 10, series: [TODO] }), undefined);
    });

    it('is an error for kinds that name their source: languages needs repository, group-by needs query', () => {
      assert.match(refusal({ kind: 'languages' }), /kind="languages" needs a repository attribute/);
      assert.match(refusal({ kind: 'group-by' }), /kind="group-by" needs a query attribute/);
    });
  });

  describe('each source', () => {
    it('the data property', () => {
      assert.deepEqual(resolve({ hasData: true }), { kind: 'auto', spec: { source: 'data' } });
    });

    it('src, trimmed', () => {
      assert.deepEqual(resolve({ src: '  https://example.com/data.json\n' }), { kind: 'auto', spec: { source: 'src', url: 'https://example.com/data.json' } });
    });

    it('insight-id, trimmed, as a saved insight', () => {
      assert.deepEqual(resolve({ insightId: ' aW5z== ' }), { kind: 'auto', spec: { source: 'saved', id: 'aW5z==' } });
    });

    it('repositories: an ad-hoc insight over a list split on commas and whitespace, with default step and points', () => {
      assert.deepEqual(resolve({ repositories: 'github.com/a/b, github.com/c/d\n github.com/e/f,', series: [TODO] }), {
        kind: 'auto',
        spec: {
          source: 'preview',
          repositories: ['github.com/a/b', 'github.com/c/d', 'github.com/e/f'],
          repositoryCriteria: undefined,
          step: { unit: 'MONTH', value: 1 },
          points: 12,
          series: [TODO],
        },
      });
    });

    it('repository-criteria: an ad-hoc insight over a repository query, trimmed, with no repository list', () => {
      const resolved = resolve({ repositoryCriteria: '  repo:^github\\.com/org/ lang:go ', series: [TODO] });
      assert.equal(resolved?.spec.source, 'preview');
      assert.ok(resolved?.spec.source === 'preview');
      assert.deepEqual(resolved.spec.repositories, []);
      assert.equal(resolved.spec.repositoryCriteria, 'repo:^github\\.com/org/ lang:go');
    });

    it('repository: a language pie, the path trimmed and left out when blank', () => {
      assert.deepEqual(resolve({ repository: ' github.com/a/b ', path: ' cmd/ ' }), {
        kind: 'auto',
        spec: { source: 'languages', repository: 'github.com/a/b', path: 'cmd/' },
      });
      assert.deepEqual(resolve({ repository: 'github.com/a/b', path: '   ' }), {
        kind: 'auto',
        spec: { source: 'languages', repository: 'github.com/a/b', path: undefined },
      });
    });

    it('query: grouped results, every mode by default (null) and 30 groups', () => {
      assert.deepEqual(resolve({ query: ' TODO lang:go ' }), { kind: 'auto', spec: { source: 'group-by', query: 'TODO lang:go', mode: null, limit: 30 } });
    });
  });

  describe('ad-hoc series, step and points', () => {
    it('reads step notations', () => {
      const step = (value: string) => {
        const resolved = resolve({ repositories: 'r', series: [TODO], step: value });
        return resolved?.spec.source === 'preview' ? resolved.spec.step : undefined;
      };
      assert.deepEqual(step('1d'), { unit: 'DAY', value: 1 });
      assert.deepEqual(step(' 2w '), { unit: 'WEEK', value: 2 });
      assert.deepEqual(step('6h'), { unit: 'HOUR', value: 6 });
      assert.deepEqual(step('1y'), { unit: 'YEAR', value: 1 });
      assert.deepEqual(step(''), { unit: 'MONTH', value: 1 }, 'blank is the default');
    });

    it('refuses a step that is not one, quoting it', () => {
      for (const step of ['weekly', '0d', '1m', '-1w', '1.5d']) {
        assert.ok(refusal({ repositories: 'r', series: [TODO], step }).includes(`step="${step}"`), step);
      }
    });

    it('takes points from 1 to 90', () => {
      for (const points of [1, 90]) {
        const resolved = resolve({ repositories: 'r', series: [TODO], points });
        assert.equal(resolved?.spec.source === 'preview' && resolved.spec.points, points);
      }
    });

    it('refuses points outside 1..90 or not whole, quoting them', () => {
      for (const points of [0, 91, -3, 2.5, Number.NaN]) {
        assert.match(refusal({ repositories: 'r', series: [TODO], points }), new RegExp(`points="${points}" must be a whole number from 1 to 90`));
      }
    });

    it('needs at least one <insight-series>', () => {
      assert.match(refusal({ repositories: 'r' }), /<insight-series/);
      assert.match(refusal({ repositoryCriteria: 'repo:x' }), /<insight-series/);
    });

    it('refuses a series without a query, counting series from 1', () => {
      assert.equal(refusal({ repositories: 'r', series: [TODO, { label: 'Empty', query: '  ', captureGroups: false }] }), 'insight-series 2 has no query.');
    });

    it('trims labels and names unlabelled series by position; keeps colour and capture groups', () => {
      const resolved = resolve({
        repositories: 'r',
        series: [{ label: '  ', query: 'a', captureGroups: true }, { ...FIXME, label: ' FIXMEs ' }],
      });
      assert.ok(resolved?.spec.source === 'preview');
      assert.deepEqual(resolved.spec.series, [
        { label: 'Series 1', query: 'a', captureGroups: true },
        { label: 'FIXMEs', query: 'FIXME', color: '#f00', captureGroups: false },
      ]);
    });

    it('does not change the series it was given', () => {
      const series = [{ label: ' spaced ', query: 'q', captureGroups: false }];
      resolve({ repositories: 'r', series });
      assert.equal(series[0].label, ' spaced ');
    });
  });

  describe('languages', () => {
    it('works with kind="languages" or auto', () => {
      assert.equal(resolve({ kind: 'languages', repository: 'github.com/a/b' })?.spec.source, 'languages');
      assert.equal(resolve({ repository: 'github.com/a/b' })?.kind, 'auto');
    });
  });

  describe('group-by', () => {
    const mode = (value: string) => {
      const resolved = resolve({ query: 'q', mode: value });
      return resolved?.spec.source === 'group-by' ? resolved.spec.mode : 'not group-by';
    };

    it('reads modes in any case, with dashes or underscores', () => {
      assert.equal(mode('repo'), 'REPO');
      assert.equal(mode('PATH'), 'PATH');
      assert.equal(mode('Author'), 'AUTHOR');
      assert.equal(mode('capture-group'), 'CAPTURE_GROUP');
      assert.equal(mode(' repo_metadata '), 'REPO_METADATA');
      assert.equal(mode('repo-metadata'), 'REPO_METADATA');
      assert.equal(mode(''), null);
    });

    it('refuses an unknown mode, quoting it and listing the modes', () => {
      const message = refusal({ query: 'q', mode: 'language' });
      assert.match(message, /mode="language"/);
      assert.match(message, /repo, path, author, capture-group, repo-metadata/);
    });

    it('takes limit from 1 to 100 and refuses anything else', () => {
      for (const limit of [1, 100]) {
        const resolved = resolve({ query: 'q', limit });
        assert.equal(resolved?.spec.source === 'group-by' && resolved.spec.limit, limit);
      }
      for (const limit of [0, 101, 1.5]) assert.match(refusal({ query: 'q', limit }), new RegExp(`limit="${limit}" must be a whole number from 1 to 100`));
    });
  });

  describe('conflicting attributes', () => {
    it('names both sources when two are set', () => {
      assert.equal(refusal({ src: 'https://x/d.json', insightId: 'abc' }), 'Set only one source of data; this card has src and insight-id.');
      assert.equal(refusal({ hasData: true, query: 'TODO' }), 'Set only one source of data; this card has the data property and query.');
      assert.equal(refusal({ insightId: 'abc', repository: 'github.com/a/b' }), 'Set only one source of data; this card has insight-id and repository.');
    });

    it('names every source when more than two are set', () => {
      const message = refusal({ hasData: true, src: 's', insightId: 'i', repositories: 'r', series: [TODO], repository: 'p', query: 'q' });
      for (const name of ['the data property', 'src', 'insight-id', 'repositories', 'repository', 'query']) assert.ok(message.includes(name), name);
    });

    it('tells repositories (a list) apart from repository (a pie)', () => {
      assert.equal(refusal({ repositories: 'a', series: [TODO], repository: 'b' }), 'Set only one source of data; this card has repositories and repository.');
      assert.equal(refusal({ repositoryCriteria: 'repo:a', series: [TODO], query: 'q' }), 'Set only one source of data; this card has repository-criteria and query.');
    });

    it('refuses repositories with repository-criteria', () => {
      assert.equal(refusal({ repositories: 'a', repositoryCriteria: 'repo:b', series: [TODO] }), 'Set repositories or repository-criteria, not both.');
    });

    it('is not confused by a blank second attribute', () => {
      assert.equal(resolve({ insightId: 'abc', src: '   ' })?.spec.source, 'saved');
      assert.equal(resolve({ repositories: 'a', repositoryCriteria: ' ', series: [TODO] })?.spec.source, 'preview');
    });
  });

  describe('kinds', () => {
    it('defaults to auto, also for a blank kind, and trims it', () => {
      assert.equal(resolve({ insightId: 'abc' })?.kind, 'auto');
      assert.equal(resolve({ kind: '  ', insightId: 'abc' })?.kind, 'auto');
      assert.equal(resolve({ kind: null, insightId: 'abc' })?.kind, 'auto');
      assert.equal(resolve({ kind: ' stat ', insightId: 'abc' })?.kind, 'stat');
    });

    it('refuses an unknown kind, quoting it and listing the kinds', () => {
      const message = refusal({ kind: 'pie', insightId: 'abc' });
      assert.match(message, /^kind="pie" is not one of /);
      for (const kind of KINDS) assert.ok(message.includes(kind), kind);
      assert.match(refusal({ kind: 'Line', insightId: 'abc' }), /kind="Line"/);
    });

    it('refuses an unknown kind even with no source yet', () => {
      assert.match(refusal({ kind: 'bar' }), /kind="bar"/);
    });

    it('accepts the data property and src for every kind (their content decides later)', () => {
      for (const kind of KINDS) {
        assert.equal(resolve({ kind, hasData: true })?.kind, kind);
        assert.equal(resolve({ kind, src: 'https://x/d.csv' })?.kind, kind);
      }
    });

    it('accepts insight-id for auto, line, stat and languages (a saved language pie), not group-by', () => {
      for (const kind of ['auto', 'line', 'stat', 'languages']) assert.equal(resolve({ kind, insightId: 'abc' })?.kind, kind);
      assert.equal(refusal({ kind: 'group-by', insightId: 'abc' }), 'kind="group-by" cannot show insight-id: it needs query.');
    });

    it('accepts ad-hoc series for auto, line and stat only', () => {
      for (const kind of ['auto', 'line', 'stat']) assert.equal(resolve({ kind, repositories: 'r', series: [TODO] })?.kind, kind);
      assert.equal(refusal({ kind: 'languages', repositories: 'r', series: [TODO] }), 'kind="languages" cannot show repositories: it needs repository.');
      assert.equal(refusal({ kind: 'group-by', repositoryCriteria: 'repo:r', series: [TODO] }), 'kind="group-by" cannot show repository-criteria: it needs query.');
    });

    it('accepts repository for auto and languages only', () => {
      assert.equal(refusal({ kind: 'line', repository: 'r' }), 'kind="line" cannot show repository: it needs insight-id or repositories.');
      assert.equal(refusal({ kind: 'stat', repository: 'r' }), 'kind="stat" cannot show repository: it needs insight-id or repositories.');
      assert.equal(refusal({ kind: 'group-by', repository: 'r' }), 'kind="group-by" cannot show repository: it needs query.');
    });

    it('accepts query for auto and group-by only', () => {
      assert.equal(resolve({ kind: 'group-by', query: 'q' })?.spec.source, 'group-by');
      assert.equal(refusal({ kind: 'line', query: 'q' }), 'kind="line" cannot show query: it needs insight-id or repositories.');
      assert.equal(refusal({ kind: 'languages', query: 'q' }), 'kind="languages" cannot show query: it needs repository.');
    });
  });
});
