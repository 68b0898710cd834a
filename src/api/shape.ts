import { JsonValue, type JsonObject } from '../model/json-value.js';
import { decodeError } from './errors.js';

export type { JsonObject };

/**
 * JSON from the network, to read with `JsonValue`: a wrong shape becomes a decode InsightsError naming the
 * path, so it is an error state instead of an exception inside a template.
 */
export function json(value: unknown, path: string): JsonValue {
  return new JsonValue(value, decodeError, path);
}
