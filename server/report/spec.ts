/**
 * What a report is about: a dashboard or insight ids, their goals, the period, the recipients. Given by flags, by
 * a report file (JSON), or both (flags win); checked here, before anything is fetched, with messages that name
 * the field. Goal fields have the card's attribute names in camelCase (goal, goalDate, goalSeries, better,
 * baselineDate, trendWindow) and go through the card's own check (goalOptions), so a goal means the same in
 * a report as on the card.
 */
import { goalOptions, type GoalAttributes } from '../../src/api/goal-options.ts';
import { parsePeriod } from '../../src/model/change.ts';
import type { GoalOptions } from '../../src/model/goals.ts';
import { CANARY_DEFAULTS, type CanaryOptions } from './canary.ts';

export interface ReportEntry {
  id: string;
  goals: GoalOptions;
  /** The same goals as the image embeds' URL parameters (goal, goal-date, …), so a chart image draws them too. */
  goalParams?: Record<string, string>;
}

export interface ReportSpec {
  title?: string;
  dashboard?: string;
  /** Insights named one by one (after the dashboard's, when both are given), and goals for any of them. */
  insights: ReportEntry[];
  period: string;
  /** Moves a time back by the period. */
  back: (t: number) => number;
  to: string[];
  from?: string;
  canary: Omit<CanaryOptions, 'now' | 'since'>;
}

export class ReportSpecError extends Error {
  override name = 'ReportSpecError';
}

const GOAL_FIELDS = ['goal', 'goalDate', 'goalSeries', 'better', 'baselineDate', 'trendWindow'] as const;
const ENTRY_FIELDS = new Set<string>(['id', ...GOAL_FIELDS]);
const FILE_FIELDS = new Set(['title', 'dashboard', 'insights', 'period', 'to', 'from', 'canary']);
const CANARY_FIELDS = new Set(Object.keys(CANARY_DEFAULTS));

/** The flags' side of a report; every field optional. */
export interface ReportFlags {
  title?: string;
  dashboard?: string;
  insights?: string[];
  period?: string;
  to?: string[];
  from?: string;
  canary?: Partial<CanaryOptions>;
}

/** The report file's text and the flags, as one checked spec. */
export function reportSpec(flags: ReportFlags, fileText?: string, fileName = 'the report file'): ReportSpec {
  const file = fileText === undefined ? {} : parseFile(fileText, fileName);
  const where = (field: string) => `${field} in ${fileName}`;
  const entries = new Map<string, ReportEntry>();
  for (const entry of file.insights ?? []) entries.set(entry.id, entry);
  for (const id of flags.insights ?? []) if (!entries.has(id)) entries.set(id, { id, goals: {} });
  const dashboard = flags.dashboard ?? file.dashboard;
  if (!dashboard && !entries.size) throw new ReportSpecError('Nothing to report on: give --dashboard ID, --insight ID (repeatable) or a report file that names them.');
  const period = flags.period ?? file.period ?? '1w';
  const back = parsePeriod(period);
  if (!back) throw new ReportSpecError(`The period "${period}" is not valid: expected one such as 1w, 2w, 1mo, 1q or 1y.`);
  const canary = { ...CANARY_DEFAULTS, ...file.canary, ...flags.canary };
  for (const [name, value] of Object.entries(canary)) {
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) throw new ReportSpecError(`The canary's ${name} must be a number ≥ 0, not ${JSON.stringify(value)}.`);
  }
  const to = flags.to?.length ? flags.to : (file.to ?? []);
  const from = flags.from ?? file.from;
  const address = (value: string, field: string) => {
    // `team@example.com`, or with a name: `Code insights <insights@example.com>`.
    if (!/^(?:[^\s@<>]+@[^\s@<>]+|[^<>@]*<[^\s@<>]+@[^\s@<>]+>)$/.test(value.trim())) throw new ReportSpecError(`"${value}" is not an e-mail address (${where(field)} or --${field}).`);
  };
  to.forEach((a) => address(a, 'to'));
  if (from !== undefined) address(from, 'from');
  return { title: flags.title ?? file.title, dashboard, insights: [...entries.values()], period, back, to, from, canary };
}

interface ReportFile {
  title?: string;
  dashboard?: string;
  insights?: ReportEntry[];
  period?: string;
  to?: string[];
  from?: string;
  canary?: Partial<CanaryOptions>;
}

function parseFile(text: string, name: string): ReportFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportSpecError(`${name} is not JSON: ${(error as Error).message}`);
  }
  const file = object(json, name);
  unknownFields(file, FILE_FIELDS, name);
  const result: ReportFile = {
    title: optionalString(file.title, `title in ${name}`),
    dashboard: optionalString(file.dashboard, `dashboard in ${name}`),
    period: optionalString(file.period, `period in ${name}`),
    from: optionalString(file.from, `from in ${name}`),
  };
  if (file.to !== undefined) {
    const to = typeof file.to === 'string' ? [file.to] : file.to;
    if (!Array.isArray(to) || !to.every((a) => typeof a === 'string')) throw new ReportSpecError(`to in ${name} must be an address or a list of addresses.`);
    result.to = to;
  }
  if (file.insights !== undefined) {
    if (!Array.isArray(file.insights)) throw new ReportSpecError(`insights in ${name} must be a list of insight ids or objects with an id.`);
    result.insights = file.insights.map((item, i) => entry(item, `insights[${i}] in ${name}`));
  }
  if (file.canary !== undefined) {
    const canary = object(file.canary, `canary in ${name}`);
    unknownFields(canary, CANARY_FIELDS, `canary in ${name}`);
    result.canary = canary as Partial<CanaryOptions>;
  }
  return result;
}

function entry(item: unknown, where: string): ReportEntry {
  if (typeof item === 'string' && item.trim()) return { id: item.trim(), goals: {} };
  const fields = object(item, where);
  unknownFields(fields, ENTRY_FIELDS, where);
  const id = optionalString(fields.id, `id of ${where}`);
  if (!id) throw new ReportSpecError(`${where} needs an id.`);
  const attributes: GoalAttributes = {};
  for (const field of GOAL_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    const numeric = field === 'goal' || field === 'trendWindow';
    if (numeric ? typeof value !== 'number' : typeof value !== 'string') throw new ReportSpecError(`${field} of ${where} must be a ${numeric ? 'number' : 'string'}.`);
    Object.assign(attributes, { [field]: value });
  }
  try {
    return { id, goals: goalOptions(attributes), goalParams: goalParams(attributes) };
  } catch (error) {
    // The card's message names the attribute (goal-date); the file's field is goalDate, and the entry says which insight.
    throw new ReportSpecError(`${where}: ${(error as Error).message}`);
  }
}

/** The file's camelCase goal fields as the embeds' kebab-case parameters (goalDate → goal-date). */
function goalParams(attributes: GoalAttributes): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([field, value]) => [field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(value)]));
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ReportSpecError(`${where} must be a JSON object.`);
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new ReportSpecError(`${where} must be a non-empty string.`);
  return value.trim();
}

function unknownFields(fields: Record<string, unknown>, known: Set<string>, where: string): void {
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length) throw new ReportSpecError(`${where} has fields a report does not know: ${unknown.join(', ')} (known: ${[...known].join(', ')}).`);
}
