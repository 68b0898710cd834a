/**
 * One long-lived `git cat-file --batch` process per repository. Starting a
 * process per blob costs milliseconds; asking a running one costs microseconds.
 * Requests are pipelined: answers come back in request order.
 *
 * The process does not keep Node alive while idle (it is unref'd between
 * requests) and exits after IDLE_EXIT_MS without requests, so an engine that
 * is dropped without close() leaks nothing for long.
 *
 * At most CAT_FILE_PROCESS_LIMIT of these run at once in the server (they are
 * not counted in runGit's limit: they live long, and short commands must not
 * wait 30 s for one to go idle). A reader that needs a process beyond the limit
 * waits; an idle process gives its slot up as soon as someone waits for one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { gitBaseArguments, gitEnvironment, gitFailure, spawnFailureDetail } from './git.ts';
import { ProcessLimit } from './process-limit.ts';

const IDLE_EXIT_MS = 30_000;
const NEWLINE = 0x0a;

/** One per repository being read; more repositories than this take turns (an idle one makes way at once). */
export const CAT_FILE_PROCESS_LIMIT = 8;
export const catFileProcesses = new ProcessLimit(CAT_FILE_PROCESS_LIMIT);

interface PendingRead {
  readonly objectName: string;
  resolve(content: Buffer | null): void;
  reject(error: unknown): void;
}

type ParseState =
  | { readonly kind: 'header'; header: Buffer[] }
  | { readonly kind: 'body'; readonly content: Buffer; filled: number }
  | { readonly kind: 'trailer'; readonly content: Buffer };

export class CatFileReader {
  readonly #repositoryPath: string;
  readonly #repositoryLabel: string;
  /** The process new reads go to; null before the first read, while waiting for a slot, and after it retired. */
  #current: CatFileProcess | null = null;
  /** Reads waiting for a process slot, in request order. */
  #queued: PendingRead[] = [];
  #starting = false;
  /** Processes that have not exited yet (the current one and retired ones finishing their reads). */
  readonly #running = new Set<CatFileProcess>();

  constructor(repositoryPath: string, repositoryLabel: string) {
    this.#repositoryPath = repositoryPath;
    this.#repositoryLabel = repositoryLabel;
  }

  /** The object's content, or null when the repository does not have it (e.g. beyond a partial clone). */
  read(objectName: string): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      const request = { objectName, resolve, reject };
      if (this.#current) {
        this.#current.send(request);
        return;
      }
      this.#queued.push(request);
      if (!this.#starting) void this.#start();
    });
  }

  /** Ends the process once it has answered what it was asked; later reads start a new one. */
  close(): Promise<void> {
    const current = this.#current;
    this.#current = null;
    // Keep Node alive until git has exited, so callers awaiting close() are not cut off.
    current?.retire(true);
    return Promise.all([...this.#running].map((process) => process.exited)).then(() => undefined);
  }

  async #start(): Promise<void> {
    this.#starting = true;
    const release = await catFileProcesses.acquire();
    this.#starting = false;
    const queued = this.#queued;
    this.#queued = [];
    if (queued.length === 0) {
      release();
      return;
    }
    let process: CatFileProcess;
    try {
      process = new CatFileProcess(this.#repositoryPath, this.#repositoryLabel, release, (gone) => {
        if (this.#current === gone) this.#current = null;
      });
    } catch (error) {
      release();
      for (const request of queued) request.reject(gitFailure(this.#repositoryLabel, ['cat-file'], spawnFailureDetail(error), error));
      return;
    }
    this.#current = process;
    this.#running.add(process);
    void process.exited.then(() => this.#running.delete(process));
    for (const request of queued) process.send(request);
  }
}

/** One running `git cat-file --batch`: the reads sent to it, in order, and the answer being parsed. */
class CatFileProcess {
  /** Resolves when the process has exited (or could not start). */
  readonly exited: Promise<void>;
  readonly #child: ChildProcess;
  readonly #repositoryLabel: string;
  /** Tells the reader to send no more reads here. */
  readonly #onRetired: (process: CatFileProcess) => void;
  #pending: PendingRead[] = [];
  #state: ParseState = { kind: 'header', header: [] };
  #stderr = '';
  #retired = false;
  #idleTimer: NodeJS.Timeout | null = null;
  #withdrawIdleOffer: (() => void) | null = null;

  constructor(repositoryPath: string, repositoryLabel: string, release: () => void, onRetired: (process: CatFileProcess) => void) {
    this.#repositoryLabel = repositoryLabel;
    this.#onRetired = onRetired;
    const child = spawn('git', [...gitBaseArguments(repositoryPath), 'cat-file', '--batch'], {
      env: gitEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child = child;
    this.exited = new Promise((resolve) => {
      // Listen for 'error' before anything else can throw: unheard, it ends the whole server.
      child.on('error', (error) => {
        if (child.pid !== undefined) {
          this.#fail(`could not run git (${error.message})`, error);
          return;
        }
        // Never started (no 'close' may follow): give the slot back now.
        release();
        this.#fail(spawnFailureDetail(error), error);
        resolve();
      });
      child.on('close', (code) => {
        release();
        this.#fail(this.#stderr || `git cat-file exited with code ${code}`);
        resolve();
      });
    });
    // Out of file handles, Node hands back a child without pipes; the 'error' above reports it.
    if (!child.stdin || !child.stdout || !child.stderr) return;
    child.stdout.on('data', (chunk: Buffer) => this.#onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.#stderr.length < 8192) this.#stderr += chunk.toString('utf8');
    });
    // A write to a process that just died fails with EPIPE; the 'close' handler reports it.
    child.stdin.on('error', () => {});
  }

  send(request: PendingRead): void {
    this.#pending.push(request);
    this.#setActive(true);
    // Without stdin (not started) the request waits for the 'error' that rejects it.
    this.#child.stdin?.write(`${request.objectName}\n`);
  }

  /** Sends no more reads here; git answers the ones sent, then exits at the end of its input. */
  retire(keepAlive = false): void {
    if (!this.#retired) {
      this.#retired = true;
      this.#clearIdle();
      this.#onRetired(this);
      this.#child.stdin?.end();
    }
    if (keepAlive) this.#setReferenced(true);
  }

  #onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const state = this.#state;
      if (state.kind === 'header') {
        const newline = chunk.indexOf(NEWLINE, offset);
        if (newline === -1) {
          state.header.push(chunk.subarray(offset));
          return;
        }
        state.header.push(chunk.subarray(offset, newline));
        offset = newline + 1;
        this.#onHeader(Buffer.concat(state.header).toString('utf8'));
      } else if (state.kind === 'body') {
        const take = Math.min(state.content.length - state.filled, chunk.length - offset);
        chunk.copy(state.content, state.filled, offset, offset + take);
        state.filled += take;
        offset += take;
        if (state.filled === state.content.length) this.#state = { kind: 'trailer', content: state.content };
      } else {
        // Each object's content is followed by one newline.
        offset += 1;
        this.#state = { kind: 'header', header: [] };
        this.#settleNext((request) => request.resolve(state.content));
      }
    }
  }

  #onHeader(header: string): void {
    // "<name> <type> <size>", or "<name> missing" / "<name> ambiguous".
    const fields = header.split(' ');
    if (fields.length !== 3) {
      this.#state = { kind: 'header', header: [] };
      this.#settleNext((request) => request.resolve(null));
      return;
    }
    const size = Number(fields[2]);
    const content = Buffer.allocUnsafe(size);
    this.#state = size === 0 ? { kind: 'trailer', content } : { kind: 'body', content, filled: 0 };
  }

  #settleNext(settle: (request: PendingRead) => void): void {
    const request = this.#pending.shift();
    if (request) settle(request);
    if (this.#pending.length === 0) this.#setActive(false);
  }

  #fail(detail: string, cause?: unknown): void {
    if (!this.#retired) {
      this.#retired = true;
      this.#onRetired(this);
    }
    this.#clearIdle();
    const pending = this.#pending;
    this.#pending = [];
    for (const request of pending) {
      request.reject(gitFailure(this.#repositoryLabel, ['cat-file'], `${detail} (reading ${request.objectName})`, cause));
    }
  }

  /** Keeps Node alive only while answers are awaited; when idle, offers the slot and schedules an exit. */
  #setActive(active: boolean): void {
    if (this.#retired) return;
    this.#clearIdle();
    this.#setReferenced(active);
    if (active) return;
    this.#idleTimer = setTimeout(() => this.retire(), IDLE_EXIT_MS);
    this.#idleTimer.unref();
    // Offered a turn later, not at once: a reader awaiting one blob at a time goes idle between its reads.
    setImmediate(() => {
      if (!this.#retired && this.#pending.length === 0 && !this.#withdrawIdleOffer) {
        this.#withdrawIdleOffer = catFileProcesses.offerIdle(() => this.retire());
      }
    });
  }

  #setReferenced(referenced: boolean): void {
    const child = this.#child;
    const streams = [child.stdin, child.stdout, child.stderr] as unknown as (Socket | null)[];
    if (referenced) child.ref();
    else child.unref();
    for (const stream of streams) {
      if (referenced) stream?.ref?.();
      else stream?.unref?.();
    }
  }

  #clearIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#withdrawIdleOffer?.();
    this.#withdrawIdleOffer = null;
  }
}
