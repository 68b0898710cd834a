/**
 * The token guard checks what the e-mail carries, all of it: the subject (not escaped as the HTML and the Markdown
 * are, so a secret with a `<` in it survives only there) and the PNGs, not a re-rendering of the HTML and Markdown.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Report } from '../../../server/report/collect.ts';
import { reportMain } from '../../../server/report/cli.ts';
import { mailContents, reportMail } from '../../../server/report/mail.ts';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';

const SECRET = 'sgp_<guarded>';
let saved: string | undefined;
before(() => ((saved = process.env.SRC_ACCESS_TOKEN), (process.env.SRC_ACCESS_TOKEN = SECRET)));
after(() => (saved === undefined ? delete process.env.SRC_ACCESS_TOKEN : (process.env.SRC_ACCESS_TOKEN = saved)));

test('a secret only the subject would carry stops the e-mail before it is sent', async () => {
  const lines: string[] = [];
  // Port 9 (discard) on loopback: nothing is listening, so a mail that got past the guard fails to connect instead.
  const args = ['--fixtures', '--insight', FIXTURE_IDS.todos, '--title', `Weekly ${SECRET}`, '--smtp', 'smtp://127.0.0.1:9', '--to', 'team@example.com', '--from', 'insights@example.com'];
  assert.equal(await reportMain(args, (l) => lines.push(l), (l) => lines.push(l)), 1);
  assert.match(lines.join('\n'), /the e-mail was not sent: The e-mail's subject would contain the access token/);
  assert.equal(lines.join('\n').includes(SECRET), false);
});

test('every attachment is among the parts the guard checks', () => {
  const png = Buffer.from('not really a png');
  const insight = { id: 'a', title: 'A', rows: [], more: 0, warnings: [], imageParams: {}, image: { png, svg: '<svg/>', width: 1, height: 1 } };
  const report: Report = { title: 'Weekly', period: '1w', asOf: 0, since: 0, locale: 'en-US', insights: [insight, { ...insight, id: 'b' }] };
  const mail = reportMail(report, { to: ['t@example.com'], from: 'f@example.com', canary: false });
  const parts = mailContents(mail).map(([, bytes]) => bytes);
  for (const attachment of mail.attachments) assert.ok(parts.includes(attachment.content));
  assert.ok(parts.includes(mail.subject) && parts.includes(mail.html) && parts.includes(mail.text));
});
