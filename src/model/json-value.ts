import { AN_ISO_DATE, toTime } from './dates.js';

/**
 * One reader for JSON from outside, wherever it comes from: third-party data (`src` files, the `data`
 * property) and an instance's answers. Each method returns the value with its type or throws the error `fail`
 * makes for its path, so a wrong shape is an error a person can act on, never an exception inside a template.
 */

export type JsonObject = Record<string, unknown>;

/** The error for the value at `path`, which is not `expected` (`value` is undefined when it is missing). */
export type JsonFail = (path: string, expected: string, value: unknown) => Error;

/** A value read from JSON, and where it is (`series[1].points[3]`). */
export class JsonValue {
  /**
   * `at` is the field name or list index of the value in `parent`, or for a value read from the top, its whole
   * path (`insightViews`; '' for the document itself).
   */
  constructor(
    readonly value: unknown,
    readonly fail: JsonFail,
    readonly at: string | number = '',
    readonly parent?: JsonValue,
  ) {}

  /** Where the value is, as error messages name it; worked out only when one is made (a long series has many). */
  get path(): string {
    const parent = this.parent?.path;
    return typeof this.at === 'number' ? `${parent}[${this.at}]` : parent ? `${parent}.${this.at}` : this.at;
  }

  /**
   * Field `key` of this object. Own properties only: an inherited `title` (a polluted Object.prototype, a class
   * instance's getter) is not data.
   */
  get(key: string): JsonValue {
    const object = this.object();
    return new JsonValue(Object.hasOwn(object, key) ? object[key] : undefined, this.fail, key, this);
  }

  /** Field `key`, or undefined when it is null or missing (older instances lack newer fields). */
  opt(key: string): JsonValue | undefined {
    const field = this.get(key);
    return field.value === null || field.value === undefined ? undefined : field;
  }

  /** The value when `ok` (it is what `expected` says); else the error for it. */
  expect<T>(ok: boolean, expected: string): T {
    if (!ok) throw this.fail(this.path, expected, this.value);
    return this.value as T;
  }

  object(): JsonObject {
    const v = this.value;
    return this.expect(typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date), 'an object');
  }

  list(): JsonValue[] {
    return this.expect<unknown[]>(Array.isArray(this.value), 'a list').map((item, i) => new JsonValue(item, this.fail, i, this));
  }

  string(): string {
    return this.expect(typeof this.value === 'string', 'a string');
  }

  /** Titles, labels and reasons are shown as text: see `truncateText`. */
  text(max?: number): string {
    return truncateText(this.string(), max);
  }

  number(): number {
    return this.expect(Number.isFinite(this.value), 'a finite number');
  }

  boolean(): boolean {
    return this.expect(typeof this.value === 'boolean', 'true or false');
  }

  /** The date as given (a new Date for a Date, so the result shares nothing with the input). */
  date(): string | Date {
    const time = toTime(this.value);
    this.expect(!Number.isNaN(time), `${AN_ISO_DATE} or "2024-05-01T12:00:00Z"`);
    return this.value instanceof Date ? new Date(time) : (this.value as string);
  }
}

/** Text longer than `max` characters is cut, with `…`: a megabyte of title would still break the layout. */
export function truncateText(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
