import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RepositoryConfig } from '../engine/index.ts';
import type { DashboardDefinition, InsightDefinition } from './source.ts';
import { parseStep, type Step } from './steps.ts';

/**
 * `insights.config.json`: which repositories the server reads, which insights it computes and how they are
 * grouped into dashboards. Paths are relative to the file. See the README for the format.
 */
export interface ServerConfig {
  repositories: RepositoryConfig[];
  insights: ConfiguredInsight[];
  dashboards: DashboardDefinition[];
}

/** An insight whose step may be `auto`: chosen from each repository's history when it is computed. */
export interface ConfiguredInsight extends Omit<InsightDefinition, 'step'> {
  step: Step | 'auto';
  /** For language usage insights: the repository and optional path. */
  path?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Sourcegraph's id for a saved insight view, from the short name the config gives it. */
export const insightViewId = (name: string) => Buffer.from(`insight_view:"${name}"`).toString('base64');
export const dashboardId = (name: string) => Buffer.from(`dashboard:{"IdType":"custom","Arg":"${name}"}`).toString('base64');

export function loadConfig(file: string): ServerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return parseConfig(raw, dirname(resolve(file)));
}

/** A configuration for repositories given on the command line: a few insights every codebase has. */
export function configForRepositories(paths: string[]): ServerConfig {
  const repositories = paths.map((path) => ({ name: `local/${basename(resolve(path))}`, path: resolve(path) }));
  const names = repositories.map((r) => r.name);
  const line = (id: string, title: string, series: [string, string, string][]): ConfiguredInsight => ({
    id: insightViewId(id),
    title,
    kind: 'line',
    repositories: names,
    step: 'auto',
    points: 12,
    series: series.map(([label, query, color], i) => ({ seriesId: `${id}-${i}`, label, query, color })),
  });
  const insights = [
    line('todos', 'TODO and FIXME comments', [
      ['TODO', 'TODO case:yes', 'var(--oc-grape-7)'],
      ['FIXME', 'FIXME case:yes', 'var(--oc-orange-7)'],
    ]),
    line('files', 'Files by kind', [
      ['Source files', 'file:\\.(ts|js|go|py|rs|java|rb|c|cc|cpp)$ -file:test', 'var(--oc-blue-7)'],
      ['Test files', 'file:(test|spec)', 'var(--oc-teal-7)'],
      ['Docs', 'file:\\.md$', 'var(--oc-gray-7)'],
    ]),
  ];
  return { repositories, insights, dashboards: [{ id: dashboardId('overview'), title: 'Overview', insightIds: insights.map((i) => i.id) }] };
}

function parseConfig(raw: unknown, base: string): ServerConfig {
  const config = object(raw, 'the configuration');
  const repositories = list(config.repositories, 'repositories').map((r, i) => {
    const repo = object(r, `repositories[${i}]`);
    return { name: text(repo.name, `repositories[${i}].name`), path: resolve(base, text(repo.path, `repositories[${i}].path`)) };
  });
  const names = repositories.map((r) => r.name);
  /** Config names → insight view ids, for the dashboards. */
  const ids = new Map<string, string>();
  const insights = list(config.insights, 'insights').map((value, i): ConfiguredInsight => {
    const where = `insights[${i}]`;
    const insight = object(value, where);
    const name = text(insight.id, `${where}.id`);
    if (ids.has(name)) throw new ConfigError(`${where}.id "${name}" is used twice.`);
    ids.set(name, insightViewId(name));
    const kind = insight.kind === undefined ? 'line' : text(insight.kind, `${where}.kind`);
    if (kind !== 'line' && kind !== 'languages') throw new ConfigError(`${where}.kind must be "line" or "languages".`);
    const scope = insight.repositories === undefined ? names : list(insight.repositories, `${where}.repositories`).map((r, j) => text(r, `${where}.repositories[${j}]`));
    for (const repo of scope) if (!names.includes(repo)) throw new ConfigError(`${where} names the repository "${repo}", which is not configured.`);
    if (kind === 'languages') {
      return {
        id: insightViewId(name),
        title: text(insight.title, `${where}.title`),
        kind: 'pie',
        repositories: scope.slice(0, 1),
        path: insight.path === undefined ? undefined : text(insight.path, `${where}.path`),
        otherThreshold: insight.otherThreshold === undefined ? 0.03 : Number(insight.otherThreshold),
        step: { unit: 'MONTH', value: 1 },
        points: 0,
        series: [],
      };
    }
    const stepText = insight.step === undefined ? 'auto' : text(insight.step, `${where}.step`);
    const step = stepText === 'auto' ? 'auto' : parseStep(stepText);
    if (!step) throw new ConfigError(`${where}.step "${stepText}" is not a step such as 1d, 1w, 1mo, 1y, or auto.`);
    const points = insight.points === undefined ? 12 : Number(insight.points);
    if (!Number.isInteger(points) || points < 1 || points > 90) throw new ConfigError(`${where}.points must be a whole number from 1 to 90.`);
    return {
      id: insightViewId(name),
      title: text(insight.title, `${where}.title`),
      kind: 'line',
      repositories: scope,
      step,
      points,
      series: list(insight.series, `${where}.series`).map((s, j) => {
        const series = object(s, `${where}.series[${j}]`);
        return {
          seriesId: `${name}-${j}`,
          label: text(series.label, `${where}.series[${j}].label`),
          query: text(series.query, `${where}.series[${j}].query`),
          color: series.color === undefined ? undefined : text(series.color, `${where}.series[${j}].color`),
          captureGroups: series.captureGroups === true,
        };
      }),
    };
  });
  const dashboards = (config.dashboards === undefined ? [] : list(config.dashboards, 'dashboards')).map((value, i) => {
    const dashboard = object(value, `dashboards[${i}]`);
    return {
      id: dashboardId(text(dashboard.id, `dashboards[${i}].id`)),
      title: text(dashboard.title, `dashboards[${i}].title`),
      insightIds: list(dashboard.insights, `dashboards[${i}].insights`).map((n, j) => {
        const id = ids.get(text(n, `dashboards[${i}].insights[${j}]`));
        if (!id) throw new ConfigError(`dashboards[${i}] names the insight "${n}", which is not configured.`);
        return id;
      }),
    };
  });
  return { repositories, insights, dashboards };
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where} must be an object.`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new ConfigError(`${where} must be a list.`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new ConfigError(`${where} must be a non-empty string.`);
  return value;
}
