/**
 * Read-only access to one git repository (work tree or bare), straight from
 * its objects: HEAD, first-parent history with committer dates, the files of
 * a commit's tree, and blob contents. Never checks anything out.
 */
import { CatFileReader } from './cat-file.ts';
import { recordSplitter, runGit } from './git.ts';
import { WeightedLru } from './lru.ts';

export interface TreeFile {
  readonly path: string;
  /** Blob object id. */
  readonly blob: string;
  readonly size: number;
}

export interface DatedCommit {
  readonly commit: string;
  /** Committer date, milliseconds since the epoch. */
  readonly time: number;
}

/** Files listed per commit, shared by all repositories of an engine (weight = number of files). */
export type TreeListingCache = WeightedLru<string, Promise<TreeFile[]>>;

const MAX_TREE_LISTING_FILES = 300_000;

export function createTreeListingCache(): TreeListingCache {
  return new WeightedLru(MAX_TREE_LISTING_FILES);
}

export class GitRepository {
  readonly name: string;
  readonly path: string;
  private readonly treeListings: TreeListingCache;
  private readonly blobs: CatFileReader;
  private history: { head: string; commits: Promise<DatedCommit[]> } | null = null;
  /** The `git rev-parse HEAD` running now, if any. */
  #head: Promise<string | null> | null = null;

  constructor(name: string, path: string, treeListings: TreeListingCache) {
    this.name = name;
    this.path = path;
    this.treeListings = treeListings;
    this.blobs = new CatFileReader(path, name);
  }

  /**
   * The commit HEAD points to, or null for a repository without commits. Callers at the same time share one
   * `git rev-parse`: a dashboard asks once per insight view, and one process per ask ran the server out of file
   * handles. Shared only while it runs, never remembered after: HEAD moves, and the next caller sees where to.
   */
  resolveHead(signal?: AbortSignal): Promise<string | null> {
    let head = this.#head;
    if (!head) {
      // Started without the caller's signal: one caller giving up must not fail the others sharing it.
      head = this.#readHead();
      this.#head = head;
      const forget = () => {
        if (this.#head === head) this.#head = null;
      };
      head.then(forget, forget);
    }
    return untilAborted(head, signal);
  }

  /** HEAD's first-parent history, newest first. A shallow clone lists what it has. */
  firstParentHistory(head: string, signal?: AbortSignal): Promise<DatedCommit[]> {
    if (this.history?.head === head) return this.history.commits;
    const commits = this.readFirstParentHistory(head, signal);
    this.history = { head, commits };
    commits.catch(() => {
      if (this.history?.commits === commits) this.history = null;
    });
    return commits;
  }

  /** The newest first-parent commit whose committer date is at or before `date`, or null (date before history). */
  async commitAt(head: string, date: Date, signal?: AbortSignal): Promise<string | null> {
    const time = date.getTime();
    for (const entry of await this.firstParentHistory(head, signal)) {
      if (entry.time <= time) return entry.commit;
    }
    return null;
  }

  /** Regular files (no symlinks or submodules) in a commit's tree, with blob ids and sizes. */
  listFiles(commit: string, signal?: AbortSignal): Promise<TreeFile[]> {
    const key = `${this.path}\0${commit}`;
    const cached = this.treeListings.get(key);
    if (cached) return cached;
    const listing = this.readTree(commit, signal);
    this.treeListings.set(key, listing);
    listing.then(
      (files) => {
        // Weigh the entry by its size now that it is known (if it is still the cached one).
        if (this.treeListings.has(key)) this.treeListings.set(key, listing, Math.max(1, files.length));
      },
      () => this.treeListings.delete(key),
    );
    return listing;
  }

  /** A blob's bytes, or null when the object is not in the repository (e.g. a partial clone). */
  readBlob(blob: string): Promise<Buffer | null> {
    return this.blobs.read(blob);
  }

  close(): Promise<void> {
    return this.blobs.close();
  }

  async #readHead(): Promise<string | null> {
    const result = await runGit(this.path, this.name, ['rev-parse', '--verify', '--quiet', '--end-of-options', 'HEAD^{commit}'], {
      // Exit code 1 with no output is git's "no such revision": an unborn HEAD.
      allowedExitCodes: [1],
    });
    const head = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && head ? head : null;
  }

  private async readFirstParentHistory(head: string, signal?: AbortSignal): Promise<DatedCommit[]> {
    const result = await runGit(this.path, this.name, ['log', '--first-parent', '--format=%H %ct', head, '--'], { signal });
    const commits: DatedCommit[] = [];
    for (const line of result.stdout.toString('utf8').split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) commits.push({ commit: line.slice(0, space), time: Number(line.slice(space + 1)) * 1000 });
    }
    return commits;
  }

  private async readTree(commit: string, signal?: AbortSignal): Promise<TreeFile[]> {
    const files: TreeFile[] = [];
    const splitter = recordSplitter(0, (record) => {
      // "<mode> <type> <object> <size>\t<path>", NUL-terminated thanks to -z (paths are not quoted).
      const line = record.toString('utf8');
      const tab = line.indexOf('\t');
      const [mode, type, blob, size] = line.slice(0, tab).split(/ +/);
      // Skip submodules (type "commit") and symlinks (mode 120000), which Sourcegraph does not search either.
      if (type !== 'blob' || mode === '120000') return;
      files.push({ path: line.slice(tab + 1), blob, size: Number(size) });
    });
    await runGit(this.path, this.name, ['ls-tree', '-r', '-l', '-z', '--full-tree', commit], { signal, onStdout: (chunk) => splitter.push(chunk) });
    splitter.end();
    return files;
  }
}

/** `promise`, or the abort reason as soon as `signal` aborts (the work itself goes on for whoever else awaits it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
