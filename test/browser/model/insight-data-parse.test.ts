import { expect } from '@open-wc/testing';
import { insightDataFromCSV, InsightDataError, parseInsightJSON, validateInsightData } from '../../../src/model/insight-data-parse.js';
import type { InsightData, LineInsightData } from '../../../src/model/insight-data.js';

function fails(run: () => unknown): InsightDataError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(InsightDataError);
    return error as InsightDataError;
  }
  throw new Error('it did not fail');
}

const line = (series: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'line', title: 'TODOs', series, ...extra });
const point = (date: unknown, value: unknown, extra: Record<string, unknown> = {}) => ({ date, value, ...extra });
const noPollution = () => {
  expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  expect((Object.prototype as unknown as Record<string, unknown>).polluted).to.equal(undefined);
};

describe('validateInsightData', () => {
  describe('good input', () => {
    it('returns a new line insight with colours and links normalised', () => {
      const when = new Date('2024-02-01T00:00:00Z');
      const input = line(
        [
          {
            id: 'todo',
            label: 'TODO',
            color: 'var(--oc-red-7)',
            points: [point('2024-01-01', 3, { url: 'https://sourcegraph.example.com/search?q=a b' }), point(when, 5)],
            incomplete: [{ date: '2024-02-01', reason: 'The search timed out.' }],
          },
          { id: 'fixme', label: 'FIXME', color: ' #ABC ', points: [] },
        ],
        { url: 'https://sourcegraph.example.com/insights/1', processing: { progress: 0.5 } },
      );
      const data = validateInsightData(input) as LineInsightData;
      expect(data).to.deep.equal({
        kind: 'line',
        title: 'TODOs',
        series: [
          {
            id: 'todo',
            label: 'TODO',
            color: '#fa5252',
            points: [
              { date: '2024-01-01', value: 3, url: 'https://sourcegraph.example.com/search?q=a%20b' },
              { date: new Date('2024-02-01T00:00:00Z'), value: 5 },
            ],
            incomplete: [{ date: '2024-02-01', reason: 'The search timed out.' }],
          },
          { id: 'fixme', label: 'FIXME', color: '#ABC', points: [] },
        ],
        processing: { progress: 0.5 },
        url: 'https://sourcegraph.example.com/insights/1',
      });
      expect(data).not.to.equal(input);
      expect(data.series).not.to.equal(input.series);
      expect(data.series[0].points[1].date).not.to.equal(when);
    });

    it('reads series goals and annotations, with their links made safe', () => {
      const data = validateInsightData(
        line([{ id: 'js', label: 'JS', points: [point('2024-01-01', 3)], goal: { value: 0, date: '2024-12-31' } }, { id: 'ts', label: 'TS', points: [], goal: { value: 100 } }], {
          annotations: [
            { date: '2024-03-01', label: 'Codemod landed', url: 'https://github.com/acme/web/pull/1' },
            { date: '2024-04-01', label: 'v2 <b>released</b>', url: 'javascript:alert(1)' },
          ],
        }),
      ) as LineInsightData;
      expect(data.series.map((s) => s.goal)).to.deep.equal([{ value: 0, date: '2024-12-31' }, { value: 100 }]);
      expect(data.annotations).to.deep.equal([
        { date: '2024-03-01', label: 'Codemod landed', url: 'https://github.com/acme/web/pull/1' },
        { date: '2024-04-01', label: 'v2 <b>released</b>' },
      ]);
      expect(fails(() => validateInsightData(line([{ id: 'a', label: 'A', points: [], goal: { value: 'zero' } }]))).path).to.equal('series[0].goal.value');
      expect(fails(() => validateInsightData(line([], { annotations: [{ date: 'soon', label: 'x' }] }))).path).to.equal('annotations[0].date');
    });

    it('reads pie, bar and stat insights', () => {
      expect(
        validateInsightData({
          kind: 'pie',
          title: 'Languages',
          items: [
            { label: 'Go', value: 70, color: 'rgb(0, 173, 216)', url: 'https://example.com/go' },
            { label: 'Other', value: 0 },
          ],
        }),
      ).to.deep.equal({
        kind: 'pie',
        title: 'Languages',
        items: [
          { label: 'Go', value: 70, color: 'rgb(0, 173, 216)', url: 'https://example.com/go' },
          { label: 'Other', value: 0 },
        ],
      });
      expect(validateInsightData({ kind: 'bar', title: 'Repos', items: [{ label: 'a', value: -2.5, color: 'teal' }] })).to.deep.equal({
        kind: 'bar',
        title: 'Repos',
        items: [{ label: 'a', value: -2.5, color: 'teal' }],
      });
      expect(validateInsightData({ kind: 'stat', title: 'Open PRs', value: 12, previous: 10, url: 'http://example.com/' })).to.deep.equal({
        kind: 'stat',
        title: 'Open PRs',
        value: 12,
        previous: 10,
        url: 'http://example.com/',
      });
    });

    it('reads the optional extension fields of pie, bar and stat insights', () => {
      expect(validateInsightData({ kind: 'bar', title: 'Repos', items: [], url: 'https://sourcegraph.example.com/search?q=x' })).to.deep.equal({
        kind: 'bar',
        title: 'Repos',
        items: [],
        url: 'https://sourcegraph.example.com/search?q=x',
      });
      expect(
        validateInsightData({
          kind: 'stat',
          title: 'TODOs',
          value: 5,
          previous: 3,
          label: 'TODO',
          since: '2024-01-01',
          points: [point('2024-01-01', 3), point('2024-02-01', 5, { url: 'https://example.com/p' })],
        }),
      ).to.deep.equal({
        kind: 'stat',
        title: 'TODOs',
        value: 5,
        previous: 3,
        label: 'TODO',
        since: '2024-01-01',
        points: [
          { date: '2024-01-01', value: 3 },
          { date: '2024-02-01', value: 5, url: 'https://example.com/p' },
        ],
      });
    });

    it('treats null optional fields as absent and ignores unknown fields', () => {
      const data = validateInsightData({
        ...line([{ id: 'a', label: 'A', color: null, points: [point('2024-01-01', 1, { url: null, note: 'x' })], incomplete: null, extra: 1 }]),
        processing: null,
        url: null,
        items: 'ignored',
      });
      expect(data).to.deep.equal({ kind: 'line', title: 'TODOs', series: [{ id: 'a', label: 'A', points: [{ date: '2024-01-01', value: 1 }] }] });
      expect(validateInsightData({ kind: 'stat', title: 'x', value: 1, previous: null })).to.deep.equal({ kind: 'stat', title: 'x', value: 1 });
      expect(validateInsightData(line([], { processing: {} }))).to.deep.equal({ kind: 'line', title: 'TODOs', series: [], processing: {} });
    });

    it('cuts titles, labels and reasons to 300 characters with …', () => {
      const long = 'x'.repeat(400);
      const data = validateInsightData({
        ...line([{ id: long, label: long, points: [], incomplete: [{ date: '2024-01-01', reason: long }] }]),
        title: long,
      }) as LineInsightData;
      const cut = `${'x'.repeat(299)}…`;
      expect(data.title).to.equal(cut);
      expect(data.series[0].label).to.equal(cut);
      expect(data.series[0].incomplete![0].reason).to.equal(cut);
      expect(data.series[0].id).to.equal(long, 'ids identify series; they are never cut');
      expect(validateInsightData({ kind: 'line', title: 'x'.repeat(300), series: [] }).title).to.have.length(300);
    });

    it('drops colours parseColor rejects and links that are not absolute http(s) URLs', () => {
      const data = validateInsightData(
        line(
          [
            { id: 'a', label: 'A', color: 'red; background: url(https://evil.example/x)', points: [point('2024-01-01', 1, { url: 'javascript:alert(1)' })] },
            { id: 'b', label: 'B', color: 'url(https://evil.example/x)', points: [point('2024-01-01', 1, { url: '/relative' })] },
            { id: 'c', label: 'C', color: 'expression(alert(1))', points: [point('2024-01-01', 1, { url: 'data:text/html,<script>alert(1)</script>' })] },
            { id: 'd', label: 'D', color: 'var(--my-colour)', points: [] },
            { id: 'e', label: 'E', color: 42, points: [] },
            { id: 'f', label: 'F', color: 'inherit', points: [] },
          ],
          { url: ' JavaScript:alert(1)' },
        ),
      ) as LineInsightData;
      expect(data.series.map((s) => s.color)).to.deep.equal([undefined, undefined, undefined, undefined, undefined, undefined]);
      expect(data.series.every((s) => !('color' in s))).to.equal(true);
      expect(data.series.flatMap((s) => s.points).every((p) => !('url' in p))).to.equal(true);
      expect('url' in data).to.equal(false);

      const pie = validateInsightData({
        kind: 'pie',
        title: 'p',
        items: [{ label: 'a', value: 1, color: '#fff;}', url: 'javascript:void 0' }],
        url: 'javascript:alert(1)',
      });
      expect(pie).to.deep.equal({ kind: 'pie', title: 'p', items: [{ label: 'a', value: 1 }] });
      expect(validateInsightData({ kind: 'stat', title: 's', value: 1, url: 'javascript:alert(1)' })).to.deep.equal({ kind: 'stat', title: 's', value: 1 });
    });

    it('keeps markup in labels as plain text', () => {
      const data = validateInsightData({ kind: 'bar', title: '<img src=x onerror=alert(1)>', items: [{ label: '<script>alert(1)</script>', value: 1 }] });
      expect(data.title).to.equal('<img src=x onerror=alert(1)>');
      expect((data as { items: { label: string }[] }).items[0].label).to.equal('<script>alert(1)</script>');
    });

    it('reads only own properties: nothing inherited, nothing from __proto__ or constructor keys', () => {
      const inherited = Object.create({ kind: 'stat', title: 't', value: 1 }) as object;
      expect(fails(() => validateInsightData(inherited)).message).to.equal('kind: missing (expected one of "line", "pie", "bar", "stat").');

      const input = JSON.parse('{"kind":"stat","title":"t","value":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
      const data = validateInsightData(input);
      expect(data).to.deep.equal({ kind: 'stat', title: 't', value: 1 });
      expect(Object.getPrototypeOf(data)).to.equal(Object.prototype);
      noPollution();
    });

    it('takes __proto__ and constructor as series ids', () => {
      const data = validateInsightData(
        line([
          { id: '__proto__', label: '__proto__', points: [] },
          { id: 'constructor', label: 'constructor', points: [] },
        ]),
      ) as LineInsightData;
      expect(data.series.map((s) => s.id)).to.deep.equal(['__proto__', 'constructor']);
      noPollution();
    });
  });

  describe('errors', () => {
    const message = (value: unknown) => fails(() => validateInsightData(value)).message;

    it('names the path of a value that is not a finite number', () => {
      const series = [
        { id: 'a', label: 'A', points: [point('2024-01-01', 1)] },
        { id: 'b', label: 'B', points: [point('2024-01-01', 1), point('2024-02-01', 2), point('2024-03-01', 3), point('2024-04-01', '12')] },
      ];
      const error = fails(() => validateInsightData(line(series)));
      expect(error.message).to.equal('series[1].points[3].value: expected a finite number, found "12".');
      expect(error.path).to.equal('series[1].points[3].value');
      expect(error.line).to.equal(undefined);
      expect(message(line([{ id: 'a', label: 'A', points: [point('2024-01-01', NaN)] }]))).to.equal('series[0].points[0].value: expected a finite number, found NaN.');
      expect(message(line([{ id: 'a', label: 'A', points: [point('2024-01-01', Infinity)] }]))).to.equal(
        'series[0].points[0].value: expected a finite number, found Infinity.',
      );
      expect(message(line([{ id: 'a', label: 'A', points: [{ date: '2024-01-01' }] }]))).to.equal('series[0].points[0].value: missing (expected a finite number).');
    });

    it('names the path of a date that is not ISO 8601', () => {
      const expected = 'an ISO 8601 date such as "2024-05-01" or "2024-05-01T12:00:00Z"';
      const at = (date: unknown) => message(line([{ id: 'a', label: 'A', points: [point(date, 1)] }]));
      expect(at('05/01/2024')).to.equal(`series[0].points[0].date: expected ${expected}, found "05/01/2024".`);
      expect(at('2024-13-45')).to.equal(`series[0].points[0].date: expected ${expected}, found "2024-13-45".`);
      expect(at(new Date(NaN))).to.equal(`series[0].points[0].date: expected ${expected}, found an invalid Date.`);
      expect(at(1714521600000)).to.equal(`series[0].points[0].date: expected ${expected}, found 1714521600000.`);
      expect(message(line([{ id: 'a', label: 'A', points: [], incomplete: [{ date: 'soon', reason: 'r' }] }]))).to.equal(
        `series[0].incomplete[0].date: expected ${expected}, found "soon".`,
      );
    });

    it('names the allowed kinds', () => {
      expect(message({ kind: 'area', title: 't' })).to.equal('kind: expected one of "line", "pie", "bar", "stat", found "area".');
      expect(message({ title: 't' })).to.equal('kind: missing (expected one of "line", "pie", "bar", "stat").');
    });

    it('rejects values that are not objects, and wrong field types', () => {
      expect(message([])).to.equal('The insight data must be an object with a "kind", found a list.');
      expect(message(null)).to.equal('The insight data must be an object with a "kind", found null.');
      expect(message('{}')).to.equal('The insight data must be an object with a "kind", found "{}".');
      expect(message({ kind: 'line', series: [] })).to.equal('title: missing (expected a string).');
      expect(message({ kind: 'line', title: 1, series: [] })).to.equal('title: expected a string, found 1.');
      expect(message({ kind: 'line', title: 't' })).to.equal('series: missing (expected a list).');
      expect(message({ kind: 'line', title: 't', series: {} })).to.equal('series: expected a list, found an object.');
      expect(message(line(['a']))).to.equal('series[0]: expected an object, found "a".');
      expect(message(line([{ id: 1, label: 'A', points: [] }]))).to.equal('series[0].id: expected a string, found 1.');
      expect(message(line([{ id: '', label: 'A', points: [] }]))).to.equal('series[0].id: a series id must not be empty.');
      expect(message(line([{ id: 'a', points: [] }]))).to.equal('series[0].label: missing (expected a string).');
      expect(message(line([{ id: 'a', label: 'A' }]))).to.equal('series[0].points: missing (expected a list).');
      expect(message(line([{ id: 'a', label: 'A', points: [null] }]))).to.equal('series[0].points[0]: expected an object, found null.');
      expect(message(line([{ id: 'a', label: 'A', points: [], incomplete: [{ date: '2024-01-01' }] }]))).to.equal(
        'series[0].incomplete[0].reason: missing (expected a string).',
      );
      expect(message(line([], { processing: { progress: 2 } }))).to.equal('processing.progress: expected a fraction from 0 to 1, found 2.');
      expect(message(line([], { processing: true }))).to.equal('processing: expected an object, found true.');
      expect(message({ kind: 'pie', title: 't', items: [{ label: 'a', value: -1 }] })).to.equal(
        'items[0].value: expected zero or more (a pie slice cannot be negative), found -1.',
      );
      expect(message({ kind: 'bar', title: 't', items: [{ value: 1 }] })).to.equal('items[0].label: missing (expected a string).');
      expect(message({ kind: 'stat', title: 't', value: '3' })).to.equal('value: expected a finite number, found "3".');
      expect(message({ kind: 'stat', title: 't', value: 3, previous: 'x' })).to.equal('previous: expected a finite number, found "x".');
      expect(message({ kind: 'stat', title: 't', value: 3, label: 4 })).to.equal('label: expected a string, found 4.');
      expect(message({ kind: 'stat', title: 't', value: 3, since: 'yesterday' })).to.equal(
        'since: expected an ISO 8601 date such as "2024-05-01" or "2024-05-01T12:00:00Z", found "yesterday".',
      );
      expect(message({ kind: 'stat', title: 't', value: 3, points: [point('2024-01-01', 1), point('2024-02-01', null)] })).to.equal(
        'points[1].value: expected a finite number, found null.',
      );
    });

    it('shows only a glimpse of a long wrong value', () => {
      expect(message({ kind: 'x'.repeat(10_000), title: 't' })).to.equal(`kind: expected one of "line", "pie", "bar", "stat", found "${'x'.repeat(39)}…".`);
    });

    it('rejects duplicate series ids', () => {
      const error = fails(() =>
        validateInsightData(
          line([
            { id: 'a', label: 'A', points: [] },
            { id: 'a', label: 'Also A', points: [] },
          ]),
        ),
      );
      expect(error.message).to.equal('series[1].id: another series already has the id "a"; ids must be unique.');
      expect(error.path).to.equal('series[1].id');
    });

    it('limits series, points and items', () => {
      const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
      expect(validateInsightData(line(many(500, (i) => ({ id: `s${i}`, label: 'S', points: [] })))).kind).to.equal('line');
      expect(message(line(many(501, (i) => ({ id: `s${i}`, label: 'S', points: [] }))))).to.equal(
        'series: too many series: at most 500 are allowed, found 501.',
      );
      const points = many(50_000, (i) => point(new Date(Date.UTC(2000, 0, 1 + i)), i));
      expect(validateInsightData(line([{ id: 'a', label: 'A', points }, { id: 'b', label: 'B', points }])).kind).to.equal('line');
      const error = fails(() =>
        validateInsightData(line([{ id: 'a', label: 'A', points }, { id: 'b', label: 'B', points }, { id: 'c', label: 'C', points: [points[0]] }])),
      );
      expect(error.message).to.equal('series[2].points: too many points: at most 100,000 are allowed over all series.');
      expect(message(line([{ id: 'a', label: 'A', points: many(100_001, () => point('2024-01-01', 1)) }]))).to.equal(
        'series[0].points: too many points: at most 100,000 are allowed, found 100,001.',
      );
      expect(message({ kind: 'bar', title: 't', items: many(1_001, () => ({ label: 'a', value: 1 })) })).to.equal(
        'items: too many items: at most 1,000 are allowed, found 1,001.',
      );
    });
  });
});

describe('parseInsightJSON', () => {
  const json = JSON.stringify({ kind: 'line', title: 'TODOs', series: [{ id: 'a', label: 'A', color: 'var(--oc-blue-3)', points: [{ date: '2024-01-01', value: 1 }] }] });
  const expected: InsightData = { kind: 'line', title: 'TODOs', series: [{ id: 'a', label: 'A', color: '#228be6', points: [{ date: '2024-01-01', value: 1 }] }] };

  it('parses and validates JSON text, with or without a byte order mark', () => {
    expect(parseInsightJSON(json)).to.deep.equal(expected);
    expect(parseInsightJSON(`\uFEFF${json}\n`)).to.deep.equal(expected);
  });

  it('places a syntax error by line and column', () => {
    const error = fails(() => parseInsightJSON('{\n  "kind": "line",\n  "title": "t",\n  "series": []\n  "url": 1\n}'));
    expect([error.line, error.column]).to.deep.equal([5, 3]);
    expect(error.message).to.match(/^Line 5, column 3: this is not valid JSON \(.+\)\.$/);
    expect(error.cause).to.be.instanceOf(SyntaxError);
  });

  it('says that text which is not JSON is not JSON, whatever the mistake', () => {
    for (const text of ['{"kind": line}', "{\r\n  'kind': 'line'}", '// data\n{}', '<!doctype html><title>Not found</title>', '{"value": NaN}', '{}\n{}', '{"series": [\n']) {
      const error = fails(() => parseInsightJSON(text));
      expect(error.message, text).to.match(/this is not valid JSON/i);
      expect(error.cause).to.be.instanceOf(SyntaxError);
    }
  });

  it('says when the text is empty', () => {
    expect(fails(() => parseInsightJSON('')).message).to.equal('The JSON is empty.');
    expect(fails(() => parseInsightJSON(' \n\t')).message).to.equal('The JSON is empty.');
  });

  it('names the path when valid JSON has the wrong shape', () => {
    const error = fails(() => parseInsightJSON('{"kind":"line","title":"t","series":[{"id":"a","label":"A","points":[{"date":"2024-01-01","value":"1"}]}]}'));
    expect(error.message).to.equal('series[0].points[0].value: expected a finite number, found "1".');
    expect(error.path).to.equal('series[0].points[0].value');
  });

  it('turns hostile JSON into an error or plain data, never pollution', () => {
    const data = parseInsightJSON(
      '{"kind":"line","title":"<script>alert(1)</script>","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},' +
        '"series":[{"id":"a","label":"A","color":"red;background:url(//evil)","__proto__":{"polluted":1},' +
        '"points":[{"date":"2024-01-01","value":1,"url":"javascript:alert(1)","__proto__":{"polluted":1}}]}]}',
    );
    expect(data).to.deep.equal({
      kind: 'line',
      title: '<script>alert(1)</script>',
      series: [{ id: 'a', label: 'A', points: [{ date: '2024-01-01', value: 1 }] }],
    });
    noPollution();
  });

  it('gives an error, not a crash, for deeply nested or huge input', () => {
    const deep = fails(() => parseInsightJSON('['.repeat(1_000_000)));
    expect(deep.message).to.match(/not valid JSON|could not be read/);
    const unclosedString = fails(() => parseInsightJSON(`{"title": "${'x'.repeat(5_000_000)}`));
    expect(unclosedString.message).to.match(/not valid JSON/);
  });
});

describe('insightDataFromCSV', () => {
  it('reads a date column and one series per column, sorted by date, empty cells missing', () => {
    const data = insightDataFromCSV('Date, TODO ,FIXME\n2024-03-01,3,\n2024-01-01,1,10\n2024-02-01,,20\n', 'Markers');
    expect(data).to.deep.equal({
      kind: 'line',
      title: 'Markers',
      series: [
        {
          id: 'TODO',
          label: 'TODO',
          points: [
            { date: '2024-01-01', value: 1 },
            { date: '2024-03-01', value: 3 },
          ],
        },
        {
          id: 'FIXME',
          label: 'FIXME',
          points: [
            { date: '2024-01-01', value: 10 },
            { date: '2024-02-01', value: 20 },
          ],
        },
      ],
    });
  });

  it('finds the date column anywhere, in any case, and reads quoted cells, CRLF and a byte order mark', () => {
    const data = insightDataFromCSV('\uFEFF"Go, total",DATE,Rust\r\n"1e3", 2024-01-01T00:00:00Z ,-2.5\r\n+4,2024-02-01,.5\r\n', 'Lines');
    expect(data.series).to.deep.equal([
      {
        id: 'Go, total',
        label: 'Go, total',
        points: [
          { date: '2024-01-01T00:00:00Z', value: 1000 },
          { date: '2024-02-01', value: 4 },
        ],
      },
      {
        id: 'Rust',
        label: 'Rust',
        points: [
          { date: '2024-01-01T00:00:00Z', value: -2.5 },
          { date: '2024-02-01', value: 0.5 },
        ],
      },
    ]);
  });

  it('gives series and no points for a header alone', () => {
    expect(insightDataFromCSV('date,a,b\n', 'Empty')).to.deep.equal({
      kind: 'line',
      title: 'Empty',
      series: [
        { id: 'a', label: 'a', points: [] },
        { id: 'b', label: 'b', points: [] },
      ],
    });
  });

  it('validates as InsightData', () => {
    const data = insightDataFromCSV('date,a\n2024-01-01,1\n', 'x'.repeat(400));
    expect(validateInsightData(data)).to.deep.equal(data);
    expect(data.title).to.equal(`${'x'.repeat(299)}…`);
  });

  describe('errors', () => {
    const csvFails = (text: string) => fails(() => insightDataFromCSV(text, 'T'));

    it('names the line and column of a cell that is not a number', () => {
      const error = csvFails('date,a,b\n2024-01-01,1,2\n2024-02-01,3,12x\n');
      expect(error.message).to.equal('Line 3, column 14: "12x" is not a number.');
      expect([error.line, error.column]).to.deep.equal([3, 14]);
      expect(csvFails('date,a\n2024-01-01,0x10').message).to.equal('Line 2, column 12: "0x10" is not a number.');
      expect(csvFails('date,a\n2024-01-01,Infinity').message).to.equal('Line 2, column 12: "Infinity" is not a number.');
      expect(csvFails('date,a\n2024-01-01,"1,000"').message).to.equal('Line 2, column 12: "1,000" is not a number.');
      expect(csvFails('date,a\n2024-01-01,1.2.3').message).to.equal('Line 2, column 12: "1.2.3" is not a number.');
    });

    it('reports the first error in file order, whatever the dates', () => {
      expect(csvFails('date,a\n2024-05-01,x\n2024-01-01,y\n').message).to.equal('Line 2, column 12: "x" is not a number.');
    });

    it('names the line and column of a bad or missing date', () => {
      expect(csvFails('a,date\n1,2024-01-01\n2,05/01/2024\n').message).to.equal('Line 3, column 3: "05/01/2024" is not an ISO 8601 date such as "2024-05-01".');
      expect(csvFails('a,date\n1,2024-01-01\n2, \n').message).to.equal('Line 3, column 3: the date is missing.');
    });

    it('rejects a date that appears twice', () => {
      const error = csvFails('date,a\n2024-01-01,1\n2024-02-01,2\n2024-01-01T00:00:00Z,3\n');
      expect(error.message).to.equal('Line 4, column 1: the date "2024-01-01T00:00:00Z" is also on line 2; each date may appear only once.');
    });

    it('checks the header', () => {
      expect(csvFails('day,a\n2024-01-01,1').message).to.equal('Line 1: the header has no "date" column.');
      expect(csvFails('date,a,Date\n2024-01-01,1,2').message).to.equal('Line 1, column 8: the header has more than one "date" column.');
      expect(csvFails('date,a, \n2024-01-01,1,2').message).to.equal('Line 1, column 8: this header cell is empty; every column needs a name (the series label).');
      expect(csvFails('date,a,"a "\n2024-01-01,1,2').message).to.equal('Line 1, column 8: two columns are named "a"; series names must be unique.');
      expect(csvFails('').message).to.equal('The CSV is empty: it needs a header row with a "date" column and one column per series.');
    });

    it('passes on the CSV syntax errors', () => {
      expect(csvFails('date,a\n2024-01-01,1,2').message).to.equal('Line 2: expected 2 fields like the header, found 3.');
      expect(csvFails('date,a\n2024-01-01,"1').message).to.equal('Line 2, column 12: a quoted field is not closed.');
    });
  });

  describe('hostile input', () => {
    it('rejects 10,000 columns as too many series', () => {
      const header = ['date', ...Array.from({ length: 9_999 }, (_, i) => `s${i}`)].join(',');
      expect(fails(() => insightDataFromCSV(`${header}\n`, 'T')).message).to.equal(
        'Line 1: too many series: at most 500 columns besides "date" are allowed, found 9,999.',
      );
    });

    it('limits the points over all series', () => {
      const header = ['date', ...Array.from({ length: 500 }, (_, i) => `s${i}`)].join(',');
      const row = (d: number) => [new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10), ...Array.from({ length: 500 }, () => '1')].join(',');
      const text = [header, ...Array.from({ length: 201 }, (_, d) => row(d))].join('\n');
      expect(fails(() => insightDataFromCSV(text, 'T')).message).to.equal(
        'Line 202, column 12: too many points: at most 100,000 are allowed over all series.',
      );
    });

    it('takes __proto__ and constructor headers as series names without polluting prototypes', () => {
      const data = insightDataFromCSV('__proto__,date,constructor,polluted\n1,2024-01-01,2,3\n', 'T');
      expect(data.series.map((s) => [s.id, s.points[0].value])).to.deep.equal([
        ['__proto__', 1],
        ['constructor', 2],
        ['polluted', 3],
      ]);
      noPollution();
    });

    it('keeps markup in headers as plain text', () => {
      expect(insightDataFromCSV('date,<script>alert(1)</script>\n', 'T').series[0].label).to.equal('<script>alert(1)</script>');
    });

    it('reads 5 MB of CSV, 99,999 rows out of order, quickly', () => {
      const rows = Array.from({ length: 99_999 }, (_, d) => `${new Date(Date.UTC(2000, 0, 1 + d)).toISOString()},${String(d).padStart(25, '0')}`);
      const text = `date,a\n${rows.reverse().join('\n')}\n`;
      expect(text.length).to.be.above(5_000_000);
      const start = performance.now();
      const data = insightDataFromCSV(text, 'T');
      expect(performance.now() - start).to.be.below(3000);
      expect(data.series[0].points).to.have.length(99_999);
      expect(data.series[0].points[0]).to.deep.equal({ date: '2000-01-01T00:00:00.000Z', value: 0 });
      expect(data.series[0].points[99_998].value).to.equal(99_998);
    });
  });
});
