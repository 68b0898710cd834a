/**
 * One long-lived `git cat-file --batch` process per repository. Starting a
 * process per blob costs milliseconds; asking a running one costs microseconds.
 * Requests are pipelined: answers come back in request order.
 *
 * The process does not keep Node alive while idle (it is unref'd between
 * requests) and exits after IDLE_EXIT_MS without requests, so an engine that
 * is dropped without close() leaks nothing for long.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { gitBaseArguments, gitEnvironment, gitFailure } from './git.ts';

const IDLE_EXIT_MS = 30_000;
const NEWLINE = 0x0a;

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
  private readonly repositoryPath: string;
  private readonly repositoryLabel: string;
  private child: ChildProcessWithoutNullStreams | null = null;
  private pending: PendingRead[] = [];
  private state: ParseState = { kind: 'header', header: [] };
  private stderr = '';
  private idleTimer: NodeJS.Timeout | null = null;
  /** Set while waiting for git to exit after close(): the process then stays referenced. */
  private closing = false;

  constructor(repositoryPath: string, repositoryLabel: string) {
    this.repositoryPath = repositoryPath;
    this.repositoryLabel = repositoryLabel;
  }

  /** The object's content, or null when the repository does not have it (e.g. beyond a partial clone). */
  read(objectName: string): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      if (this.closing) {
        reject(gitFailure(this.repositoryLabel, ['cat-file'], 'the engine is closing'));
        return;
      }
      const child = this.child ?? this.start();
      this.pending.push({ objectName, resolve, reject });
      this.setActive(true);
      child.stdin.write(`${objectName}\n`);
    });
  }

  /** Ends the process; later reads start a new one. */
  close(): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('close', () => resolve());
      // Keep Node alive until git has exited, so callers awaiting close() are not cut off.
      this.setActive(true);
      this.closing = true;
      child.stdin.end();
    });
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', [...gitBaseArguments(this.repositoryPath), 'cat-file', '--batch'], {
      env: gitEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.state = { kind: 'header', header: [] };
    this.stderr = '';
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 8192) this.stderr += chunk.toString('utf8');
    });
    // A write to a process that just died fails with EPIPE; the 'close' handler reports it.
    child.stdin.on('error', () => {});
    child.on('error', (error) => this.fail(child, `could not run git (${error.message})`, error));
    child.on('close', (code) => this.fail(child, this.stderr || `git cat-file exited with code ${code}`));
    return child;
  }

  private onData(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const state = this.state;
      if (state.kind === 'header') {
        const newline = chunk.indexOf(NEWLINE, offset);
        if (newline === -1) {
          state.header.push(chunk.subarray(offset));
          return;
        }
        state.header.push(chunk.subarray(offset, newline));
        offset = newline + 1;
        this.onHeader(Buffer.concat(state.header).toString('utf8'));
      } else if (state.kind === 'body') {
        const take = Math.min(state.content.length - state.filled, chunk.length - offset);
        chunk.copy(state.content, state.filled, offset, offset + take);
        state.filled += take;
        offset += take;
        if (state.filled === state.content.length) this.state = { kind: 'trailer', content: state.content };
      } else {
        // Each object's content is followed by one newline.
        offset += 1;
        this.state = { kind: 'header', header: [] };
        this.settleNext((request) => request.resolve(state.content));
      }
    }
  }

  private onHeader(header: string): void {
    // "<name> <type> <size>", or "<name> missing" / "<name> ambiguous".
    const fields = header.split(' ');
    if (fields.length !== 3) {
      this.state = { kind: 'header', header: [] };
      this.settleNext((request) => request.resolve(null));
      return;
    }
    const size = Number(fields[2]);
    const content = Buffer.allocUnsafe(size);
    this.state = size === 0 ? { kind: 'trailer', content } : { kind: 'body', content, filled: 0 };
  }

  private settleNext(settle: (request: PendingRead) => void): void {
    const request = this.pending.shift();
    if (request) settle(request);
    if (this.pending.length === 0) this.setActive(false);
  }

  private fail(child: ChildProcessWithoutNullStreams, detail: string, cause?: unknown): void {
    if (this.child !== child) return;
    this.child = null;
    this.closing = false;
    this.clearIdleTimer();
    const pending = this.pending;
    this.pending = [];
    for (const request of pending) {
      request.reject(gitFailure(this.repositoryLabel, ['cat-file'], `${detail} (reading ${request.objectName})`, cause));
    }
  }

  /** Keeps Node alive only while answers are awaited; schedules an idle exit otherwise. */
  private setActive(active: boolean): void {
    const child = this.child;
    if (!child || (this.closing && !active)) return;
    const streams = [child.stdin, child.stdout, child.stderr] as unknown as Socket[];
    if (active) {
      this.clearIdleTimer();
      child.ref();
      for (const stream of streams) stream.ref?.();
    } else {
      child.unref();
      for (const stream of streams) stream.unref?.();
      this.clearIdleTimer();
      this.idleTimer = setTimeout(() => void this.close(), IDLE_EXIT_MS);
      this.idleTimer.unref();
    }
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
