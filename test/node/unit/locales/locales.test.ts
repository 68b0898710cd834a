import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultMessages } from '../../../../src/model/messages.ts';
import de from '../../../../src/locales/de.ts';
import es from '../../../../src/locales/es.ts';
import fr from '../../../../src/locales/fr.ts';
import ja from '../../../../src/locales/ja.ts';

const locales = { de, es, fr, ja } as Record<string, Record<string, unknown>>;

/** Arguments for each sentence that takes some: each must show in the sentence (the arrays' items, each). */
const samples: Record<string, unknown[]> = {
  processingProgress: [37],
  hiddenSeries: [43],
  tooltipMore: [43],
  invalidInstance: ['ftp://x.example'],
  monitorDescription: ['TODO count'],
  goal: ['1,200'],
  goalProgress: [37],
  goalReached: ['1,200'],
  goalOnTrack: ['1,200', 'Mar 2027', 'Feb–May', '3 weeks'],
  goalBehind: ['1,200', 'Mar 3, 2027'],
  goalNoProgress: ['3 weeks'],
  goalWrongWay: ['3 weeks'],
  goalNoSeries: ['web'],
  goalOrLater: ['Mar 2027'],
  goalOf: ['web', 'HEADLINE'],
  lineSummary: ['Migration', 43, 'Jan 1, 2026', 'Oct 1, 2026', ['TypeScript 600', 'JavaScript 187']],
  pieSummary: ['Languages', ['Go 40%', 'TypeScript 30%'], 43],
  barSummary: ['Owners', ['alice 40', 'bob 30'], 43],
  hiddenBars: [43],
  statChange: ['+12%', 'Mar 3, 2027'],
  since: ['Mar 3, 2027'],
  groupByUnavailable: ['REASON'],
  olderInstance: ['FEATURE'],
  kindMismatch: ['stat', 'pie'],
  invalidSrc: ['ftp://x.example/data.json'],
  srcUnreachable: ['https://x.example/data.json'],
  srcFailed: ['https://x.example/data.json', 418],
  rateLimited: [37],
  serverError: [503],
  httpError: [418],
  graphql: ['SERVER SAYS'],
  invalidRegExp: ['FIELD'],
  invalidData: ['DETAIL'],
  filtersApplied: [43],
  stillComputing: [37],
  incompleteAt: ['web', 'Mar 3, 2027', 'REASON'],
  'filterPhrase.includeRepos': ['^web$'],
  'filterPhrase.excludeRepos': ['^web$'],
  'filterPhrase.searchContexts': ['@acme'],
  'filterPhrase.sort': ['Name, A to Z'],
  'filterPhrase.seriesLimit': ['43'],
  'filterPhrase.numSamples': ['43'],
};

/** Every sentence of `messages` by its path (`sorts.alphabetical-asc`). */
function entries(messages: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === 'object' ? entries(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const english = new Map(entries(defaultMessages));

describe('shipped locales', () => {
  it('the samples name every sentence that takes arguments', () => {
    const functions = [...english].filter(([, v]) => typeof v === 'function').map(([k]) => k);
    assert.deepEqual(functions.sort(), Object.keys(samples).sort());
  });

  for (const [tag, messages] of Object.entries(locales)) {
    describe(tag, () => {
      it('has every sentence of defaultMessages, and no other', () => {
        const own = new Map(entries(messages));
        assert.deepEqual([...own.keys()].sort(), [...english.keys()].sort());
        for (const [key, value] of own) assert.equal(typeof value, typeof english.get(key), key);
      });

      it('says every argument of a sentence that takes some', () => {
        for (const [key, args] of Object.entries(samples)) {
          const say = entries(messages).find(([k]) => k === key)![1] as (...a: unknown[]) => unknown;
          const text = say(...args);
          assert.equal(typeof text, 'string', key);
          for (const arg of args.flat()) assert.ok((text as string).includes(String(arg)), `${tag} ${key}: ${String(text)} lacks ${String(arg)}`);
        }
      });

      it('is translated, not English left in place', () => {
        const same = entries(messages).filter(([k, v]) => typeof v === 'string' && v === english.get(k) && !['date', 'name', 'menuGroups.insight', 'menuGroups.export', 'untitled', 'filters', 'showFilters'].includes(k));
        assert.deepEqual(same.map(([k]) => k), []);
      });

      it('is a data module: nothing imported at run time', () => {
        const source = readFileSync(new URL(`../../../../src/locales/${tag}.ts`, import.meta.url), 'utf8');
        assert.doesNotMatch(source, /^import (?!type )/m);
        assert.doesNotMatch(source, /^export (?!default)/m);
      });
    });
  }

  it('counts read naturally: one and many differ where the language has plurals', () => {
    for (const messages of [de, es, fr]) {
      assert.notEqual(messages.hiddenSeries(1).replace('1', ''), messages.hiddenSeries(2).replace('2', ''));
      assert.notEqual(messages.pieSummary('', ['a'], 1).replace('1', ''), messages.pieSummary('', ['a'], 2).replace('2', ''));
    }
    assert.equal(de.hiddenSeries(1), '1 weitere Datenreihe ausgeblendet');
    assert.equal(fr.barSummary('T', ['a 1'], 1), 'T. Diagramme en barres de 1 groupe. a 1.');
    assert.equal(es.hiddenSeries(3), '3 series más ocultas');
    assert.equal(ja.statChange('+12%', '2027年3月3日'), '2027年3月3日 から +12%');
    // The filter note's numbers arrive as the attribute's text: one is still one.
    for (const messages of [de, es, fr]) {
      assert.notEqual(messages.filterPhrase.seriesLimit('1').replace('1', ''), messages.filterPhrase.seriesLimit('2').replace('2', ''));
      assert.notEqual(messages.filterPhrase.numSamples('1').replace('1', ''), messages.filterPhrase.numSamples('2').replace('2', ''));
    }
    assert.equal(de.filterPhrase.seriesLimit('1'), '1 Datenreihe pro Diagramm');
    assert.equal(fr.hiddenBars(1), '1 de plus non affiché');
    assert.equal(fr.filterPhrase.numSamples('12'), '12 derniers points');
  });
});
