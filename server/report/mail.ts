/**
 * Sends the report as an e-mail through an SMTP server (nodemailer): the HTML with each chart as an inline
 * attachment it names by `cid:` (mail clients show those without fetching anything, unlike remote images), and
 * the Markdown as the plain-text part for clients that show no HTML.
 */
import { createTransport } from 'nodemailer';
import type { Report } from './collect.ts';
import { reportHTML } from './html.ts';
import { reportMarkdown } from './markdown.ts';
import { summaryLine } from './summary.ts';
import type { UsageSummary } from './usage.ts';

export interface MailOptions {
  /** `smtp://user:pass@host:587`, `smtps://…:465`; credentials there are the mail server's, never logged. */
  smtp: string;
  to: string[];
  from: string;
  canary: boolean;
  usage?: UsageSummary;
}

/** The content id of an insight's chart: the insight's place in the report, so no id from the instance reaches a header. */
export const chartCid = (index: number) => `chart-${index + 1}@code-insights.report`;

/** The message as sent: built once, so the token guard checks the very bytes that leave (mailContents). */
export function reportMail(report: Report, options: Omit<MailOptions, 'smtp'>) {
  const imageSrc = (_: unknown, index: number) => (report.insights[index].image ? `cid:${chartCid(index)}` : undefined);
  return {
    from: options.from,
    to: options.to,
    subject: `${report.title}: ${summaryLine(report)}`,
    html: reportHTML(report, { imageSrc, canary: options.canary, usage: options.usage }),
    text: reportMarkdown(report, { imageSrc: () => undefined, canary: options.canary, usage: options.usage }),
    attachments: report.insights.flatMap((insight, index) =>
      insight.image ? [{ filename: `chart-${index + 1}.png`, content: insight.image.png, contentType: 'image/png', cid: chartCid(index), contentDisposition: 'inline' as const }] : [],
    ),
  };
}

export type ReportMail = ReturnType<typeof reportMail>;

/** Every part of the message, named: the subject is not escaped as the HTML is, and the PNGs are bytes of their own. */
export function mailContents(mail: ReportMail): [string, string | Buffer][] {
  return [
    ['The e-mail\'s addresses', [mail.from, ...mail.to].join('\n')],
    ['The e-mail\'s subject', mail.subject],
    ['The e-mail\'s HTML', mail.html],
    ['The e-mail\'s text', mail.text],
    ...mail.attachments.map((a): [string, Buffer] => [`The e-mail's ${a.filename}`, a.content]),
  ];
}

export async function sendMail(smtp: string, mail: ReportMail): Promise<{ messageId: string }> {
  const transport = createTransport(smtp);
  try {
    const info = await transport.sendMail(mail);
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
