/** The summary line, the order with --canary, and each format's escaping and limits, on made-up reports. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changeFigures } from '../../../src/charts/change-text.ts';
import type { Report, ReportInsight } from '../../../server/report/collect.ts';
import { escapeHTML, reportHTML } from '../../../server/report/html.ts';
import { escapeMarkdown, reportMarkdown } from '../../../server/report/markdown.ts';
import { escapeSlack, reportSlack, slackAsText } from '../../../server/report/slack.ts';
import { biggestChange, ordered, summaryLine } from '../../../server/report/summary.ts';

const insight = (id: string, more: Partial<ReportInsight> = {}): ReportInsight => ({ id, title: `Insight ${id}`, rows: [], more: 0, warnings: [], imageParams: {}, ...more });
const change = (from: number, to: number) => ({ from, to, since: 0, delta: to - from, ratio: from ? (to - from) / from : undefined });
const report = (insights: ReportInsight[]): Report => ({ title: 'Weekly', period: '1w', asOf: Date.UTC(2026, 11, 3), since: Date.UTC(2026, 10, 26), locale: 'en-US', insights });
const status = (s: 'on-track' | 'behind') => ({ series: [], status: s });

describe('summaryLine', () => {
  test('"3 on track, 1 behind, 2 without a goal; biggest change: …" and the warnings', () => {
    const insights = [
      insight('a', { goals: status('on-track') }),
      insight('b', { goals: status('on-track') }),
      insight('c', { goals: status('on-track'), rows: [{ label: 'JS', latest: 300, change: change(400, 300) }] }),
      insight('d', { goals: status('behind'), warnings: [{ kind: 'stale', at: 0, count: 2 }] }),
      insight('e', { rows: [{ label: 'TODO', latest: 2, change: change(1, 2) }] }),
      insight('f'),
    ];
    assert.equal(summaryLine(report(insights)), '3 on track, 1 behind, 2 without a goal; biggest change: Insight c, JS ▼ −100 (−25%). 1 warning.');
  });

  test('the biggest change is relative, but 1 → 3 does not outrank 4,000 → 3,000', () => {
    const small = insight('s', { rows: [{ label: 'x', change: change(1, 3) }] });
    const large = insight('l', { rows: [{ label: 'y', change: change(4000, 3000) }] });
    assert.equal(biggestChange([small, large])?.insight.id, 'l');
    assert.equal(biggestChange([insight('n', { rows: [{ label: 'z', change: change(5, 5) }] })]), undefined);
  });

  test('failed insights are counted apart, and nothing to say is said', () => {
    assert.equal(summaryLine(report([insight('a', { error: 'gone', warnings: [{ kind: 'failed', error: 'gone' }] })])), '1 could not be loaded. 1 warning.');
    assert.equal(summaryLine(report([])), 'This report names no insights.');
  });
});

test('ordered: with --canary, failed then warned insights first, else the given order', () => {
  const list = [insight('ok'), insight('warned', { warnings: [{ kind: 'stale' }] }), insight('failed', { error: 'x' })];
  assert.deepEqual(ordered(list, true).map((i) => i.id), ['failed', 'warned', 'ok']);
  assert.deepEqual(ordered(list, false).map((i) => i.id), ['ok', 'warned', 'failed']);
});

test('a change reads as on the card (its arrow, text and tone), in every format', () => {
  const rows = [
    { label: 'JS', latest: 300, change: change(400, 300), better: -1 as const },
    { label: 'TS', latest: 500, change: change(400, 500), better: -1 as const },
    { label: 'CSS', latest: 7, change: change(7, 7) },
  ];
  const r = report([insight('a', { rows })]);
  const card = rows.map((row) => changeFigures(row.change, row.better, 'en-US'));
  const html = reportHTML(r, { imageSrc: () => undefined, canary: false });
  assert.deepEqual([...html.matchAll(/<span data-tone="(\w+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]]), card.map((f) => [f.tone, `${f.arrow} ${f.text}`]));
  assert.deepEqual(card.map((f) => f.tone), ['good', 'bad', 'neutral']);
  const md = reportMarkdown(r, { imageSrc: () => undefined, canary: false });
  const slack = slackAsText(reportSlack(r, { imageWidth: 592, canary: false }));
  for (const f of card) for (const out of [md, slack]) assert.ok(out.includes(`${f.arrow} ${f.text}`), `${f.arrow} ${f.text}`);
});

describe('escaping', () => {
  test('HTML, Markdown and Slack each neutralise their own syntax', () => {
    assert.equal(escapeHTML(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    assert.equal(escapeMarkdown('**bold** [x](y) a|b <b>\nnext'), '\\*\\*bold\\*\\* \\[x\\](y) a\\|b \\<b\\> next');
    assert.equal(escapeSlack('<!channel> & <http://x|y>'), '&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });

  test('a series colour is set only as a colour (the loader passed it through parseColor)', () => {
    const html = reportHTML(report([insight('a', { rows: [{ label: 'x', color: '#228be6', latest: 1 }] })]), { imageSrc: () => undefined, canary: false });
    assert.match(html, /background:#228be6/);
  });
});

describe('reportSlack', () => {
  test('stays within 50 blocks and says how many insights did not fit', () => {
    const many = Array.from({ length: 40 }, (_, i) => insight(String(i), { rows: [{ label: 'x', latest: i }], warnings: [{ kind: 'stale', at: 0, count: 3 }] }));
    const payload = reportSlack(report(many), { imageBase: 'https://insights.example.com', imageWidth: 592, canary: true });
    assert.ok(payload.blocks.length <= 50, `${payload.blocks.length} blocks`);
    assert.match(slackAsText(payload), /and \d+ more \(see the e-mail or report\.html\)/);
    const images = payload.blocks.filter((b) => b.type === 'image');
    assert.ok(images.length > 0);
    assert.equal(images[0].image_url, 'https://insights.example.com/embed/insight/0.png?width=592&scale=2&from=report');
  });

  test('a section is clipped whole: never inside an entity or a link', () => {
    const url = 'https://sourcegraph.example.com/insights/a';
    const rows = Array.from({ length: 60 }, (_, i) => ({ label: `R&D <${i}> & ${'x'.repeat(i % 7)}`, latest: i, search: `${url}?q=${i}&x=1` }));
    const long = insight('a', { title: '&'.repeat(3000), url, rows, warnings: [{ kind: 'stale', at: 0, count: 3 }] });
    const payload = reportSlack(report([long]), { imageWidth: 592, canary: true });
    const texts = payload.blocks.flatMap((b) => [(b.text as { text?: string })?.text, ...((b.elements as { text: string }[]) ?? []).map((e) => e.text)]).filter(Boolean) as string[];
    for (const text of [payload.text, ...texts]) {
      assert.ok(text.length <= 3000, `${text.length} characters`);
      // Every & starts an entity, every < opens a link that closes.
      assert.doesNotMatch(text.replace(/<[^<>]*>/g, ''), /&(?!amp;|lt;|gt;)|[<>]/, text.slice(-80));
    }
    assert.match(texts.join('\n'), new RegExp(`<${url}\\|(&amp;){199}…>`), 'the title\'s link, its label clipped before escaping');
  });

  test('no images without an image server', () => {
    const payload = reportSlack(report([insight('a', { rows: [{ label: 'x', latest: 1 }] })]), { imageWidth: 592, canary: false });
    assert.equal(payload.blocks.filter((b) => b.type === 'image').length, 0);
  });
});
