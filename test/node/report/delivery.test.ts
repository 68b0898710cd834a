/**
 * Reports delivered for real: the README's scheduling command, run by a shell against a local "instance" (the
 * fixture server, which asks for a token), an SMTP server and a webhook receiver started here. What arrived is
 * checked: the inline images are PNGs, the HTML shows the numbers the instance has, links point at the instance,
 * and the token is in no byte of anything written, sent, posted or logged.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createInsightsServer } from '../../../server/http/server.ts';
import { IMAGE_WIDTH } from '../../../server/report/html.ts';
import { DASHBOARD_IDS } from '../../../server/sources/fixtures/insights.ts';
import { FixtureSource } from '../../../server/sources/fixtures/source.ts';
import { decodePNG } from '../server/png-decode.ts';
import { TOKEN } from './token.ts';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'server/dist/cli.js');

let instance: Server;
let instanceURL: string;
let smtp: SMTPServer;
let smtpPort: number;
const mails: Buffer[] = [];
let webhook: Server;
let webhookURL: string;
const posts: { headers: Record<string, unknown>; body: string }[] = [];
let scratch: string;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What the instance itself says: the latest value of each series of each insight on the dashboard, in order. */
async function latestValues(dashboard: string): Promise<number[]> {
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${instanceURL}/.api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `token ${TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: any }).data;
  };
  const { insightsDashboards } = await ask('query($id: ID) { insightsDashboards(id: $id) { nodes { views { nodes { id } } } } }', { id: dashboard });
  const values: number[] = [];
  for (const { id } of insightsDashboards.nodes[0].views.nodes) {
    const { insightViews } = await ask('query($id: ID) { insightViews(id: $id) { nodes { dataSeries { points { value } } } } }', { id });
    for (const series of insightViews.nodes[0].dataSeries) values.push(series.points.at(-1).value);
  }
  return values;
}

/** The report command of the README's scheduling recipes (cron, CI workflow, Kubernetes CronJob), which must agree. */
function readmeCommand(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const [, command] = /<!-- report-command -->\n```sh\n(.+)\n```/.exec(readme) ?? [];
  assert.ok(command, 'the README marks its report command');
  const cron = /```cron\n(.+)\n```/.exec(readme)?.[1];
  const workflow = /```yaml\nname: Insights report[\s\S]*?```/.exec(readme)?.[0];
  const cronJob = /```yaml\napiVersion: batch\/v1[\s\S]*?```/.exec(readme)?.[0];
  assert.ok(cron?.endsWith(`&& ${command}`), 'the cron line runs the command');
  assert.ok(workflow?.includes(`- run: ${command}\n`), 'the workflow runs the command');
  assert.ok(cronJob?.includes(`- ${command}\n`), 'the CronJob runs the command');
  return command;
}

function assertNoToken(what: string, bytes: string | Buffer): void {
  const buffer = Buffer.from(bytes);
  for (const form of [TOKEN, Buffer.from(TOKEN).toString('base64').slice(0, 40), encodeURIComponent(TOKEN)]) {
    assert.equal(buffer.includes(form), false, `${what} holds the token`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

before(async () => {
  assert.ok(existsSync(cli), 'server/dist/cli.js exists (npm run build)');
  instance = createInsightsServer({ source: new FixtureSource(), token: TOKEN });
  instanceURL = await listen(instance);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => (mails.push(Buffer.concat(chunks)), done()));
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  webhook = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.end('ok');
    });
  });
  webhookURL = `${await listen(webhook)}/services/T000/B000/secret-path`;
  scratch = mkdtempSync(join(tmpdir(), 'report-'));
  // `code-insights-server` on the PATH, as `npm install -g` would put it.
  writeFileSync(join(scratch, 'code-insights-server'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(join(scratch, 'code-insights-server'), 0o755);
});

after(async () => {
  instance.close();
  webhook.close();
  await new Promise<void>((done) => smtp.close(done));
  rmSync(scratch, { recursive: true, force: true });
});

describe('the scheduled report (README command)', () => {
  let run: { stdout: string; stderr: string };
  let mail: ParsedMail;
  let expected: number[];

  before(async () => {
    const env = {
      PATH: `${scratch}:${process.env.PATH}`,
      SRC_ENDPOINT: instanceURL,
      SRC_ACCESS_TOKEN: TOKEN,
      DASHBOARD_ID: DASHBOARD_IDS.frontend,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      REPORT_TO: 'team@example.com,lead@example.com',
      REPORT_FROM: 'insights@example.com',
      SLACK_WEBHOOK_URL: webhookURL,
    };
    run = await promisify(execFile)('/bin/sh', ['-c', readmeCommand()], { cwd: scratch, env, timeout: 60_000 });
    assert.equal(mails.length, 1, 'one mail arrived');
    mail = await simpleParser(mails[0], { keepCidLinks: true });
    expected = await latestValues(DASHBOARD_IDS.frontend);
  });

  test('says what it did', () => {
    assert.match(run.stdout, /^Frontend health: .*without a goal; biggest change: /m);
    assert.match(run.stdout, /Sent to 2 recipients\./);
    assert.match(run.stdout, /Posted to the webhook at 127\.0\.0\.1:\d+\./);
    assert.doesNotMatch(run.stdout + run.stderr, /secret-path/, 'the webhook URL is a secret too');
  });

  test('the mail: to the recipients, the summary as subject, one inline PNG per chart drawn by resvg', () => {
    assert.deepEqual((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((t) => t!.value.map((a) => a.address)), ['team@example.com', 'lead@example.com']);
    assert.match(mail.subject ?? '', /^Frontend health: /);
    const html = String(mail.html);
    const sources = [...html.matchAll(/<img src="cid:([^"]+)"/g)].map((m) => m[1]);
    assert.equal(sources.length, 3);
    assert.equal(mail.attachments.length, 3);
    assert.ok(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>').render().asPng().length > 0, 'resvg is installed and draws');
    for (const attachment of mail.attachments) {
      assert.equal(attachment.contentType, 'image/png');
      assert.ok(sources.includes(attachment.cid!), `the HTML shows ${attachment.cid}`);
      assert.ok(attachment.content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature');
      const png = decodePNG(attachment.content);
      assert.equal(png.width, IMAGE_WIDTH * 2, 'drawn at twice the width it is shown at');
      assert.ok(png.height > 200);
    }
  });

  test('the HTML shows the numbers the instance has', () => {
    const html = String(mail.html);
    const shown = [...html.matchAll(/<td data-latest[^>]*>([^<]+)</g)].map((m) => Number(m[1].replace(/,/g, '')));
    assert.equal(expected.length, 6);
    assert.deepEqual(shown, expected);
    assert.match(html, /Migration to TypeScript/);
  });

  test('every link points at the instance: the insight, and the search behind each series', () => {
    const links = [...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&#38;/g, '&'));
    assert.ok(links.length >= 9, `${links.length} links`);
    for (const link of links) assert.ok(link.startsWith(`${instanceURL}/insights/`) || link.startsWith(`${instanceURL}/search?q=`), link);
    assert.ok(links.includes(`${instanceURL}/search?q=${encodeURIComponent('lang:typescript count:all')}&patternType=literal`));
  });

  test('the webhook got the Slack payload: blocks, the summary, links to the instance, no images without --image-base-url', () => {
    assert.equal(posts.length, 1);
    assert.equal(posts[0].headers['content-type'], 'application/json');
    const payload = JSON.parse(posts[0].body) as { text: string; blocks: { type: string; text?: { text: string } }[] };
    assert.match(payload.text, /^Frontend health: /);
    assert.equal(payload.blocks[0].type, 'header');
    assert.ok(payload.blocks.length <= 50);
    assert.equal(payload.blocks.filter((b) => b.type === 'image').length, 0);
    const links = payload.blocks.flatMap((b) => [...(b.text?.text ?? '').matchAll(/<([^|>]+)\|/g)].map((m) => m[1]));
    assert.ok(links.length >= 9);
    for (const link of links) assert.ok(link.startsWith(instanceURL), link);
  });

  test('the token is in no byte of the mail, the payload, the files or the logs', () => {
    assertNoToken('the raw mail', mails[0]);
    assertNoToken('the mail HTML', String(mail.html));
    assertNoToken('the mail text', mail.text ?? '');
    for (const attachment of mail.attachments) assertNoToken(attachment.filename ?? 'an attachment', attachment.content);
    assertNoToken('the webhook payload', posts[0].body);
    const files = filesUnder(join(scratch, 'report'));
    assert.deepEqual(files.map((f) => f.slice(scratch.length + 1)).sort(), ['report/images/chart-1.png', 'report/images/chart-2.png', 'report/images/chart-3.png', 'report/report.html', 'report/report.md', 'report/slack.json']);
    for (const file of files) assertNoToken(file, readFileSync(file));
    assertNoToken('the output', run.stdout + run.stderr);
  });

  test('the written HTML shows the charts from the files beside it', () => {
    const html = readFileSync(join(scratch, 'report/report.html'), 'utf8');
    assert.deepEqual([...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]), ['images/chart-1.png', 'images/chart-2.png', 'images/chart-3.png']);
  });
});
