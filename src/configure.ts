import { InsightsClient, normalizeInstance, type ClientOptions } from './api/client.js';
import { defaultMessages, type Messages } from './model/messages.js';

/** Page-wide defaults for every element (SPEC.md `configure()`). */
export interface CodeInsightsOptions {
  /** Sourcegraph base URL used when an element has no `instance` of its own. */
  instance?: string;
  /** Access token, sent only as `Authorization: token …` to the instance. Prefer `getToken` to keep it out of page scripts. */
  token?: string;
  /** Called before each request; may fetch a fresh token. */
  getToken?: () => string | Promise<string>;
  /** `include` sends the instance's session cookie (cookie mode; the page's origin must be in the instance's `corsOrigin`). */
  credentials?: 'omit' | 'include';
  /** Extra request headers. `Authorization` and `Content-Type` are the library's own. */
  headers?: Record<string, string>;
  /** A fetch implementation (tests, proxies, instrumentation). */
  fetch?: typeof fetch;
  /** Milliseconds before a request counts as hung (default 30 000). */
  timeout?: number;
  /** Automatic retries of failed queries (default 2). */
  retries?: number;
  /** First retry backoff in milliseconds (default 500). */
  retryDelay?: number;
  /** Insight views per batched request (default 6): instances refuse queries over their cost limit. */
  maxViewsPerRequest?: number;
  /** Batched requests in flight at once (default 4). */
  maxRequestsInFlight?: number;
  /** First wait before polling an insight that is still processing, in milliseconds (default 5 000). */
  pollInterval?: number;
  /** Longest wait between polls as the backoff grows (default 60 000). */
  maxPollInterval?: number;
  /** Words of your own for any sentence the elements show (see `defaultMessages`): rewording or translating. */
  messages?: Partial<Messages>;
}

type Defaulted = 'credentials' | 'timeout' | 'retries' | 'retryDelay' | 'pollInterval' | 'maxPollInterval';

const defaults: Required<Pick<CodeInsightsOptions, Defaulted>> = {
  credentials: 'omit',
  timeout: 30_000,
  retries: 2,
  retryDelay: 500,
  pollInterval: 5_000,
  maxPollInterval: 60_000,
};

let options: CodeInsightsOptions = {};
/** Bumped by every configure(), so elements that read the configuration know to load again. */
let version = 0;
const listeners = new Set<() => void>();
/** Clients by instance, then by credentials: one per instance and token, shared by every element. */
let clients = new Map<string, Map<unknown, InsightsClient>>();

/** Sets page-wide defaults. Later calls merge into earlier ones. */
export function configure(next: CodeInsightsOptions): void {
  options = { ...options, ...next };
  // Every module reads this one object, so elements say the new words on their next render.
  if (next.messages) Object.assign(defaultMessages, next.messages);
  clients = new Map();
  version++;
  listeners.forEach((listener) => listener());
}

/** Calls `listener` after every configure(); returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function configurationVersion(): number {
  return version;
}

export function configuration(): Readonly<CodeInsightsOptions & typeof defaults> {
  return { ...defaults, ...stripUndefined(options) };
}

/**
 * The shared client for an instance. `token` is an element's own token property, which wins over `configure()`.
 * Throws a `config` InsightsError for an instance URL that is not http(s).
 */
export function clientFor(instance: string, token?: string): InsightsClient {
  const config = configuration();
  const base = normalizeInstance(instance);
  const credential: unknown = token ?? config.getToken ?? config.token ?? config.credentials;
  let byCredential = clients.get(base);
  if (!byCredential) clients.set(base, (byCredential = new Map()));
  let client = byCredential.get(credential);
  if (!client) {
    const getToken = config.getToken;
    // The configuration as it is, but for the token (asked for per request) and the headers this library owns.
    const clientOptions: ClientOptions = {
      ...config,
      token: token !== undefined ? () => token : getToken ? () => getToken() : () => config.token,
      headers: withoutReservedHeaders(config.headers),
    };
    byCredential.set(credential, (client = new InsightsClient(base, clientOptions)));
  }
  return client;
}

function withoutReservedHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^(authorization|content-type|x-requested-with)$/i.test(name)),
  );
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
