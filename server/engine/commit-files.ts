/**
 * Evaluates a file-content query over one commit's tree: which files pass the
 * filters, and each file's matches (memoized per blob).
 */
import { forEachBlobResult, isBinary, MAX_SEARCHED_FILE_BYTES } from './blob-results.ts';
import type { ContentMatcher } from './matcher.ts';
import type { RegexpBudget } from './regexp-budget.ts';
import type { GitRepository, TreeFile } from './repository.ts';
import type { ResultStore, StoredValue } from './result-cache.ts';

export interface FileQueryPlan {
  readonly pathFilter: (path: string) => boolean;
  /** Null for a query without pattern: then every file passing the filters is one match. */
  readonly matcher: ContentMatcher | null;
  readonly captureGroups: boolean;
  /** Per-blob results for this matcher and mode; unused when matcher is null. */
  readonly blobResults: ResultStore | null;
  /** The time limit on the file: filters and the pattern (see regexp-budget.ts). */
  readonly regexpBudget: RegexpBudget;
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
  const listed = await repository.listFiles(commit, signal);
  // Paths are short, but exponential backtracking needs only ~30 characters, e.g. file:(\w+)+\.ts$ on a long file name.
  const files = regexpBudget.run('The file: filter', () => listed.filter((file) => plan.pathFilter(file.path)));
  if (matcher === null || blobResults === null) {
    for (const file of files) onFile(file, 1);
    return;
  }
  const searchable = files.filter((file) => file.size <= MAX_SEARCHED_FILE_BYTES);
  const evaluate = (content: Buffer): StoredValue => {
    if (isBinary(content)) return plan.captureGroups ? [] : 0;
    const text = content.toString('utf8');
    return plan.captureGroups ? matcher.captures(text) : matcher.count(text);
  };
  const subject = `The pattern ${matcher.pattern}`;
  await forEachBlobResult(repository, searchable, blobResults, (contents) => regexpBudget.run(subject, () => contents.map(evaluate)), onFile, signal);
}
