/** "Most viewed" and "not viewed this period", from the counts a server kept (server/usage/usage-counter.ts). */
import { dayOf, type UsageData } from '../usage/usage-counter.ts';
import type { Report } from './collect.ts';

export interface UsageSummary {
  period: string;
  mostViewed: { id: string; title: string; url?: string; views: number }[];
  /** The report's insights nobody opened or embedded in the period. */
  notViewed: { id: string; title: string; url?: string }[];
}

const MOST_VIEWED = 5;

export function usageSummary(usage: UsageData, report: Report): UsageSummary {
  const [from, to] = [dayOf(report.since), dayOf(report.asOf)];
  const views = (id: string) => Object.entries(usage.insights[id] ?? {}).reduce((sum, [day, n]) => (day > from && day <= to ? sum + n : sum), 0);
  const known = new Map(report.insights.map((i) => [i.id, i]));
  const named = (id: string) => ({ id, title: known.get(id)?.title ?? id, url: known.get(id)?.url });
  const mostViewed = Object.keys(usage.insights)
    .map((id) => ({ ...named(id), views: views(id) }))
    .filter((v) => v.views > 0)
    .sort((a, b) => b.views - a.views || a.title.localeCompare(b.title))
    .slice(0, MOST_VIEWED);
  return { period: report.period, mostViewed, notViewed: report.insights.filter((i) => views(i.id) === 0).map((i) => named(i.id)) };
}
