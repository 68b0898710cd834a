/**
 * code-insights-server: a local Sourcegraph-compatible insights endpoint.
 *
 *   code-insights-server [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--fixtures] [--demo]
 *
 * --fixtures  serve the fixture insights (known numbers; what tests and Storybook use)
 * --demo      also serve the demo page at / and the built elements at /dist/
 * --token     require `Authorization: token TOKEN` (default: $CODE_INSIGHTS_TOKEN, else none)
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { FixtureSource } from './fixtures/source.ts';
import { createInsightsServer } from './http.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string', default: process.env.CODE_INSIGHTS_TOKEN },
    fixtures: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: code-insights-server [--port 8080] [--host 127.0.0.1] [--token TOKEN] [--fixtures] [--demo]');
  process.exit(0);
}

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const server = createInsightsServer({
  source: new FixtureSource(),
  token: values.token || undefined,
  static: values.demo ? { '/': root('demo'), '/dist/': root('dist') } : undefined,
  csp: values.demo,
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${values.port} is in use: set PORT or --port to another.` : error.message);
  process.exit(1);
});
server.listen(Number(values.port), values.host, () => {
  const url = `http://${values.host}:${values.port}/`;
  console.log(values.demo ? `Demo: ${url}` : `GraphQL endpoint: ${url}.api/graphql`);
  console.log(`Insights from: fixtures${values.token ? ' (token required)' : ''}`);
});
