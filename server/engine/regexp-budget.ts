/**
 * A time limit on running users' regular expressions.
 *
 * JavaScript regexps backtrack: a pattern such as `(a+)+$` or `(x+x+)+y`
 * takes exponential time on a long run of a's or x's, and it runs on the main
 * thread, so one such query would stop the server from answering anything
 * else. Linear-time engines are no way out: `re2` is a native dependency, and
 * V8's experimental linear engine (--enable-experimental-regexp-engine-on-
 * excessive-backtracks) supports neither the `i` flag, Sourcegraph's default,
 * nor backreferences or lookaround.
 *
 * So matching runs inside `vm.Script#runInContext` with a `timeout`: V8 then
 * interrupts even a regexp in mid-backtrack. Each guarded call starts a
 * watchdog thread (~85 µs, against ~1 µs for the call itself), so callers
 * guard batches (many blobs, all paths of a tree, thousands of commit
 * messages), never one small string at a time.
 */
import { createContext, Script } from 'node:vm';
import { EngineError } from './errors.ts';

/** How long one guarded batch may run. Ordinary patterns get through a batch (at most a few MiB) in milliseconds. */
export const DEFAULT_REGEXP_BUDGET_MS = 2000;

/** The global object RUN sees: `work` holds the current call's work. */
const guardContext = createContext({ work: null }) as { work: (() => unknown) | null };
const RUN = new Script('work()', { filename: 'regexp-budget.js' });

/** Not `instanceof Error`: Node creates this error in the guard context's realm. */
function isTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

/**
 * The time limit of one request. Once a batch has run over it, every later
 * call throws the same error at once: the request has failed, and its other
 * repositories and dates must not each block the server for another full
 * budget.
 */
export class RegexpBudget {
  readonly ms: number;
  #exceeded: EngineError | null = null;

  constructor(ms: number = DEFAULT_REGEXP_BUDGET_MS) {
    // vm takes whole milliseconds below 2^32.
    if (!Number.isInteger(ms) || ms < 1 || ms > 0xffff_ffff) {
      throw new EngineError('INVALID_REQUEST', 'The regular expression time limit must be a whole, positive number of milliseconds.');
    }
    this.ms = ms;
  }

  /**
   * Returns work() when it finishes within the budget; otherwise stops it and
   * throws REGEXP_TIMEOUT naming `subject` (a sentence start such as "The
   * pattern (a+)+$"). Other errors from work() pass through unchanged.
   */
  run<T>(subject: string, work: () => T): T {
    if (this.#exceeded) throw this.#exceeded;
    guardContext.work = work;
    try {
      return RUN.runInContext(guardContext, { timeout: this.ms }) as T;
    } catch (error) {
      if (!isTimeout(error)) throw error;
      this.#exceeded = new EngineError(
        'REGEXP_TIMEOUT',
        `${subject} took too long to run (over ${formatDuration(this.ms)}) and was stopped. `
          + 'Simplify the regular expression: nested repetition such as (a+)+ or (x+x+)+ can take exponential time.',
        { cause: error },
      );
      throw this.#exceeded;
    } finally {
      guardContext.work = null;
    }
  }
}
