/**
 * Views per insight, per dashboard and per image embed, counted by the server (proxy mode and the embeds) for the
 * reports' "most viewed" and "not viewed this period". Only ids and day counts: no user, address, page or time
 * of day, so nothing here is personal data. In memory, optionally written to a file now and then (and read
 * back at start), so a restart or a report run elsewhere sees the counts.
 *
 * Ids come from requests, so the counter is bounded: at most MAX_KEYS ids per map (new ones past that are not
 * counted) and days older than KEEP_DAYS are dropped.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Per id, views per UTC day (`2026-12-03`). */
export type DayCounts = Record<string, Record<string, number>>;

export interface UsageData {
  version: 1;
  insights: DayCounts;
  dashboards: DayCounts;
  /** Keys `insight/<id>` and `dashboard/<id>`: the image routes. */
  embeds: DayCounts;
}

/** Requests the report itself sends carry this header, so that a report does not count as a view. */
export const REPORT_HEADER = 'x-code-insights-report';

const MAX_KEYS = 10_000;
const MAX_ID_LENGTH = 512;
const KEEP_DAYS = 400;
/** How often changed counts are written to the file. */
const SAVE_EVERY_MS = 60_000;

/** Another code-insights-server (a report run, a proxy in front of this one) is not a reader. */
export function fromReader(userAgent: string | undefined): boolean {
  return !/^code-insights-server\b/.test(userAgent ?? '');
}

export const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

export function emptyUsage(): UsageData {
  return { version: 1, insights: {}, dashboards: {}, embeds: {} };
}

/** The counts in a usage file; throws with a message naming the file when it is not one. */
export function readUsageFile(file: string): UsageData {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a usage file: ${(error as Error).message}`);
  }
  const usage = data as Partial<UsageData>;
  if (usage?.version !== 1 || typeof usage.insights !== 'object' || typeof usage.embeds !== 'object') throw new Error(`${file} is not a usage file (version 1).`);
  return { version: 1, insights: usage.insights ?? {}, dashboards: usage.dashboards ?? {}, embeds: usage.embeds ?? {} };
}

export class UsageCounter {
  readonly #data: UsageData;
  readonly #file?: string;
  readonly #now: () => number;
  #timer?: NodeJS.Timeout;

  constructor(options: { file?: string; now?: () => number } = {}) {
    this.#file = options.file;
    this.#now = options.now ?? Date.now;
    this.#data = emptyUsage();
    // A first start has no file yet.
    if (this.#file && existsSync(this.#file)) {
      try {
        Object.assign(this.#data, readUsageFile(this.#file));
      } catch (error) {
        console.warn(`Usage counts start afresh: ${(error as Error).message}`);
      }
    }
  }

  insight(id: string): void {
    this.#count(this.#data.insights, id);
  }

  dashboard(id: string): void {
    this.#count(this.#data.dashboards, id);
  }

  /** An image: a view of the embed, and of its insight or dashboard. */
  embed(target: 'insight' | 'dashboard', id: string): void {
    this.#count(this.#data.embeds, `${target}/${id}`);
    if (target === 'insight') this.insight(id);
    else this.dashboard(id);
  }

  /**
   * The views a GraphQL request of the elements stands for: each insight view a card asks for (the batched
   * `CodeInsightViews` operation, variables `id0`, `id1`, …), and each dashboard. Anything else counts nothing.
   */
  graphql(body: string): void {
    let request: { operationName?: unknown; variables?: Record<string, unknown> };
    try {
      request = JSON.parse(body);
    } catch {
      return;
    }
    const name = typeof request?.operationName === 'string' ? request.operationName : '';
    const variables = request?.variables && typeof request.variables === 'object' ? request.variables : {};
    if (name.startsWith('CodeInsightViews')) {
      for (const [key, value] of Object.entries(variables)) if (/^id\d+$/.test(key) && typeof value === 'string') this.insight(value);
    } else if (name.startsWith('InsightsDashboard') && typeof variables.id === 'string') this.dashboard(variables.id);
  }

  /** A copy of the counts. */
  snapshot(): UsageData {
    return structuredClone(this.#data);
  }

  /** Writes the counts now (to a temporary file first, so a crash never leaves half a file). */
  save(): void {
    if (!this.#file) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#prune();
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.#data));
    renameSync(temporary, this.#file);
  }

  #count(counts: DayCounts, id: string): void {
    if (!id || id.length > MAX_ID_LENGTH) return;
    if (!Object.hasOwn(counts, id)) {
      if (Object.keys(counts).length >= MAX_KEYS) return;
      // Defined, not assigned: an id such as `__proto__` is only a key.
      Object.defineProperty(counts, id, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    const day = dayOf(this.#now());
    counts[id][day] = (counts[id][day] ?? 0) + 1;
    if (this.#file && !this.#timer) {
      this.#timer = setTimeout(() => this.save(), SAVE_EVERY_MS);
      this.#timer.unref();
    }
  }

  #prune(): void {
    const oldest = dayOf(this.#now() - KEEP_DAYS * 864e5);
    for (const counts of [this.#data.insights, this.#data.dashboards, this.#data.embeds]) {
      for (const [id, days] of Object.entries(counts)) {
        for (const day of Object.keys(days)) if (day < oldest) delete days[day];
        if (!Object.keys(days).length) delete counts[id];
      }
    }
  }
}
