import { csvCellPosition, InsightDataError, parseCSV, textPosition, withoutBOM } from './csv.js';
import { parseColor } from './color.js';
import { AN_ISO_DATE, toTime } from './dates.js';
import { JsonValue, truncateText, type JsonFail } from './json-value.js';
import type {
  CategoryInsightData,
  CategoryItem,
  DataPoint,
  IncompletePoint,
  InsightData,
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
  maxSeries: 500,
  /** Points over all series of a line insight (incomplete-point notes are counted apart, with the same limit). */
  maxPoints: 100_000,
  maxItems: 1_000,
};

const KINDS = ['line', 'pie', 'bar', 'stat'] as const;

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

const invalid: JsonFail = (path, expected, value) =>
  path
    ? new InsightDataError(value === undefined ? `missing (expected ${expected}).` : `expected ${expected}, found ${describe(value)}.`, { path })
    : new InsightDataError(`the insight data must be an object with a "kind", found ${describe(value)}.`);

/** The items of a list that may hold at most `max` of them. */
function capped(value: JsonValue, max: number, what: string): JsonValue[] {
  const items = value.list();
  if (items.length > max) throw new InsightDataError(`too many ${what}: at most ${count(max)} are allowed, found ${count(items.length)}.`, { path: value.path });
  return items;
}

/** A running total over all series (`total`, counted up to `field`) stays under `max`. */
function checkTotal(total: number, max: number, what: string, field: JsonValue): void {
  if (total > max) throw new InsightDataError(`too many ${what}: at most ${count(max)} are allowed over all series.`, { path: field.path });
}

/** A link this library will not use is dropped, not an error (a colour likewise, see `parseColor`). */
function withURL<T extends object>(result: T, source: JsonValue): T & { url?: string } {
  const url = safeHttpURL(source.get('url').value);
  return url === undefined ? result : { ...result, url };
}

/**
 * `value` checked against the `InsightData` format, as a new object with only the known fields: titles and labels
 * cut to 300 characters, colours normalised by `parseColor` and links by `safeHttpURL` (those they reject are
 * dropped: the card falls back to its palette, the point to no link). Unknown fields are ignored. Throws an
 * `InsightDataError` whose `path` names the first wrong value.
 */
export function validateInsightData(value: unknown): InsightData {
  const source = new JsonValue(value, invalid);
  const kindField = source.get('kind');
  const kind = kindField.expect<InsightData['kind']>(KINDS.includes(kindField.value as InsightData['kind']), `one of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  const title = source.get('title').text();
  switch (kind) {
    case 'line':
      return withURL(lineInsight(source, title), source);
    case 'pie':
    case 'bar':
      return withURL(categoryInsight(source, kind, title), source);
    case 'stat':
      return withURL(statInsight(source, title), source);
  }
}

function lineInsight(source: JsonValue, title: string): LineInsightData {
  const { maxSeries, maxPoints } = insightDataDefaults;
  const ids = new Set<string>();
  let points = 0;
  let incompletes = 0;
  // An insight's series usually share their dates: one equal to the date at the same place in the series before
  // is known good without parsing it again.
  let before: readonly DataPoint[] = [];
  const series = capped(source.get('series'), maxSeries, 'series').map((input): LineSeries => {
    const idField = input.get('id');
    const id = idField.string();
    if (id === '') throw new InsightDataError('a series id must not be empty.', { path: idField.path });
    if (ids.has(id)) throw new InsightDataError(`another series already has the id ${describe(id)}; ids must be unique.`, { path: idField.path });
    ids.add(id);
    const label = input.get('label').text();

    const pointsField = input.get('points');
    const pointList = capped(pointsField, maxPoints, 'points');
    checkTotal((points += pointList.length), maxPoints, 'points', pointsField);
    const known = before;
    const result: LineSeries = { id, label, points: pointList.map((point, i) => dataPoint(point, known[i]?.date)) };
    before = result.points;
    const color = parseColor(input.get('color').value);
    if (color !== undefined) result.color = color;

    const incompleteField = input.opt('incomplete');
    if (incompleteField) {
      const incomplete = capped(incompleteField, maxPoints, 'incomplete points');
      checkTotal((incompletes += incomplete.length), maxPoints, 'incomplete points', incompleteField);
      result.incomplete = incomplete.map((point): IncompletePoint => ({ date: point.get('date').date(), reason: point.get('reason').text() }));
    }
    const goal = input.opt('goal');
    if (goal) {
      result.goal = { value: goal.get('value').number() };
      const date = goal.opt('date');
      if (date) result.goal.date = date.date();
    }
    return result;
  });

  const result: LineInsightData = { kind: 'line', title, series };
  const processing = source.opt('processing');
  if (processing) {
    const progress = processing.opt('progress');
    result.processing = progress ? { progress: progress.expect(progress.number() >= 0 && progress.number() <= 1, 'a fraction from 0 to 1') } : {};
  }
  const annotations = source.opt('annotations');
  if (annotations) result.annotations = capped(annotations, insightDataDefaults.maxItems, 'annotations').map((a) => withURL({ date: a.get('date').date(), label: a.get('label').text() }, a));
  return result;
}

/**
 * One point. The usual one, a plain object with a date string and a finite value, is read straight from its fields:
 * a reader per field was most of the time a 20 × 520 chart's data took to check (10,400 points) before it could
 * draw. `knownDate` is a date already found good. Anything else goes through the readers, which name the error.
 */
function dataPoint(point: JsonValue, knownDate?: string | Date): DataPoint {
  const raw = point.value;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Date)) {
    const fields = raw as Record<string, unknown>;
    const date = Object.hasOwn(fields, 'date') ? fields.date : undefined;
    const value = Object.hasOwn(fields, 'value') ? fields.value : undefined;
    if (typeof date === 'string' && (date === knownDate || !Number.isNaN(toTime(date))) && typeof value === 'number' && Number.isFinite(value)) {
      const url = Object.hasOwn(fields, 'url') ? safeHttpURL(fields.url) : undefined;
      return url === undefined ? { date, value } : { date, value, url };
    }
  }
  return withURL({ date: point.get('date').date(), value: point.get('value').number() }, point);
}

function categoryInsight(source: JsonValue, kind: CategoryInsightData['kind'], title: string): CategoryInsightData {
  const items = capped(source.get('items'), insightDataDefaults.maxItems, 'items').map((input): CategoryItem => {
    const label = input.get('label').text();
    const valueField = input.get('value');
    // A slice cannot have a negative size; a bar can go below zero.
    const value = valueField.expect<number>(valueField.number() >= 0 || kind === 'bar', 'zero or more (a pie slice cannot be negative)');
    const item: CategoryItem = { label, value };
    const color = parseColor(input.get('color').value);
    if (color !== undefined) item.color = color;
    return withURL(item, input);
  });
  return { kind, title, items };
}

function statInsight(source: JsonValue, title: string): StatInsightData {
  const result: StatInsightData = { kind: 'stat', title, value: source.get('value').number() };
  const previous = source.opt('previous')?.number();
  if (previous !== undefined) result.previous = previous;
  const label = source.opt('label')?.text();
  if (label !== undefined) result.label = label;
  const points = source.opt('points');
  if (points) result.points = capped(points, insightDataDefaults.maxPoints, 'points').map((point) => dataPoint(point));
  const since = source.opt('since')?.date();
  if (since !== undefined) result.since = since;
  return result;
}

/**
 * JSON text in the `InsightData` format (a `src` file). Text that is not JSON is an `InsightDataError` with the
 * line and column of the problem; JSON of the wrong shape is one with its path (see `validateInsightData`).
 */
export function parseInsightJSON(text: string): InsightData {
  // JSON.parse rejects a byte order mark.
  const json = withoutBOM(text);
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
  const where = offset !== undefined ? textPosition(json, offset) : lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : {};
  const reason = message
    .replace(/^JSON(?:\.parse| Parse error)?:\s*/i, '')
    .replace(/,\s*".*" is not valid JSON$/s, '')
    .replace(/\s*(?:in JSON )?at (?:position \d+|line \d+ column \d+).*$/s, '')
    .trim();
  return new InsightDataError(`this is not valid JSON${reason ? ` (${reason})` : ''}.`, { ...where, cause: error });
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
  const names = header.map((name) => name.toLowerCase());
  const dateColumn = names.indexOf('date');
  if (dateColumn < 0) throw new InsightDataError('the header has no "date" column.', { line: 1 });
  const secondDate = names.indexOf('date', dateColumn + 1);
  if (secondDate >= 0) throw new InsightDataError('the header has more than one "date" column.', at(0, secondDate));

  const columns = header.map((_, c) => c).filter((c) => c !== dateColumn);
  if (columns.length > maxSeries) {
    throw new InsightDataError(`too many series: at most ${count(maxSeries)} columns besides "date" are allowed, found ${count(columns.length)}.`, { line: 1 });
  }
  const seen = new Set<string>();
  const series = columns.map((c): LineSeries => {
    const name = header[c];
    if (name === '') throw new InsightDataError('this header cell is empty; every column needs a name (the series label).', at(0, c));
    if (seen.has(name)) throw new InsightDataError(`two columns are named ${describe(name)}; series names must be unique.`, at(0, c));
    seen.add(name);
    return { id: name, label: truncateText(name), points: [] };
  });

  // One pass in file order, so the first error reported is the first in the file; then the rows sort by date.
  const firstRowOf = new Map<number, number>();
  let points = 0;
  const dated = rows.slice(1).map((cells, index) => {
    const row = index + 1;
    const date = cells[dateColumn].trim();
    if (date === '') throw new InsightDataError('the date is missing.', at(row, dateColumn));
    const time = toTime(date);
    if (Number.isNaN(time)) throw new InsightDataError(`${describe(date)} is not ${AN_ISO_DATE}.`, at(row, dateColumn));
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
  return { kind: 'line', title: truncateText(title), series };
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
