/**
 * Running git. Always `spawn` with an argument array (never a shell string),
 * so query text and paths are data. Failures become EngineError('GIT_FAILED').
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EngineError } from './errors.ts';
import { ProcessLimit } from './process-limit.ts';

/** Variables that would point git at another repository than the one we ask for. */
const REPOSITORY_OVERRIDES = [
  'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_COMMON_DIR',
];

let cachedEnvironment: NodeJS.ProcessEnv | null = null;

export function gitEnvironment(): NodeJS.ProcessEnv {
  if (cachedEnvironment) return cachedEnvironment;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of REPOSITORY_OVERRIDES) delete env[name];
  // Read-only work: take no optional locks, never prompt, stable (English) messages.
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  cachedEnvironment = env;
  return env;
}

/** Arguments put before every command so user configuration cannot change the output format. */
export function gitBaseArguments(repositoryPath: string): string[] {
  return ['-C', repositoryPath, '-c', 'color.ui=never', '-c', 'log.showSignature=false', '-c', 'core.quotePath=false'];
}

export interface GitRunOptions {
  signal?: AbortSignal;
  /** Exit codes to resolve with instead of failing (e.g. 1 for "not found" answers). */
  allowedExitCodes?: readonly number[];
  /** Called for each stdout chunk instead of collecting stdout (for long outputs). */
  onStdout?: (chunk: Buffer) => void;
}

export interface GitResult {
  exitCode: number;
  stdout: Buffer;
}

export function gitFailure(repositoryLabel: string, args: readonly string[], detail: string, cause?: unknown): EngineError {
  const command = args.find((arg) => !arg.startsWith('-')) ?? 'command';
  const reason = detail.trim().split('\n').filter(Boolean).slice(-1)[0] ?? 'unknown error';
  return new EngineError('GIT_FAILED', `Reading repository ${repositoryLabel} failed (git ${command}): ${reason}`, { cause });
}

/** What the system calls that start a process fail with, in words for the person reading the error. */
const SPAWN_ERRORS: Readonly<Record<string, string>> = {
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EAGAIN: 'too many processes',
  ENOMEM: 'not enough memory',
  ENOENT: 'git is not installed or not on the PATH',
  EACCES: 'permission denied',
};

/** "could not start git: too many open files", for an error from `spawn` or its 'error' event. */
export function spawnFailureDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return `could not start git: ${(code && SPAWN_ERRORS[code]) || (error instanceof Error ? error.message : String(error))}`;
}

/**
 * Short-lived git commands (rev-parse, log, ls-tree) running at once in this server. Past a dozen, more
 * processes only compete for the same disks and cores; they wait instead, and hold no file handles meanwhile.
 */
export const GIT_PROCESS_LIMIT = 12;
export const gitProcesses = new ProcessLimit(GIT_PROCESS_LIMIT);

/** Runs `git <args>` in a repository and resolves with its output. Waits for a slot under GIT_PROCESS_LIMIT first. */
export async function runGit(repositoryPath: string, repositoryLabel: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
  const release = await gitProcesses.acquire(options.signal);
  return runGitProcess(repositoryPath, repositoryLabel, args, options, release);
}

function runGitProcess(repositoryPath: string, repositoryLabel: string, args: readonly string[], options: GitRunOptions, release: () => void): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      release();
      reject(signal.reason);
      return;
    }
    let child: ChildProcess;
    try {
      child = spawn('git', [...gitBaseArguments(repositoryPath), ...args], {
        env: gitEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
        signal,
      });
    } catch (error) {
      release();
      reject(gitFailure(repositoryLabel, args, spawnFailureDetail(error), error));
      return;
    }
    const chunks: Buffer[] = [];
    let stderr = '';
    let settled = false;
    // Listen for 'error' before anything else can throw: unheard, it ends the whole server.
    child.on('error', (error) => {
      // Without a pid the process never started, and no 'close' may follow to release the slot.
      if (child.pid === undefined) release();
      if (settled) return;
      settled = true;
      if (signal?.aborted) reject(signal.reason);
      else if (child.pid === undefined) reject(gitFailure(repositoryLabel, args, spawnFailureDetail(error), error));
      else reject(gitFailure(repositoryLabel, args, `could not run git (${error.message})`, error));
    });
    child.on('close', (code) => {
      release();
      if (settled) return;
      settled = true;
      const exitCode = code ?? -1;
      if (signal?.aborted) reject(signal.reason);
      else if (exitCode === 0 || options.allowedExitCodes?.includes(exitCode)) resolve({ exitCode, stdout: Buffer.concat(chunks) });
      else reject(gitFailure(repositoryLabel, args, stderr || `exit code ${exitCode}`));
    });
    // Out of file handles, Node hands back a child without pipes; the 'error' above reports it.
    if (!child.stdout || !child.stderr) return;
    child.stdout.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (options.onStdout) {
        try {
          options.onStdout(chunk);
        } catch (error) {
          settled = true;
          child.kill();
          reject(error);
        }
      } else {
        chunks.push(chunk);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
  });
}

/**
 * Splits a byte stream into records ending with `separator`, without holding
 * more than one record in memory. Call `end()` for a final unterminated record.
 */
export function recordSplitter(separator: number, onRecord: (record: Buffer) => void): { push(chunk: Buffer): void; end(): void } {
  let rest: Buffer | null = null;
  return {
    push(chunk) {
      const data = rest ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = data.indexOf(separator, start); end !== -1; end = data.indexOf(separator, start)) {
        onRecord(data.subarray(start, end));
        start = end + 1;
      }
      // Copy the unfinished tail so the (possibly large) chunk can be freed.
      rest = start < data.length ? Buffer.from(data.subarray(start)) : null;
    },
    end() {
      if (rest && rest.length > 0) onRecord(rest);
      rest = null;
    },
  };
}
