/**
 * Turns a parsed query into the functions applied to file paths and file
 * contents. Kept apart from parsing so the hot loop only sees plain RegExps.
 * These run users' regexps, which can backtrack for ever: callers run them
 * under a RegexpBudget (regexp-budget.ts), many paths or blobs per call.
 */
import { languageForPath } from './languages.ts';
import type { SearchQuery } from './query.ts';

/** Distinct values of the first capture group with their match counts, as [value, count] pairs. */
export type CaptureCounts = [string, number][];

/** Sourcegraph's cap on distinct capture-group values in one insight. */
export const MAX_CAPTURE_VALUES = 500;

export interface ContentMatcher {
  /** Identifies the pattern and flags: a blob's result for one key never changes. */
  readonly key: string;
  /** The pattern as the user wrote it, for messages. */
  readonly pattern: string;
  /** Non-overlapping, non-empty matches in `text`. */
  count(text: string): number;
  /** Matches per distinct non-empty value of the first capture group (at most MAX_CAPTURE_VALUES values, first seen first). */
  captures(text: string): CaptureCounts;
}

export function createContentMatcher(query: SearchQuery): ContentMatcher | null {
  if (query.patternSource === null) return null;
  // Our own instance: exec() keeps state in lastIndex, and nothing else touches it.
  const regexp = new RegExp(query.patternSource, query.patternFlags);
  return {
    key: `${regexp.flags}/${regexp.source}`,
    pattern: query.pattern,
    count(text) {
      let count = 0;
      regexp.lastIndex = 0;
      for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
        // An empty match would match again at the same place forever: step over it and do not count it.
        if (match[0].length === 0) regexp.lastIndex++;
        else count++;
      }
      return count;
    },
    captures(text) {
      const counts = new Map<string, number>();
      regexp.lastIndex = 0;
      for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
        if (match[0].length === 0) {
          regexp.lastIndex++;
          continue;
        }
        const value = match[1];
        if (value === undefined || value === '') continue;
        const current = counts.get(value);
        if (current !== undefined) counts.set(value, current + 1);
        else if (counts.size < MAX_CAPTURE_VALUES) counts.set(value, 1);
      }
      return [...counts];
    },
  };
}

/** Whether a file path passes the query's file: and lang: filters. */
export function createPathFilter(query: SearchQuery): (path: string) => boolean {
  const include = query.includeFiles.map((source) => new RegExp(source, query.fileFlags));
  const exclude = query.excludeFiles.map((source) => new RegExp(source, query.fileFlags));
  const languages = new Set(query.includeLanguages);
  const excludedLanguages = new Set(query.excludeLanguages);
  const checksLanguage = languages.size > 0 || excludedLanguages.size > 0;
  return (path) => {
    for (const regexp of include) if (!regexp.test(path)) return false;
    for (const regexp of exclude) if (regexp.test(path)) return false;
    if (checksLanguage) {
      const language = languageForPath(path);
      if (languages.size > 0 && (language === null || !languages.has(language))) return false;
      if (language !== null && excludedLanguages.has(language)) return false;
    }
    return true;
  };
}

/** Whether a repository name passes the query's repo: filters (always case-insensitive, as Sourcegraph). */
export function createRepositoryFilter(query: SearchQuery): (name: string) => boolean {
  const include = query.includeRepositories.map((source) => new RegExp(source, 'i'));
  const exclude = query.excludeRepositories.map((source) => new RegExp(source, 'i'));
  return (name) => include.every((regexp) => regexp.test(name)) && !exclude.some((regexp) => regexp.test(name));
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
