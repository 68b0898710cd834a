/**
 * A repository that makes backtracking regexps explode, for the time-limit
 * tests. The runs are long enough that an unguarded search takes tens of
 * seconds (each extra character doubles it), so without the limit the tests
 * fail on their time bounds instead of passing slowly.
 *
 * github.com/acme/aaa…a-mirror (30 a's, so repo:(a+)+$ explodes on the name):
 *   S1 2023-01-10 "Initial commit"   README.md (TODO), src/app.ts (TODO ×2)
 *   S2 2023-02-10 "aaa…a!" (30 a's)  data/runs.txt (30 a's then "!", 32 x's), src/aaa…a.js (30 a's; TODO)
 */
import { join } from 'node:path';
import { createRepository } from './git-fixture.ts';

/** `(a+)+$` (case-insensitive by default) fails on each of these only after ~2^30 steps. */
export const A_RUN = `${'a'.repeat(30)}!`;
/** `(x+x+)+y` fails on this only after ~2^32 steps. */
export const X_RUN = 'x'.repeat(32);

export const SLOW = `github.com/acme/${'a'.repeat(30)}-mirror`;
export const SLOW_DATES = ['2023-01-15', '2023-02-15', '2023-03-15'].map((day) => new Date(`${day}T00:00:00Z`));
/** TODO matches at SLOW_DATES. */
export const SLOW_TODOS = [3, 4, 4];

export function createSlowRegexpRepository(root: string): string {
  return createRepository(join(root, 'slow'), [
    {
      date: '2023-01-10T12:00:00Z', message: 'Initial commit',
      files: { 'README.md': '# App\n\nTODO write docs\n', 'src/app.ts': '// TODO one\n// TODO two\nexport const a = 1;\n' },
    },
    {
      date: '2023-02-10T12:00:00Z', message: `${A_RUN}\n`,
      files: { 'data/runs.txt': `${A_RUN}\n${X_RUN}\n`, [`src/${'a'.repeat(30)}.js`]: '// TODO three\n' },
    },
  ]);
}
