/**
 * A time limit on running users' regular expressions, which must neither
 * block the server nor add up across requests.
 *
 * JavaScript regexps backtrack: a pattern such as `(a+)+$` or `(x+x+)+y`
 * takes exponential time on a long run of a's or x's. Linear-time engines are
 * no way out: `re2` is a native dependency; re2js (pure JavaScript) lacks
 * lookaround and backreferences and ran 50–140 times slower than V8 on the
 * benchmark repository's blobs (100–340 ms per MiB against 1–5); and V8's
 * experimental linear engine supports neither the `i` flag, Sourcegraph's
 * default, nor backreferences or lookaround.
 *
 * So each batch of work (a job: pattern + texts, see regexp-job.ts) first
 * runs on the main thread inside `vm.Script#runInContext` with a short
 * timeout, MAIN_THREAD_SLICE_MS: ordinary patterns get through a batch in a
 * few milliseconds and stay there, with no copying. A batch that overruns the
 * slice is stopped (V8 interrupts even a regexp in mid-backtrack) and that
 * request's regexp work moves to a worker thread (regexp-worker-pool.ts):
 * the batch gets the rest of its limit there, and the worker is terminated
 * when that runs out. The main thread so blocks for one slice per runaway
 * pattern at most (none for a pattern already seen to be slow), however many
 * run at once, and other requests are answered meanwhile. A batch that turns
 * out quick on the worker sends its request back to the main thread.
 */
import { availableParallelism } from 'node:os';
import { createContext, Script } from 'node:vm';
import { EngineError } from './errors.ts';
import { regexpJobKey, runRegexpJob, type CaptureCounts, type RegexpFilter, type RegexpJob, type RegexpJobResult, type RegexpPattern } from './regexp-job.ts';
import { RegexpJobTimeout, RegexpWorkerPool, RegexpWorkersBusy } from './regexp-worker-pool.ts';

/** How long one batch of regexp work may run. Ordinary patterns get through a batch (at most a few MiB) in milliseconds. */
export const DEFAULT_REGEXP_BUDGET_MS = 2000;

/**
 * How long a batch may block the main thread before it moves to a worker. Each runaway pattern costs other requests
 * this much once. Batches are about 0.5 MiB (blob-results.ts): ordinary patterns take 1–3 ms per MiB, heavy ones
 * such as `\b\w+\s*\(` or `^.*(a|b).*$` up to ~30 ms per MiB, so a busy CPU or a garbage collection pause does
 * not easily send ordinary work to a worker, where it could wait behind runaway patterns.
 */
export const MAIN_THREAD_SLICE_MS = 50;

/** Patterns remembered as slow, which then go to a worker at once: many viewers polling one bad insight block nothing. */
const MAX_SLOW_PATTERNS = 256;

/** Shared by all engines in the process: a few threads, as the work they take is rare and CPU-bound. */
const sharedWorkers = new RegexpWorkerPool({
  size: Math.max(2, Math.min(4, availableParallelism() - 1)),
  maxQueued: 16,
});

/** Keys (regexpJobKey) of jobs that overran the slice and were not quick on a worker either, least recently seen first. */
const slowPatterns = new Set<string>();

function rememberSlow(key: string): void {
  slowPatterns.delete(key);
  slowPatterns.add(key);
  if (slowPatterns.size > MAX_SLOW_PATTERNS) slowPatterns.delete(slowPatterns.values().next().value!);
}

/** The global object RUN sees: `work` holds the current call's work. */
const guardContext = createContext({ work: null }) as { work: (() => unknown) | null };
const RUN = new Script('work()', { filename: 'regexp-budget.js' });

/** Not `instanceof Error`: Node creates this error in the guard context's realm. */
function isVmTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Runs `job` on this thread; returns undefined when it did not finish within `ms`. */
function runOnMainThread<J extends RegexpJob>(job: J, ms: number): RegexpJobResult<J> | undefined {
  guardContext.work = () => runRegexpJob(job);
  try {
    return RUN.runInContext(guardContext, { timeout: ms }) as RegexpJobResult<J>;
  } catch (error) {
    if (isVmTimeout(error)) return undefined;
    throw error;
  } finally {
    guardContext.work = null;
  }
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

export interface RegexpBudgetOptions {
  /** The workers to move slow work to (tests pass their own). */
  workers?: Pick<RegexpWorkerPool, 'run'>;
}

/**
 * The time limit of one request: each batch of its regexp work may run `ms`
 * in all (main-thread slice plus worker). Once a batch has run over it, every
 * later call fails with the same error at once: the request has failed, and
 * its other repositories and dates must not each take another full limit.
 */
export class RegexpBudget {
  readonly ms: number;
  readonly #workers: Pick<RegexpWorkerPool, 'run'>;
  #exceeded: EngineError | null = null;
  /** Aborted on failure, which stops the request's other jobs on workers. */
  readonly #failed = new AbortController();
  /** Set once a batch overran the slice: the rest of the request runs on workers. */
  #onWorkers = false;
  /** The request's worker jobs run one at a time, so one request holds one worker at most. */
  #workerTurn: Promise<unknown> = Promise.resolve();

  constructor(ms: number = DEFAULT_REGEXP_BUDGET_MS, options: RegexpBudgetOptions = {}) {
    // vm and timers take whole milliseconds below 2^31.
    if (!Number.isInteger(ms) || ms < 1 || ms > 0x7fff_ffff) {
      throw new EngineError('INVALID_REQUEST', 'The regular expression time limit must be a whole, positive number of milliseconds.');
    }
    this.ms = ms;
    this.#workers = options.workers ?? sharedWorkers;
  }

  /**
   * Non-empty, non-overlapping matches of `pattern` in each text. Rejects with
   * REGEXP_TIMEOUT naming `subject` (a sentence start such as "The pattern
   * (a+)+$") past the limit.
   */
  count(subject: string, pattern: RegexpPattern, texts: readonly string[]): Promise<number[]> {
    return this.#run(subject, { op: 'count', pattern: { source: pattern.source, flags: pattern.flags }, texts });
  }

  /** Matches per value of the first capture group in each text; fails like count(). */
  captures(subject: string, pattern: RegexpPattern, texts: readonly string[]): Promise<CaptureCounts[]> {
    return this.#run(subject, { op: 'captures', pattern: { source: pattern.source, flags: pattern.flags }, texts });
  }

  /** Whether each text passes the filter; fails like count(). */
  filter(subject: string, filter: RegexpFilter, texts: readonly string[]): Promise<boolean[]> {
    return this.#run(subject, { op: 'filter', filter: { include: filter.include, exclude: filter.exclude, flags: filter.flags }, texts });
  }

  async #run<J extends RegexpJob>(subject: string, job: J): Promise<RegexpJobResult<J>> {
    if (this.#exceeded) throw this.#exceeded;
    const key = regexpJobKey(job);
    let limitMs = this.ms;
    if (!this.#onWorkers && !slowPatterns.has(key)) {
      const slice = Math.min(MAIN_THREAD_SLICE_MS, this.ms);
      const result = runOnMainThread(job, slice);
      if (result !== undefined) return result;
      limitMs -= slice;
      if (limitMs === 0) throw this.#fail(subject, 'timeout');
    }
    rememberSlow(key);
    this.#onWorkers = true;
    const turn = this.#workerTurn.then(() => {
      if (this.#exceeded) throw this.#exceeded;
      return this.#workers.run(job, limitMs, this.#failed.signal);
    });
    this.#workerTurn = turn.catch(() => undefined);
    try {
      const { result, ms } = await turn;
      if (ms < MAIN_THREAD_SLICE_MS / 2) {
        // Quick after all: the overrun was a hiccup (a busy CPU, a garbage collection), not the pattern.
        slowPatterns.delete(key);
        this.#onWorkers = false;
      }
      return result;
    } catch (error) {
      if (error instanceof RegexpJobTimeout) throw this.#fail(subject, 'timeout', error);
      if (error instanceof RegexpWorkersBusy) throw this.#fail(subject, 'busy', error);
      throw error;
    }
  }

  #fail(subject: string, reason: 'timeout' | 'busy', cause?: unknown): EngineError {
    this.#exceeded ??= new EngineError(
      'REGEXP_TIMEOUT',
      reason === 'timeout'
        ? `${subject} took too long to run (over ${formatDuration(this.ms)}) and was stopped. `
          + 'Simplify the regular expression: nested repetition such as (a+)+ or (x+x+)+ can take exponential time.'
        : `${subject} runs slowly and the server is busy with other slow regular expressions. `
          + 'Try again later, or simplify the regular expression: nested repetition such as (a+)+ or (x+x+)+ can take exponential time.',
      { cause },
    );
    this.#failed.abort(this.#exceeded);
    return this.#exceeded;
  }
}
