/**
 * Per-blob results with memoization. A blob's content never changes, so a
 * result computed once for (blob id, store key) is reused by every commit and
 * every repository that contains that blob: consecutive points of a series
 * share almost all blobs, and new commits only cost their new blobs.
 */
import { throwIfAborted } from './errors.ts';
import type { GitRepository, TreeFile } from './repository.ts';
import type { ResultStore, StoredValue } from './result-cache.ts';

/** Sourcegraph skips files over 1 MiB when searching. */
export const MAX_SEARCHED_FILE_BYTES = 1024 * 1024;

/** Reads in flight per repository: enough to keep `cat-file --batch` busy, few enough to stop soon after an abort. */
const READ_AHEAD = 32;

/**
 * A batch is evaluated once it holds this much text or this many blobs (and at
 * the end). Large batches share the fixed cost of an evaluation call (the regexp
 * time limit's watchdog, ~0.1–0.2 ms) over many blobs; the size bound keeps the
 * time limit meaningful (it covers at most ~1.5 MiB of text) and ordinary
 * patterns well within the main thread's slice (regexp-budget.ts).
 */
const BATCH = { bytes: 512 * 1024, blobs: 512 };

/** Binary files are skipped like git and Sourcegraph do: a NUL byte in the first 8 KB. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8192).includes(0);
}

/**
 * Evaluates blob contents, one value per content in order. Called with many
 * blobs at once (see BATCH). A throw or rejection fails the whole call and
 * caches nothing of that batch.
 */
export type BatchEvaluator = (contents: readonly Buffer[]) => StoredValue[] | Promise<StoredValue[]>;

/**
 * Calls onResult(file, value) for every file, evaluating each distinct blob
 * not yet in `store` once. Blobs missing from the repository are skipped.
 */
export async function forEachBlobResult(
  repository: GitRepository,
  files: readonly TreeFile[],
  store: ResultStore,
  evaluate: BatchEvaluator,
  onResult: (file: TreeFile, value: StoredValue) => void,
  signal?: AbortSignal,
): Promise<void> {
  const filesByMissingBlob = new Map<string, TreeFile[]>();
  for (const file of files) {
    const cached = store.get(file.blob);
    if (cached !== undefined) {
      onResult(file, cached);
      continue;
    }
    const sameBlob = filesByMissingBlob.get(file.blob);
    if (sameBlob) sameBlob.push(file);
    else filesByMissingBlob.set(file.blob, [file]);
  }
  if (filesByMissingBlob.size === 0) return;

  let blobs: string[] = [];
  let contents: Buffer[] = [];
  let bytes = 0;
  const evaluateBatch = async (): Promise<void> => {
    const batchBlobs = blobs;
    const batchContents = contents;
    blobs = [];
    contents = [];
    bytes = 0;
    const values = await evaluate(batchContents);
    batchBlobs.forEach((blob, index) => {
      store.set(blob, values[index]);
      for (const file of filesByMissingBlob.get(blob)!) onResult(file, values[index]);
    });
  };
  // One batch is evaluated at a time (on a worker, that can take a while): readers that fill the next one wait for it.
  let evaluating: Promise<void> | null = null;
  const startBatch = (): Promise<void> => {
    const started = evaluateBatch().finally(() => {
      if (evaluating === started) evaluating = null;
    });
    evaluating = started;
    return started;
  };

  const queue = [...filesByMissingBlob.keys()];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < queue.length && !failed) {
      throwIfAborted(signal);
      const blob = queue[next++];
      try {
        const content = await repository.readBlob(blob);
        if (content === null || failed) continue;
        blobs.push(blob);
        contents.push(content);
        bytes += content.length;
        // Evaluated right here, between reads: the reads already asked for keep cat-file busy meanwhile.
        while (!failed && (bytes >= BATCH.bytes || blobs.length >= BATCH.blobs)) await (evaluating ?? startBatch());
      } catch (error) {
        // Stop the other workers too: the whole result is lost anyway.
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, queue.length) }, worker));
  throwIfAborted(signal);
  if (blobs.length > 0) await startBatch();
}
