// @ts-check
// Browser tests in Debian's Chromium, against the fixture endpoint (real HTTP, the project's own resolvers).
import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((p) => p && existsSync(p));
if (!executablePath) {
  console.error(
    'No Chromium found. Install one (Debian: `apt-get install -y chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
  );
  process.exit(1);
}

/** @type {import('node:http').Server | undefined} */
let endpoint;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          // A pinned time zone: charts must label dates the same on every machine.
          '--lang=en-US',
          // window.gc() for the lifecycle test's retained-element count.
          '--js-flags=--expose-gc',
        ],
        env: { ...process.env, TZ: 'America/Los_Angeles' },
      },
    }),
  ],
  testFramework: { config: { timeout: 8000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'auto', tsconfig: './tsconfig.json' }),
    {
      name: 'fixture-endpoint',
      async serverStart() {
        const { startFixtureEndpoint } = await tsImport('./test/support/endpoint.ts', import.meta.url);
        endpoint = await startFixtureEndpoint();
      },
      async serverStop() {
        endpoint?.close();
      },
    },
  ],
};
