/**
 * The report as an HTML e-mail: one column of tables with inline styles, because mail clients (Outlook, Gmail)
 * ignore <style> blocks and most layout CSS; light colours from the card's light theme, since most mail is read
 * on white. Every string from the instance or the report file is escaped: text stays text.
 */
import type { Tone } from '../../src/charts/change-text.ts';
import { themeColors } from '../../src/styles/theme-colors.ts';
import { FONT_FAMILY } from '../embed/theme.ts';
import type { Report, ReportInsight } from './collect.ts';
import { ordered, summaryLine } from './summary.ts';
import { changeOf, count, periodWords, sinceText, STATUS_WORDS, text, warningText } from './text.ts';
import type { UsageSummary } from './usage.ts';

const C = themeColors.light;
/** The e-mail's width: the common 600–700 px column of mail clients. */
export const EMAIL_WIDTH = 640;
const PAD = 24;
/** The charts' width in CSS pixels, inside the padding. */
export const IMAGE_WIDTH = EMAIL_WIDTH - 2 * PAD;

/** A change's tone as the card's legend colours it: progress green, the wrong way red, no direction plain. */
const TONE_COLORS: Record<Tone, string> = { good: C.success, bad: C.danger, neutral: C.fg };
const STATUS_COLORS: Record<string, string> = { 'on-track': C.success, reached: C.success, behind: C.danger, 'wrong-way': C.danger, 'no-progress': C.warning, unknown: C.muted };

export function escapeHTML(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface HTMLOptions {
  /** Where each insight's chart is: `cid:…` in a mail, a file beside report.html, or an image server's URL. */
  imageSrc: (insight: ReportInsight, index: number) => string | undefined;
  canary: boolean;
  usage?: UsageSummary;
}

export function reportHTML(report: Report, options: HTMLOptions): string {
  const { locale } = report;
  const insights = ordered(report.insights, options.canary);
  const flagged = insights.filter((i) => i.warnings.length);
  const body = [
    `<h1 style="margin:0 0 4px;font-size:22px;line-height:1.3">${escapeHTML(report.title)}</h1>`,
    `<p style="margin:0 0 16px;color:${C.muted};font-size:13px">${escapeHTML(`${text.asOf(report.asOf, locale)} · ${text.period(report.period)}`)}</p>`,
    `<p data-summary style="margin:0 0 8px;padding:12px 14px;background:#f6f8fa;border:1px solid ${C.border};border-radius:6px;font-size:15px;line-height:1.45">${escapeHTML(summaryLine(report))}</p>`,
    options.canary && flagged.length ? canarySection(flagged, locale) : '',
    ...insights.map((insight) => insightSection(insight, report, options.imageSrc(insight, report.insights.indexOf(insight)))),
    options.usage ? usageSection(options.usage, locale) : '',
    `<p style="margin:32px 0 0;color:${C.muted};font-size:12px">${escapeHTML(text.footer)}</p>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHTML(report.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f6f8fa;color:${C.fg};font-family:${escapeHTML(FONT_FAMILY)}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f8fa"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" style="width:100%;max-width:${EMAIL_WIDTH}px;background:${C.bg};border:1px solid ${C.border};border-radius:8px">
<tr><td style="padding:${PAD}px">
${body}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}

function link(url: string | undefined, label: string, style = `color:${C.accent}`): string {
  return url ? `<a href="${escapeHTML(url)}" style="${style}">${escapeHTML(label)}</a>` : escapeHTML(label);
}

function warningsBox(warnings: string[]): string {
  if (!warnings.length) return '';
  const items = warnings.map((w) => `<li style="margin:2px 0">${escapeHTML(w)}</li>`).join('');
  return `<ul data-warnings style="overflow-wrap:anywhere;margin:8px 0;padding:8px 12px 8px 28px;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;font-size:14px;color:${C.fg}">${items}</ul>`;
}

function canarySection(flagged: ReportInsight[], locale: string): string {
  const items = flagged.flatMap((i) => i.warnings.map((w) => `${i.title}: ${warningText(w, locale)}`));
  return `<h2 style="margin:24px 0 4px;font-size:17px;color:${C.danger}">${escapeHTML(text.canaryHeading)}</h2>${warningsBox(items)}`;
}

function insightSection(insight: ReportInsight, report: Report, src: string | undefined): string {
  const { locale } = report;
  const parts = [`<h2 data-insight="${escapeHTML(insight.id)}" style="margin:28px 0 6px;font-size:18px;line-height:1.3;overflow-wrap:anywhere">${link(insight.url, insight.title, `color:${C.fg};text-decoration:none`)}</h2>`];
  if (insight.goals?.status) {
    const color = STATUS_COLORS[insight.goals.status];
    // The card's headline names the status itself ("On track: …"); the colour bar says it at a glance.
    parts.push(
      `<p data-status="${insight.goals.status}" style="margin:0 0 8px;padding:2px 0 2px 10px;border-left:4px solid ${color};font-size:14px;font-weight:600">${escapeHTML(insight.headline ?? STATUS_WORDS[insight.goals.status])}</p>`,
    );
  }
  parts.push(warningsBox(insight.warnings.map((w) => warningText(w, locale))));
  if (src && insight.image) {
    parts.push(
      `<img src="${escapeHTML(src)}" width="${IMAGE_WIDTH}" height="${Math.round((insight.image.height * IMAGE_WIDTH) / insight.image.width)}" alt="${escapeHTML(`Chart: ${insight.title}`)}" style="display:block;width:100%;max-width:${IMAGE_WIDTH}px;height:auto;margin:8px 0;border:0">`,
    );
  }
  if (insight.rows.length) parts.push(rowsTable(insight, report));
  if (insight.url) parts.push(`<p style="margin:6px 0 0;font-size:13px">${link(insight.url, `${text.openInsight} →`)}</p>`);
  return parts.join('\n');
}

function rowsTable(insight: ReportInsight, report: Report): string {
  const { locale } = report;
  const cell = `padding:6px 8px;border-top:1px solid ${C.grid};font-size:14px;vertical-align:top`;
  const hasChange = insight.rows.some((r) => r.change);
  const rows = insight.rows.map((row) => {
    const swatch = row.color ? `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;background:${escapeHTML(row.color)};margin-right:6px"></span>` : '';
    const search = row.search ? ` <span style="font-size:12px">(${link(row.search, text.search)})</span>` : '';
    const figures = row.change && changeOf({ ...row, change: row.change }, locale);
    const change = row.change
      ? `<span data-tone="${figures!.tone}" style="color:${TONE_COLORS[figures!.tone]}">${escapeHTML(figures!.line)}</span><br><span style="color:${C.muted};font-size:12px">${escapeHTML(sinceText(row.change.since, locale))}</span>`
      : '–';
    return `<tr><td style="${cell}">${swatch}${escapeHTML(row.label)}${search}</td><td data-latest style="${cell};text-align:right;font-variant-numeric:tabular-nums">${row.latest === undefined ? '–' : escapeHTML(count(row.latest, locale))}</td>${hasChange ? `<td style="${cell};text-align:right">${change}</td>` : ''}</tr>`;
  });
  const head = `padding:4px 8px;font-size:12px;color:${C.muted};font-weight:600`;
  const more = insight.more ? `<tr><td colspan="3" style="${cell};color:${C.muted}">${escapeHTML(text.more(insight.more))}</td></tr>` : '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:4px 0">
<tr><td style="${head}">${escapeHTML(text.series)}</td><td style="${head};text-align:right">${escapeHTML(text.latest)}</td>${hasChange ? `<td style="${head};text-align:right">${escapeHTML(text.change)}</td>` : ''}</tr>
${rows.join('\n')}${more}
</table>`;
}

function usageSection(usage: UsageSummary, locale: string): string {
  const list = (items: string[]) => (items.length ? `<ul style="overflow-wrap:anywhere;margin:4px 0;padding-left:20px;font-size:14px">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p style="margin:4px 0;font-size:14px;color:${C.muted}">–</p>`);
  return [
    `<h2 style="margin:28px 0 4px;font-size:17px">${escapeHTML(`${text.usageHeading} (${periodWords(usage.period)})`)}</h2>`,
    `<h3 style="margin:8px 0 0;font-size:14px">${escapeHTML(text.mostViewed)}</h3>`,
    list(usage.mostViewed.map((v) => `${link(v.url, v.title)} — ${escapeHTML(text.views(v.views, locale))}`)),
    `<h3 style="margin:8px 0 0;font-size:14px">${escapeHTML(text.notViewed)}</h3>`,
    list(usage.notViewed.map((v) => link(v.url, v.title))),
  ].join('\n');
}
