import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { RASTER_WORKER_SOURCE } from './raster-worker.ts';

export interface RasterizerOptions {
  /** Threads drawing at once. A render keeps a core busy, so more threads than cores only make each one slower. */
  workers: number;
  /** Renders that may wait for a thread; the next one is refused (RasterizerBusyError) rather than queued for ever. */
  queue: number;
  /** Milliseconds one render may take before its thread is stopped and replaced (RasterizerTimeoutError). */
  timeout: number;
  /** Output pixels one render may have, checked again in the thread from resvg's own reading of the file. */
  maxPixels: number;
}

/** Thrown when the rasterizer is not installed: answered with HTTP 501 and this message. */
export class RasterizerMissingError extends Error {
  override name = 'RasterizerMissingError';
}

/** Every thread is drawing and the queue is full: answered with HTTP 503 and `Retry-After`. */
export class RasterizerBusyError extends Error {
  override name = 'RasterizerBusyError';
  readonly retryAfter = 5;
}

/** One render took longer than the time limit and was stopped: answered with HTTP 503. */
export class RasterizerTimeoutError extends Error {
  override name = 'RasterizerTimeoutError';
}

interface Job {
  svg: string;
  scale: number;
  resolve(png: Buffer): void;
  reject(error: unknown): void;
  /** While the job waits: takes it out of the queue when its reader leaves. */
  dropOnAbort?: () => void;
  signal?: AbortSignal;
}

interface Thread {
  worker: Worker;
  /** Set when resvg is loaded: a job's time limit runs from then. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

type Answer = { ready: true } | { png: Uint8Array } | { error: string } | { missing: string };

/**
 * PNGs from SVG files, drawn by resvg (a Rust renderer shipped as an npm package with prebuilt binaries) on a
 * few worker threads, so that the server goes on answering while a large image is drawn: one 8K render takes
 * over a second of CPU. Threads start on the first PNG; idle ones do not keep the process alive.
 *
 * The package is an optional peer dependency, resolved on first use: the server starts and serves SVG without
 * it, and a PNG request explains what to install.
 */
export class Rasterizer {
  readonly #options: RasterizerOptions;
  readonly #threads = new Set<Thread>();
  readonly #queue: Job[] = [];

  constructor(options: Partial<RasterizerOptions> & Pick<RasterizerOptions, 'maxPixels'>) {
    this.#options = { workers: Math.min(2, availableParallelism()), queue: 8, timeout: 10_000, ...options };
  }

  /** The PNG of `svg` at `scale` times its size. A job still waiting when `signal` aborts is dropped. */
  render(svg: string, scale: number, signal?: AbortSignal): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const job: Job = { svg, scale, resolve, reject, signal };
      const thread = this.#freeThread();
      if (thread) return this.#run(thread, job);
      if (this.#queue.length >= this.#options.queue) {
        throw new RasterizerBusyError(
          `The server is busy drawing PNG images (${this.#threads.size} at a time, ${this.#queue.length} waiting): try again in a few seconds, or use the .svg.`,
        );
      }
      this.#queue.push(job);
      if (signal) {
        job.dropOnAbort = () => {
          const waiting = this.#queue.indexOf(job);
          if (waiting >= 0) this.#queue.splice(waiting, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', job.dropOnAbort, { once: true });
      }
    });
  }

  /** Stops every thread and refuses what waits (a server that closes, tests). */
  async close(): Promise<void> {
    for (const job of this.#queue.splice(0)) job.reject(new Error('The rasterizer was closed.'));
    await Promise.all([...this.#threads].map((thread) => this.#discard(thread, new Error('The rasterizer was closed.'))));
  }

  /** An idle thread, or a new one while there are fewer than `workers`; throws RasterizerMissingError. */
  #freeThread(): Thread | undefined {
    for (const thread of this.#threads) if (!thread.job) return thread;
    if (this.#threads.size >= this.#options.workers) return undefined;
    const worker = new Worker(RASTER_WORKER_SOURCE, {
      eval: true,
      workerData: { resvgPath: resolveResvg() },
      // The thread runs plain CommonJS: no need for the parent's loaders (tsx), which would only slow its start.
      execArgv: [],
    });
    const thread: Thread = { worker, ready: false };
    worker.on('message', (answer: Answer) => this.#settle(thread, answer));
    worker.on('error', (error) => void this.#discard(thread, error));
    worker.on('exit', () => void this.#discard(thread, new Error('The rasterizer thread stopped.')));
    // Idle threads do not keep the process alive (after the listeners: adding a 'message' listener refs it again).
    worker.unref();
    this.#threads.add(thread);
    return thread;
  }

  #run(thread: Thread, job: Job): void {
    if (job.dropOnAbort) job.signal?.removeEventListener('abort', job.dropOnAbort);
    thread.job = job;
    thread.worker.ref();
    if (thread.ready) this.#startClock(thread);
    thread.worker.postMessage({ svg: job.svg, scale: job.scale, maxPixels: this.#options.maxPixels });
  }

  #startClock(thread: Thread): void {
    thread.timer = setTimeout(() => {
      const seconds = this.#options.timeout / 1000;
      void this.#discard(
        thread,
        new RasterizerTimeoutError(`Drawing this PNG took longer than ${seconds} seconds and was stopped: ask for a smaller width, height or scale, or use the .svg.`),
      );
    }, this.#options.timeout);
  }

  #settle(thread: Thread, answer: Answer): void {
    if ('ready' in answer) {
      thread.ready = true;
      if (thread.job) this.#startClock(thread);
      return;
    }
    const job = thread.job;
    clearTimeout(thread.timer);
    thread.job = undefined;
    thread.worker.unref();
    if (!job) return;
    if ('png' in answer) job.resolve(Buffer.from(answer.png.buffer, answer.png.byteOffset, answer.png.byteLength));
    else if ('missing' in answer) job.reject(missingError(answer.missing));
    else job.reject(new Error(`resvg could not draw the image: ${answer.error}`));
    // A thread that could not load resvg exits by itself (then #discard starts the next job on a new one).
    if (!('missing' in answer)) this.#next();
  }

  /**
   * Takes a thread out of the pool, failing its job with `error`, and starts a waiting job on a fresh one. A
   * terminated thread stops when its current native call returns (resvg does not check for termination), but
   * the job's reader is answered now and a new thread takes its place.
   */
  async #discard(thread: Thread, error: unknown): Promise<void> {
    if (!this.#threads.delete(thread)) return;
    clearTimeout(thread.timer);
    const job = thread.job;
    thread.job = undefined;
    job?.reject(error);
    const stopped = thread.worker.terminate();
    this.#next();
    await stopped;
  }

  /** Starts waiting jobs while there are threads for them. */
  #next(): void {
    while (this.#queue.length) {
      let thread: Thread | undefined;
      try {
        thread = this.#freeThread();
      } catch (error) {
        for (const job of this.#queue.splice(0)) job.reject(error);
        return;
      }
      if (!thread) return;
      this.#run(thread, this.#queue.shift()!);
    }
  }
}

/** Where `@resvg/resvg-js` is, for the thread to require; resolved again on every new thread, so installing it later works without a restart. */
function resolveResvg(): string {
  try {
    return createRequire(import.meta.url).resolve('@resvg/resvg-js');
  } catch (error) {
    throw missingError(error instanceof Error ? error.message : String(error));
  }
}

function missingError(detail: string): RasterizerMissingError {
  return new RasterizerMissingError(
    `PNG images need the optional package @resvg/resvg-js (npm install @resvg/resvg-js); SVG images work without it. (${detail.split('\n')[0]})`,
  );
}
