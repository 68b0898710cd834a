/**
 * The servers under test, as users run them: the built CLI (server/dist/cli.js) in a child process, optionally
 * under a file-handle limit (`ulimit -n`), with its memory (RSS, from /proc) sampled while the load runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildServer {
  name: string;
  base: string;
  /** False once the process has exited: a server that died fails the run. */
  alive(): boolean;
  exitReason(): string | undefined;
  /** Memory in MB: at start, the highest sampled, now. */
  memory(): { beforeMB: number; peakMB: number; nowMB: number };
  /** What the server printed to stderr (its log), the last lines. */
  log(): string;
  stop(): Promise<void>;
}

function rssMB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

export async function startServer(name: string, args: string[], options: { fileLimit?: number; env?: Record<string, string> } = {}): Promise<ChildServer> {
  const command = ['exec', JSON.stringify(process.execPath), 'server/dist/cli.js', ...args.map((a) => JSON.stringify(a)), '--port', '0'].join(' ');
  const child: ChildProcess = spawn('bash', ['-c', options.fileLimit ? `ulimit -n ${options.fileLimit} && ${command}` : command], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let exit: string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  child.on('exit', (code, signal) => (exit = `exited with ${signal ?? `code ${code}`}`));
  const base = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (url) resolve(url[1]);
    });
    child.on('exit', () => reject(new Error(`${name} did not start: ${exit}\n${stderr}`)));
  });
  const before = rssMB(child.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(child.pid!))), 50);
  return {
    name,
    base,
    alive: () => exit === undefined,
    exitReason: () => exit,
    memory: () => {
      const now = exit === undefined ? rssMB(child.pid!) : 0;
      peak = Math.max(peak, now);
      return { beforeMB: before, peakMB: peak, nowMB: now };
    },
    log: () => stderr.split('\n').slice(-12).join('\n'),
    stop: async () => {
      clearInterval(sampler);
      if (exit !== undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
