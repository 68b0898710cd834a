import { expect } from '@open-wc/testing';
import { csvCellPosition, parseCSV } from '../../../src/model/csv.js';
import { InsightDataError } from '../../../src/model/insight-data-parse.js';

function parseFails(text: string, options?: { maxRows?: number }): InsightDataError {
  try {
    parseCSV(text, options);
  } catch (error) {
    expect(error).to.be.instanceOf(InsightDataError);
    return error as InsightDataError;
  }
  throw new Error('parsing did not fail');
}

describe('parseCSV', () => {
  describe('good input', () => {
    it('reads a header and rows', () => {
      expect(parseCSV('date,a,b\n2024-01-01,1,2\n2024-02-01,3,4')).to.deep.equal([
        ['date', 'a', 'b'],
        ['2024-01-01', '1', '2'],
        ['2024-02-01', '3', '4'],
      ]);
    });

    it('reads CRLF and LF line ends alike, with or without a trailing newline', () => {
      const expected = [
        ['a', 'b'],
        ['1', '2'],
      ];
      expect(parseCSV('a,b\r\n1,2\r\n')).to.deep.equal(expected);
      expect(parseCSV('a,b\r\n1,2')).to.deep.equal(expected);
      expect(parseCSV('a,b\n1,2\n')).to.deep.equal(expected);
      expect(parseCSV('a,b\r1,2\r')).to.deep.equal(expected);
    });

    it('reads quoted fields with commas, newlines and doubled quotes inside', () => {
      expect(parseCSV('name,note\r\n"Smith, J.","said ""hi""\r\nthen left"\n"",x')).to.deep.equal([
        ['name', 'note'],
        ['Smith, J.', 'said "hi"\r\nthen left'],
        ['', 'x'],
      ]);
    });

    it('keeps spaces and empty fields as they are', () => {
      expect(parseCSV(' a , b ,\n,,')).to.deep.equal([
        [' a ', ' b ', ''],
        ['', '', ''],
      ]);
    });

    it('ignores a UTF-8 byte order mark', () => {
      expect(parseCSV('\uFEFFdate,a\n2024-01-01,1')).to.deep.equal([
        ['date', 'a'],
        ['2024-01-01', '1'],
      ]);
    });

    it('skips blank lines', () => {
      expect(parseCSV('a,b\n\n1,2\n\r\n\n')).to.deep.equal([
        ['a', 'b'],
        ['1', '2'],
      ]);
    });

    it('reads nothing from empty text', () => {
      expect(parseCSV('')).to.deep.equal([]);
      expect(parseCSV('\uFEFF')).to.deep.equal([]);
      expect(parseCSV('\n\n')).to.deep.equal([]);
    });

    it('keeps markup as plain text', () => {
      expect(parseCSV('label\n"<script>alert(1)</script>"')[1][0]).to.equal('<script>alert(1)</script>');
    });
  });

  describe('errors', () => {
    it('names the line and column where an unclosed quoted field starts', () => {
      const error = parseFails('date,a,b\n2024-01-01,1,2\n2024-02-01,3,4\n2024-03-01,5,"6\n2024-04-01,7,8\n');
      expect(error.message).to.equal('Line 4, column 14: a quoted field is not closed.');
      expect(error.line).to.equal(4);
      expect(error.column).to.equal(14);
    });

    it('reports an unclosed quote at the very end of the text', () => {
      const error = parseFails('a,b\n1,"');
      expect(error.message).to.equal('Line 2, column 3: a quoted field is not closed.');
    });

    it('names the row whose field count differs from the header', () => {
      const error = parseFails('date,a,b,c\n2024-01-01,1,2,3\n2024-02-01,1,2\n');
      expect(error.message).to.equal('Line 3: expected 4 fields like the header, found 3.');
      expect(error.line).to.equal(3);
      expect(error.column).to.equal(undefined);
    });

    it('counts lines inside quoted fields when naming a later row', () => {
      const error = parseFails('a,b\n"x\ny",1\n1,2,3');
      expect(error.message).to.equal('Line 4: expected 2 fields like the header, found 3.');
    });

    it('rejects a quote in the middle of an unquoted field', () => {
      const error = parseFails('a,b\r\n1,say "hi"\r\n');
      expect(error.message).to.equal(
        'Line 2, column 7: a quote (") in the middle of an unquoted field; put the whole field in quotes and double the quotes inside it ("like ""this""").',
      );
      expect([error.line, error.column]).to.deep.equal([2, 7]);
    });

    it('rejects text after a closing quote', () => {
      const error = parseFails('a,b\n"x"y,1');
      expect(error.message).to.match(/^Line 2, column 4: a closing quote must be followed by a comma or the end of the line/);
    });

    it('does not count the byte order mark as a column', () => {
      expect(parseFails('\uFEFFa,b"').column).to.equal(4);
    });

    it('limits the number of rows, 100,000 by default', () => {
      expect(parseFails('a\n1\n2\n3\n', { maxRows: 3 }).message).to.equal(
        'Line 4: too many rows: at most 3 are allowed, the header included.',
      );
      expect(parseCSV('a\n'.repeat(100_000))).to.have.length(100_000);
      expect(parseFails('a\n'.repeat(100_001)).message).to.equal(
        'Line 100001: too many rows: at most 100,000 are allowed, the header included.',
      );
    });
  });

  describe('hostile input', () => {
    it('reads a 5 MB quoted field quickly', () => {
      const big = 'x'.repeat(2_500_000) + '""'.repeat(1_250_000);
      const start = performance.now();
      const rows = parseCSV(`a\n"${big}"\n`);
      expect(performance.now() - start).to.be.below(2000);
      expect(rows[1][0].length).to.equal(2_500_000 + 1_250_000);
    });

    it('fails fast on a 5 MB quoted field that never closes', () => {
      const start = performance.now();
      const error = parseFails(`a\n"${'x\n'.repeat(2_500_000)}`);
      expect(performance.now() - start).to.be.below(2000);
      expect(error.message).to.equal('Line 2, column 1: a quoted field is not closed.');
    });

    it('scans a 5 MB unquoted field and 1,000,000 short rows in linear time', () => {
      const start = performance.now();
      expect(parseFails(`a,${'b'.repeat(5_000_000)}"`).column).to.equal(5_000_003);
      expect(parseCSV(',\n'.repeat(1_000_000), { maxRows: Infinity })).to.have.length(1_000_000);
      expect(performance.now() - start).to.be.below(3000);
    });

    it('reads 10,000 columns', () => {
      const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
      const row = Array.from({ length: 10_000 }, (_, i) => String(i)).join(',');
      const rows = parseCSV(`${header}\n${row}\n`);
      expect(rows[0]).to.have.length(10_000);
      expect(rows[1][9_999]).to.equal('9999');
    });

    it('treats __proto__ and constructor as plain text', () => {
      const rows = parseCSV('__proto__,constructor,polluted\n"{""polluted"":1}",x,y');
      expect(rows).to.deep.equal([
        ['__proto__', 'constructor', 'polluted'],
        ['{"polluted":1}', 'x', 'y'],
      ]);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  });

  describe('content security', () => {
    it('uses neither eval nor the Function constructor (forbidden by a strict CSP)', async () => {
      expect(parseCSV.toString()).not.to.contain('Function(');
      for (const file of ['/src/model/csv.ts', '/src/model/insight-data-parse.ts']) {
        const response = await fetch(file);
        expect(response.ok, file).to.equal(true);
        const source = await response.text();
        expect(source, file).to.contain('export');
        expect(source, file).not.to.contain('eval(');
        expect(source, file).not.to.contain('Function(');
      }
    });
  });
});

describe('csvCellPosition', () => {
  it('finds where a cell starts, counting lines inside quoted fields', () => {
    const text = '\uFEFFdate,"a\nb",c\r\n\n2024-01-01,"1",2\n';
    expect(csvCellPosition(text, 0, 2)).to.deep.equal({ line: 2, column: 4 });
    expect(csvCellPosition(text, 1, 0)).to.deep.equal({ line: 4, column: 1 });
    expect(csvCellPosition(text, 1, 1)).to.deep.equal({ line: 4, column: 12 });
    expect(csvCellPosition(text, 1, 2)).to.deep.equal({ line: 4, column: 16 });
  });
});
