import { execute, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WeightedLru } from '../engine/lru.ts';
import { parseQuery, queryCostProblems } from './query-cost.ts';

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
  const checked = checkedDocument(schema, body.query);
  if (!('document' in checked)) return { data: null, errors: checked.errors };
  const { document } = checked;
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

type Checked = { document: DocumentNode } | { errors: { message: string }[] };

/** Checked documents by query text, per schema: a page sends the same few documents over and over. */
const checkedDocuments = new WeakMap<GraphQLSchema, WeightedLru<string, Checked>>();

/**
 * The document parsed, within the cost limits and valid, or the errors that refuse it. Validating a batch of
 * six views takes ~10 ms, so each distinct query text is checked once (8 MB of texts are remembered).
 */
function checkedDocument(schema: GraphQLSchema, query: string): Checked {
  let cache = checkedDocuments.get(schema);
  if (!cache) checkedDocuments.set(schema, (cache = new WeightedLru(8 * 1024 * 1024)));
  let checked = cache.get(query);
  if (checked) return checked;
  checked = check(schema, query);
  cache.set(query, checked, query.length);
  return checked;
}

function check(schema: GraphQLSchema, query: string): Checked {
  const parsed = parseQuery(query);
  if ('syntaxError' in parsed) return { errors: [{ message: parsed.syntaxError }] };
  if ('tooLong' in parsed) return { errors: [{ message: `Refused: ${parsed.tooLong}` }] };
  const { document } = parsed;
  const tooCostly = queryCostProblems(document);
  if (tooCostly.length) return { errors: tooCostly.map((problem) => ({ message: `Refused: ${problem}` })) };
  const invalid = validate(schema, document);
  if (invalid.length) return { errors: invalid.map((e) => ({ message: e.message })) };
  return { document };
}
