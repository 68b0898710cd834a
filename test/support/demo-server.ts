/**
 * The built code-insights-server as `npm start` runs it (insights.config.json over this checkout's git history,
 * the demo pages, a cache of its own), on a random port, for the end-to-end tests. Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function startDemoServer(port: number): Promise<{ base: string; stop(): void }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'insights-cache-'));
  const server: ChildProcess = spawn(
    process.execPath,
    ['server/dist/cli.js', '--config', 'insights.config.json', '--demo', '--port', String(port), '--cache-dir', cacheDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Demo:') && resolve());
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      server.kill();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
