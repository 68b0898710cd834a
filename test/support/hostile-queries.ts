/** GraphQL documents a hostile client sends, for the hardening tests and the load test. */

/** Fragments that each spread the next one twice: `depth` of them select 2^depth fields in a few hundred bytes. */
export function fragmentBomb(depth: number): string {
  const fragments = Array.from({ length: depth }, (_, i) => `fragment F${i} on InsightView { ...F${i + 1} ...F${i + 1} }`);
  return `{ insightViews { nodes { ...F0 } } } ${fragments.join(' ')} fragment F${depth} on InsightView { id }`;
}

/** `count` aliases of one field each (`field(i)` is the i-th's selection): one request asking for `count` computations. */
export function aliasFlood(count: number, field: (i: number) => string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
}
