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
  upstreamErrors: string[] | null;
}

export async function requestLog(): Promise<LoggedRequest[]> {
  return (await fetch(`${ENDPOINT}/__log`)).json();
}

export async function resetEndpoint(): Promise<void> {
  await fetch(`${ENDPOINT}/__reset`, { method: 'POST' });
}

/** GraphQL requests only (the log also holds nothing else, but preflights are not logged either). */
export async function graphqlRequests(): Promise<LoggedRequest[]> {
  return (await requestLog()).filter((r) => r.url.endsWith('/.api/graphql') || r.url.includes('/.api/graphql?'));
}
