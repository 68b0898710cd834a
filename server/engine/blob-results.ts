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

/** Binary files are skipped like git and Sourcegraph do: a NUL byte in the first 8 KB. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8192).includes(0);
}

/**
 * Calls onResult(file, value) for every file, evaluating each distinct blob
 * not yet in `store` once. Blobs missing from the repository are skipped.
 */
export async function forEachBlobResult(
  repository: GitRepository,
  files: readonly TreeFile[],
  store: ResultStore,
  evaluate: (content: Buffer) => StoredValue,
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

  const queue = [...filesByMissingBlob];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < queue.length && !failed) {
      throwIfAborted(signal);
      const [blob, blobFiles] = queue[next++];
      const content = await repository.readBlob(blob).catch((error: unknown) => {
        // Stop the other workers too: the whole result is lost anyway.
        failed = true;
        throw error;
      });
      if (content === null) continue;
      const value = evaluate(content);
      store.set(blob, value);
      for (const file of blobFiles) onResult(file, value);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, queue.length) }, worker));
}
