import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';

/** Sourcegraph's own schema files, beside the checkout in ../shared (CI has them; a plain clone may not). */
export const UPSTREAM_DIR = new URL('../../../shared/sourcegraph/', import.meta.url);

const FILES = ['schema.graphql', 'insights.graphql', 'insights_aggregations.graphql'];

export function upstreamSchemaAvailable(): boolean {
  return FILES.every((f) => existsSync(new URL(f, UPSTREAM_DIR)));
}

let cached: GraphQLSchema | undefined;

/** The current upstream contract: the main schema extended by the insights files (as SOURCE.md says to build it). */
export function upstreamSchema(files = FILES): GraphQLSchema {
  if (files === FILES && cached) return cached;
  const schema = buildSchema(files.map((f) => readFileSync(new URL(f, UPSTREAM_DIR), 'utf8')).join('\n'), { assumeValid: true });
  if (files === FILES) cached = schema;
  return schema;
}

/** Validation messages for `document` against `schema` (empty when valid). */
export function validateDocument(schema: GraphQLSchema, document: string): string[] {
  try {
    return validate(schema, parse(document)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}
