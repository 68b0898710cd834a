/**
 * `insightRequest`: a card's attributes as plain data for its Task, which compares requests with Lit's
 * `deepEquals`: the same attributes must give deeply equal requests (a render that changes nothing starts no
 * request), any change that matters a different one, and invalid attributes a `{ problem }` to show when the
 * card loads, never an exception while it renders.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepEquals } from '@lit/task/deep-equals.js';
import { insightRequest, type InsightRequest, type RequestAttributes } from '../../../../src/elements/code-insight/insight-request.ts';
import type { SeriesSpec } from '../../../../src/model/insight-spec.ts';
import { defaultMessages as m } from '../../../../src/model/messages.ts';

type Context = Parameters<typeof insightRequest>[1];

const ID = 'aW5zaWdodF92aWV3OiIyN3ZR';
const CONTEXT: Context = { instance: 'https://sourcegraph.example.com', hasData: false, series: [], reloads: 0, configuration: 0 };
const SERIES: SeriesSpec[] = [{ label: 'TODOs', query: 'TODO', captureGroups: false }];

const request = (card: RequestAttributes, context: Partial<Context> = {}) => insightRequest(card, { ...CONTEXT, ...context });

function problem(part: InsightRequest['insight'] | InsightRequest['view']): string {
  assert.ok('problem' in part, `a problem, got ${JSON.stringify(part)}`);
  return part.problem;
}

describe('insightRequest', () => {
  describe('the same attributes', () => {
    const cards: [string, RequestAttributes, Partial<Context>?][] = [
      ['a saved insight with filters', { insightId: ID, includeRepos: '^github', sort: 'alphabetical', seriesLimit: 5, numSamples: 10 }],
      ['an ad-hoc insight', { repositories: 'a/b, c/d', step: '1w', points: 8 }, { series: SERIES }],
      ['a language pie', { kind: 'languages', repository: 'github.com/a/b', path: 'src/' }],
      ['a grouped query', { query: 'TODO', mode: 'author', limit: 10 }],
      ['the data property', {}, { hasData: true }],
      ['invalid attributes', { kind: 'pie', sort: 'sideways' }],
      ['nothing at all', {}],
    ];
    for (const [name, card, context] of cards) {
      it(`give deeply equal requests (but new objects): ${name}`, () => {
        const a = request({ ...card }, context);
        const b = request({ ...card }, context);
        assert.notEqual(a, b);
        assert.ok(deepEquals(a, b));
      });
    }

    it('give equal requests for a pasted insight URL and its id', () => {
      const fromURL = request({ insightId: `https://sourcegraph.example.com/insights/insight/${ID}` });
      const fromId = request({ insightId: `  ${ID} ` });
      assert.ok(deepEquals(fromURL, fromId));
      assert.deepEqual(fromURL.insight, { kind: 'auto', spec: { source: 'saved', id: ID } });
    });

    it('give equal requests for equal series given as new objects (a re-render re-reads children)', () => {
      const a = request({ repositories: 'r' }, { series: [{ ...SERIES[0] }] });
      const b = request({ repositories: 'r' }, { series: [{ ...SERIES[0] }] });
      assert.ok(deepEquals(a, b));
    });
  });

  describe('a change', () => {
    const base: RequestAttributes = { insightId: ID, sort: 'result-count', seriesLimit: 5 };
    const changes: [string, RequestAttributes, Partial<Context>?][] = [
      ['insight-id', { ...base, insightId: 'other' }],
      ['kind', { ...base, kind: 'stat' }],
      ['include-repos', { ...base, includeRepos: 'x' }],
      ['exclude-repos', { ...base, excludeRepos: 'x' }],
      ['search-contexts', { ...base, searchContexts: 'global' }],
      ['sort', { ...base, sort: 'alphabetical' }],
      ['series-limit', { ...base, seriesLimit: 6 }],
      ['num-samples', { ...base, numSamples: 3 }],
      ['other-threshold', { ...base, otherThreshold: 0.1 }],
      ['the token', { ...base, token: 'sgp_secret' }],
      ['the instance', base, { instance: 'https://other.example.com' }],
      ['the data property appearing (a conflict)', base, { hasData: true }],
      ['a refresh (reloads)', base, { reloads: 1 }],
      ['a configure() call', base, { configuration: 1 }],
    ];
    for (const [name, card, context] of changes) {
      it(`of ${name} gives a different request`, () => {
        assert.equal(deepEquals(request(base), request(card, context)), false);
      });
    }

    it('of a series query, label or colour gives a different request', () => {
      const before = request({ repositories: 'r' }, { series: SERIES });
      assert.equal(deepEquals(before, request({ repositories: 'r' }, { series: [{ ...SERIES[0], query: 'FIXME' }] })), false);
      assert.equal(deepEquals(before, request({ repositories: 'r' }, { series: [{ ...SERIES[0], label: 'Other' }] })), false);
      assert.equal(deepEquals(before, request({ repositories: 'r' }, { series: [{ ...SERIES[0], color: 'red' }] })), false);
      assert.equal(deepEquals(before, request({ repositories: 'r' }, { series: [...SERIES, { label: 'B', query: 'b', captureGroups: false }] })), false);
    });

    it('of an ad-hoc step or points gives a different request', () => {
      const before = request({ repositories: 'r', step: '1w' }, { series: SERIES });
      assert.equal(deepEquals(before, request({ repositories: 'r', step: '1d' }, { series: SERIES })), false);
      assert.equal(deepEquals(before, request({ repositories: 'r', step: '1w', points: 5 }, { series: SERIES })), false);
    });
  });

  describe('plain data', () => {
    it('survives structuredClone unchanged: no functions, class instances or accessors', () => {
      for (const card of [{ insightId: ID, sort: 'alphabetical', includeRepos: 'a' }, { kind: 'languages', repository: 'r' }, { kind: 'bogus' }]) {
        const value = request(card);
        assert.ok(deepEquals(structuredClone(value), value), JSON.stringify(card));
      }
    });

    it('reads attributes from accessors (a card’s properties live on its prototype, where a spread does not look)', () => {
      class Card {
        get kind() {
          return 'stat';
        }
        get insightId() {
          return ID;
        }
        get sort() {
          return 'alphabetical-desc';
        }
        get seriesLimit() {
          return 7;
        }
      }
      const value = request(new Card() as RequestAttributes);
      assert.deepEqual(value.insight, { kind: 'stat', spec: { source: 'saved', id: ID } });
      assert.deepEqual(value.view, { seriesDisplayOptions: { sortOptions: { mode: 'LEXICOGRAPHICAL', direction: 'DESC' }, limit: 7 } });
      const pie = request(
        new (class {
          get repository() {
            return 'github.com/a/b';
          }
          get path() {
            return 'cmd';
          }
        })() as RequestAttributes,
      );
      assert.deepEqual(pie.insight, { kind: 'auto', spec: { source: 'languages', repository: 'github.com/a/b', path: 'cmd' } });
      assert.equal(value.seriesLimit, 7);
    });
  });

  describe('contents', () => {
    it('carries instance, token, reload and configuration counters through', () => {
      const value = request({ insightId: ID, token: 'sgp_x' }, { instance: 'https://sg.example.com', reloads: 2, configuration: 3 });
      assert.equal(value.instance, 'https://sg.example.com');
      assert.equal(value.token, 'sgp_x');
      assert.equal(value.reloads, 2);
      assert.equal(value.configuration, 3);
    });

    it('defaults: 20 series, "Other" below 3%, no view options', () => {
      const value = request({ insightId: ID });
      assert.equal(value.seriesLimit, 20);
      assert.equal(value.otherThreshold, 0.03);
      assert.deepEqual(value.view, {});
    });

    it('keeps series-limit both for drawing and for the instance', () => {
      const value = request({ insightId: ID, seriesLimit: 4 });
      assert.equal(value.seriesLimit, 4);
      assert.deepEqual(value.view, { seriesDisplayOptions: { limit: 4 } });
    });

    it('sees the data property and the <insight-series> children from the context', () => {
      assert.deepEqual(request({}, { hasData: true }).insight, { kind: 'auto', spec: { source: 'data' } });
      const adHoc = request({ repositories: 'a/b' }, { series: SERIES }).insight;
      assert.ok('spec' in adHoc && adHoc.spec.source === 'preview');
      assert.deepEqual(adHoc.spec.series, SERIES);
    });
  });

  describe('invalid attributes become problems, not exceptions', () => {
    it('an unknown kind', () => {
      assert.doesNotThrow(() => request({ kind: 'pie', insightId: ID }));
      assert.match(problem(request({ kind: 'pie', insightId: ID }).insight), /kind="pie"/);
    });

    it('two sources, naming both', () => {
      const message = problem(request({ insightId: ID, src: 'https://x.example.com/d.json' }).insight);
      assert.match(message, /src/);
      assert.match(message, /insight-id/);
    });

    it('an ad-hoc insight without series', () => {
      assert.match(problem(request({ repositories: 'a/b' }).insight), /insight-series/);
    });

    it('nothing to show: the message says what to set', () => {
      assert.equal(problem(request({}).insight), m.noInsight);
      assert.equal(problem(request({ insightId: '   ' }).insight), m.noInsight);
    });

    it('a bad regular expression, sort or count, in the view, naming the attribute', () => {
      assert.match(problem(request({ insightId: ID, includeRepos: '(' }).view), /include-repos attribute/);
      assert.match(problem(request({ insightId: ID, sort: 'newest' }).view), /sort attribute "newest"/);
      assert.match(problem(request({ insightId: ID, numSamples: 0 }).view), /num-samples attribute "0"/);
    });

    it('keeps a valid insight beside an invalid view, and the reverse', () => {
      const badView = request({ insightId: ID, sort: 'newest' });
      assert.deepEqual(badView.insight, { kind: 'auto', spec: { source: 'saved', id: ID } });
      const badInsight = request({ kind: 'nope', sort: 'alphabetical' });
      assert.ok('problem' in badInsight.insight);
      assert.deepEqual(badInsight.view, { seriesDisplayOptions: { sortOptions: { mode: 'LEXICOGRAPHICAL', direction: 'ASC' } } });
    });

    it('equal problems compare equal, different ones not', () => {
      assert.ok(deepEquals(request({ sort: 'newest' }), request({ sort: 'newest' })));
      assert.equal(deepEquals(request({ sort: 'newest' }), request({ sort: 'oldest' })), false);
    });
  });
});
