/**
 * The one error type the engine throws on purpose. The server maps `code` to a
 * response and shows `message` to the user as is, so messages are whole
 * sentences that say what to fix.
 */
export type EngineErrorCode =
  | 'UNKNOWN_REPOSITORY'
  | 'INVALID_QUERY'
  | 'INVALID_REGEXP'
  // A regular expression ran over its time limit (regexp-budget.ts), typically catastrophic backtracking.
  | 'REGEXP_TIMEOUT'
  | 'INVALID_REQUEST'
  | 'GIT_FAILED'
  // Reserved: an empty repository is not an error today (series are zeros and
  // language stats are empty), but callers may switch on this code.
  | 'EMPTY_REPOSITORY';

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** Throws the abort reason (an AbortError by default) when the caller gave up. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}
