/**
 * Turns a parsed query into the regexps applied to file paths, file contents
 * and repository names, as data: users' regexps can backtrack for ever, so
 * they run as jobs under a RegexpBudget (regexp-budget.ts), which can move
 * them to a worker thread and stop them there.
 */
import { languageForPath } from './languages.ts';
import type { SearchQuery } from './query.ts';
import { MAX_CAPTURE_VALUES, runRegexpJob, type CaptureCounts, type RegexpFilter, type RegexpPattern } from './regexp-job.ts';

export { MAX_CAPTURE_VALUES, type CaptureCounts };

export interface ContentMatcher extends RegexpPattern {
  /** Identifies the pattern and flags: a blob's result for one key never changes. */
  readonly key: string;
  /** The pattern as the user wrote it, for messages. */
  readonly pattern: string;
  /** Non-overlapping, non-empty matches in `text`, on this thread and without a time limit (for trusted text and tests). */
  count(text: string): number;
  /** Matches per distinct non-empty value of the first capture group (at most MAX_CAPTURE_VALUES values, first seen first); unguarded like count(). */
  captures(text: string): CaptureCounts;
}

export function createContentMatcher(query: SearchQuery): ContentMatcher | null {
  if (query.patternSource === null) return null;
  // RegExp's own spelling of the source and flags: what the key has always been made of.
  const { source, flags } = new RegExp(query.patternSource, query.patternFlags);
  const pattern = { source, flags };
  return {
    source,
    flags,
    key: `${flags}/${source}`,
    pattern: query.pattern,
    count: (text) => runRegexpJob({ op: 'count', pattern, texts: [text] })[0],
    captures: (text) => runRegexpJob({ op: 'captures', pattern, texts: [text] })[0],
  };
}

export interface PathFilter {
  /** The file: and -file: regexps, or null when the query has none. */
  readonly regexps: RegexpFilter | null;
  /** Whether the query has lang: or -lang: filters. */
  readonly checksLanguages: boolean;
  /** Whether a path passes the lang: and -lang: filters. */
  passesLanguages(path: string): boolean;
}

/** The query's file: and lang: filters on file paths. */
export function createPathFilter(query: SearchQuery): PathFilter {
  const languages = new Set(query.includeLanguages);
  const excludedLanguages = new Set(query.excludeLanguages);
  const hasRegexps = query.includeFiles.length > 0 || query.excludeFiles.length > 0;
  return {
    regexps: hasRegexps ? { include: query.includeFiles, exclude: query.excludeFiles, flags: query.fileFlags } : null,
    checksLanguages: languages.size > 0 || excludedLanguages.size > 0,
    passesLanguages: (path) => {
      const language = languageForPath(path);
      if (languages.size > 0 && (language === null || !languages.has(language))) return false;
      return language === null || !excludedLanguages.has(language);
    },
  };
}

/** The query's repo: filters on repository names (always case-insensitive, as Sourcegraph), or null when it has none. */
export function createRepositoryFilter(query: SearchQuery): RegexpFilter | null {
  if (query.includeRepositories.length === 0 && query.excludeRepositories.length === 0) return null;
  return { include: query.includeRepositories, exclude: query.excludeRepositories, flags: 'i' };
}

/** Adds `counts` into `total`. */
export function addCaptureCounts(total: Map<string, number>, counts: CaptureCounts): void {
  for (const [value, count] of counts) total.set(value, (total.get(value) ?? 0) + count);
}

/** The MAX_CAPTURE_VALUES most frequent values (ties by value), for storing a point. */
export function topCaptureCounts(total: Map<string, number>): CaptureCounts {
  return [...total]
    .sort((a, b) => b[1] - a[1] || compareLabels(a[0], b[0]))
    .slice(0, MAX_CAPTURE_VALUES);
}

/** Stable, locale-independent label order. */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
