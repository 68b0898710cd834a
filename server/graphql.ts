import { execute, parse, validate, type GraphQLSchema } from 'graphql';
import { QUERY_LIMITS, queryCostProblems } from './graphql/query-cost.ts';

export interface GraphQLBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Runs one request body as Sourcegraph does: a document that does not parse or validate gets `errors` and
 * `data: null` with HTTP 200; resolver failures become `errors` next to whatever data did resolve. A document
 * over the query cost limits (graphql/query-cost.ts) is refused the same way, before validation or any work.
 */
export async function runGraphQL(schema: GraphQLSchema, rootValue: unknown, body: GraphQLBody): Promise<unknown> {
  if (typeof body.query !== 'string') return { data: null, errors: [{ message: 'A query string is required.' }] };
  let document;
  try {
    document = parse(body.query, { maxTokens: QUERY_LIMITS.tokens });
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }] };
  }
  const tooCostly = queryCostProblems(document);
  if (tooCostly.length) return { data: null, errors: tooCostly.map((problem) => ({ message: `Refused: ${problem}` })) };
  const invalid = validate(schema, document);
  if (invalid.length) return { data: null, errors: invalid.map((e) => ({ message: e.message })) };
  const variables = typeof body.variables === 'object' && body.variables !== null ? (body.variables as Record<string, unknown>) : {};
  const result = await execute({
    schema,
    document,
    rootValue,
    variableValues: variables,
    operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
  });
  return result.errors
    ? { data: result.data ?? null, errors: result.errors.map((e) => ({ message: e.message, path: e.path })) }
    : { data: result.data };
}
