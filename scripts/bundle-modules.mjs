// What the single file is made of: the minified bytes of dist/code-insights.js per source module, from its source
// map (`npm run build` first). `--packages` sums node_modules per package and src/ per folder.
// Two gzip -9 columns: `alone` compresses a module's bytes on their own; `in file` is what the whole file's gzip
// size would lose without them (gzip finds repeats across modules, so neither column adds up to the total).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const file = 'dist/code-insights.js';
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const byPackage = process.argv.includes('--packages');

/** @type {Array<[number, string]>} generated offset, source */
const segments = [];
{
  // The source map's `mappings`: lines split by `;`, segments by `,`, each a run of base64 VLQ numbers of which
  // the first is the generated column (relative within a line) and the second the source index (relative).
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const decode = (segment) => {
    const values = [];
    let value = 0;
    let shift = 0;
    for (const ch of segment) {
      const digit = BASE64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    return values;
  };
  let offset = 0;
  let source = 0;
  const lines = code.split('\n');
  map.mappings.split(';').forEach((line, i) => {
    let column = 0;
    for (const segment of line ? line.split(',') : []) {
      const [dColumn, dSource] = decode(segment);
      column += dColumn;
      if (dSource !== undefined) {
        source += dSource;
        segments.push([offset + column, map.sources[source]]);
      } else segments.push([offset + column, '(no source)']);
    }
    offset += (lines[i] ?? '').length + 1;
  });
}
segments.sort((a, b) => a[0] - b[0]);

/** @param {string} source */
const moduleName = (source) => {
  const path = source.replace(/^(\.\.\/)+/, '');
  const inPackage = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)/);
  if (inPackage) return byPackage ? inPackage[1] : `${inPackage[1]}/${inPackage[2]}`;
  return byPackage ? path.split('/').slice(0, -1).join('/') || path : path;
};

/** @type {Map<string, Array<[number, number]>>} module → its ranges of the file */
const ranges = new Map();
// Bytes before the first mapping belong to no module; so does the sourceMappingURL comment at the end.
if (segments.length && segments[0][0] > 0) ranges.set('(unmapped)', [[0, segments[0][0]]]);
segments.forEach(([start, source], i) => {
  const end = i + 1 < segments.length ? segments[i + 1][0] : code.length;
  const name = moduleName(source);
  ranges.set(name, [...(ranges.get(name) ?? []), [start, end]]);
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const whole = gzip(code);
const rows = [...ranges].map(([name, spans]) => {
  const own = spans.map(([a, b]) => code.slice(a, b)).join('');
  let rest = '';
  let at = 0;
  for (const [a, b] of spans) {
    rest += code.slice(at, a);
    at = b;
  }
  rest += code.slice(at);
  return { name, raw: Buffer.byteLength(own), alone: gzip(own), inFile: whole - gzip(rest) };
});
rows.sort((a, b) => b.raw - a.raw);
const pad = (value, width) => String(value).padStart(width);
console.log(`${pad('bytes', 7)} ${pad('share', 6)} ${pad('alone', 6)} ${pad('in file', 7)}  module`);
for (const row of rows) {
  console.log(`${pad(row.raw, 7)} ${pad(`${((100 * row.raw) / Buffer.byteLength(code)).toFixed(1)}%`, 6)} ${pad(row.alone, 6)} ${pad(row.inFile, 7)}  ${row.name}`);
}
console.log(`${pad(Buffer.byteLength(code), 7)} ${pad('100%', 6)} ${pad('', 6)} ${pad(whole, 7)}  ${file}`);
