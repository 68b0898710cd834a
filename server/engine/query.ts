/**
 * Parses a Sourcegraph search query into the pieces the engine needs.
 *
 * Supported:
 * - The pattern: all non-filter text. Literal by default (Sourcegraph's
 *   "standard"/"literal" pattern types): the words are one literal string and
 *   the whitespace between adjacent words is kept as typed. A word in quotes
 *   ("..." or '...') is taken literally without its quotes. In the default
 *   pattern type a pattern written as /.../ is a regular expression.
 * - `patterntype:regexp` (also `regex`): the pattern is a JavaScript regular
 *   expression, matched with ^/$ as line anchors and `.` not crossing lines,
 *   like Sourcegraph's RE2 search. A leading (?i) / (?s) is honoured.
 *   Unlike RE2 it backtracks, so matching runs under a time limit
 *   (regexp-budget.ts): a pattern such as (a+)+$ fails with REGEXP_TIMEOUT.
 * - `case:yes|no` (default no: case-insensitive, as Sourcegraph). Also applies
 *   to `file:`; `repo:` is always case-insensitive.
 * - `file:`/`f:`/`path:` and `-file:` (regexps on the path; repeats are ANDed),
 *   `lang:`/`l:`/`language:` and `-lang:` (repeats of `lang:` are ORed),
 *   `repo:`/`r:` and `-repo:` (regexps on the repository name; repeats ANDed),
 *   `type:file` (default) and `type:commit` (match commit messages),
 *   `content:"..."` (an explicit pattern).
 * - Ignored because they change nothing here: `context:`, `count:`, `fork:`,
 *   `archived:`, `visibility:`, `timeout:`, `index:`.
 * - Rejected with INVALID_QUERY because ignoring them would give wrong counts:
 *   `select:`, `rev:`, `author:`, `before:`, `after:`, `message:`, `repohasfile:`,
 *   `type:diff|symbol|path|repo`, predicates such as `file:contains.content(...)`,
 *   `repo:name@revision`, and the boolean operators AND / OR / NOT (quote them
 *   to search for the words).
 * - `word:text` where `word` is not a filter name is pattern text, as in
 *   Sourcegraph (so `std::string` or `http://x` search for themselves).
 *
 * A query without a pattern but with filters counts matching files (or, with
 * `type:commit`, commits), which is what Sourcegraph counts for such a query.
 */
import { EngineError } from './errors.ts';
import { languageForFilterValue } from './languages.ts';

export type PatternType = 'literal' | 'regexp';
export type ResultType = 'file' | 'commit';

export interface SearchQuery {
  /** The query text as given. */
  readonly input: string;
  /** The pattern as the user wrote it ('' when the query has only filters). */
  readonly pattern: string;
  readonly patternType: PatternType;
  /** JavaScript RegExp source finding the pattern; null when the pattern is empty. */
  readonly patternSource: string | null;
  /** RegExp flags for patternSource ('g' and 'm' always; 'i' unless case-sensitive; maybe 's'). */
  readonly patternFlags: string;
  readonly caseSensitive: boolean;
  /** True when the pattern is a regexp with at least one capturing group. */
  readonly hasCaptureGroup: boolean;
  readonly resultType: ResultType;
  /** Regexp sources that a file path must all match / must not match. */
  readonly includeFiles: readonly string[];
  readonly excludeFiles: readonly string[];
  /** Flags for the file regexps ('' or 'i'). */
  readonly fileFlags: string;
  /** Canonical language names: a file must be one of includeLanguages (if any) and none of excludeLanguages. */
  readonly includeLanguages: readonly string[];
  readonly excludeLanguages: readonly string[];
  /** Regexp sources (case-insensitive) that a repository name must all match / must not match. */
  readonly includeRepositories: readonly string[];
  readonly excludeRepositories: readonly string[];
}

type FieldName = 'repo' | 'file' | 'lang' | 'case' | 'patterntype' | 'type' | 'content';

const FIELD_BY_KEY: Readonly<Record<string, FieldName>> = {
  repo: 'repo', r: 'repo',
  file: 'file', f: 'file', path: 'file',
  lang: 'lang', l: 'lang', language: 'lang',
  case: 'case',
  patterntype: 'patterntype',
  type: 'type',
  content: 'content',
};
const NEGATABLE_FIELDS: ReadonlySet<FieldName> = new Set(['repo', 'file', 'lang']);
const IGNORED_KEYS: ReadonlySet<string> = new Set(['context', 'count', 'fork', 'archived', 'visibility', 'timeout', 'index']);
const REJECTED_KEYS: ReadonlySet<string> = new Set([
  'select', 'rev', 'revision', 'repohasfile', 'repohascommitafter', 'author', 'committer',
  'before', 'after', 'since', 'until', 'message', 'msg', 'm', 'stable', 'b',
]);
const BOOLEAN_OPERATORS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT']);

interface Token {
  readonly text: string;
  readonly quoted: boolean;
  readonly start: number;
  readonly end: number;
  /** Set when the token is `key:value` with a key the parser knows. */
  readonly field?: { readonly key: string; readonly negated: boolean };
}

const FIELD_PREFIX = /(-?)([A-Za-z]+):/y;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

function isKnownKey(key: string): boolean {
  return key in FIELD_BY_KEY || IGNORED_KEYS.has(key) || REJECTED_KEYS.has(key);
}

/** Reads a quoted string starting at `start` (the quote). `\"` and `\\` are unescaped; other escapes stay for regexps. */
function readQuoted(input: string, start: number): { text: string; end: number } {
  const quote = input[start];
  let text = '';
  for (let i = start + 1; i < input.length; i++) {
    const char = input[i];
    if (char === '\\' && i + 1 < input.length) {
      const next = input[i + 1];
      text += next === quote || next === '\\' ? next : char + next;
      i++;
    } else if (char === quote) {
      return { text, end: i + 1 };
    } else {
      text += char;
    }
  }
  throw new EngineError('INVALID_QUERY', `The query has an unclosed ${quote} quote. Close it or escape it with a backslash.`);
}

function readWord(input: string, start: number): number {
  let end = start;
  while (end < input.length && !isSpace(input[end])) end++;
  return end;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    const start = i;
    FIELD_PREFIX.lastIndex = i;
    const prefix = FIELD_PREFIX.exec(input);
    if (prefix && isKnownKey(prefix[2].toLowerCase())) {
      const valueStart = i + prefix[0].length;
      const quote = input[valueStart];
      let text: string;
      if (quote === '"' || quote === "'") {
        const quoted = readQuoted(input, valueStart);
        text = quoted.text;
        i = quoted.end;
      } else {
        i = readWord(input, valueStart);
        text = input.slice(valueStart, i);
      }
      tokens.push({ text, quoted: false, start, end: i, field: { key: prefix[2].toLowerCase(), negated: prefix[1] === '-' } });
    } else if (input[i] === '"' || input[i] === "'") {
      const quoted = readQuoted(input, i);
      i = quoted.end;
      tokens.push({ text: quoted.text, quoted: true, start, end: i });
    } else {
      i = readWord(input, i);
      tokens.push({ text: input.slice(start, i), quoted: false, start, end: i });
    }
  }
  return tokens;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Splits a leading RE2-style inline flag group like (?i) or (?is) off a regexp source. */
function splitInlineFlags(source: string): { source: string; flags: string } {
  const match = /^\(\?([ims]+)\)/.exec(source);
  return match ? { source: source.slice(match[0].length), flags: match[1] } : { source, flags: '' };
}

function compileOrThrow(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EngineError('INVALID_REGEXP', `${where} is not a valid regular expression: ${reason}.`, { cause: error });
  }
}

function countCaptureGroups(source: string, flags: string): number {
  // An alternation with the empty string always matches '' and reports every group.
  const match = new RegExp(`${source}|`, flags).exec('');
  return match ? match.length - 1 : 0;
}

function rejectPredicate(key: string, value: string): void {
  if (/^(has|contains)(\.[a-z]+)*\(/i.test(value)) {
    throw new EngineError('INVALID_QUERY', `Predicates like ${key}:${value} are not supported here. Use a plain ${key}: regular expression.`);
  }
}

export function parseSearchQuery(query: string): SearchQuery {
  if (typeof query !== 'string') throw new EngineError('INVALID_QUERY', 'The query must be text.');
  const tokens = tokenize(query);

  let patternTypeName: 'standard' | 'literal' | 'regexp' = 'standard';
  let caseSensitive = false;
  let resultType: ResultType = 'file';
  let content: Token | null = null;
  const includeFiles: string[] = [];
  const excludeFiles: string[] = [];
  const includeLanguages: string[] = [];
  const excludeLanguages: string[] = [];
  const includeRepositories: string[] = [];
  const excludeRepositories: string[] = [];
  const patternTokens: { token: Token; separator: string }[] = [];
  let previous: Token | null = null;

  for (const token of tokens) {
    const field = token.field;
    if (!field) {
      if (!token.quoted && BOOLEAN_OPERATORS.has(token.text)) {
        throw new EngineError('INVALID_QUERY', `The boolean operator ${token.text} is not supported. Search for one pattern at a time, or put the word in quotes to search for it.`);
      }
      // Adjacent words keep the whitespace typed between them; words split by a filter are joined by one space.
      const separator = previous && !previous.field ? query.slice(previous.end, token.start) : ' ';
      patternTokens.push({ token, separator: patternTokens.length === 0 ? '' : separator });
      previous = token;
      continue;
    }
    previous = token;
    const { key, negated } = field;
    if (IGNORED_KEYS.has(key)) continue;
    if (REJECTED_KEYS.has(key)) {
      throw new EngineError('INVALID_QUERY', `The ${key}: filter is not supported by this code insights server. Remove it from the query.`);
    }
    const name = FIELD_BY_KEY[key];
    if (negated && !NEGATABLE_FIELDS.has(name)) {
      throw new EngineError('INVALID_QUERY', `The ${key}: filter cannot be negated with "-".`);
    }
    const value = token.text;
    if (value === '') throw new EngineError('INVALID_QUERY', `The ${key}: filter needs a value, e.g. ${key}:${exampleValue(name)}.`);
    switch (name) {
      case 'case': {
        const lower = value.toLowerCase();
        if (lower !== 'yes' && lower !== 'no') throw new EngineError('INVALID_QUERY', `case:${value} is not valid. Use case:yes or case:no.`);
        caseSensitive = lower === 'yes';
        break;
      }
      case 'patterntype': {
        const lower = value.toLowerCase();
        if (lower === 'regexp' || lower === 'regex') patternTypeName = 'regexp';
        else if (lower === 'literal') patternTypeName = 'literal';
        else if (lower === 'standard') patternTypeName = 'standard';
        else throw new EngineError('INVALID_QUERY', `patterntype:${value} is not supported. Use patterntype:literal, patterntype:standard or patterntype:regexp.`);
        break;
      }
      case 'type': {
        const lower = value.toLowerCase();
        if (lower === 'commit') resultType = 'commit';
        else if (lower === 'file') resultType = 'file';
        else throw new EngineError('INVALID_QUERY', `type:${value} searches are not supported. Use type:commit, or leave type: out to search file contents.`);
        break;
      }
      case 'content':
        if (content) throw new EngineError('INVALID_QUERY', 'The query has more than one content: filter. Use only one.');
        content = token;
        break;
      case 'file':
        rejectPredicate(key, value);
        (negated ? excludeFiles : includeFiles).push(value);
        break;
      case 'repo':
        rejectPredicate(key, value);
        if (value.includes('@')) {
          throw new EngineError('INVALID_QUERY', `Revisions (${key}:${value}) are not supported. Each repository is searched at its HEAD and its history.`);
        }
        (negated ? excludeRepositories : includeRepositories).push(value);
        break;
      case 'lang': {
        const language = languageForFilterValue(value);
        if (!language) throw new EngineError('INVALID_QUERY', `Unknown language "${value}" in the ${key}: filter. Try a name like typescript, go or python.`);
        const list = negated ? excludeLanguages : includeLanguages;
        if (!list.includes(language)) list.push(language);
        break;
      }
    }
  }

  if (content && patternTokens.length > 0) {
    throw new EngineError('INVALID_QUERY', 'The query has both a content: filter and a free-text pattern. Use one of them.');
  }
  const parts = content
    ? [{ text: content.text, quoted: patternTypeName !== 'regexp', separator: '' }]
    : patternTokens.map(({ token, separator }) => ({ text: token.text, quoted: token.quoted, separator }));
  const pattern = parts.map((part) => part.separator + part.text).join('');

  // In the default pattern type, a lone /.../ word is a regular expression (Sourcegraph's standard syntax).
  let patternType: PatternType = patternTypeName === 'regexp' ? 'regexp' : 'literal';
  let regexpText: string | null = null;
  if (patternType === 'regexp') {
    regexpText = parts.map((part) => part.separator + (part.quoted ? escapeRegExp(part.text) : part.text)).join('');
  } else if (patternTypeName === 'standard' && parts.length === 1 && !parts[0].quoted && /^\/.+\/$/s.test(parts[0].text)) {
    patternType = 'regexp';
    regexpText = parts[0].text.slice(1, -1);
  }

  let patternSource: string | null = null;
  let patternFlags = 'gm';
  let patternCaseSensitive = caseSensitive;
  if (regexpText !== null) {
    const inline = splitInlineFlags(regexpText);
    if (inline.flags.includes('i')) patternCaseSensitive = false;
    if (inline.flags.includes('s')) patternFlags += 's';
    patternSource = inline.source === '' ? null : inline.source;
  } else if (pattern !== '') {
    patternSource = escapeRegExp(pattern);
  }
  if (!patternCaseSensitive) patternFlags += 'i';
  let hasCaptureGroup = false;
  if (patternSource !== null) {
    compileOrThrow(patternSource, patternFlags, `The pattern ${pattern}`);
    hasCaptureGroup = patternType === 'regexp' && countCaptureGroups(patternSource, patternFlags) > 0;
  }

  const fileFlags = caseSensitive ? '' : 'i';
  for (const source of [...includeFiles, ...excludeFiles]) compileOrThrow(source, fileFlags, `The file filter ${source}`);
  for (const source of [...includeRepositories, ...excludeRepositories]) compileOrThrow(source, 'i', `The repo filter ${source}`);

  if (resultType === 'commit' && (includeFiles.length || excludeFiles.length || includeLanguages.length || excludeLanguages.length)) {
    throw new EngineError('INVALID_QUERY', 'file: and lang: filters are not supported with type:commit. Commit searches match commit messages only.');
  }
  const hasFilters = includeFiles.length + excludeFiles.length + includeLanguages.length + excludeLanguages.length
    + includeRepositories.length + excludeRepositories.length > 0;
  if (patternSource === null && !hasFilters && resultType === 'file') {
    throw new EngineError('INVALID_QUERY', 'The query is empty. Type something to search for, e.g. TODO.');
  }

  return {
    input: query,
    pattern,
    patternType,
    patternSource,
    patternFlags,
    caseSensitive,
    hasCaptureGroup,
    resultType,
    includeFiles,
    excludeFiles,
    fileFlags,
    includeLanguages,
    excludeLanguages,
    includeRepositories,
    excludeRepositories,
  };
}

function exampleValue(field: FieldName): string {
  switch (field) {
    case 'repo': return 'github\\.com/acme/api$';
    case 'file': return '\\.ts$';
    case 'lang': return 'typescript';
    case 'case': return 'yes';
    case 'patterntype': return 'regexp';
    case 'type': return 'commit';
    case 'content': return '"TODO"';
  }
}

/**
 * A stable key for everything that decides a per-commit result of this query
 * in one repository (repo: filters decide only whether a repository takes part,
 * so they are not in it). Used to cache point values.
 */
export function contentQueryKey(query: SearchQuery, captureGroups: boolean): string {
  return JSON.stringify([
    query.resultType,
    query.patternSource,
    query.patternFlags,
    captureGroups,
    [...query.includeFiles].sort(),
    [...query.excludeFiles].sort(),
    query.fileFlags,
    [...query.includeLanguages].sort(),
    [...query.excludeLanguages].sort(),
  ]);
}
