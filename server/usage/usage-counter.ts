/**
 * Views per insight, per dashboard and per image embed, counted by the server (proxy mode and the embeds) for the
 * reports' "most viewed" and "not viewed this period". Only ids and day counts: no user, address, page or time
 * of day, so nothing here is personal data. In memory, optionally written to a file now and then (and read
 * back at start), so a restart or a report run elsewhere sees the counts.
 *
 * Ids come from requests anyone can send, so only views that happened are counted: ids shaped like the
 * instance's, after the request was answered with that insight or dashboard, at most MAX_VIEWS_PER_REQUEST per
 * request. The counter is bounded too: at most MAX_KEYS ids per map (new ones past that are not counted) and
 * days older than KEEP_DAYS are dropped.
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

const MAX_KEYS = 10_000;
/**
 * Views one GraphQL request stands for: the elements' client asks for 6 insights a request by default, and a
 * page may raise that; 32 is well past any real batch, and a body of 12,000 ids costs 32 look-ups, not 12,000.
 */
export const MAX_VIEWS_PER_REQUEST = 32;
const KEEP_DAYS = 400;
/** How often changed counts are written to the file. */
const SAVE_EVERY_MS = 60_000;

/** The `from` parameter of a report's image URLs: a chat client showing a report is not a reader opening the insight. */
export const REPORT_SOURCE = 'report';

/**
 * Another code-insights-server (a report run, a proxy in front of this one) is not a reader, nor is a chat's
 * link unfurler or image proxy (Slackbot, Slack-ImgProxy, Discordbot, Mattermost, Teams, Telegram and the like).
 */
export function fromReader(userAgent: string | undefined): boolean {
  return !/^code-insights-server\b|bot\b|Slack-ImgProxy|Mattermost|SkypeUriPreview|facebookexternalhit|Slack-LinkExpanding/i.test(userAgent ?? '');
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

type Counts = Map<string, Record<string, number>>;

/**
 * Sourcegraph's ids are base64 of `insight_view:"…"` and `dashboard:{…}` (the local server's too): anything else
 * (`Reset-your-password-at-evil.example`) is no insight of any instance, and is not counted.
 */
export function looksLikeId(id: unknown, kind: 'insight' | 'dashboard'): id is string {
  if (typeof id !== 'string' || id.length > 400 || !/^[A-Za-z0-9+/]+={0,2}$/.test(id)) return false;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  return kind === 'insight' ? /^insight_view:"[^"]+"$/.test(decoded) : /^dashboard:\{.+\}$/.test(decoded);
}

export class UsageCounter {
  // Maps, not objects: a new id is a `.size` check (Object.keys of 10,000 ids per id blocked the event loop).
  readonly #insights: Counts = new Map();
  readonly #dashboards: Counts = new Map();
  readonly #embeds: Counts = new Map();
  readonly #file?: string;
  readonly #now: () => number;
  #timer?: NodeJS.Timeout;

  constructor(options: { file?: string; now?: () => number } = {}) {
    this.#file = options.file;
    this.#now = options.now ?? Date.now;
    // A first start has no file yet.
    if (this.#file && existsSync(this.#file)) {
      try {
        const data = readUsageFile(this.#file);
        for (const [map, counts] of [[this.#insights, data.insights], [this.#dashboards, data.dashboards], [this.#embeds, data.embeds]] as const) {
          for (const [id, days] of Object.entries(counts).slice(0, MAX_KEYS)) map.set(id, { ...days });
        }
      } catch (error) {
        console.warn(`Usage counts start afresh: ${(error as Error).message}`);
      }
    }
  }

  insight(id: string): void {
    if (looksLikeId(id, 'insight')) this.#count(this.#insights, id);
  }

  dashboard(id: string): void {
    if (looksLikeId(id, 'dashboard')) this.#count(this.#dashboards, id);
  }

  /** An image drawn (the handler calls this only once it drew the insight or dashboard): a view of the embed and of its target. */
  embed(target: 'insight' | 'dashboard', id: string): void {
    if (!looksLikeId(id, target)) return;
    this.#count(this.#embeds, `${target}/${id}`);
    this.#count(target === 'insight' ? this.#insights : this.#dashboards, id);
  }

  /**
   * The views an answered GraphQL request of the elements stands for: each insight view of the batched
   * `CodeInsightViews` operation (variables `id0`, `id1`, …) that the answer has (alias `v0`, `v1`, … with
   * nodes), and a dashboard the answer has. Called after the answer, so a request the allowlist refused, the
   * instance failed or that named no real insight counts nothing. `answer`: the response body, text or parsed.
   */
  graphql(body: string, answer: unknown): void {
    let request: { operationName?: unknown; variables?: Record<string, unknown> };
    try {
      request = JSON.parse(body);
    } catch {
      return;
    }
    const name = typeof request?.operationName === 'string' ? request.operationName : '';
    const variables = request?.variables && typeof request.variables === 'object' ? request.variables : {};
    const counting = name.startsWith('CodeInsightViews') || name.startsWith('InsightsDashboard');
    const data = counting ? dataOf(answer) : undefined;
    if (!data) return;
    const found = (value: unknown) => Array.isArray((value as { nodes?: unknown })?.nodes) && (value as { nodes: unknown[] }).nodes.length > 0;
    if (name.startsWith('CodeInsightViews')) {
      // Only id0…id31 are looked at, whatever else the body holds.
      for (let i = 0; i < MAX_VIEWS_PER_REQUEST; i++) {
        const id = variables[`id${i}`];
        if (looksLikeId(id, 'insight') && found(data[`v${i}`])) this.#count(this.#insights, id);
      }
    } else if (looksLikeId(variables.id, 'dashboard') && found(data.insightsDashboards)) this.#count(this.#dashboards, variables.id);
  }

  /** A copy of the counts. */
  snapshot(): UsageData {
    const plain = (counts: Counts): DayCounts => {
      const out: DayCounts = {};
      // Defined, not assigned: an id such as `__proto__` is only a key.
      for (const [id, days] of counts) Object.defineProperty(out, id, { value: { ...days }, enumerable: true, writable: true, configurable: true });
      return out;
    };
    return { version: 1, insights: plain(this.#insights), dashboards: plain(this.#dashboards), embeds: plain(this.#embeds) };
  }

  /** Writes the counts now (to a temporary file first, so a crash never leaves half a file). */
  save(): void {
    if (!this.#file) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#prune();
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.snapshot()));
    renameSync(temporary, this.#file);
  }

  #count(counts: Counts, id: string): void {
    let days = counts.get(id);
    if (!days) {
      if (counts.size >= MAX_KEYS) return;
      counts.set(id, (days = {}));
    }
    const day = dayOf(this.#now());
    days[day] = (days[day] ?? 0) + 1;
    if (this.#file && !this.#timer) {
      this.#timer = setTimeout(() => this.save(), SAVE_EVERY_MS);
      this.#timer.unref();
    }
  }

  #prune(): void {
    const oldest = dayOf(this.#now() - KEEP_DAYS * 864e5);
    for (const counts of [this.#insights, this.#dashboards, this.#embeds]) {
      for (const [id, days] of counts) {
        for (const day of Object.keys(days)) if (day < oldest) delete days[day];
        if (!Object.keys(days).length) counts.delete(id);
      }
    }
  }
}

/** The `data` of a GraphQL answer (text, bytes or parsed); undefined when there is none. */
function dataOf(answer: unknown): Record<string, unknown> | undefined {
  let parsed = answer;
  if (typeof answer === 'string' || Buffer.isBuffer(answer)) {
    try {
      parsed = JSON.parse(answer.toString());
    } catch {
      return undefined;
    }
  }
  const data = (parsed as { data?: unknown })?.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}
