import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError, parseSearchQuery } from '../../../server/engine/index.ts';
import { createContentMatcher } from '../../../server/engine/matcher.ts';

const rejectsWith = (query: string, code: string, message?: RegExp) => {
  assert.throws(() => parseSearchQuery(query), (error: unknown) => {
    assert.ok(error instanceof EngineError, `EngineError for ${query}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    return true;
  });
};

const count = (query: string, text: string): number => createContentMatcher(parseSearchQuery(query))!.count(text);

describe('parseSearchQuery', () => {
  it('parses a literal pattern with filters anywhere', () => {
    const query = parseSearchQuery('repo:^acme  fix  this  lang:go file:\\.go$ -file:_test case:yes');
    assert.equal(query.pattern, 'fix  this');
    assert.equal(query.patternType, 'literal');
    assert.equal(query.caseSensitive, true);
    assert.deepEqual(query.includeRepositories, ['^acme']);
    assert.deepEqual(query.includeLanguages, ['Go']);
    assert.deepEqual(query.includeFiles, ['\\.go$']);
    assert.deepEqual(query.excludeFiles, ['_test']);
  });

  it('joins words split by a filter with one space, and unquotes quoted text', () => {
    assert.equal(parseSearchQuery('foo lang:go bar').pattern, 'foo bar');
    assert.equal(parseSearchQuery('"a \\"quoted\\" lang:go"').pattern, 'a "quoted" lang:go');
    assert.deepEqual(parseSearchQuery('file:"my dir/" x').includeFiles, ['my dir/']);
  });

  it('keeps unknown key:value words as pattern text', () => {
    assert.equal(parseSearchQuery('std::string').pattern, 'std::string');
    assert.equal(parseSearchQuery('http://example.com').pattern, 'http://example.com');
  });

  it('knows regexp patterns and capture groups', () => {
    const query = parseSearchQuery('patternType:regexp version: (\\d+)');
    assert.equal(query.patternType, 'regexp');
    assert.equal(query.hasCaptureGroup, true);
    assert.equal(parseSearchQuery('patterntype:regexp (?:x)').hasCaptureGroup, false);
    assert.equal(parseSearchQuery('/go\\s*(\\d)/').patternType, 'regexp');
    assert.equal(parseSearchQuery('patterntype:literal /x/').patternType, 'literal');
  });

  it('ignores harmless filters and rejects ones that would change counts', () => {
    assert.equal(parseSearchQuery('context:global count:all fork:yes TODO').pattern, 'TODO');
    rejectsWith('select:repo TODO', 'INVALID_QUERY', /select:/);
    rejectsWith('rev:main TODO', 'INVALID_QUERY');
    rejectsWith('type:diff TODO', 'INVALID_QUERY', /type:diff/);
    rejectsWith('repo:acme@main TODO', 'INVALID_QUERY');
    rejectsWith('foo OR bar', 'INVALID_QUERY', /OR/);
    rejectsWith('lang:klingon TODO', 'INVALID_QUERY', /klingon/);
    rejectsWith('case:maybe TODO', 'INVALID_QUERY');
    rejectsWith('"unclosed', 'INVALID_QUERY', /quote/);
    rejectsWith('   ', 'INVALID_QUERY', /empty/);
    rejectsWith('type:commit file:x fix', 'INVALID_QUERY');
  });

  it('rejects invalid regular expressions in the pattern and in filters', () => {
    rejectsWith('patterntype:regexp a(b', 'INVALID_REGEXP', /Unterminated group/);
    rejectsWith('file:[ TODO', 'INVALID_REGEXP', /file filter/);
    rejectsWith('repo:( TODO', 'INVALID_REGEXP', /repo filter/);
  });
});

describe('content matching', () => {
  it('counts non-overlapping occurrences, case-insensitive unless case:yes', () => {
    assert.equal(count('aa', 'aaaaa'), 2);
    assert.equal(count('todo', 'TODO todo ToDo'), 3);
    assert.equal(count('todo case:yes', 'TODO todo ToDo'), 1);
    assert.equal(count('a.b', 'a.b axb'), 1);
  });

  it('skips empty matches instead of looping', () => {
    assert.equal(count('patterntype:regexp x*', 'axxbxc'), 2);
    assert.equal(count('patterntype:regexp ^', 'one\ntwo'), 0);
  });

  it('anchors ^ and $ at lines and honours a leading (?i)', () => {
    assert.equal(count('patterntype:regexp ^b$', 'a\nb\nc b'), 1);
    assert.equal(count('patterntype:regexp case:yes (?i)todo', 'TODO'), 1);
  });

  it('collects first capture group values', () => {
    const matcher = createContentMatcher(parseSearchQuery('patterntype:regexp v(\\d)|w'))!;
    assert.deepEqual(matcher.captures('v1 v2 v1 w'), [['1', 2], ['2', 1]]);
  });
});
