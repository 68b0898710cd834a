/** The fixture endpoint started by web-test-runner.config.mjs (test/support/endpoint.ts). */
export const ENDPOINT = 'http://127.0.0.1:8788';
export const SECURE_TOKEN = 'sgp_fixture_0123456789abcdef';

/** The instance URL of a scenario: `open`, `secure`, `status/401`, `body/not-json`, `flaky/2`, `hang`, … */
export const instance = (scenario = 'open') => `${ENDPOINT}/${scenario}`;

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  operationName?: string;
  variables?: Record<string, unknown>;
  query?: string;
  upstreamErrors: string[] | null;
}

export async function requestLog(): Promise<LoggedRequest[]> {
  return (await fetch(`${ENDPOINT}/__log`)).json();
}

export async function resetEndpoint(): Promise<void> {
  await fetch(`${ENDPOINT}/__reset`, { method: 'POST' });
}

/**
 * GraphQL requests since the last reset, optionally only those for one insight id: a request a previous
 * test aborted may still reach the log after the reset.
 */
export async function graphqlRequests(insightId?: string): Promise<LoggedRequest[]> {
  return (await requestLog()).filter(
    (r) =>
      r.url.includes('/.api/graphql') &&
      (insightId === undefined || Object.entries(r.variables ?? {}).some(([name, value]) => /^id\d*$/.test(name) && value === insightId)),
  );
}
