/**
 * The rasterizer thread's program, as source text for `new Worker(source, { eval: true })`. Plain CommonJS with
 * nothing to compile or resolve: it runs the same under tsx and in the esbuild bundle (server/dist/cli.js), where
 * a second `.ts` entry point would not exist. The main thread resolves `@resvg/resvg-js` (workerData.resvgPath).
 *
 * Messages in: `{ svg, scale, maxPixels }`, one at a time. Out: `{ ready }` once, then per render `{ png }` (the
 * bytes), `{ error }` (a message) or `{ missing }` (resvg could not be loaded; the thread then exits, so a later
 * install is picked up).
 */
export const RASTER_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

let Resvg;
let missing;
try {
  ({ Resvg } = require(workerData.resvgPath));
} catch (error) {
  missing = String((error && error.message) || error).split('\n')[0];
}

// resvg's pixmap (up to maxPixels × 4 bytes) is native memory that V8 does not count, so nothing prompts a
// garbage collection to free it: the thread collects after every render itself. --expose-gc is not accepted in
// a worker's execArgv; switching it on just long enough to take a gc function is what jest's leak detector does.
let collect = () => {};
// A collection costs some 20 ms, as long as a small render: small renders share one, and a pixmap of 16 million
// pixels or more (64 MB) is freed at once.
const COLLECT_AFTER = 16e6;
let uncollected = 0;
try {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('gc');
  v8.setFlagsFromString('--no-expose-gc');
} catch {
  // a thread that cannot collect still renders; V8 frees the pixmaps at its own pace
}

function render(svg, scale, maxPixels) {
  const renderer = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
    // The system's fonts (DejaVu and Liberation on Debian); the document's font-family list names them.
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  // The main thread checked the size it drew; this is resvg's own reading of the file, before any pixel exists.
  const width = Math.ceil(renderer.width * scale);
  const height = Math.ceil(renderer.height * scale);
  if (width * height > maxPixels) throw new Error('The image would be ' + width + ' × ' + height + ' pixels, over the limit of ' + maxPixels + '.');
  uncollected += width * height;
  return renderer.render().asPng();
}

// The time limit counts from here: starting a thread and loading resvg is not the render's fault.
parentPort.postMessage({ ready: true });

parentPort.on('message', async ({ svg, scale, maxPixels }) => {
  if (missing) {
    parentPort.postMessage({ missing });
    process.exit(0);
  }
  let answer;
  try {
    answer = { png: render(svg, scale, maxPixels) };
  } catch (error) {
    answer = { error: String((error && error.message) || error) };
  }
  if (uncollected >= COLLECT_AFTER) {
    // Answering only after the pixmaps' finalizers have run (a turn after the collection) keeps one thread's
    // memory flat under back-to-back renders; answering first let 8K pixmaps pile up (1.3 GB after ten).
    uncollected = 0;
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  parentPort.postMessage(answer);
});
`;
