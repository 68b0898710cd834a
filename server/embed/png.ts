/**
 * PNG from the SVG, rasterized in-process by resvg (a Rust renderer shipped as an npm package with prebuilt
 * binaries). It is imported on first use: the server starts and serves SVG without it, and a PNG request
 * explains what to install.
 */

type ResvgModule = typeof import('@resvg/resvg-js');

/** Thrown when the rasterizer is not installed: answered with HTTP 501 and this message. */
export class RasterizerMissingError extends Error {
  override name = 'RasterizerMissingError';
}

let loading: Promise<ResvgModule> | undefined;

async function resvg(): Promise<ResvgModule> {
  loading ??= import('@resvg/resvg-js').catch((error: unknown) => {
    loading = undefined; // installing it later works without a restart
    throw new RasterizerMissingError(
      'PNG images need the optional package @resvg/resvg-js (npm install @resvg/resvg-js); SVG images work without it. ' +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  });
  return loading;
}

/** The PNG of `svg` at `scale` times its size (2 for high-DPI screens). */
export async function svgToPNG(svg: string, scale = 1): Promise<Buffer> {
  const { Resvg } = await resvg();
  const renderer = new Resvg(svg, {
    fitTo: scale === 1 ? { mode: 'original' } : { mode: 'zoom', value: scale },
    // The system's fonts (DejaVu and Liberation on Debian); the document's font-family list names them.
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  return renderer.render().asPng();
}
