/**
 * Closed-loop load: `concurrency` virtual users each send their next request as soon as the last is answered,
 * until `seconds` have passed; every request's latency and status is kept for the figures.
 */
import { send, type Answer, type Call } from './http-client.ts';

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answers by status (`0`: no HTTP answer at all). */
  statuses: Record<string, number>;
  /** A few examples of what failed, for the report. */
  failures: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs the load. `next(user, i)` gives a user's i-th call; a user may chain several calls in one step by
 * returning a function that sends them (it gets `send` bound to the server).
 */
export async function drive(
  base: string,
  options: { concurrency: number; seconds: number },
  step: (user: number, i: number, call: (c: Call) => Promise<Answer>) => Promise<void>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  const record = (call: Call) => async (answer: Answer) => {
    latencies.push(answer.ms);
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    if ((answer.status === 0 || answer.status >= 500) && failures.length < 5) failures.push(`${call.method ?? 'GET'} ${call.path.slice(0, 80)}: ${answer.status} ${answer.error ?? answer.text.slice(0, 160)}`);
    return answer;
  };
  const call = (c: Call) => send(base, c).then(record(c));
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, user) => {
      for (let i = 0; performance.now() < deadline; i++) await step(user, i, call);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: Math.round((sorted.length / elapsed) * 10) / 10,
    p50Ms: Math.round(percentile(sorted, 50)),
    p99Ms: Math.round(percentile(sorted, 99)),
    maxMs: Math.round(sorted.at(-1) ?? 0),
    statuses,
    failures,
  };
}
