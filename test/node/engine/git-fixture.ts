/**
 * Builds throwaway git repositories with a known history for engine tests.
 * Needs no global git configuration: identity, dates and config are passed per command.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface FixtureCommit {
  /** ISO date used as both author and committer date. */
  date: string;
  message: string;
  author?: string;
  /** Path → new content; null deletes the file. */
  files: Record<string, string | Buffer | null>;
}

const isolatedEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
};

export function git(cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): string {
  return execFileSync('git', args, { cwd, env: { ...isolatedEnvironment(), ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `code-insights-${prefix}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** A work-tree repository at `path` with the given commits (main branch). */
export function createRepository(path: string, commits: FixtureCommit[]): string {
  mkdirSync(path, { recursive: true });
  git(path, ['init', '-q', '-b', 'main']);
  for (const commit of commits) {
    for (const [file, content] of Object.entries(commit.files)) {
      const target = join(path, file);
      if (content === null) {
        rmSync(target);
      } else {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
    const author = commit.author ?? 'Alice';
    git(path, ['add', '-A']);
    git(path, ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', commit.message], {
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: `${author.toLowerCase()}@example.com`,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: `${author.toLowerCase()}@example.com`,
      GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_DATE: commit.date,
    });
  }
  return path;
}
