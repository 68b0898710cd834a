import { defaultMessages, type Messages } from '../model/messages.js';

/** What went wrong, as a person would tell it apart: each kind has its own advice. */
export type InsightsErrorKind =
  | 'config' // the element is missing something it needs (instance, insight id)
  | 'network' // fetch failed: offline, DNS, CORS, connection refused
  | 'timeout' // the instance did not answer in time
  | 'redirect' // the endpoint redirected (never followed: the token must not travel elsewhere)
  | 'http' // a non-2xx status
  | 'graphql' // the response carried GraphQL `errors`
  | 'not-found' // the insight is not there or not visible to this user
  | 'unavailable' // the instance cannot answer this question (e.g. a group-by mode for this query)
  | 'decode'; // the response does not have the shape this library expects

/** An error's sentence in any language's words: elements say it in theirs (`InsightsError#say`). */
export type ErrorWords = (m: Messages) => string;

/**
 * The one error type the client produces. `message` is a sentence a person understands, in the default words;
 * it never contains the token (nothing the client builds messages from ever sees it).
 */
export class InsightsError extends Error {
  override name = 'InsightsError';
  readonly kind: InsightsErrorKind;
  /** HTTP status, for `http` errors. */
  readonly status?: number;
  /** Seconds to wait before trying again, from the `Retry-After` header. */
  readonly retryAfter?: number;
  /** GraphQL error messages or decoding paths, as the server or decoder gave them (plain text). */
  readonly details: readonly string[];
  /** The sentence as words of any language, where it is one of the library's own (not the server's or a page's). */
  readonly words?: ErrorWords;

  constructor(
    kind: InsightsErrorKind,
    message: string | ErrorWords,
    init: { status?: number; retryAfter?: number; details?: string[]; cause?: unknown } = {},
  ) {
    super(typeof message === 'string' ? message : message(defaultMessages), init.cause === undefined ? undefined : { cause: init.cause });
    if (typeof message !== 'string') this.words = message;
    this.kind = kind;
    this.status = init.status;
    this.retryAfter = init.retryAfter;
    this.details = init.details ?? [];
  }

  /** The message in the words `m` (an element's language). */
  say(m: Messages): string {
    return this.words?.(m) ?? this.message;
  }

  /** Worth trying the same query again automatically (the instance may recover by itself). */
  get transient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && (this.status === 429 || (this.status !== undefined && this.status >= 500)))
    );
  }
}

export function httpError(status: number, retryAfter?: number): InsightsError {
  const message = (m: Messages) =>
    status === 401
      ? m.unauthorized
      : status === 403
        ? m.forbidden
        : status === 429
          ? m.rateLimited(retryAfter)
          : status >= 500
            ? m.serverError(status)
            : m.httpError(status);
  return new InsightsError('http', message, { status, retryAfter });
}

/** A decoding failure at `path` (e.g. `insightViews.nodes[0].dataSeries[2].points`). */
export function decodeError(path: string, expected: string): InsightsError {
  return new InsightsError('decode', (m) => m.malformed, { details: [`${path}: expected ${expected}`] });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The server's own words worth showing under an error's message, as short plain text: those the message does not
 * already say. An HTML body (a proxy's error page) is reduced to its text: markup is never shown, not even as text.
 */
export function errorDetails(error: unknown): string[] {
  if (!(error instanceof InsightsError)) return [];
  return error.details
    .filter((d) => !error.message.includes(d))
    .map(plainDetail)
    .filter(Boolean)
    .slice(0, 3);
}

const DETAIL_CHARS = 160;

/** `text` without markup (scripts and styles dropped whole), on one line, cut to `DETAIL_CHARS` with an ellipsis. */
export function plainDetail(text: string): string {
  // Markup only where the text is a page (or has closing tags): "count<limit" in a server message is kept.
  const plain = (
    /^\s*<|<\/[a-z]/i.test(text)
      ? text.replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ').replace(/<!--[\s\S]*?(-->|$)|<[!/?]?[a-z][^>]*(>|$)/gi, ' ')
      : text
  )
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > DETAIL_CHARS ? `${plain.slice(0, DETAIL_CHARS - 1).trimEnd()}…` : plain;
}

/**
 * How loudly a card shows an error: `info` for what the page or the instance cannot do (a missing attribute, a
 * grouping not available, an insight not there), which no retry fixes and nothing is broken; `error` for failures.
 */
export function errorTone(error: unknown): 'info' | 'error' {
  return error instanceof InsightsError && (error.kind === 'config' || error.kind === 'unavailable' || error.kind === 'not-found')
    ? 'info'
    : 'error';
}
