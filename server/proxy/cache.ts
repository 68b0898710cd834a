/**
 * A small response cache in front of the upstream instance, so that a popular wiki page does not multiply load
 * on it: answers kept for a few seconds, bounded in entries and bytes (oldest used goes first), and identical
 * requests in flight at the same time share one upstream call (even with caching off: that only merges requests
 * that would otherwise race each other).
 */

export interface CachedAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface ResponseCacheOptions {
  /** Seconds an answer stays fresh; 0 turns caching off. */
  ttlSeconds: number;
  maxEntries?: number;
  /** Total size of kept bodies (UTF-16 code units, close enough to bytes for JSON). */
  maxBytes?: number;
  now?: () => number;
}

interface Entry {
  answer: CachedAnswer;
  expires: number;
  /** The key's length and the body's: both are held (a request's variables are part of its key). */
  size: number;
}

export class ResponseCache {
  readonly #ttl: number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #now: () => number;
  /** Map order is use order: the first key is the least recently used. */
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<CachedAnswer>>();
  #bytes = 0;

  constructor(options: ResponseCacheOptions) {
    this.#ttl = Math.max(0, options.ttlSeconds) * 1000;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The answer for `key`: from the cache while fresh, else from the call already running for it, else from
   * `load()`. A loaded answer is kept only when `cacheable(answer)` says so.
   */
  async get(key: string, load: () => Promise<CachedAnswer>, cacheable: (answer: CachedAnswer) => boolean): Promise<CachedAnswer> {
    const hit = this.#fresh(key);
    if (hit) return hit;
    const running = this.#inFlight.get(key);
    if (running) return running;
    const call = load().then((answer) => {
      if (this.#ttl > 0 && cacheable(answer)) this.#store(key, answer);
      return answer;
    });
    this.#inFlight.set(key, call);
    try {
      return await call;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  #fresh(key: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#delete(key);
    if (entry.expires <= this.#now()) return undefined;
    this.#entries.set(key, entry); // most recently used now
    this.#bytes += entry.size;
    return entry.answer;
  }

  #store(key: string, answer: CachedAnswer): void {
    const size = key.length + answer.body.length;
    if (size > this.#maxBytes / 4) return; // one huge answer must not flush everything else
    this.#delete(key);
    const now = this.#now();
    this.#entries.set(key, { answer, expires: now + this.#ttl, size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      // Expired answers go too: with one TTL for all, the least recently used are the first to expire.
      if (entry.expires > now && this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.size;
    this.#entries.delete(key);
  }
}
