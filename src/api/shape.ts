import { decodeError } from './errors.js';

/**
 * Readers for JSON from the network: each returns the value with its type, or throws a decode InsightsError
 * naming the path, so a wrong shape becomes an error state instead of an exception inside a template.
 */

export type JsonObject = Record<string, unknown>;

export function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw decodeError(path, 'an object');
  return value as JsonObject;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw decodeError(path, 'a list');
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw decodeError(path, 'a string');
  return value;
}

export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw decodeError(path, 'a finite number');
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw decodeError(path, 'true or false');
  return value;
}

/** `null` and a missing field both mean absent (older instances lack newer fields). */
export function optional<T>(read: (value: unknown, path: string) => T, value: unknown, path: string): T | undefined {
  return value === null || value === undefined ? undefined : read(value, path);
}

/** Labels and titles are shown as text; a megabyte of it would still break the layout. */
export function text(value: unknown, path: string, max = 300): string {
  const s = string(value, path);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
