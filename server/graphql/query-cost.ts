/**
 * What a GraphQL document may cost before a server does any work for it, applied the same way by the local
 * server (server/graphql/run.ts) and the read-only proxy (server/proxy/allowlist.ts), as GraphQL gateways with cost
 * limits do.
 *
 * Every measure is taken once per fragment and memoized, so a "fragment bomb" (fragments that each spread the
 * next one twice: 22 fragments, 2^22 fields, in under 1 KB) is measured in time linear in the document, not in
 * what it would expand to. The check runs right after parsing and before graphql-js validation, whose
 * overlapping-fields rule compares every pair of same-named fields (1,000 aliases: a million comparisons).
 */
import { GraphQLError, Kind, parse, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export const QUERY_LIMITS = {
  /**
   * Tokens the parser reads before giving up: parsing is the one cost paid before any limit can be measured
   * (12,000 tokens take graphql-js 30–100 ms). A batch of 6 views has 345, of 30 views 1,281.
   */
  tokens: 5_000,
  /** Nesting of fields (views hold dashboards that hold views…); the elements' deepest document nests 7. */
  depth: 10,
  /**
   * Top-level fields of one operation, aliases counted: each may start a computation (insight views, searches,
   * aggregations). The elements batch 6 views per request by default (`maxViewsPerRequest`).
   */
  rootFields: 30,
  /** Aliased fields anywhere, once fragments are expanded. */
  aliases: 100,
  /**
   * Fields in one selection set, through its fragments: graphql-js's overlapping-fields rule compares them in pairs,
   * so 400 fields in one set blocked validation for up to 0.5 s. The elements' widest set has 7.
   */
  breadth: 50,
  /** Fields once fragments are expanded: the complexity budget (a batch of 6 views is about 450). */
  fields: 5_000,
} as const;

export type QueryLimits = { readonly [K in keyof typeof QUERY_LIMITS]: number };

export interface QueryCost {
  depth: number;
  rootFields: number;
  breadth: number;
  aliases: number;
  fields: number;
}

interface SetCost {
  depth: number;
  /** Fields directly in the set (through fragments, not nested): the root-field count of an operation. */
  own: number;
  /** The most fields directly in any one set, this one or one below it. */
  breadth: number;
  aliases: number;
  fields: number;
}

const ZERO: SetCost = { depth: 0, own: 0, breadth: 0, aliases: 0, fields: 0 };

/**
 * The cost of the most expensive operation in `document` (each measure taken on its own). A fragment that
 * spreads itself, directly or not, costs Infinity: validation would refuse it, and it must not loop here.
 */
export function queryCost(document: DocumentNode): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, SetCost>();
  const visiting = new Set<string>();

  function fragmentCost(name: string): SetCost {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment) return ZERO; // validation names it
    if (visiting.has(name)) return { depth: Infinity, own: Infinity, breadth: Infinity, aliases: Infinity, fields: Infinity };
    visiting.add(name);
    const cost = setCost(fragment.selectionSet);
    visiting.delete(name);
    memo.set(name, cost);
    return cost;
  }

  function setCost(set: SelectionSetNode): SetCost {
    const total = { depth: 0, own: 0, breadth: 0, aliases: 0, fields: 0 };
    for (const selection of set.selections) {
      let inner: SetCost;
      if (selection.kind === Kind.FIELD) {
        const below = selection.selectionSet ? setCost(selection.selectionSet) : ZERO;
        inner = { depth: 1 + below.depth, own: 1, breadth: below.breadth, aliases: below.aliases + (selection.alias ? 1 : 0), fields: 1 + below.fields };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = setCost(selection.selectionSet);
      } else {
        inner = fragmentCost(selection.name.value);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.own += inner.own;
      total.breadth = Math.max(total.breadth, inner.breadth);
      total.aliases += inner.aliases;
      total.fields += inner.fields;
    }
    total.breadth = Math.max(total.breadth, total.own);
    return total;
  }

  const cost: QueryCost = { depth: 0, rootFields: 0, breadth: 0, aliases: 0, fields: 0 };
  for (const definition of document.definitions as readonly DefinitionNode[]) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation = setCost(definition.selectionSet);
    cost.depth = Math.max(cost.depth, operation.depth);
    cost.rootFields = Math.max(cost.rootFields, operation.own);
    cost.breadth = Math.max(cost.breadth, operation.breadth);
    cost.aliases = Math.max(cost.aliases, operation.aliases);
    cost.fields = Math.max(cost.fields, operation.fields);
  }
  return cost;
}

/**
 * The document; or graphql-js's syntax error; or, past the token limit (which graphql-js words as "Document
 * contains more that N tokens"), a sentence that names the limit.
 */
export function parseQuery(query: string, limits: QueryLimits = QUERY_LIMITS): { document: DocumentNode } | { syntaxError: string } | { tooLong: string } {
  try {
    return { document: parse(query, { maxTokens: limits.tokens }) };
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : String(error);
    if (/contains more th\w+ \d+ tokens/.test(message)) {
      return { tooLong: `the query has more than ${limits.tokens.toLocaleString('en-US')} tokens, the most that are read.` };
    }
    return { syntaxError: message };
  }
}

/** One sentence per limit `document` goes over (none when it is within them all). */
export function queryCostProblems(document: DocumentNode, limits: QueryLimits = QUERY_LIMITS): string[] {
  const cost = queryCost(document);
  const count = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US') : 'endlessly many');
  const problems: string[] = [];
  if (cost.depth > limits.depth) problems.push(`the query nests fields ${count(cost.depth)} deep; at most ${limits.depth} are answered.`);
  if (cost.rootFields > limits.rootFields) {
    problems.push(`the query asks for ${count(cost.rootFields)} top-level fields; at most ${limits.rootFields} are answered in one request (send several requests).`);
  }
  if (cost.breadth > limits.breadth) {
    problems.push(`the query selects ${count(cost.breadth)} fields in one selection set; at most ${limits.breadth} are answered.`);
  }
  if (cost.aliases > limits.aliases) problems.push(`the query has ${count(cost.aliases)} aliased fields; at most ${limits.aliases.toLocaleString('en-US')} are answered.`);
  if (cost.fields > limits.fields) {
    problems.push(`the query selects ${count(cost.fields)} fields once its fragments are expanded; at most ${limits.fields.toLocaleString('en-US')} are answered.`);
  }
  return problems;
}
