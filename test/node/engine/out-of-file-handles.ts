/**
 * Run as a child process under a low `ulimit -n` by git-processes.test.ts, because running out of file
 * handles used to end the whole process (an unheard 'error' event from a child that could not start).
 * Prints one JSON line with what happened; the parent asserts on it and on the exit code.
 *
 *   out-of-file-handles.ts exhausted REPOSITORY  every handle taken: git cannot start at all, then handles come back
 *   out-of-file-handles.ts storm REPOSITORY      200 concurrent engine calls on one repository
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { CatFileReader } from '../../../server/engine/cat-file.ts';
import { createEngine, EngineError } from '../../../server/engine/index.ts';
import { API } from './fixture-repositories.ts';

const [mode, path] = process.argv.slice(2);
const engine = createEngine({ repositories: [{ name: API, path }] });

/** "ok", or the error as the parent checks it: code and message. */
async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    return error instanceof EngineError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`;
  }
}

/** Takes every free file handle; returns them for closing. */
function exhaustFileHandles(): number[] {
  const taken: number[] = [];
  for (;;) {
    try {
      taken.push(openSync('/dev/null', 'r'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EMFILE') return taken;
      throw error;
    }
  }
}

async function exhausted(): Promise<object> {
  // A blob id from the repository, read while handles are still free.
  const blob = execFileSync('git', ['-C', path, 'rev-parse', 'HEAD:deps.txt'], { encoding: 'utf8' }).trim();
  const reader = new CatFileReader(path, API);
  const taken = exhaustFileHandles();
  // More failures, one after another, than the process limit has slots: a slot lost per failure would hang the recovery.
  const failures: string[] = [];
  for (let i = 0; i < 20; i++) failures.push(await outcome(() => engine.historySpan([])));
  const blobFailure = await outcome(() => reader.read(blob));
  for (const fd of taken) closeSync(fd);
  const recovered = [await outcome(() => engine.historySpan([])), await outcome(async () => {
    if ((await reader.read(blob))?.toString('utf8') !== 'lib@2\nlib@3\nlib@3\nlib@3\n') throw new Error('wrong blob content');
  })];
  await reader.close();
  return { handlesTaken: taken.length, failures: [...new Set(failures)], failureCount: failures.length, blobFailure, recovered };
}

async function storm(): Promise<object> {
  const dates = ['2023-01-15', '2023-03-15', '2023-05-15'].map((day) => new Date(`${day}T00:00:00Z`));
  const calls: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < 200; i++) {
    if (i % 4 === 0) calls.push(() => engine.historySpan([API]));
    else if (i % 4 === 1) calls.push(() => engine.languageStats({ repository: API }));
    // Distinct queries: each its own computation, so nothing is shared but the repository.
    else calls.push(() => engine.searchSeries({ query: `TODO${'x'.repeat(i % 50)}|${i}`, repositories: [API], dates }));
  }
  const outcomes = await Promise.all(calls.map((call) => outcome(call)));
  const counts: Record<string, number> = {};
  for (const result of outcomes) counts[result] = (counts[result] ?? 0) + 1;
  return { calls: calls.length, counts };
}

const result = mode === 'exhausted' ? await exhausted() : await storm();
await engine.close();
console.log(JSON.stringify(result));
