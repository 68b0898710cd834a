import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server package's folder (the one holding its package.json): server/ in a checkout, whether run from its sources or from dist/cli.js. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('code-insights-server cannot find its package folder.');
    dir = parent;
  }
  return dir;
}
