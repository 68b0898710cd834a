/**
 * `type:commit` queries: match commit messages. A commit is one result (as in
 * Sourcegraph, where a commit match without a diff counts as one).
 *
 * The value of a series point is the number of matching commits reachable
 * from the point's commit (what a commit search "at that revision" finds), so
 * it grows over time. AUTHOR aggregation groups HEAD's matching commits by
 * author name. A query without pattern matches every commit.
 */
import { recordSplitter, runGit } from './git.ts';
import { WeightedLru } from './lru.ts';
import type { ContentMatcher } from './matcher.ts';
import type { RegexpBudget } from './regexp-budget.ts';
import type { GitRepository } from './repository.ts';

/** Messages matched per guarded call (see regexp-budget.ts): the guard's cost is shared, and the time limit covers a bounded amount of text. */
const MESSAGE_BATCH = { count: 2048, chars: 512 * 1024 };

export interface CommitHistory {
  /** Commit id → index into the arrays below. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Parent indexes (parents beyond a shallow boundary are left out). */
  readonly parents: readonly (readonly number[])[];
  readonly authors: readonly string[];
  /** 1 where the commit message matches. */
  readonly matches: Uint8Array;
}

/** Parsed histories per (repository, HEAD, pattern); weight = commits, so memory stays bounded. */
export class CommitHistoryCache {
  private readonly histories = new WeightedLru<string, Promise<CommitHistory>>(1_000_000);

  get(repository: GitRepository, head: string, matcher: ContentMatcher | null, budget: RegexpBudget, signal?: AbortSignal): Promise<CommitHistory> {
    const key = `${repository.path}\0${head}\0${matcher?.key ?? ''}`;
    const cached = this.histories.get(key);
    if (cached) return cached;
    const loading = readCommitHistory(repository, head, matcher, budget, signal);
    this.histories.set(key, loading);
    loading.then(
      (history) => {
        if (this.histories.has(key)) this.histories.set(key, loading, Math.max(1, history.authors.length));
      },
      () => this.histories.delete(key),
    );
    return loading;
  }
}

async function readCommitHistory(repository: GitRepository, head: string, matcher: ContentMatcher | null, budget: RegexpBudget, signal?: AbortSignal): Promise<CommitHistory> {
  const commits: string[] = [];
  const parentIds: string[][] = [];
  const authors: string[] = [];
  const matched: boolean[] = [];
  // Messages not matched yet, for the commits after those in `matched`.
  let waiting: string[] = [];
  let waitingChars = 0;
  // Batches are matched in order, one at a time, while git goes on writing; a failure (over the time limit) stops git.
  let matching: Promise<void> = Promise.resolve();
  const stopGit = new AbortController();
  const matchWaiting = (): void => {
    if (matcher === null || waiting.length === 0) return;
    const messages = waiting;
    waiting = [];
    waitingChars = 0;
    matching = matching.then(async () => {
      for (const count of await budget.count(`The pattern ${matcher.pattern}`, matcher, messages)) matched.push(count > 0);
    });
    matching.catch((error: unknown) => stopGit.abort(error));
  };
  // -z ends each commit with NUL; inside, line 1 is "<id> <parent ids>", line 2 the author, the rest the message.
  const splitter = recordSplitter(0, (record) => {
    const text = record.toString('utf8');
    const firstNewline = text.indexOf('\n');
    const secondNewline = text.indexOf('\n', firstNewline + 1);
    if (firstNewline === -1 || secondNewline === -1) return;
    const [commit, ...parents] = text.slice(0, firstNewline).split(' ').filter(Boolean);
    const message = text.slice(secondNewline + 1);
    commits.push(commit);
    parentIds.push(parents);
    authors.push(text.slice(firstNewline + 1, secondNewline));
    if (matcher === null) {
      matched.push(true);
      return;
    }
    waiting.push(message);
    waitingChars += message.length;
    if (waiting.length >= MESSAGE_BATCH.count || waitingChars >= MESSAGE_BATCH.chars) matchWaiting();
  });
  await runGit(repository.path, repository.name, ['log', '-z', '--format=%H %P%n%an%n%B', head, '--'], {
    signal: signal ? AbortSignal.any([signal, stopGit.signal]) : stopGit.signal,
    onStdout: (chunk) => splitter.push(chunk),
  });
  splitter.end();
  matchWaiting();
  await matching;

  const indexOf = new Map<string, number>();
  commits.forEach((commit, index) => indexOf.set(commit, index));
  const parents = parentIds.map((ids) => ids.map((id) => indexOf.get(id)).filter((index): index is number => index !== undefined));
  return { indexOf, parents, authors, matches: Uint8Array.from(matched, (value) => (value ? 1 : 0)) };
}

/** Matching commits among `commit` and all its ancestors. */
export function countMatchingAncestors(history: CommitHistory, commit: string): number {
  const start = history.indexOf.get(commit);
  if (start === undefined) return 0;
  const seen = new Uint8Array(history.authors.length);
  const stack = [start];
  seen[start] = 1;
  let count = 0;
  while (stack.length > 0) {
    const index = stack.pop()!;
    count += history.matches[index];
    for (const parent of history.parents[index]) {
      if (!seen[parent]) {
        seen[parent] = 1;
        stack.push(parent);
      }
    }
  }
  return count;
}

/** Matching commits of the whole history (everything reachable from HEAD) per author name. */
export function matchingCommitsByAuthor(history: CommitHistory): Map<string, number> {
  const counts = new Map<string, number>();
  history.authors.forEach((author, index) => {
    if (history.matches[index]) counts.set(author, (counts.get(author) ?? 0) + 1);
  });
  return counts;
}
