import { csvCellPosition, InsightDataError, parseCSV } from './csv.js';
import { parseColor } from './color.js';
import { toTime } from './dates.js';
import type {
  CategoryInsightData,
  CategoryItem,
  DataPoint,
  IncompletePoint,
  InsightData,
  InsightProcessing,
  LineInsightData,
  LineSeries,
  StatInsightData,
} from './insight-data.js';
import { safeHttpURL } from './url.js';

/**
 * Third-party data, the `InsightData` format of SPEC.md, from JSON text, CSV text or a `data` object, checked
 * before anything draws it: every error names where it is (a JSON path, or a line and column), and what passes
 * is a new object that holds only fields this library knows, with colours and links made safe.
 */

export { InsightDataError };

export const insightDataDefaults = {
  /** Titles, labels and reasons are shown as text; longer ones are cut, with `…`. */
  maxText: 300,
  maxSeries: 500,
  /** Points over all series of a line insight (incomplete-point notes are counted apart, with the same limit). */
  maxPoints: 100_000,
  maxItems: 1_000,
};

const KINDS = ['line', 'pie', 'bar', 'stat'] as const;

type JsonObject = Record<string, unknown>;

// Own properties only: an inherited `title` (a polluted Object.prototype, a class instance's getter) is not data.
const own = (object: JsonObject, key: string): unknown => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

const count = (n: number) => n.toLocaleString('en-US');

/** The value as an error message shows it: short, and never more than a glimpse of a long string. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'an invalid Date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function invalid(path: string, expected: string, value: unknown): InsightDataError {
  const detail = value === undefined ? `missing (expected ${expected}).` : `expected ${expected}, found ${describe(value)}.`;
  return new InsightDataError(detail, { path: path || undefined });
}

function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    if (path === '') throw new InsightDataError(`the insight data must be an object with a "kind", found ${describe(value)}.`);
    throw invalid(path, 'an object', value);
  }
  return value as JsonObject;
}

function list(value: unknown, path: string, max: number, what: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, 'a list', value);
  if (value.length > max) throw new InsightDataError(`too many ${what}: at most ${count(max)} are allowed, found ${count(value.length)}.`, { path });
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(path, 'a string', value);
  return value;
}

function text(value: unknown, path: string): string {
  return truncate(string(value, path));
}

function truncate(s: string): string {
  const max = insightDataDefaults.maxText;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(path, 'a finite number', value);
  return value;
}

/** The date as given (a new Date for a Date, so the result shares nothing with the input). */
function date(value: unknown, path: string): string | Date {
  const time = toTime(value);
  if (Number.isNaN(time)) throw invalid(path, 'an ISO 8601 date such as "2024-05-01" or "2024-05-01T12:00:00Z"', value);
  return value instanceof Date ? new Date(time) : (value as string);
}

/** `null` and a missing field both mean absent. */
function optional<T>(read: (value: unknown, path: string) => T, value: unknown, path: string): T | undefined {
  return value === null || value === undefined ? undefined : read(value, path);
}

/** Fields that are only decoration: a colour or link this library will not use is dropped, not an error. */
function decoration(source: JsonObject): { color?: string; url?: string } {
  const result: { color?: string; url?: string } = {};
  const color = parseColor(own(source, 'color'));
  if (color !== undefined) result.color = color;
  const url = safeHttpURL(own(source, 'url'));
  if (url !== undefined) result.url = url;
  return result;
}

/**
 * `value` checked against the `InsightData` format, as a new object with only the known fields: titles and labels
 * cut to 300 characters, colours normalised by `parseColor` and links by `safeHttpURL` (those they reject are
 * dropped: the card falls back to its palette, the point to no link). Unknown fields are ignored. Throws an
 * `InsightDataError` whose `path` names the first wrong value.
 */
export function validateInsightData(value: unknown): InsightData {
  const source = object(value, '');
  const kind = own(source, 'kind');
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw invalid('kind', `one of ${KINDS.map((k) => `"${k}"`).join(', ')}`, kind);
  }
  const title = text(own(source, 'title'), 'title');
  switch (kind as InsightData['kind']) {
    case 'line':
      return lineInsight(source, title);
    case 'pie':
    case 'bar':
      return categoryInsight(source, kind as CategoryInsightData['kind'], title);
    case 'stat':
      return statInsight(source, title);
  }
}

function lineInsight(source: JsonObject, title: string): LineInsightData {
  const { maxSeries, maxPoints } = insightDataDefaults;
  const seriesList = list(own(source, 'series'), 'series', maxSeries, 'series');
  const ids = new Set<string>();
  let points = 0;
  let incompletes = 0;
  // The series of an insight usually share their dates: a date equal to the one at the same place in the series
  // before is known good without parsing it again (hashing every fresh date string for the parse cache was most of
  // what reading a point cost).
  let previous: readonly DataPoint[] = [];
  const series = seriesList.map((item, s): LineSeries => {
    const path = `series[${s}]`;
    const input = object(item, path);
    const id = string(own(input, 'id'), `${path}.id`);
    if (id === '') throw new InsightDataError('a series id must not be empty.', { path: `${path}.id` });
    if (ids.has(id)) throw new InsightDataError(`another series already has the id ${describe(id)}; ids must be unique.`, { path: `${path}.id` });
    ids.add(id);
    const label = text(own(input, 'label'), `${path}.label`);

    const pointList = list(own(input, 'points'), `${path}.points`, maxPoints, 'points');
    points += pointList.length;
    if (points > maxPoints) throw new InsightDataError(`too many points: at most ${count(maxPoints)} are allowed over all series.`, { path: `${path}.points` });
    const pointsPath = `${path}.`;
    const known = previous;
    const result: LineSeries = { id, label, points: pointList.map((p, i) => dataPoint(p, pointsPath, i, known[i]?.date)) };
    previous = result.points;
    const color = parseColor(own(input, 'color'));
    if (color !== undefined) result.color = color;

    const incomplete = optional((v, p) => list(v, p, maxPoints, 'incomplete points'), own(input, 'incomplete'), `${path}.incomplete`);
    if (incomplete) {
      incompletes += incomplete.length;
      if (incompletes > maxPoints) {
        throw new InsightDataError(`too many incomplete points: at most ${count(maxPoints)} are allowed over all series.`, { path: `${path}.incomplete` });
      }
      result.incomplete = incomplete.map((p, i): IncompletePoint => {
        const pointPath = `${path}.incomplete[${i}]`;
        const point = object(p, pointPath);
        return { date: date(own(point, 'date'), `${pointPath}.date`), reason: text(own(point, 'reason'), `${pointPath}.reason`) };
      });
    }
    return result;
  });

  const result: LineInsightData = { kind: 'line', title, series };
  const processing = optional(readProcessing, own(source, 'processing'), 'processing');
  if (processing) result.processing = processing;
  const url = safeHttpURL(own(source, 'url'));
  if (url !== undefined) result.url = url;
  return result;
}

/**
 * Point `index` of the series whose path is `seriesPath` (with its trailing dot; '' for a single number's
 * points). A good point is read without building the paths an error would name (three strings per point were most
 * of the time it took to read a long series); a bad one is checked again with its paths, which throws. `knownDate`
 * is a date string already found good (a Date never equals another).
 */
function dataPoint(value: unknown, seriesPath: string, index: number, knownDate?: string | Date): DataPoint {
  const point = value as JsonObject;
  const plain = typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
  const when = plain ? own(point, 'date') : undefined;
  const amount = plain ? own(point, 'value') : undefined;
  if (!plain || (when !== knownDate && Number.isNaN(toTime(when))) || !Number.isFinite(amount)) {
    const path = `${seriesPath}points[${index}]`;
    object(value, path);
    date(when, `${path}.date`);
    number(amount, `${path}.value`);
  }
  const result: DataPoint = { date: when instanceof Date ? new Date(when.getTime()) : (when as string), value: amount as number };
  const url = 'url' in point ? safeHttpURL(own(point, 'url')) : undefined;
  if (url !== undefined) result.url = url;
  return result;
}

function readProcessing(value: unknown, path: string): InsightProcessing {
  const input = object(value, path);
  const progress = optional(number, own(input, 'progress'), `${path}.progress`);
  if (progress === undefined) return {};
  if (progress < 0 || progress > 1) throw invalid(`${path}.progress`, 'a fraction from 0 to 1', progress);
  return { progress };
}

function categoryInsight(source: JsonObject, kind: CategoryInsightData['kind'], title: string): CategoryInsightData {
  const items = list(own(source, 'items'), 'items', insightDataDefaults.maxItems, 'items').map((item, i): CategoryItem => {
    const path = `items[${i}]`;
    const input = object(item, path);
    const label = text(own(input, 'label'), `${path}.label`);
    const value = number(own(input, 'value'), `${path}.value`);
    // A slice cannot have a negative size; a bar can go below zero.
    if (kind === 'pie' && value < 0) throw invalid(`${path}.value`, 'zero or more (a pie slice cannot be negative)', value);
    return { label, value, ...decoration(input) };
  });
  const result: CategoryInsightData = { kind, title, items };
  const url = safeHttpURL(own(source, 'url'));
  if (url !== undefined) result.url = url;
  return result;
}

function statInsight(source: JsonObject, title: string): StatInsightData {
  const result: StatInsightData = { kind: 'stat', title, value: number(own(source, 'value'), 'value') };
  const previous = optional(number, own(source, 'previous'), 'previous');
  if (previous !== undefined) result.previous = previous;
  const url = safeHttpURL(own(source, 'url'));
  if (url !== undefined) result.url = url;
  const label = optional(text, own(source, 'label'), 'label');
  if (label !== undefined) result.label = label;
  const points = optional((v, p) => list(v, p, insightDataDefaults.maxPoints, 'points'), own(source, 'points'), 'points');
  if (points) result.points = points.map((p, i) => dataPoint(p, '', i));
  const since = optional(date, own(source, 'since'), 'since');
  if (since !== undefined) result.since = since;
  return result;
}

/**
 * JSON text in the `InsightData` format (a `src` file). Text that is not JSON is an `InsightDataError` with the
 * line and column of the problem; JSON of the wrong shape is one with its path (see `validateInsightData`).
 */
export function parseInsightJSON(text: string): InsightData {
  // JSON.parse rejects a byte order mark, which editors on Windows like to write.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new InsightDataError('the JSON is empty.');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw jsonError(json, error);
  }
  return validateInsightData(value);
}

function jsonError(json: string, error: unknown): InsightDataError {
  if (!(error instanceof SyntaxError)) {
    // A RangeError from nesting deeper than the engine's stack, say.
    return new InsightDataError('the JSON could not be read (it may be nested too deeply).', { cause: error });
  }
  // Engines word this differently: V8 "… in JSON at position 18 (line 3 column 8)" (or no position at all for an
  // unexpected token), Firefox "… at line 3 column 8 of the JSON data", Safari nothing. The place is given when
  // the engine says it; a JSON file is small enough for its author to find the rest.
  const message = error.message.slice(0, 500);
  const at = /at position (\d+)/.exec(message);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : undefined;
  const where = offset !== undefined ? offsetPosition(json, offset) : lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : {};
  const reason = message
    .replace(/^JSON(?:\.parse| Parse error)?:\s*/i, '')
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*(?:in JSON )?at (?:position \d+|line \d+ column \d+).*$/s, '')
    .trim();
  return new InsightDataError(`this is not valid JSON${reason ? ` (${reason})` : ''}.`, { ...where, cause: error });
}

function offsetPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * A line insight from CSV text: a header row with a `date` column (any position, any case) and one column per
 * series, named by its header; then one row per date, in any order. An empty cell is a missing point, not zero.
 * Errors are `InsightDataError`s with the line and column of the cell.
 */
export function insightDataFromCSV(text: string, title: string): LineInsightData {
  const { maxSeries, maxPoints } = insightDataDefaults;
  const rows = parseCSV(text);
  if (rows.length === 0) throw new InsightDataError('the CSV is empty: it needs a header row with a "date" column and one column per series.');
  const at = (row: number, column: number) => csvCellPosition(text, row, column);

  const header = rows[0].map((name) => name.trim());
  const dateColumns = header.flatMap((name, c) => (name.toLowerCase() === 'date' ? [c] : []));
  if (dateColumns.length === 0) throw new InsightDataError('the header has no "date" column.', { line: 1 });
  if (dateColumns.length > 1) throw new InsightDataError('the header has more than one "date" column.', at(0, dateColumns[1]));
  const dateColumn = dateColumns[0];

  const columns = header.flatMap((name, c) => (c === dateColumn ? [] : [c]));
  if (columns.length > maxSeries) {
    throw new InsightDataError(`too many series: at most ${count(maxSeries)} columns besides "date" are allowed, found ${count(columns.length)}.`, { line: 1 });
  }
  const seen = new Set<string>();
  const series = columns.map((c): LineSeries => {
    const name = header[c];
    if (name === '') throw new InsightDataError('this header cell is empty; every column needs a name (the series label).', at(0, c));
    if (seen.has(name)) throw new InsightDataError(`two columns are named ${describe(name)}; series names must be unique.`, at(0, c));
    seen.add(name);
    return { id: name, label: truncate(name), points: [] };
  });

  // One pass in file order, so the first error reported is the first in the file; then the rows sort by date.
  const firstRowOf = new Map<number, number>();
  let points = 0;
  const dated = rows.slice(1).map((cells, index) => {
    const row = index + 1;
    const date = cells[dateColumn].trim();
    if (date === '') throw new InsightDataError('the date is missing.', at(row, dateColumn));
    const time = toTime(date);
    if (Number.isNaN(time)) throw new InsightDataError(`${describe(date)} is not an ISO 8601 date such as "2024-05-01".`, at(row, dateColumn));
    const earlier = firstRowOf.get(time);
    if (earlier !== undefined) {
      const { line } = at(earlier, dateColumn);
      throw new InsightDataError(`the date ${describe(date)} is also on line ${line}; each date may appear only once.`, at(row, dateColumn));
    }
    firstRowOf.set(time, row);
    const values = columns.map((c) => {
      const cell = cells[c].trim();
      if (cell === '') return undefined;
      const value = parseNumber(cell);
      if (value === undefined) throw new InsightDataError(`${describe(cell)} is not a number.`, at(row, c));
      if (++points > maxPoints) throw new InsightDataError(`too many points: at most ${count(maxPoints)} are allowed over all series.`, at(row, c));
      return value;
    });
    return { date, time, values };
  });
  dated.sort((a, b) => a.time - b.time);
  for (const { date, values } of dated) {
    values.forEach((value, s) => {
      if (value !== undefined) series[s].points.push({ date, value });
    });
  }
  return { kind: 'line', title: truncate(title), series };
}

// A plain decimal: digits with an optional sign, point and exponent. Number() alone would also take "0x1f",
// "Infinity" and "" (as 0). The two classes cannot both match one character, so the pattern cannot backtrack
// more than once over the text.
const DECIMAL = /^[+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?$/;

function parseNumber(cell: string): number | undefined {
  if (!DECIMAL.test(cell)) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}
