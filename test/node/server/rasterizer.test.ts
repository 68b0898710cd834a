/**
 * The PNG threads on their own: a render at its scale, the time limit (the thread stopped and replaced), the
 * bounded queue, a waiting render dropped when its reader leaves, and resvg's own size checked against the limit.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Rasterizer, RasterizerBusyError, RasterizerTimeoutError } from '../../../server/embed/rasterizer.ts';
import { LIMITS } from '../../../server/embed/route.ts';
import { decodePNG } from './png-decode.ts';

const small = (width: number, height: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#0a0"/></svg>`;
/** Within the pixel limit but slow to draw: seconds of turbulence noise (about 3 s on a 2-core CI machine). */
const SLOW = `<svg xmlns="http://www.w3.org/2000/svg" width="3840" height="2160">
  <filter id="noise" x="0" y="0" width="1" height="1"><feTurbulence baseFrequency="0.05" numOctaves="1"/></filter>
  <rect width="100%" height="100%" filter="url(#noise)"/></svg>`;

const rasterizers: Rasterizer[] = [];
function rasterizer(options: Partial<ConstructorParameters<typeof Rasterizer>[0]> = {}): Rasterizer {
  const r = new Rasterizer({ maxPixels: LIMITS.pixels, ...options });
  rasterizers.push(r);
  return r;
}

after(() => Promise.all(rasterizers.map((r) => r.close())));

describe('Rasterizer', () => {
  test('draws the SVG at its scale', async () => {
    const png = decodePNG(await rasterizer().render(small(300, 100), 2));
    assert.deepEqual([png.width, png.height], [600, 200]);
    assert.deepEqual(png.pixel(10, 10), [0, 0xaa, 0, 255]);
  });

  test('a render over the time limit is stopped, and the next one is drawn by a fresh thread', async () => {
    const r = rasterizer({ workers: 1, timeout: 500 });
    await assert.rejects(r.render(SLOW, 1), (error: unknown) => {
      assert.ok(error instanceof RasterizerTimeoutError);
      assert.match(error.message, /^Drawing this PNG took longer than 0\.5 seconds and was stopped/);
      return true;
    });
    assert.equal(decodePNG(await r.render(small(200, 120), 1)).width, 200);
  });

  test('refuses a render when every thread is drawing and the queue is full', async () => {
    const r = rasterizer({ workers: 1, queue: 1, timeout: 500 });
    const drawing = r.render(SLOW, 1);
    const waiting = r.render(small(200, 120), 1);
    await assert.rejects(r.render(small(200, 120), 1), RasterizerBusyError);
    await assert.rejects(drawing, RasterizerTimeoutError);
    assert.equal(decodePNG(await waiting).width, 200);
  });

  test('a waiting render is dropped when its signal aborts, and frees its place in the queue', async () => {
    const r = rasterizer({ workers: 1, queue: 1, timeout: 500 });
    const drawing = r.render(SLOW, 1);
    const reader = new AbortController();
    const left = r.render(small(200, 120), 1, reader.signal);
    reader.abort();
    await assert.rejects(left, { name: 'AbortError' });
    const next = r.render(small(200, 120), 1);
    await assert.rejects(drawing, RasterizerTimeoutError);
    assert.equal(decodePNG(await next).width, 200);
  });

  test("checks resvg's own reading of the size against the pixel limit, before drawing", async () => {
    await assert.rejects(rasterizer({ maxPixels: 100 * 100 }).render(small(60, 60), 2), /The image would be 120 × 120 pixels, over the limit of 10000\./);
  });
});
