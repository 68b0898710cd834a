import { parseStep, type Step } from './step.js';

/**
 * What a card shows, decided from its attributes: where the numbers come from and which chart draws them.
 * Contradictory attributes are an error that names them, never a guess.
 */

export type Kind = 'auto' | 'line' | 'languages' | 'group-by' | 'stat';
export const KINDS: readonly Kind[] = ['auto', 'line', 'languages', 'group-by', 'stat'];

export interface SeriesSpec {
  label: string;
  query: string;
  color?: string;
  captureGroups: boolean;
}

export type InsightSpec =
  | { source: 'data' }
  | { source: 'src'; url: string }
  | { source: 'saved'; id: string }
  | { source: 'preview'; repositories: string[]; repositoryCriteria?: string; step: Step; points: number; series: SeriesSpec[] }
  | { source: 'languages'; repository: string; path?: string }
  | { source: 'group-by'; query: string; mode: GroupByMode | null; limit: number };

export type GroupByMode = 'REPO' | 'PATH' | 'AUTHOR' | 'CAPTURE_GROUP' | 'REPO_METADATA';
const MODES: readonly GroupByMode[] = ['REPO', 'PATH', 'AUTHOR', 'CAPTURE_GROUP', 'REPO_METADATA'];

export interface SpecAttributes {
  kind?: string | null;
  hasData: boolean;
  src?: string | null;
  insightId?: string | null;
  repositories?: string | null;
  repositoryCriteria?: string | null;
  step?: string | null;
  points?: number | null;
  series: readonly SeriesSpec[];
  repository?: string | null;
  path?: string | null;
  query?: string | null;
  mode?: string | null;
  limit?: number | null;
}

/** Thrown for attributes that cannot work together; the message names them. */
export class SpecError extends Error {
  override name = 'SpecError';
}

/** The kind asked for, and where its data comes from. Throws SpecError for contradictions. */
export function resolveSpec(a: SpecAttributes): { kind: Kind; spec: InsightSpec } | undefined {
  const kind = (a.kind?.trim() || 'auto') as Kind;
  if (!KINDS.includes(kind)) throw new SpecError(`kind="${a.kind}" is not one of ${KINDS.join(', ')}.`);
  const adHoc = Boolean(a.repositories?.trim() || a.repositoryCriteria?.trim());
  const sources = [
    a.hasData && 'the data property',
    a.src?.trim() && 'src',
    a.insightId?.trim() && 'insight-id',
    adHoc && (a.repositories?.trim() ? 'repositories' : 'repository-criteria'),
    a.repository?.trim() && 'repository',
    a.query?.trim() && 'query',
  ].filter((s): s is string => Boolean(s));
  if (a.repositories?.trim() && a.repositoryCriteria?.trim()) {
    throw new SpecError('Set repositories or repository-criteria, not both.');
  }
  if (sources.length > 1) throw new SpecError(`Set only one source of data; this card has ${sources.join(' and ')}.`);
  const source = sources[0];
  if (!source && (kind === 'languages' || kind === 'group-by')) {
    throw new SpecError(kind === 'languages' ? 'kind="languages" needs a repository attribute.' : 'kind="group-by" needs a query attribute.');
  }
  if (!source) return undefined;

  // Each kind accepts only the sources that can produce it.
  const accepts: Record<Kind, string[]> = {
    auto: ['the data property', 'src', 'insight-id', 'repositories', 'repository-criteria', 'repository', 'query'],
    line: ['the data property', 'src', 'insight-id', 'repositories', 'repository-criteria'],
    stat: ['the data property', 'src', 'insight-id', 'repositories', 'repository-criteria'],
    languages: ['the data property', 'src', 'insight-id', 'repository'],
    'group-by': ['the data property', 'src', 'query'],
  };
  if (!accepts[kind].includes(source)) {
    const needs = { line: 'insight-id or repositories', stat: 'insight-id or repositories', languages: 'repository', 'group-by': 'query' }[
      kind as Exclude<Kind, 'auto'>
    ];
    throw new SpecError(`kind="${kind}" cannot show ${source}: it needs ${needs}.`);
  }

  switch (source) {
    case 'the data property':
      return { kind, spec: { source: 'data' } };
    case 'src':
      return { kind, spec: { source: 'src', url: a.src!.trim() } };
    case 'insight-id':
      return { kind, spec: { source: 'saved', id: a.insightId!.trim() } };
    case 'repository':
      return { kind, spec: { source: 'languages', repository: a.repository!.trim(), path: a.path?.trim() || undefined } };
    case 'query':
      return { kind, spec: groupBySpec(a) };
  }
  return { kind, spec: previewSpec(a) };
}

function previewSpec(a: SpecAttributes): InsightSpec {
  const step = parseStep(a.step?.trim() || '1mo');
  if (!step) throw new SpecError(`step="${a.step}" is not a step such as 1d, 1w, 1mo or 1y.`);
  const points = a.points ?? 12;
  if (!Number.isInteger(points) || points < 1 || points > 90) throw new SpecError(`points="${a.points}" must be a whole number from 1 to 90.`);
  if (!a.series.length) throw new SpecError('An ad-hoc insight needs <insight-series label="…" query="…"> children.');
  a.series.forEach((s, i) => {
    if (!s.query.trim()) throw new SpecError(`insight-series ${i + 1} has no query.`);
  });
  return {
    source: 'preview',
    repositories: (a.repositories ?? '').split(/[\s,]+/).filter(Boolean),
    repositoryCriteria: a.repositoryCriteria?.trim() || undefined,
    step,
    points,
    series: a.series.map((s, i) => ({ ...s, label: s.label.trim() || `Series ${i + 1}` })),
  };
}

function groupBySpec(a: SpecAttributes): InsightSpec {
  const mode = a.mode?.trim().toUpperCase().replace(/-/g, '_') || null;
  if (mode && !MODES.includes(mode as GroupByMode)) {
    throw new SpecError(`mode="${a.mode}" is not one of repo, path, author, capture-group, repo-metadata.`);
  }
  const limit = a.limit ?? 30;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new SpecError(`limit="${a.limit}" must be a whole number from 1 to 100.`);
  return { source: 'group-by', query: a.query!.trim(), mode: mode as GroupByMode | null, limit };
}
