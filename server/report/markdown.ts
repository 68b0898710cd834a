/**
 * The report as Markdown (a wiki page, a pull request comment, the e-mail's plain-text part). Text from the
 * instance is escaped, so a series called `**x**` or `[a](b)` stays those characters.
 */
import type { Report, ReportInsight } from './collect.ts';
import { ordered, summaryLine } from './summary.ts';
import { changeOf, count, periodWords, sinceText, STATUS_WORDS, text, warningText } from './text.ts';
import type { UsageSummary } from './usage.ts';

/**
 * Backslash before every character that Markdown (CommonMark, GitHub tables) could read as syntax inside a line:
 * emphasis, code, links, HTML, table cells, entities. Parentheses need none once `[` is escaped; newlines become spaces.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A link whose URL cannot end early: the parentheses and spaces in a search query are percent-encoded. */
function link(url: string | undefined, label: string): string {
  const safe = url?.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return safe ? `[${escapeMarkdown(label)}](${safe})` : escapeMarkdown(label);
}

export interface MarkdownOptions {
  imageSrc: (insight: ReportInsight, index: number) => string | undefined;
  canary: boolean;
  usage?: UsageSummary;
}

export function reportMarkdown(report: Report, options: MarkdownOptions): string {
  const { locale } = report;
  const insights = ordered(report.insights, options.canary);
  const out = [`# ${escapeMarkdown(report.title)}`, '', `_${escapeMarkdown(`${text.asOf(report.asOf, locale)} · ${text.period(report.period)}`)}_`, '', `**${escapeMarkdown(summaryLine(report))}**`, ''];
  const flagged = insights.filter((i) => i.warnings.length);
  if (options.canary && flagged.length) {
    out.push(`## ${text.canaryHeading}`, '', ...flagged.flatMap((i) => i.warnings.map((w) => `- ${escapeMarkdown(`${i.title}: ${warningText(w, locale)}`)}`)), '');
  }
  for (const insight of insights) {
    out.push(`## ${link(insight.url, insight.title)}`, '');
    if (insight.goals?.status) out.push(`**${escapeMarkdown(insight.headline ?? STATUS_WORDS[insight.goals.status])}**`, '');
    for (const warning of insight.warnings) out.push(`> ⚠ ${escapeMarkdown(warningText(warning, locale))}`, '');
    const src = options.imageSrc(insight, report.insights.indexOf(insight));
    if (src) out.push(`![${escapeMarkdown(`Chart: ${insight.title}`)}](${src})`, '');
    if (insight.rows.length) {
      const changes = insight.rows.some((r) => r.change);
      out.push(`| ${text.series} | ${text.latest} |${changes ? ` ${text.change} |` : ''}`, `| --- | ---: |${changes ? ' --- |' : ''}`);
      for (const row of insight.rows) {
        const change = row.change ? `${changeOf({ ...row, change: row.change }, locale).line} ${sinceText(row.change.since, locale)}` : '–';
        const search = row.search ? ` (${link(row.search, text.search)})` : '';
        out.push(`| ${escapeMarkdown(row.label)}${search} | ${row.latest === undefined ? '–' : escapeMarkdown(count(row.latest, locale))} |${changes ? ` ${escapeMarkdown(change)} |` : ''}`);
      }
      if (insight.more) out.push(`| ${escapeMarkdown(text.more(insight.more))} | |${changes ? ' |' : ''}`);
      out.push('');
    }
  }
  if (options.usage) {
    const { mostViewed, notViewed } = options.usage;
    out.push(`## ${escapeMarkdown(`${text.usageHeading} (${periodWords(options.usage.period)})`)}`, '', `**${text.mostViewed}**`, '');
    out.push(...(mostViewed.length ? mostViewed.map((v) => `- ${link(v.url, v.title)}: ${escapeMarkdown(text.views(v.views, locale))}`) : ['–']), '');
    out.push(`**${text.notViewed}**`, '', ...(notViewed.length ? notViewed.map((v) => `- ${link(v.url, v.title)}`) : ['–']), '');
  }
  return `${out.join('\n')}\n`;
}
