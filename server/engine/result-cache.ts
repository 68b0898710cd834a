/**
 * Memoized results, in memory and optionally on disk.
 *
 * Everything cached is keyed by git object ids, so entries never go stale:
 * - "blobs":  blob id → match count (or capture counts) for one pattern;
 * - "points": commit id → total for one query (all files of that commit's tree);
 * - "lines":  blob id → line count (-1 = binary) for language statistics.
 * A store holds one namespace+key (e.g. one pattern); each store is one JSON
 * file under `<cacheDir>/v1/<namespace>/`. Files are written whole to a temp
 * file and renamed into place, so a reader never sees half a file; a file that
 * does not parse is ignored (and later overwritten). Deleting the folder is
 * always safe. Disk errors never fail a search: the cache is only a speed-up.
 *
 * Memory is bounded: each store keeps at most a fixed weight of entries (LRU),
 * and only a few stores per namespace stay loaded. So is the disk: every
 * distinct pattern writes a store, so past DEFAULT_MAX_DISK_BYTES the files
 * written longest ago are deleted (a hostile client sending ever new patterns
 * grew the folder by 6 MB a request).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WeightedLru } from './lru.ts';
import type { CaptureCounts } from './matcher.ts';

export type StoredValue = number | CaptureCounts;
export type CacheNamespace = 'blobs' | 'points' | 'lines';

/** The cache folder's size, at most. */
export const DEFAULT_MAX_DISK_BYTES = 256 * 1024 * 1024;

const FORMAT = 'code-insights-engine-cache';
const FORMAT_VERSION = 1;

/** Weight = entries (+ capture values). ~100 bytes per unit, so blob stores stay around 25 MB each. */
const LIMITS: Readonly<Record<CacheNamespace, { maxWeightPerStore: number; maxStores: number }>> = {
  blobs: { maxWeightPerStore: 250_000, maxStores: 4 },
  points: { maxWeightPerStore: 50_000, maxStores: 32 },
  lines: { maxWeightPerStore: 250_000, maxStores: 1 },
};

function weightOf(value: StoredValue): number {
  return typeof value === 'number' ? 1 : 1 + value.length;
}

function isStoredValue(value: unknown): value is StoredValue {
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((pair) =>
    Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'number');
}

export class ResultStore {
  readonly namespace: CacheNamespace;
  readonly key: string;
  /** Where the store is persisted; null when the cache is memory-only. */
  readonly file: string | null;
  private readonly values: WeightedLru<string, StoredValue>;
  private readonly onDirty: (store: ResultStore) => void;
  private dirty = false;
  /** The latest write of this store, so writes never overlap. */
  writing: Promise<void> = Promise.resolve();

  constructor(namespace: CacheNamespace, key: string, file: string | null, onDirty: (store: ResultStore) => void) {
    this.namespace = namespace;
    this.key = key;
    this.file = file;
    this.values = new WeightedLru(LIMITS[namespace].maxWeightPerStore);
    this.onDirty = onDirty;
  }

  get size(): number {
    return this.values.size;
  }

  get(id: string): StoredValue | undefined {
    return this.values.get(id);
  }

  set(id: string, value: StoredValue): void {
    this.values.set(id, value, weightOf(value));
    if (!this.dirty && this.file) {
      this.dirty = true;
      this.onDirty(this);
    }
  }

  /** Adds entries read from disk (oldest first) without marking the store dirty. */
  restore(entries: Iterable<[string, StoredValue]>): void {
    for (const [id, value] of entries) this.values.set(id, value, weightOf(value));
  }

  /** The file content to write now; marks the store clean (later sets make it dirty again). */
  takeSnapshot(): string {
    this.dirty = false;
    return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, namespace: this.namespace, key: this.key, entries: [...this.values.entriesOldestFirst()] });
  }
}

export class ResultCache {
  private readonly directory: string | null;
  private readonly openStores: Record<CacheNamespace, WeightedLru<string, Promise<ResultStore>>>;
  /** Stores with unsaved entries, held even after they leave `openStores` so flush() still saves them. */
  private readonly dirtyStores = new Set<ResultStore>();
  private readonly maxDiskBytes: number;
  /** Files in the folder and their sizes, the least recently written first; read from the folder on first write. */
  private files: Promise<Map<string, number>> | undefined;

  constructor(directory: string | undefined, options: { maxDiskBytes?: number } = {}) {
    this.directory = directory ? join(directory, `v${FORMAT_VERSION}`) : null;
    this.maxDiskBytes = options.maxDiskBytes ?? DEFAULT_MAX_DISK_BYTES;
    this.openStores = {
      blobs: new WeightedLru(LIMITS.blobs.maxStores),
      points: new WeightedLru(LIMITS.points.maxStores),
      lines: new WeightedLru(LIMITS.lines.maxStores),
    };
  }

  /** The store for one namespace+key, loaded from disk on first use. */
  open(namespace: CacheNamespace, key: string): Promise<ResultStore> {
    const stores = this.openStores[namespace];
    const existing = stores.get(key);
    if (existing) return existing;
    const loading = this.load(namespace, key);
    stores.set(key, loading);
    return loading;
  }

  /** Writes every store with new entries to disk. Never rejects. */
  async flush(): Promise<void> {
    const stores = [...this.dirtyStores];
    this.dirtyStores.clear();
    await Promise.all(stores.map((store) => {
      store.writing = store.writing.then(() => this.write(store));
      return store.writing;
    }));
  }

  private async load(namespace: CacheNamespace, key: string): Promise<ResultStore> {
    const file = this.directory ? join(this.directory, namespace, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`) : null;
    const store = new ResultStore(namespace, key, file, (dirty) => this.dirtyStores.add(dirty));
    if (file) store.restore(await readEntries(file, namespace, key));
    return store;
  }

  /** Records a written file and deletes the least recently written ones while the folder is over its size. */
  private async written(file: string, size: number): Promise<void> {
    const files = await (this.files ??= existingFiles(this.directory!));
    files.delete(file);
    files.set(file, size);
    let total = 0;
    for (const bytes of files.values()) total += bytes;
    for (const [oldest, bytes] of files) {
      if (total <= this.maxDiskBytes || oldest === file) break;
      files.delete(oldest);
      total -= bytes;
      await rm(oldest, { force: true });
    }
  }

  private async write(store: ResultStore): Promise<void> {
    if (!store.file) return;
    const temporary = `${store.file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await mkdir(join(store.file, '..'), { recursive: true });
      const snapshot = store.takeSnapshot();
      await writeFile(temporary, snapshot);
      await rename(temporary, store.file);
      await this.written(store.file, Buffer.byteLength(snapshot));
    } catch {
      // Best effort (read-only or full disk, folder deleted meanwhile): the next search recomputes.
      await rm(temporary, { force: true }).catch(() => {});
    }
  }
}

/** Sizes of the store files already in `directory`, the least recently written first. */
async function existingFiles(directory: string): Promise<Map<string, number>> {
  const found: { file: string; size: number; written: number }[] = [];
  for (const namespace of Object.keys(LIMITS)) {
    const folder = join(directory, namespace);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const info = await stat(join(folder, name)).catch(() => undefined);
      if (info) found.push({ file: join(folder, name), size: info.size, written: info.mtimeMs });
    }
  }
  return new Map(found.sort((a, b) => a.written - b.written).map(({ file, size }) => [file, size]));
}

/** Entries of a store file; nothing when it is missing, corrupt, from another format version, or for another key. */
async function readEntries(file: string, namespace: CacheNamespace, key: string): Promise<[string, StoredValue][]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const data = parsed as { format?: unknown; version?: unknown; namespace?: unknown; key?: unknown; entries?: unknown };
  if (data.format !== FORMAT || data.version !== FORMAT_VERSION || data.namespace !== namespace || data.key !== key) return [];
  if (!Array.isArray(data.entries)) return [];
  const entries: [string, StoredValue][] = [];
  for (const entry of data.entries) {
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && /^[0-9a-f]{40,64}$/.test(entry[0]) && isStoredValue(entry[1])) {
      entries.push([entry[0], entry[1]]);
    }
  }
  return entries;
}
