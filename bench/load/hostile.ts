/**
 * The hostile requests of the load test: what a hostile page or client sends the servers, each with the answer
 * it must get and how fast. Every one is sent together with an ordinary request to the same server, which must
 * still be answered promptly: a refusal that costs everyone else their answers is no refusal.
 */
import { aliasFlood, fragmentBomb } from '../../test/support/hostile-queries.ts';
import { FIXTURE_LIKE_QUERY } from './queries.ts';
import { graphql, JSON_HEADERS, type Answer, type Call } from './http-client.ts';

export interface HostileCase {
  name: string;
  server: 'local' | 'proxy';
  /** Sent at once (several for the cases that are about concurrency). */
  calls: Call[];
  /** What is wrong with an answer; undefined when it is the refusal expected. */
  check: (answer: Answer) => string | undefined;
  /** The slowest any of its answers may be. */
  limitMs: number;
}

/** An ordinary request sent while a hostile one is being handled must be answered within this. */
export const ORDINARY_LIMIT_MS = 500;
/** Refusals that need no work: costly queries and oversized images. */
const REFUSAL_MS = 100;
/** The local server's regular-expression time limit (engine/regexp-budget.ts), plus git and HTTP. */
const REGEXP_MS = 2000 + 1500;

function status(expected: number | number[], text?: RegExp) {
  const statuses = [expected].flat();
  return (answer: Answer) => {
    if (!statuses.includes(answer.status)) return `answered ${answer.status || answer.error} (expected ${statuses.join(' or ')}): ${answer.text.slice(0, 200)}`;
    if (text && !text.test(answer.text)) return `the answer does not say ${text}: ${answer.text.slice(0, 200)}`;
    return undefined;
  };
}

function graphqlError(message: RegExp) {
  return (answer: Answer) => {
    if (answer.status !== 200) return `answered ${answer.status || answer.error}: ${answer.text.slice(0, 200)}`;
    try {
      const { errors } = JSON.parse(answer.text) as { errors?: { message: string }[] };
      return errors?.some((e) => message.test(e.message)) ? undefined : `no error matching ${message}: ${answer.text.slice(0, 300)}`;
    } catch {
      return `not JSON: ${answer.text.slice(0, 200)}`;
    }
  };
}

const AGGREGATE = `query Runaway($query: String!) { searchQueryAggregate(query: $query, patternType: regexp) {
  aggregations(mode: REPO, limit: 10, extendedTimeout: false) { __typename } } }`;

/** A pattern that backtracks for ever on the slow repository's runs of a's (distinct per `i`, so none is shared). */
function runaway(i: number): Call {
  return graphql(AGGREGATE, { query: `repo:slow patterntype:regexp (a+)+$|q${i}q` }, 'Runaway');
}

export function hostileCases(context: { insightId: string; localHost: string; proxyHost: string }): HostileCase[] {
  const id = encodeURIComponent(context.insightId);
  const costly = /Refused.*(fields once its fragments are expanded|top-level fields|more than [\d,]+ tokens)/;
  const bigBody = { method: 'POST', path: '/.api/graphql', headers: JSON_HEADERS, body: Buffer.alloc(10 * 1024 * 1024, 32) };
  const rebound = (host: string) => ({ ...graphql(FIXTURE_LIKE_QUERY), headers: { ...JSON_HEADERS, Host: `evil.example:${host.split(':')[1]}`, Origin: `http://evil.example:${host.split(':')[1]}` } });
  const foreign = { ...graphql(FIXTURE_LIKE_QUERY), headers: { ...JSON_HEADERS, Origin: 'https://evil.example' } };
  const plainText = { ...graphql(FIXTURE_LIKE_QUERY), headers: { 'Content-Type': 'text/plain' } };
  return [
    { name: 'fragment bomb (40 fragments, 2^40 fields)', server: 'local', calls: [graphql(fragmentBomb(40))], check: graphqlError(costly), limitMs: REFUSAL_MS },
    { name: 'alias flood (1,000 aliased views)', server: 'local', calls: [graphql(aliasFlood(1000, () => `insightViews(id: "${context.insightId}") { nodes { id } }`))], check: graphqlError(costly), limitMs: REFUSAL_MS },
    { name: 'huge image (3840 × 19990 PNG at scale 3)', server: 'local', calls: [{ path: `/embed/insight/${id}.png?width=3840&height=19990&scale=3` }], check: status([400, 413]), limitMs: REFUSAL_MS },
    { name: 'absurd series-limit', server: 'local', calls: [{ path: `/embed/insight/${id}.svg?series-limit=999999999999` }], check: status(400), limitMs: REFUSAL_MS },
    { name: 'bad percent-encoding (embed, export, page)', server: 'local', calls: [{ path: '/embed/insight/%E0%A4%A.svg' }, { path: '/.api/insights/export/%E0%A4%A' }, { path: '/%E0%A4%A' }], check: status([400, 404]), limitMs: REFUSAL_MS },
    { name: '10 MB body', server: 'local', calls: [bigBody], check: status(413, /larger than 1 MB/), limitMs: 1000 },
    { name: 'foreign origin', server: 'local', calls: [foreign], check: status(403, /--allow-origin/), limitMs: REFUSAL_MS },
    { name: 'rebound host (DNS rebinding)', server: 'local', calls: [rebound(context.localHost)], check: status(403, /--allow-host/), limitMs: REFUSAL_MS },
    { name: 'text/plain POST', server: 'local', calls: [plainText], check: status(415), limitMs: REFUSAL_MS },
    { name: 'runaway regular expression', server: 'local', calls: [runaway(0)], check: graphqlError(/took too long to run/), limitMs: REGEXP_MS },
    { name: '10 runaway regular expressions at once', server: 'local', calls: Array.from({ length: 10 }, (_, i) => runaway(i + 1)), check: graphqlError(/took too long to run|busy/), limitMs: 5 * REGEXP_MS },
    { name: 'fragment bomb', server: 'proxy', calls: [graphql(fragmentBomb(40))], check: graphqlError(costly), limitMs: REFUSAL_MS },
    { name: 'alias flood (1,000 aggregations)', server: 'proxy', calls: [graphql(aliasFlood(1000, () => 'searchQueryAggregate(query: "x", patternType: literal) { __typename }'))], check: graphqlError(costly), limitMs: REFUSAL_MS },
    { name: '10 MB body', server: 'proxy', calls: [bigBody], check: status(413, /larger than 1 MB/), limitMs: 1000 },
    { name: 'foreign origin', server: 'proxy', calls: [foreign], check: status(403, /--allow-origin/), limitMs: REFUSAL_MS },
    { name: 'rebound host (DNS rebinding)', server: 'proxy', calls: [rebound(context.proxyHost)], check: status(403, /--allow-host/), limitMs: REFUSAL_MS },
    { name: 'text/plain POST', server: 'proxy', calls: [plainText], check: status(415), limitMs: REFUSAL_MS },
  ];
}
