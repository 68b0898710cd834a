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

export async function sendReportMail(report: Report, options: MailOptions): Promise<{ messageId: string }> {
  const imageSrc = (_: unknown, index: number) => (report.insights[index].image ? `cid:${chartCid(index)}` : undefined);
  const transport = createTransport(options.smtp);
  try {
    const info = await transport.sendMail({
      from: options.from,
      to: options.to,
      subject: `${report.title}: ${summaryLine(report)}`,
      html: reportHTML(report, { imageSrc, canary: options.canary, usage: options.usage }),
      text: reportMarkdown(report, { imageSrc: () => undefined, canary: options.canary, usage: options.usage }),
      attachments: report.insights.flatMap((insight, index) =>
        insight.image ? [{ filename: `chart-${index + 1}.png`, content: insight.image.png, contentType: 'image/png', cid: chartCid(index), contentDisposition: 'inline' as const }] : [],
      ),
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
