/**
 * Evaluates a file-content query over one commit's tree: which files pass the
 * filters, and each file's matches (memoized per blob).
 */
import { forEachBlobResult, isBinary, MAX_SEARCHED_FILE_BYTES } from './blob-results.ts';
import type { ContentMatcher, PathFilter } from './matcher.ts';
import type { RegexpBudget } from './regexp-budget.ts';
import type { GitRepository, TreeFile } from './repository.ts';
import type { ResultStore, StoredValue } from './result-cache.ts';

export interface FileQueryPlan {
  readonly pathFilter: PathFilter;
  /** Null for a query without pattern: then every file passing the filters is one match. */
  readonly matcher: ContentMatcher | null;
  readonly captureGroups: boolean;
  /** Per-blob results for this matcher and mode; unused when matcher is null. */
  readonly blobResults: ResultStore | null;
  /** The time limit on the file: filters and the pattern (see regexp-budget.ts). */
  readonly regexpBudget: RegexpBudget;
}

/** The files that pass the query's file: and lang: filters. */
async function filesPassing(files: readonly TreeFile[], filter: PathFilter, budget: RegexpBudget): Promise<readonly TreeFile[]> {
  let passing = files;
  if (filter.regexps) {
    // Paths are short, but exponential backtracking needs only ~30 characters, e.g. file:(\w+)+\.ts$ on a long file name.
    const passes = await budget.filter('The file: filter', filter.regexps, files.map((file) => file.path));
    passing = files.filter((_file, index) => passes[index]);
  }
  return filter.checksLanguages ? passing.filter((file) => filter.passesLanguages(file.path)) : passing;
}

/**
 * Calls onFile for each file of the commit that passes the filters, with its
 * match count or capture counts. Binary files and files over 1 MiB count as
 * no match. A pattern-less query counts every file passing the filters, binary
 * or not (Sourcegraph lists such files as path results).
 */
export async function forEachFileResult(
  repository: GitRepository,
  commit: string,
  plan: FileQueryPlan,
  onFile: (file: TreeFile, value: StoredValue) => void,
  signal?: AbortSignal,
): Promise<void> {
  const { matcher, blobResults, regexpBudget } = plan;
  const files = await filesPassing(await repository.listFiles(commit, signal), plan.pathFilter, regexpBudget);
  if (matcher === null || blobResults === null) {
    for (const file of files) onFile(file, 1);
    return;
  }
  const searchable = files.filter((file) => file.size <= MAX_SEARCHED_FILE_BYTES);
  const subject = `The pattern ${matcher.pattern}`;
  const evaluate = async (contents: readonly Buffer[]): Promise<StoredValue[]> => {
    const values: StoredValue[] = contents.map(() => (plan.captureGroups ? [] : 0));
    const textIndexes: number[] = [];
    const texts: string[] = [];
    contents.forEach((content, index) => {
      if (isBinary(content)) return;
      textIndexes.push(index);
      texts.push(content.toString('utf8'));
    });
    if (texts.length === 0) return values;
    const results = plan.captureGroups ? await regexpBudget.captures(subject, matcher, texts) : await regexpBudget.count(subject, matcher, texts);
    results.forEach((value, index) => {
      values[textIndexes[index]] = value;
    });
    return values;
  };
  await forEachBlobResult(repository, searchable, blobResults, evaluate, onFile, signal);
}
