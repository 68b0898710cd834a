/**
 * A least-recently-used map bounded by total weight (e.g. number of entries
 * inside each value), which is how the engine keeps memory use bounded.
 */
export class WeightedLru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private readonly maxWeight: number;
  private readonly onEvict: ((key: K, value: V) => void) | undefined;
  private weight = 0;

  constructor(maxWeight: number, onEvict?: (key: K, value: V) => void) {
    this.maxWeight = maxWeight;
    this.onEvict = onEvict;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalWeight(): number {
    return this.weight;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V, weight = 1): void {
    const existing = this.entries.get(key);
    if (existing) {
      this.weight -= existing.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight });
    this.weight += weight;
    this.evictOverflow();
  }

  delete(key: K): void {
    const existing = this.entries.get(key);
    if (!existing) return;
    this.weight -= existing.weight;
    this.entries.delete(key);
  }

  /** Entries from least to most recently used. */
  *entriesOldestFirst(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.entries) yield [key, entry.value];
  }

  private evictOverflow(): void {
    // Always keep the newest entry, even if it alone is over the limit.
    while (this.weight > this.maxWeight && this.entries.size > 1) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [K, { value: V; weight: number }];
      this.entries.delete(oldestKey);
      this.weight -= oldest.weight;
      this.onEvict?.(oldestKey, oldest.value);
    }
  }
}
