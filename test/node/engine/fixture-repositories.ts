/**
 * The known histories the engine tests count against. Expected numbers in the
 * tests are worked out by hand from these contents (see the comments).
 *
 * github.com/acme/api (Alice and Bob):
 *   C1 2023-01-10 Alice "Initial commit"      src/server.ts (TODO + todo), README.md (TODO), deps.txt (lib@1 ×2, lib@2)
 *   C2 2023-02-10 Bob   "Add util and config (fixes #1)"   src/util.ts (TODO ×2), config.json ("todo")
 *   C3 2023-03-10 Alice "Fix logging TODO"    server.ts loses its TODO line; logo.png (binary, contains TODO); deps.txt (lib@1, lib@2 ×2, lib@3)
 *   C4 2023-04-10 Bob   "Remove util, add build script"   util.ts deleted; scripts/build.sh (TODO, no final newline)
 *   C5 2023-05-10 Alice "fix: bump lib"       deps.txt (lib@2, lib@3 ×3); data/big.txt (> 1 MiB of "needle"); data/small.txt ("needle")
 * github.com/acme/web:
 *   W1 2023-01-20 index.ts (TODO), style.css (TODO)
 *   W2 2023-03-20 index.ts (TODO ×2)
 * github.com/acme/empty: no commits.
 */
import { join } from 'node:path';
import { createRepository, git } from './git-fixture.ts';

export const SERVER_TS_V1 = '// TODO: add logging\nexport const port = 8080;\n// todo: validate port\n';
export const SERVER_TS_V2 = 'export const port = 8080;\n// todo: validate port\n';
export const README_MD = '# API\n\nTODO write docs\n';
export const CONFIG_JSON = '{ "todo": true }\n';
export const BUILD_SH = '#!/bin/sh\n# TODO: speed up\necho build';
export const DEPS_V3 = 'lib@2\nlib@3\nlib@3\nlib@3\n';
export const SMALL_TXT = 'needle\n';
/** 200,000 lines, 1.4 MB: over the 1 MiB search limit. */
export const BIG_TXT = 'needle\n'.repeat(200_000);
/** A PNG-like header: NUL bytes make it binary although it contains "TODO". */
export const LOGO_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), Buffer.from('TODO TODO PNG')]);

export const API = 'github.com/acme/api';
export const WEB = 'github.com/acme/web';
export const EMPTY = 'github.com/acme/empty';

/** Sample dates: before any commit, then the 15th of January to May 2023 (each after one api commit). */
export const DATES = ['2022-12-01', '2023-01-15', '2023-02-15', '2023-03-15', '2023-04-15', '2023-05-15'].map((day) => new Date(`${day}T00:00:00Z`));

export interface FixturePaths {
  api: string;
  web: string;
  empty: string;
}

export function createFixtureRepositories(root: string): FixturePaths {
  const api = createRepository(join(root, 'api'), [
    {
      date: '2023-01-10T12:00:00Z', author: 'Alice', message: 'Initial commit',
      files: { 'src/server.ts': SERVER_TS_V1, 'README.md': README_MD, 'deps.txt': 'lib@1\nlib@1\nlib@2\n' },
    },
    {
      date: '2023-02-10T12:00:00Z', author: 'Bob', message: 'Add util and config (fixes #1)',
      files: {
        'src/util.ts': '// TODO one\n// TODO two\nexport function add(a: number, b: number) {\n  return a + b;\n}\n',
        'config.json': CONFIG_JSON,
      },
    },
    {
      date: '2023-03-10T12:00:00Z', author: 'Alice', message: 'Fix logging TODO',
      files: { 'src/server.ts': SERVER_TS_V2, 'logo.png': LOGO_PNG, 'deps.txt': 'lib@1\nlib@2\nlib@2\nlib@3\n' },
    },
    {
      date: '2023-04-10T12:00:00Z', author: 'Bob', message: 'Remove util, add build script',
      files: { 'src/util.ts': null, 'scripts/build.sh': BUILD_SH },
    },
    {
      date: '2023-05-10T12:00:00Z', author: 'Alice', message: 'fix: bump lib',
      files: { 'deps.txt': DEPS_V3, 'data/big.txt': BIG_TXT, 'data/small.txt': SMALL_TXT },
    },
  ]);
  const web = createRepository(join(root, 'web'), [
    { date: '2023-01-20T12:00:00Z', author: 'Carol', message: 'Start web', files: { 'index.ts': '// TODO web\n', 'style.css': '/* TODO css */\n' } },
    { date: '2023-03-20T12:00:00Z', author: 'Carol', message: 'More web', files: { 'index.ts': '// TODO web\n// TODO again\n' } },
  ]);
  const empty = join(root, 'empty');
  createRepository(empty, []);
  return { api, web, empty };
}

/** A bare clone (what a server would typically mirror) and a shallow clone with the last two api commits. */
export function createClones(root: string, api: string): { bare: string; shallow: string } {
  const bare = join(root, 'api-bare.git');
  const shallow = join(root, 'api-shallow');
  git(root, ['clone', '-q', '--bare', api, bare]);
  git(root, ['clone', '-q', '--depth', '2', `file://${api}`, shallow]);
  return { bare, shallow };
}
