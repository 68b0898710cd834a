/** "Most viewed" and "not viewed this period" among the report's insights, from the counts a server kept (server/usage/usage-counter.ts). */
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
  const named = (i: Report['insights'][number]) => ({ id: i.id, title: i.title, url: i.url });
  // The report's insights only: an id in the file is whatever someone requested (`Reset-your-password-at-evil.example`),
  // and a line of the mail must name an insight the report shows, with its own title.
  const mostViewed = report.insights
    .map((i) => ({ ...named(i), views: views(i.id) }))
    .filter((v) => v.views > 0)
    .sort((a, b) => b.views - a.views || a.title.localeCompare(b.title))
    .slice(0, MOST_VIEWED);
  return { period: report.period, mostViewed, notViewed: report.insights.filter((i) => views(i.id) === 0).map(named) };
}
