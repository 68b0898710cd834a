/**
 * Lines and bytes per language at HEAD. Lines are newline-terminated lines,
 * plus a final line without newline. Binary files (NUL in the first 8 KB) and
 * files of unknown language are left out; large text files are counted.
 */
import { forEachBlobResult, isBinary } from './blob-results.ts';
import type { EngineContext } from './context.ts';
import { EngineError } from './errors.ts';
import { languageForPath } from './languages.ts';

export interface LanguageStatsRequest {
  repository: string;
  /** Only files under this folder (or this exact file); '' or omitted = the whole repository. */
  path?: string;
  signal?: AbortSignal;
}

export interface LanguageStat {
  name: string;
  totalLines: number;
  totalBytes: number;
}

const BINARY = -1;
/** Bumped when line counting changes, so old cached counts are not reused. */
const LINE_COUNT_VERSION = 'lines-v1';

export function countLines(content: Buffer): number {
  let lines = 0;
  for (let index = content.indexOf(0x0a); index !== -1; index = content.indexOf(0x0a, index + 1)) lines++;
  if (content.length > 0 && content[content.length - 1] !== 0x0a) lines++;
  return lines;
}

/** "src/", "/src", "./src" all mean the folder "src". */
function normalizePrefix(path: string | undefined): string {
  return (path ?? '').trim().replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
}

export async function computeLanguageStats(context: EngineContext, request: LanguageStatsRequest): Promise<LanguageStat[]> {
  const repository = context.repositories.get(request.repository);
  if (!repository) {
    throw new EngineError('UNKNOWN_REPOSITORY', `Unknown repository "${request.repository}". Known repositories: ${[...context.repositories.keys()].join(', ') || 'none'}.`);
  }
  const { signal } = request;
  const head = await repository.resolveHead(signal);
  if (head === null) return [];
  const prefix = normalizePrefix(request.path);
  const files = (await repository.listFiles(head, signal)).filter((file) =>
    (prefix === '' || file.path === prefix || file.path.startsWith(`${prefix}/`)) && languageForPath(file.path) !== null);

  const totals = new Map<string, LanguageStat>();
  const lineCounts = await context.results.open('lines', LINE_COUNT_VERSION);
  try {
    // No user regexp runs here, so the batch needs no time limit.
    const lineCountsOf = (contents: readonly Buffer[]) => contents.map((content) => (isBinary(content) ? BINARY : countLines(content)));
    await forEachBlobResult(repository, files, lineCounts, lineCountsOf, (file, lines) => {
      if (typeof lines !== 'number' || lines === BINARY) return;
      const name = languageForPath(file.path)!;
      const stat = totals.get(name) ?? { name, totalLines: 0, totalBytes: 0 };
      stat.totalLines += lines;
      stat.totalBytes += file.size;
      totals.set(name, stat);
    }, signal);
  } finally {
    await context.results.flush();
  }
  return [...totals.values()].sort((a, b) => b.totalLines - a.totalLines || b.totalBytes - a.totalBytes || (a.name < b.name ? -1 : 1));
}
