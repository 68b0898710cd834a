/**
 * CSV as RFC 4180 writes it (comma separator, `"quoted"` fields with `""` escapes, CRLF or LF), read by one
 * left-to-right pass over the text: no regular expressions, so hostile input cannot make it backtrack, and no
 * generated code (d3-dsv compiles each row with `new Function`, which pages with a strict CSP forbid).
 */

/** Where something is wrong in third-party data: a JSON path, or a 1-based line and column of the text. */
export interface InsightDataLocation {
  /** JSON path such as `series[1].points[3].value`. */
  path?: string;
  line?: number;
  column?: number;
}

/**
 * Third-party data (`src` JSON or CSV, or the `data` property) that cannot be drawn. The message is a sentence
 * a person understands and starts with where the problem is (`Line 4, column 12: …` or `series[1].label: …`).
 *
 * Defined beside the CSV reader, the lowest layer that throws it, so that this module imports nothing;
 * `insight-data-parse.ts` re-exports it as its public home.
 */
export class InsightDataError extends Error {
  override name = 'InsightDataError';
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;

  /** `detail` says what is wrong; the location, when given, is prefixed to make the message. */
  constructor(detail: string, where: InsightDataLocation & { cause?: unknown } = {}) {
    super(locate(detail, where), where.cause === undefined ? undefined : { cause: where.cause });
    this.path = where.path;
    this.line = where.line;
    this.column = where.column;
  }
}

function locate(detail: string, { path, line, column }: InsightDataLocation): string {
  if (line !== undefined) return `Line ${line}${column === undefined ? '' : `, column ${column}`}: ${detail}`;
  if (path) return `${path}: ${detail}`;
  return detail.charAt(0).toUpperCase() + detail.slice(1);
}

export interface CSVOptions {
  /** The most rows (the header included) to read; more is an error. Default 100,000. */
  maxRows?: number;
}

export const csvDefaults = { maxRows: 100_000 };

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Called with the offset where each field starts; returning true stops the scan there. */
type FieldVisitor = (row: number, field: number, offset: number) => boolean;

/** `text` without a leading UTF-8 byte order mark, which editors on Windows like to write. */
export const withoutBOM = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The 1-based line and column of `offset` in `text`, where CR, LF and CRLF each end a line. */
export function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The rows of `text`, each a list of fields, the header first. A leading UTF-8 byte order mark is ignored;
 * blank lines (a trailing newline, say) are skipped; every row must have as many fields as the first.
 * Throws an `InsightDataError` with the line and column of the first problem.
 */
export function parseCSV(text: string, options: CSVOptions = {}): string[][] {
  return scan(withoutBOM(text), options.maxRows ?? csvDefaults.maxRows);
}

/**
 * The 1-based line and column where field `field` of row `row` (indices into `parseCSV`'s result) starts in
 * `text`, for error messages about a cell's content. Scans the text again: errors are rare, positions for every
 * cell would cost memory on every successful parse.
 */
export function csvCellPosition(text: string, row: number, field: number): { line: number; column: number } {
  const s = withoutBOM(text);
  let offset = 0;
  scan(s, Infinity, (r, f, at) => r === row && f === field && ((offset = at), true));
  return textPosition(s, offset);
}

/** Lines and columns are worked out only for an error (see `textPosition`): the scan itself counts no lines. */
function scan(s: string, maxRows: number, visit?: FieldVisitor): string[][] {
  const n = s.length;
  const rows: string[][] = [];
  let width = -1;
  let i = 0;
  /** The error at `offset`, placed by line and column, or (`lineOnly`, for a whole row) by line. */
  const fail = (detail: string, offset: number, lineOnly = false) => {
    const { line, column } = textPosition(s, offset);
    return new InsightDataError(detail, lineOnly ? { line } : { line, column });
  };
  // At a CR or LF: step over it (CRLF as one line break).
  const newline = () => {
    if (s.charCodeAt(i) === CR && s.charCodeAt(i + 1) === LF) i++;
    i++;
  };

  while (i < n) {
    const first = s.charCodeAt(i);
    if (first === LF || first === CR) {
      newline();
      continue;
    }
    const rowStart = i;
    const row: string[] = [];
    for (;;) {
      if (visit?.(rows.length, row.length, i)) return rows;
      if (i < n && s.charCodeAt(i) === QUOTE) {
        const open = i;
        let field = '';
        let start = ++i;
        for (;;) {
          if (i >= n) throw fail('a quoted field is not closed.', open);
          if (s.charCodeAt(i) === QUOTE) {
            if (s.charCodeAt(i + 1) === QUOTE) {
              field += s.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            field += s.slice(start, i);
            i++;
            break;
          }
          i++;
        }
        if (i < n) {
          const c = s.charCodeAt(i);
          if (c !== COMMA && c !== LF && c !== CR) {
            throw fail('a closing quote must be followed by a comma or the end of the line; to put a quote inside a quoted field, double it ("").', i);
          }
        }
        row.push(field);
      } else {
        const start = i;
        while (i < n) {
          const c = s.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw fail('a quote (") in the middle of an unquoted field; put the whole field in quotes and double the quotes inside it ("like ""this""").', i);
          }
          i++;
        }
        row.push(s.slice(start, i));
      }
      if (i >= n) break;
      if (s.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      newline();
      break;
    }
    if (width < 0) width = row.length;
    else if (row.length !== width) {
      throw fail(`expected ${width} ${width === 1 ? 'field' : 'fields'} like the header, found ${row.length}.`, rowStart, true);
    }
    if (rows.length >= maxRows) {
      throw fail(`too many rows: at most ${maxRows.toLocaleString('en-US')} are allowed, the header included.`, rowStart, true);
    }
    rows.push(row);
  }
  return rows;
}
