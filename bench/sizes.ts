/**
 * Bytes a page pays: the single file, and each entry of the npm package as an app's bundler would ship it
 * (esbuild, minified, with lit and d3 bundled in; react left out of `./react`, the app has it already).
 * gzip -9 and brotli 11. Writes bench/results/sizes.json. Run with `npm run bench` (needs `npm run build`).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeResult } from './results.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES: Record<string, string> = {
  'code-insights-elements (all elements)': 'dist/index.js',
  'code-insights-elements/code-insight.js': 'dist/elements/code-insight/define.js',
  'code-insights-elements/insights-dashboard.js': 'dist/elements/insights-dashboard/define.js',
  'code-insights-elements/insight-series.js': 'dist/elements/insight-series/define.js',
  'code-insights-elements/react': 'dist/react/index.js',
};

function measure(bytes: Uint8Array) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = [{ entry: 'dist/code-insights.js (single file)', ...measure(readFileSync(`${root}dist/code-insights.js`)) }];
for (const [entry, file] of Object.entries(ENTRIES)) {
  const result = await build({
    entryPoints: [`${root}${file}`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: ['react', 'react-dom'],
    logLevel: 'silent',
  });
  rows.push({ entry, ...measure(result.outputFiles[0].contents) });
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
for (const row of rows) console.log(`size ${row.entry}: ${kib(row.gzip)} gzip, ${kib(row.brotli)} brotli (${kib(row.raw)} minified)`);
writeResult('sizes', { bundler: 'esbuild (minify, esm, es2022)', rows });
