/**
 * A small pool of worker threads for regexp jobs (regexp-job.ts) that may run
 * for a long time. A job that runs over its time limit is stopped by
 * terminating its worker, which V8 does even in mid-backtrack; a fresh worker
 * takes its place. Jobs wait in a bounded queue: past it, they fail at once.
 *
 * Workers are created from source text (`eval: true`), not from a file, so
 * the same code works under tsx and in the esbuild bundle of the server.
 */
import { Worker } from 'node:worker_threads';
import { REGEXP_JOB_SOURCE, type RegexpJob, type RegexpJobResult } from './regexp-job.ts';

// The job code first: it starts with its 'use strict' directive. On Linux, where a nice value is per thread, the
// worker lowers its own priority: runaway patterns then take only CPU time that the main thread and git leave over.
const WORKER_SOURCE = `${REGEXP_JOB_SOURCE}
const { parentPort } = require('node:worker_threads');
try {
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(threadId, 19);
} catch {
  // Elsewhere the worker keeps the process's priority.
}
parentPort.on('message', ({ id, job }) => {
  let reply;
  try {
    const started = performance.now();
    const result = runRegexpJob(job);
    reply = { id, result, ms: performance.now() - started };
  } catch (error) {
    reply = { id, error: String((error && error.message) || error) };
  }
  parentPort.postMessage(reply);
});
`;

/** A job ran over its time limit and its worker was terminated. */
export class RegexpJobTimeout extends Error {
  constructor(limitMs: number) {
    super(`The regexp job ran over ${limitMs} ms and its worker was terminated.`);
    this.name = 'RegexpJobTimeout';
  }
}

/** Every worker is busy and the queue is full. */
export class RegexpWorkersBusy extends Error {
  constructor() {
    super('Every regexp worker is busy and the queue is full.');
    this.name = 'RegexpWorkersBusy';
  }
}

/** A job's result, and how long it ran on the worker. */
export interface RegexpWorkerRun<J extends RegexpJob> {
  result: RegexpJobResult<J>;
  ms: number;
}

export interface RegexpWorkerPoolOptions {
  /** Workers at most. */
  size: number;
  /** Jobs waiting while every worker is busy, at most. */
  maxQueued: number;
}

interface PendingJob {
  readonly job: RegexpJob;
  readonly limitMs: number;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** Removes the abort listener. */
  release(): void;
}

interface Slot {
  readonly worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'stopped';
  running: { id: number; pending: PendingJob; timer: NodeJS.Timeout } | null;
}

export class RegexpWorkerPool {
  readonly size: number;
  readonly maxQueued: number;
  #slots: Slot[] = [];
  #queue: PendingJob[] = [];
  #nextId = 1;

  constructor(options: RegexpWorkerPoolOptions) {
    this.size = options.size;
    this.maxQueued = options.maxQueued;
  }

  /** Thread ids of the live workers (tests check that a stopped worker was replaced). */
  get threadIds(): number[] {
    return this.#slots.map((slot) => slot.worker.threadId);
  }

  /**
   * Runs `job` on a worker: `limitMs` counts from when a worker takes the job,
   * not the wait before. Resolves with the result and the time the job ran. Rejects with RegexpJobTimeout past the limit, with
   * RegexpWorkersBusy when the queue is full, and with the signal's reason
   * when it aborts (a running job's worker is then terminated too).
   */
  run<J extends RegexpJob>(job: J, limitMs: number, signal?: AbortSignal): Promise<RegexpWorkerRun<J>> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const busy = this.#slots.filter((slot) => slot.state === 'busy').length;
      if (busy + this.#queue.length >= this.size + this.maxQueued) {
        reject(new RegexpWorkersBusy());
        return;
      }
      const onAbort = (): void => this.#abort(pending);
      const pending: PendingJob = {
        job,
        limitMs,
        signal,
        resolve: resolve as (result: unknown) => void,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(pending);
      this.#dispatch();
    });
  }

  /** Terminates every worker and fails the waiting jobs. */
  async close(): Promise<void> {
    const error = new Error('The regexp worker pool was closed.');
    for (const pending of this.#queue.splice(0)) this.#settle(pending, error);
    await Promise.all(this.#slots.map((slot) => this.#stop(slot, error, false)));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const idle = this.#slots.find((slot) => slot.state === 'idle');
      if (idle) {
        this.#start(idle, this.#queue.shift()!);
        continue;
      }
      const starting = this.#slots.filter((slot) => slot.state === 'starting');
      if (starting.length >= this.#queue.length || this.#slots.length >= this.size) {
        // Jobs wait for these: they keep the process alive meanwhile.
        for (const slot of starting) slot.worker.ref();
        return;
      }
      this.#spawn();
    }
  }

  #spawn(): void {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
    const slot: Slot = { worker, state: 'starting', running: null };
    worker.on('online', () => {
      if (slot.state !== 'starting') return;
      slot.state = 'idle';
      this.#dispatch();
      if (slot.state === 'idle') worker.unref();
    });
    worker.on('message', (reply: { id: number; result?: unknown; ms?: number; error?: string }) => {
      const running = slot.running;
      if (!running || running.id !== reply.id) return;
      clearTimeout(running.timer);
      slot.running = null;
      slot.state = 'idle';
      if (reply.error !== undefined) this.#settle(running.pending, new Error(reply.error));
      else this.#settle(running.pending, undefined, { result: reply.result, ms: reply.ms });
      this.#dispatch();
      if (slot.state === 'idle') worker.unref();
    });
    // An uncaught error (e.g. out of memory) ends the worker: 'exit' follows.
    worker.on('error', (error) => void this.#stop(slot, error, true));
    worker.on('exit', () => void this.#stop(slot, new Error('A regexp worker stopped unexpectedly.'), true));
    // Only a worker with a job (or starting for one, see #dispatch) keeps the process alive. After the listeners:
    // adding a 'message' listener refs the worker again.
    worker.unref();
    this.#slots.push(slot);
  }

  #start(slot: Slot, pending: PendingJob): void {
    const id = this.#nextId++;
    const timer = setTimeout(() => void this.#stop(slot, new RegexpJobTimeout(pending.limitMs), true), pending.limitMs);
    slot.state = 'busy';
    slot.running = { id, pending, timer };
    slot.worker.ref();
    slot.worker.postMessage({ id, job: pending.job });
  }

  /** Fails the slot's job with `error` (if any), terminates its worker and, when `replace`, starts another. */
  async #stop(slot: Slot, error: unknown, replace: boolean): Promise<void> {
    if (slot.state === 'stopped') return;
    if (slot.state === 'starting' && replace) {
      // A worker that cannot even start would fail the same way again: fail the waiting jobs rather than loop.
      for (const pending of this.#queue.splice(0)) this.#settle(pending, error);
      replace = false;
    }
    slot.state = 'stopped';
    this.#slots = this.#slots.filter((other) => other !== slot);
    if (slot.running) {
      clearTimeout(slot.running.timer);
      this.#settle(slot.running.pending, error);
      slot.running = null;
    }
    slot.worker.unref();
    const terminated = slot.worker.terminate();
    // Replaced at once, so the next job that needs a worker does not wait for one to start.
    if (replace && this.#slots.length < this.size) this.#spawn();
    this.#dispatch();
    await terminated;
  }

  #abort(pending: PendingJob): void {
    const queued = this.#queue.indexOf(pending);
    if (queued !== -1) {
      this.#queue.splice(queued, 1);
      this.#settle(pending, pending.signal!.reason);
      return;
    }
    const slot = this.#slots.find((candidate) => candidate.running?.pending === pending);
    if (slot) void this.#stop(slot, pending.signal!.reason, true);
  }

  #settle(pending: PendingJob, error: unknown, result?: unknown): void {
    pending.release();
    if (error !== undefined) pending.reject(error);
    else pending.resolve(result);
  }
}
