/**
 * The code that runs users' regular expressions over text, and the jobs it
 * takes: plain data (pattern sources, flags, strings), so that a job can run
 * on the main thread or be posted to a worker thread (regexp-worker-pool.ts).
 *
 * Both threads run the same JavaScript source text, REGEXP_JOB_SOURCE, so a
 * result never depends on where it was computed. It is a string rather than a
 * function's toString(): tsx compiles functions with esbuild's keepNames, which
 * adds calls to a `__name` helper that exists in the module but not in a
 * worker, and a minifier would rename what the worker calls.
 */
import { runInThisContext } from 'node:vm';

/** Sourcegraph's cap on distinct capture-group values in one insight. */
export const MAX_CAPTURE_VALUES = 500;
/**
 * Captured values are series labels: longer ones are cut to this many characters. A pattern such as
 * `([\s\S]+)` would otherwise make whole files into labels, held in memory, on disk and in the answer.
 */
export const MAX_CAPTURE_LENGTH = 100;

/** Distinct values of the first capture group with their match counts, as [value, count] pairs. */
export type CaptureCounts = [string, number][];

/** A regexp as data. */
export interface RegexpPattern {
  readonly source: string;
  readonly flags: string;
}

/** Regexps that a string must all match (include) and must not match (exclude), e.g. file: and -file:. */
export interface RegexpFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly flags: string;
}

export type RegexpJob =
  /** Per text: non-overlapping, non-empty matches. */
  | { readonly op: 'count'; readonly pattern: RegexpPattern; readonly texts: readonly string[] }
  /** Per text: matches per distinct non-empty value of the first capture group (MAX_CAPTURE_VALUES values at most, first seen first). */
  | { readonly op: 'captures'; readonly pattern: RegexpPattern; readonly texts: readonly string[] }
  /** Per text: whether it passes the filter. */
  | { readonly op: 'filter'; readonly filter: RegexpFilter; readonly texts: readonly string[] };

/** What a job returns, one entry per text. */
export interface RegexpJobResults {
  count: number[];
  captures: CaptureCounts[];
  filter: boolean[];
}

export type RegexpJobResult<J extends RegexpJob> = RegexpJobResults[J['op']];

/**
 * Defines `runRegexpJob(job)`. Plain JavaScript without imports; the worker
 * source starts with it (the 'use strict' directive must come first).
 */
export const REGEXP_JOB_SOURCE = String.raw`
'use strict';
function countMatches(regexp, text) {
  let count = 0;
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
    // An empty match would match again at the same place forever: step over it and do not count it.
    if (match[0].length === 0) regexp.lastIndex++;
    else count++;
  }
  return count;
}

function captureCounts(regexp, text) {
  const counts = new Map();
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
    if (match[0].length === 0) {
      regexp.lastIndex++;
      continue;
    }
    const captured = match[1];
    if (captured === undefined || captured === '') continue;
    const value = captured.length > ${MAX_CAPTURE_LENGTH} ? captured.slice(0, ${MAX_CAPTURE_LENGTH}) : captured;
    const current = counts.get(value);
    if (current !== undefined) counts.set(value, current + 1);
    else if (counts.size < ${MAX_CAPTURE_VALUES}) counts.set(value, 1);
  }
  return [...counts];
}

function passesFilter(include, exclude, text) {
  for (const regexp of include) if (!regexp.test(text)) return false;
  for (const regexp of exclude) if (regexp.test(text)) return false;
  return true;
}

function runRegexpJob(job) {
  if (job.op === 'filter') {
    const include = job.filter.include.map((source) => new RegExp(source, job.filter.flags));
    const exclude = job.filter.exclude.map((source) => new RegExp(source, job.filter.flags));
    return job.texts.map((text) => passesFilter(include, exclude, text));
  }
  // A new instance per job: exec() keeps state in lastIndex.
  const regexp = new RegExp(job.pattern.source, job.pattern.flags);
  if (job.op === 'captures') return job.texts.map((text) => captureCounts(regexp, text));
  if (job.op === 'count') return job.texts.map((text) => countMatches(regexp, text));
  throw new TypeError('Unknown regexp job: ' + job.op);
}
`;

/** REGEXP_JOB_SOURCE compiled in this thread's realm (so results are ordinary arrays here). */
const compiledRunRegexpJob = runInThisContext(`(() => {${REGEXP_JOB_SOURCE}\nreturn runRegexpJob;\n})()`, {
  filename: 'regexp-job.js',
}) as (job: RegexpJob) => unknown;

/** Runs a job on this thread, unguarded: callers put a time limit around it (regexp-budget.ts). */
export function runRegexpJob<J extends RegexpJob>(job: J): RegexpJobResult<J> {
  return compiledRunRegexpJob(job) as RegexpJobResult<J>;
}

/** Identifies the regexps of a job (not its texts), e.g. to remember patterns that ran slowly. */
export function regexpJobKey(job: RegexpJob): string {
  return job.op === 'filter'
    ? JSON.stringify([job.op, job.filter.flags, job.filter.include, job.filter.exclude])
    : JSON.stringify(['pattern', job.pattern.flags, job.pattern.source]);
}
