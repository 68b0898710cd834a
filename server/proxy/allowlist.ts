/**
 * Which GraphQL requests the read-only proxy forwards: queries (never mutations or subscriptions) made only of
 * fields of the project's schema (server/graphql/schema.graphql: Sourcegraph's insight reads, the fields the local server
 * answers, checked against Sourcegraph's schema files by the tests), less NOT_FORWARDED, without introspection.
 * A field not written there cannot reach the instance, however it is reached: directly, through an alias, a
 * fragment spread or an inline fragment; the schema has no Mutation or Subscription type at all. It leaves out,
 * under `search`, everything but the language statistics and two counts (`results.results` are the matches
 * themselves), and alerts' `repositories` (a Repository opens commits and file contents). The document is checked with graphql-js's own validation
 * against that schema, so fragments, inline fragments, aliases and directives are resolved the way a GraphQL
 * server resolves them; and what is forwarded is the document re-printed from the checked syntax tree, so the
 * instance never parses text the proxy did not (no parser-differential tricks).
 */
import {
  FieldsOnCorrectTypeRule,
  GraphQLError,
  Kind,
  print,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type ValidationContext,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type InlineFragmentNode,
} from 'graphql';
import { parseQuery, queryCostProblems } from '../graphql/query-cost.ts';
import { loadSchema } from '../graphql/schema-file.ts';

/** The top-level reads a page may make through the proxy (README and error messages list them). */
export const ALLOWED_ROOT_FIELDS = ['insightViews', 'insightsDashboards', 'searchInsightPreview', 'searchInsightLivePreview', 'search', 'searchQueryAggregate'] as const;

const REFUSED = 'Refused by the read-only insights proxy:';

export interface AllowedRequest {
  allowed: true;
  /** The operation's name, for the `?Name` Sourcegraph logs (only word characters). */
  name: string;
  /** The JSON body to send upstream: the re-printed query, sorted variables, operationName. Also the cache key. */
  body: string;
}

export interface RefusedRequest {
  allowed: false;
  /** Sentences naming what was refused, one per problem. */
  messages: string[];
}

let schema: GraphQLSchema | undefined;

/** The read-only schema, built once. */
export function readOnlySchema(): GraphQLSchema {
  return (schema ??= loadSchema());
}

/**
 * Fields of the schema the local server answers but the proxy keeps from the instance: who a dashboard is shared
 * with, and who the viewer is (through the proxy, the user whose token it holds: their name and organizations).
 */
const NOT_FORWARDED: Record<string, readonly string[]> = { Query: ['currentUser'], InsightsDashboard: ['grants'] };

/**
 * Replaces graphql-js's "Cannot query field" rule: names the refused field in the proxy's words (the elements'
 * client reads "Cannot query field" as an older instance's schema and would switch to its legacy documents),
 * refuses introspection, and refuses any field whose parent type is outside the read-only schema.
 */
function ReadOnlyFieldsRule(context: ValidationContext): ASTVisitor {
  // Returning false skips what is under a refused node: the document is refused already, and one message per
  // refused field reads better than one per field beneath it.
  const unknownType = (node: InlineFragmentNode | FragmentDefinitionNode) =>
    node.typeCondition !== undefined && !context.getSchema().getType(node.typeCondition.name.value) ? false : undefined;
  return {
    InlineFragment: unknownType,
    FragmentDefinition: unknownType,
    Field(node) {
      const name = node.name.value;
      if (name === '__typename') return undefined;
      const parent = context.getParentType();
      if (name === '__schema' || name === '__type') {
        context.reportError(new GraphQLError(`${REFUSED} introspection (${name}) is not forwarded.`, { nodes: node }));
        return false;
      }
      if (!parent) {
        context.reportError(new GraphQLError(`${REFUSED} field "${name}" is not forwarded (its type is not one the proxy reads).`, { nodes: node }));
        return false;
      }
      if (!context.getFieldDef() || NOT_FORWARDED[parent.name]?.includes(name)) {
        const allowed = parent.name === 'Query' ? ` Only ${ALLOWED_ROOT_FIELDS.join(', ')} are.` : '';
        context.reportError(new GraphQLError(`${REFUSED} field "${name}" on "${parent.name}" is not forwarded.${allowed}`, { nodes: node }));
        return false;
      }
      return undefined;
    },
  };
}

const RULES = [...specifiedRules.filter((rule) => rule !== FieldsOnCorrectTypeRule), ReadOnlyFieldsRule];

function refused(...messages: string[]): RefusedRequest {
  return { allowed: false, messages };
}

/** Checks one GraphQL request body (already JSON-parsed) and, when allowed, builds what goes upstream. */
export function checkGraphQLRequest(body: unknown): AllowedRequest | RefusedRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refused(`${REFUSED} the body must be one JSON object {"query", "variables", "operationName"} (no batches).`);
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || !query.trim()) return refused(`${REFUSED} the body has no "query" string.`);
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return refused(`${REFUSED} "variables" must be an object.`);
  }
  if (variables && !withinDepth(variables, MAX_VARIABLES_DEPTH)) return refused(`${REFUSED} "variables" nest more than ${MAX_VARIABLES_DEPTH} deep.`);
  if (variables && JSON.stringify(variables).length > MAX_VARIABLES_BYTES) {
    return refused(`${REFUSED} "variables" are larger than ${MAX_VARIABLES_BYTES / 1024} KB (they are part of the cache key).`);
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return refused(`${REFUSED} "operationName" must be a string.`);
  }

  const parsed = parseQuery(query);
  if ('syntaxError' in parsed) return refused(`${REFUSED} the query is not valid GraphQL: ${parsed.syntaxError}`);
  if ('tooLong' in parsed) return refused(`${REFUSED} ${parsed.tooLong}`);
  const { document } = parsed;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const writes = operations.filter((op) => op.operation !== 'query');
  if (writes.length) {
    return refused(...writes.map((op) => `${REFUSED} ${op.operation} operations are not forwarded (only queries are)${op.name ? `: ${op.name.value}` : ''}.`));
  }
  // The cost limits come before validation: they take time linear in the document, validation may not.
  const tooCostly = queryCostProblems(document);
  if (tooCostly.length) return refused(...tooCostly.map((problem) => `${REFUSED} ${problem}`));
  const errors = validate(readOnlySchema(), document, RULES);
  if (errors.length) return refused(...new Set(errors.map((e) => (e.message.startsWith(REFUSED) ? e.message : `${REFUSED} ${e.message}`))));

  const chosen = operationName ? operations.find((op) => op.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!chosen) return refused(`${REFUSED} ${operationName ? `no operation named "${operationName}" in the query` : 'several operations and no "operationName"'}.`);
  const name = chosen.name?.value ?? '';
  return {
    allowed: true,
    name,
    body: JSON.stringify({ query: print(document), variables: sortKeys(variables ?? {}), ...(operationName ? { operationName } : {}) }),
  };
}

/** Variables are forwarded and kept in cache keys: the elements' are a few hundred bytes, a few levels deep. */
const MAX_VARIABLES_BYTES = 64 * 1024;
const MAX_VARIABLES_DEPTH = 16;

/** Whether `value` nests objects and arrays at most `max` deep, found without recursion (hostile JSON nests 200,000 deep). */
function withinDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return false;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}

/** Same variables, keys in one order, so equal requests have equal cache keys. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
