import { InsightsClient, normalizeInstance, type ClientOptions } from './api/client.js';
import { addTranslations, forgetMessages, type Translation } from './model/locale-messages.js';
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
  /**
   * Words of your own for any sentence the elements show (see `defaultMessages`): they replace the default
   * (English) words, and so apply wherever no translation for the element's language is configured.
   */
  messages?: Partial<Messages>;
  /**
   * Words per language, by BCP 47 tag: `{ de: german, 'pt-BR': brazilian }`. An element speaks the translation of
   * its locale (its `locale` attribute, else `locale` below, else the nearest `lang`), trying the exact tag, then
   * shorter ones (`de-CH` → `de`), then the default words. German, French, Spanish and Japanese ship as
   * `code-insights-elements/locales/{de,fr,es,ja}.js` (beside the single file: `./locales/de.js`). Later calls add
   * languages; a tag given again is replaced.
   */
  translations?: Readonly<Record<string, Translation>>;
  /**
   * Locale of every element without a `locale` of its own (nor a dashboard's around it), before the page's `lang`:
   * words, dates and numbers.
   */
  locale?: string;
  /** Theme of every element without a `theme` attribute of its own (default `auto`: the reader's colour scheme). */
  theme?: 'auto' | 'light' | 'dark';
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
/** Bumped by every configure() that changes how insights are asked for, so elements know to load again. */
let version = 0;
const listeners = new Set<() => void>();
/** Clients by instance, then by credentials: one per instance and token, shared by every element. */
let clients = new Map<string, Map<unknown, InsightsClient>>();

/**
 * Sets page-wide defaults; later calls merge into earlier ones. Elements already on the page render again with
 * them (and load again where the connection changed).
 *
 * ```js
 * import de from 'code-insights-elements/locales/de.js';
 * configure({ instance: 'https://sourcegraph.example.com', translations: { de }, locale: 'de', theme: 'dark' });
 * ```
 */
export function configure(next: CodeInsightsOptions): void {
  options = { ...options, ...next };
  current = undefined;
  // The default words are this one object, rewritten in place, so `defaultMessages` always shows what is said.
  if (next.messages) Object.assign(defaultMessages, next.messages);
  if (next.translations) addTranslations(next.translations);
  else if (next.messages) forgetMessages();
  // Words, language and theme change what is drawn, not what is asked: only the other options make new clients
  // and load again (a page's language switch must not refetch every card).
  if (Object.keys(next).some((key) => !DRAWING_ONLY.has(key))) {
    clients = new Map();
    version++;
  }
  listeners.forEach((listener) => listener());
}

const DRAWING_ONLY = new Set<string>(['messages', 'translations', 'locale', 'theme'] satisfies (keyof CodeInsightsOptions)[]);

/** Calls `listener` after every configure(); returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function configurationVersion(): number {
  return version;
}

/** Read on every render of every element (locale, theme, instance): made once per configure(). */
let current: Readonly<CodeInsightsOptions & typeof defaults> | undefined;

export function configuration(): Readonly<CodeInsightsOptions & typeof defaults> {
  return (current ??= { ...defaults, ...stripUndefined(options) });
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
