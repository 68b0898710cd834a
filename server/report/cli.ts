/**
 * `code-insights-server report`: one run makes a report and delivers it, then exits. Scheduling is the team's
 * own cron, CI schedule or Kubernetes CronJob (README "Scheduled reports"); a run is idempotent (the same --out
 * files are overwritten).
 *
 * Exit status: 0 done; 1 a flag, the source or a delivery failed; 2 the canary warned and --fail-on-warnings
 * was given (CI marks the run failed).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toTime } from '../../src/model/dates.ts';
import type { EmbedSource } from '../embed/embed-data.ts';
import { Rasterizer } from '../embed/rasterizer.ts';
import { LIMITS } from '../embed/route.ts';
import { localFetch } from '../graphql/local-fetch.ts';
import { createUpstreamFetch, DEFAULT_UPSTREAM_TIMEOUT_SECONDS, embedTimeoutMs, normalizeUpstream } from '../proxy/index.ts';
import { ConfigError, configForRepositories, dashboardId, insightViewId, loadConfig } from '../sources/config.ts';
import { FixtureSource } from '../sources/fixtures/source.ts';
import { GitSource } from '../sources/git-source.ts';
import { guardedRepositoryMatch } from '../sources/guarded-match.ts';
import { withUpstreamDefault } from '../shared/upstream-arg.ts';
import { readUsageFile } from '../usage/usage-counter.ts';
import { collectReport, type Report } from './collect.ts';
import { IMAGE_WIDTH, reportHTML } from './html.ts';
import { mailContents, reportMail, sendMail } from './mail.ts';
import { reportMarkdown } from './markdown.ts';
import { reportSlack } from './slack.ts';
import { reportSpec, ReportSpecError, type ReportFlags } from './spec.ts';
import { summaryLine } from './summary.ts';
import { warningText } from './text.ts';
import { usageSummary } from './usage.ts';
import { postWebhook } from './webhook.ts';

export const REPORT_USAGE = `Usage: code-insights-server report (--config FILE | --repo PATH … | --fixtures | --upstream [URL])
         (--dashboard ID | --insight ID … | --file report.json) [--period 1w] [--title TEXT]
         [--out DIR] [--smtp URL --to ADDRESS … --from ADDRESS] [--webhook URL] [--image-base-url URL]
         [--instance-url URL] [--canary] [--fail-on-warnings] [--stuck-hours 24] [--jump 0.5] [--min-jump 10]
         [--usage FILE] [--as-of DATE] [--locale en-US] [--cache-dir DIR] [--timeout 25]

--upstream reads a Sourcegraph instance (URL default $SRC_ENDPOINT) with $SRC_ACCESS_TOKEN, read-only, as the
proxy does; the token appears in no report, link or image URL. --out DIR writes report.html (charts in
images/), report.md and slack.json. --smtp sends the HTML e-mail with inline charts; --webhook posts slack.json
to a Slack-compatible incoming webhook (charts only with --image-base-url, a server serving /embed/). --canary
puts insights with warnings first; --fail-on-warnings exits with status 2 when there are any. --timeout: seconds
an --upstream instance may take to answer.`;

class UsageError extends Error {}

function options(args: string[]) {
  return parseArgs({
    args: withUpstreamDefault(args),
    options: {
      config: { type: 'string' },
      repo: { type: 'string', multiple: true, default: [] },
      fixtures: { type: 'boolean', default: false },
      upstream: { type: 'string' },
      'cache-dir': { type: 'string', default: '.cache/code-insights' },
      dashboard: { type: 'string' },
      insight: { type: 'string', multiple: true, default: [] },
      file: { type: 'string' },
      period: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
      smtp: { type: 'string' },
      to: { type: 'string', multiple: true, default: [] },
      from: { type: 'string' },
      webhook: { type: 'string' },
      'image-base-url': { type: 'string' },
      'instance-url': { type: 'string' },
      canary: { type: 'boolean', default: false },
      'fail-on-warnings': { type: 'boolean', default: false },
      'stuck-hours': { type: 'string' },
      jump: { type: 'string' },
      'min-jump': { type: 'string' },
      usage: { type: 'string' },
      'as-of': { type: 'string' },
      locale: { type: 'string', default: 'en-US' },
      timeout: { type: 'string', default: String(DEFAULT_UPSTREAM_TIMEOUT_SECONDS) },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
}

type Values = ReturnType<typeof options>;

/** Runs a report; resolves to the exit status. Messages go to `log` (stdout) and `warn` (stderr). */
export async function reportMain(args: string[], log = console.log, warn = console.error): Promise<number> {
  let values: Values;
  try {
    values = options(args);
  } catch (error) {
    warn(`code-insights-server report: ${(error as Error).message}\n${REPORT_USAGE}`);
    return 1;
  }
  if (values.help) return log(REPORT_USAGE), 0;
  const token = process.env.SRC_ACCESS_TOKEN || undefined;
  // Log lines quote the instance's own words (error messages, titles): scrubbed like everything else.
  const say = log;
  log = (line) => say(redact(line, token));
  // One run draws every chart of the report: they wait their turn rather than being refused as a busy server's would.
  const rasterizer = values.out || values.smtp ? new Rasterizer({ maxPixels: LIMITS.pixels, queue: 10_000, timeout: 60_000 }) : undefined;
  try {
    const { source, links, names } = sourceOf(values, token);
    const spec = reportSpec(flagsOf(values, names), values.file === undefined ? undefined : readFileSync(values.file, 'utf8'), values.file);
    const now = values['as-of'] === undefined ? Date.now() : checkedDate(values['as-of']);
    const report = await collectReport(spec, {
      source,
      links,
      now,
      locale: checkedLocale(values.locale),
      imageWidth: IMAGE_WIDTH,
      rasterizer,
      signal: new AbortController().signal,
    });
    const usage = values.usage === undefined ? undefined : usageSummary(readUsageFile(values.usage), report);
    const warnings = report.insights.flatMap((i) => i.warnings.map((w) => `${i.title}: ${warningText(w, report.locale)}`));
    log(`${report.title}: ${summaryLine(report)}`);
    for (const line of warnings) log(`  warning: ${line}`);
    const delivered = await deliver(report, values, spec.to, spec.from, { canary: values.canary, usage, secrets: [token], log, warn });
    if (!delivered) return 1;
    return values['fail-on-warnings'] && warnings.length ? 2 : 0;
  } catch (error) {
    if (error instanceof ReportSpecError || error instanceof ConfigError || error instanceof UsageError) warn(`code-insights-server report: ${error.message}`);
    else warn(`code-insights-server report: ${redact((error as Error)?.message ?? String(error), token)}`);
    return 1;
  } finally {
    await rasterizer?.close();
  }
}

function flagsOf(values: Values, names: (id: string, kind: 'insight' | 'dashboard') => string): ReportFlags {
  const number = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
    if (!Number.isFinite(n) || n < 0 || !value.trim()) throw new UsageError(`--${flag} must be a number ≥ 0, not "${value}".`);
    return n;
  };
  const canary = { stuckHours: number('stuck-hours', values['stuck-hours']), jump: number('jump', values.jump), minJump: number('min-jump', values['min-jump']) };
  return {
    title: values.title,
    dashboard: values.dashboard && names(values.dashboard, 'dashboard'),
    insights: values.insight.map((id) => names(id, 'insight')),
    period: values.period,
    // `--to a@x,b@y` as well as `--to a@x --to b@y`: one variable can hold a list in cron and CI.
    to: values.to.flatMap((to) => to.split(',')).map((to) => to.trim()).filter(Boolean),
    from: values.from,
    canary: Object.fromEntries(Object.entries(canary).filter(([, v]) => v !== undefined)),
  };
}

/**
 * Where the data comes from, where links point, and how names given on the command line become ids (a local
 * config's short names, `todos`, are accepted for its base64 ids).
 */
function sourceOf(values: Values, token: string | undefined): { source: EmbedSource; links?: string; names: (id: string, kind: 'insight' | 'dashboard') => string } {
  const instanceURL = values['instance-url'] === undefined ? undefined : checkedURL('--instance-url', values['instance-url']);
  const same = (id: string) => id;
  if (values.upstream !== undefined) {
    if (values.repo.length || values.config || values.fixtures) throw new UsageError('--upstream replaces --repo, --config and --fixtures: give one of them.');
    if (!values.upstream.trim()) throw new UsageError('--upstream needs a URL, or SRC_ENDPOINT set to one.');
    let upstream: string;
    try {
      upstream = normalizeUpstream(values.upstream);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const timeoutSeconds = Number(values.timeout);
    if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout must be a number of seconds > 0, not "${values.timeout}".`);
    const fetch = createUpstreamFetch({ upstream, token, timeoutSeconds, cacheTtlSeconds: 0, log: () => {} });
    return { source: { fetch, instance: upstream, timeout: embedTimeoutMs(timeoutSeconds) }, links: instanceURL ?? upstream, names: same };
  }
  const local = { instance: 'http://localhost', timeout: 120_000 };
  if (values.fixtures) return { source: { ...local, fetch: localFetch(new FixtureSource({ matchRepositories: guardedRepositoryMatch })) }, links: instanceURL, names: same };
  const config = values.repo.length ? configForRepositories(values.repo) : loadConfig(values.config ?? 'insights.config.json');
  const source = new GitSource(config, { cacheDir: resolve(values['cache-dir']) });
  const names = (id: string, kind: 'insight' | 'dashboard') => {
    const known = kind === 'insight' ? config.insights.map((i) => i.id) : config.dashboards.map((d) => d.id);
    const full = kind === 'insight' ? insightViewId(id) : dashboardId(id);
    return !known.includes(id) && known.includes(full) ? full : id;
  };
  return { source: { ...local, fetch: localFetch(source) }, links: instanceURL, names };
}

interface DeliverOptions {
  canary: boolean;
  usage?: ReturnType<typeof usageSummary>;
  /** Strings no output may hold (the access token): checked on every byte before it leaves. */
  secrets: (string | undefined)[];
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** Writes and sends what the flags ask for; false when something could not be delivered (the rest still is). */
async function deliver(report: Report, values: Values, to: string[], from: string | undefined, options: DeliverOptions): Promise<boolean> {
  const { canary, usage, log, warn } = options;
  const imageBase = values['image-base-url'] === undefined ? undefined : checkedURL('--image-base-url', values['image-base-url']);
  const slack = reportSlack(report, { imageBase, imageWidth: IMAGE_WIDTH, canary, usage });
  const guard = (what: string, bytes: string | Buffer) => {
    for (const secret of options.secrets) if (secret && Buffer.from(bytes).includes(secret)) throw new Error(`${what} would contain the access token; nothing was delivered.`);
    return bytes;
  };
  let ok = true;
  if (values.out) {
    const dir = resolve(values.out);
    mkdirSync(join(dir, 'images'), { recursive: true });
    const file = (i: number) => `images/chart-${i + 1}.png`;
    const imageSrc = (insight: Report['insights'][number], i: number) => (insight.image ? file(i) : undefined);
    report.insights.forEach((insight, i) => insight.image && writeFileSync(join(dir, file(i)), guard(file(i), insight.image.png)));
    writeFileSync(join(dir, 'report.html'), guard('report.html', reportHTML(report, { imageSrc, canary, usage })));
    writeFileSync(join(dir, 'report.md'), guard('report.md', reportMarkdown(report, { imageSrc, canary, usage })));
    writeFileSync(join(dir, 'slack.json'), guard('slack.json', `${JSON.stringify(slack, null, 2)}\n`));
    log(`Wrote report.html, report.md, slack.json and ${report.insights.filter((i) => i.image).length} images to ${dir}`);
  }
  if (values.smtp) {
    try {
      if (!to.length || !from) throw new UsageError('--smtp needs --to (or "to" in the report file) and --from.');
      const mail = reportMail(report, { to, from, canary, usage });
      for (const [what, bytes] of mailContents(mail)) guard(what, bytes);
      await sendMail(values.smtp, mail);
      log(`Sent to ${to.length} recipient${to.length === 1 ? '' : 's'}.`);
    } catch (error) {
      // Not the SMTP URL: it may hold the mail server's password.
      warn(`code-insights-server report: the e-mail was not sent: ${redact((error as Error).message, ...options.secrets)}`);
      ok = false;
    }
  }
  if (values.webhook) {
    try {
      guard('The webhook payload', JSON.stringify(slack));
      await postWebhook(values.webhook, slack);
      log(`Posted to the webhook at ${new URL(values.webhook).host}.`);
    } catch (error) {
      warn(`code-insights-server report: ${redact((error as Error).message, ...options.secrets)}`);
      ok = false;
    }
  }
  return ok;
}

function redact(message: string, ...secrets: (string | undefined)[]): string {
  return secrets.reduce<string>((m, s) => (s ? m.split(s).join('[redacted]') : m), message);
}

function checkedURL(flag: string, value: string): string {
  try {
    return normalizeUpstream(value);
  } catch (error) {
    throw new UsageError((error as Error).message.replace('--upstream', flag));
  }
}

function checkedDate(value: string): number {
  const time = toTime(value.trim());
  if (!Number.isFinite(time)) throw new UsageError(`--as-of "${value}" is not an ISO 8601 date such as 2026-12-01.`);
  return time;
}

function checkedLocale(value: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return canonical;
  } catch {
    // reported below
  }
  throw new UsageError(`--locale "${value}" is not a BCP 47 language tag such as en-US.`);
}
