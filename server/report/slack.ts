/**
 * The report as a Slack incoming-webhook payload (Block Kit; Mattermost, Rocket.Chat and Discord's Slack-compatible
 * endpoints read the same `text` and most blocks). Chat clients fetch images themselves, so charts appear only
 * when `imageBase` names a server that serves the embeds (`/embed/insight/<id>.png`); otherwise the payload is
 * text only. Within Slack's limits: 50 blocks, 3,000 characters a section, 150 a header.
 */
import { REPORT_SOURCE } from '../usage/usage-counter.ts';
import type { Report, ReportInsight } from './collect.ts';
import { ordered, summaryLine } from './summary.ts';
import { changeOf, count, sinceText, STATUS_WORDS, text, warningText } from './text.ts';
import type { UsageSummary } from './usage.ts';

const MAX_BLOCKS = 50;
const MAX_SECTION = 3000;
const MAX_HEADER = 150;

/** Slack's own escaping: only &, < and > have meaning in mrkdwn text (mentions and links start with <). */
export function escapeSlack(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Characters of a title or label shown: clipped before escaping, so a cut never falls inside `&amp;`. */
const MAX_LABEL = 200;

function link(url: string | undefined, label: string): string {
  const text = escapeSlack(clipText(label, MAX_LABEL));
  // `|` and `>` end a link's URL: they cannot appear in one (our URLs are percent-encoded, this is a guard).
  return url ? `<${url.replace(/[|>\s]/g, encodeURIComponent)}|${text}>` : text;
}

/** Plain text (not yet escaped) to at most `max` characters. */
const clipText = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * Escaped mrkdwn to at most `max` characters: at a line's end when that keeps most of it, else never inside an
 * entity (`&amp;`) or a link (`<url|label>`), which would show as debris or swallow the rest of the message.
 */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = value.lastIndexOf('\n', max - 2);
  if (cut < max / 2) {
    cut = max - 1;
    const open = value.lastIndexOf('<', cut - 1);
    if (open > value.lastIndexOf('>', cut - 1)) cut = open;
    // Entities are at most 5 characters (`&amp;`); an `&` further back is a whole entity or in a link's URL.
    const amp = value.lastIndexOf('&', cut - 1);
    if (amp > cut - 5 && value.indexOf(';', amp) >= cut) cut = amp;
  }
  return `${value.slice(0, cut)}…`;
}

const STATUS_EMOJI: Record<string, string> = {
  'on-track': ':large_green_circle:',
  reached: ':white_check_mark:',
  behind: ':red_circle:',
  'wrong-way': ':red_circle:',
  'no-progress': ':large_yellow_circle:',
  unknown: ':white_circle:',
};

export interface SlackOptions {
  /** A server serving the image embeds, e.g. `https://insights.example.com`; absent: no images. */
  imageBase?: string;
  /** The charts' width in the image URLs. */
  imageWidth: number;
  canary: boolean;
  usage?: UsageSummary;
}

type Block = Record<string, unknown>;

/** The chart as the e-mail has it (goals and all); `from=report` so a chat showing it is not counted as a view (embed/handler.ts). */
export function imageURL(base: string, insight: ReportInsight, width: number): string {
  const params = new URLSearchParams({ width: String(width), scale: '2', ...insight.imageParams, from: REPORT_SOURCE });
  return `${base}/embed/insight/${encodeURIComponent(insight.id)}.png?${params}`;
}

export function reportSlack(report: Report, options: SlackOptions): { text: string; blocks: Block[] } {
  const { locale } = report;
  const summary = summaryLine(report);
  const mrkdwn = (value: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: clip(value, MAX_SECTION) } });
  const context = (value: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(value, MAX_SECTION) }] });
  const head: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clipText(report.title, MAX_HEADER), emoji: false } },
    mrkdwn(`*${escapeSlack(summary)}*`),
    context(escapeSlack(`${text.asOf(report.asOf, locale)} · ${text.period(report.period)}`)),
  ];
  const insights = ordered(report.insights, options.canary);
  const flagged = insights.filter((i) => i.warnings.length);
  if (options.canary && flagged.length) {
    head.push(mrkdwn(`*${text.canaryHeading}*\n${flagged.flatMap((i) => i.warnings.map((w) => `• ${escapeSlack(`${i.title}: ${warningText(w, locale)}`)}`)).join('\n')}`));
  }
  const tail: Block[] = [];
  if (options.usage) {
    const { mostViewed, notViewed } = options.usage;
    const most = mostViewed.map((v) => `• ${link(v.url, v.title)}: ${escapeSlack(text.views(v.views, locale))}`).join('\n') || '–';
    const none = notViewed.map((v) => `• ${link(v.url, v.title)}`).join('\n') || '–';
    tail.push({ type: 'divider' }, mrkdwn(`*${text.mostViewed}*\n${most}\n*${text.notViewed}*\n${none}`));
  }
  const body: Block[] = [];
  let shown = 0;
  for (const insight of insights) {
    const blocks = insightBlocks(insight, report, options, mrkdwn, context);
    // Room for this insight, and for the line saying how many did not fit.
    if (head.length + body.length + blocks.length + tail.length + 1 > MAX_BLOCKS) break;
    body.push(...blocks);
    shown++;
  }
  if (shown < insights.length) body.push(context(escapeSlack(`${text.more(insights.length - shown)} (see the e-mail or report.html)`)));
  // The fallback text (notifications, clients without blocks) is read as mrkdwn too.
  return { text: clip(escapeSlack(`${report.title}: ${summary}`), MAX_SECTION), blocks: [...head, ...body, ...tail] };
}

function insightBlocks(insight: ReportInsight, report: Report, options: SlackOptions, mrkdwn: (v: string) => Block, context: (v: string) => Block): Block[] {
  const { locale } = report;
  const lines = [`*${link(insight.url, insight.title)}*`];
  if (insight.goals?.status) lines.push(`${STATUS_EMOJI[insight.goals.status]} ${escapeSlack(insight.headline ?? STATUS_WORDS[insight.goals.status])}`);
  for (const row of insight.rows) {
    const change = row.change ? ` (${changeOf({ ...row, change: row.change }, locale).line} ${sinceText(row.change.since, locale)})` : '';
    lines.push(`• ${link(row.search, row.label)}: *${escapeSlack(row.latest === undefined ? '–' : count(row.latest, locale))}*${escapeSlack(change)}`);
  }
  if (insight.more) lines.push(escapeSlack(text.more(insight.more)));
  const blocks: Block[] = [{ type: 'divider' }, mrkdwn(lines.join('\n'))];
  if (options.imageBase && !insight.error) {
    blocks.push({ type: 'image', image_url: imageURL(options.imageBase, insight, options.imageWidth), alt_text: clipText(`Chart: ${insight.title}`, 2000) });
  }
  if (insight.warnings.length) blocks.push(context(insight.warnings.map((w) => `:warning: ${escapeSlack(warningText(w, locale))}`).join('\n')));
  return blocks;
}

/** The payload as a person would read it in the channel: for looking at it, and for the tests. */
export function slackAsText(payload: { blocks: Block[] }): string {
  const unlink = (value: string) => value.replace(/<([^|>]+)\|([^>]+)>/g, '$2 [$1]').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return payload.blocks
    .map((block) => {
      const t = block.text as { text: string } | undefined;
      switch (block.type) {
        case 'header':
          return `== ${t!.text} ==`;
        case 'section':
          return unlink(t!.text);
        case 'context':
          return (block.elements as { text: string }[]).map((e) => `  ${unlink(e.text)}`).join('\n');
        case 'image':
          return `[image ${block.image_url as string}]`;
        default:
          return '---';
      }
    })
    .join('\n');
}
