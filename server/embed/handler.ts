import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InsightsError, isAbortError } from '../../src/api/errors.ts';
import { WeightedLru } from '../engine/lru.ts';
import { loadEmbeddedDashboard, loadEmbeddedInsight, type EmbedSource } from './embed-data.ts';
import type { SVGImage } from './document.ts';
import { Rasterizer, RasterizerBusyError, RasterizerMissingError, RasterizerTimeoutError, type RasterizerOptions } from './rasterizer.ts';
import { dashboardSVG, errorSVG, insightSVG } from './render.ts';
import { fromReader, REPORT_SOURCE, type UsageCounter } from '../usage/usage-counter.ts';
import { checkPercentEncoding, checkPixels, EmbedParamError, LIMITS, parseEmbedRequest, type EmbedRequest } from './route.ts';

export interface EmbedOptions {
  /** Answers the GraphQL requests the images need: the local source's, or the proxy's to a real instance. */
  fetch: typeof fetch;
  /** The instance URL the requests are addressed to (default `http://localhost`: the local fetch reads only paths). */
  instance?: string;
  /** Milliseconds before the data counts as not coming (default 20 000). */
  timeout?: number;
  /** PNG threads, their queue and time limit (defaults: min(2, cores) threads, 8 waiting, 10 s). */
  raster?: Partial<Omit<RasterizerOptions, 'maxPixels'>>;
  /** Counts a view of the embed (and of its insight or dashboard) per image requested. */
  usage?: UsageCounter;
}

/** Images are cached by browsers and proxies this long: a wiki page shows what the insight said minutes ago. */
const CACHE_READY = 'public, max-age=300';
/** Shorter while the insight is still being computed, and for errors, which may pass. */
const CACHE_SHORT = 'public, max-age=30';
const TYPES = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' };

/**
 * `GET /embed/insight/<id>.svg|png`, `/embed/insight.svg|png?kind=…` and `/embed/dashboard/<id>.svg|png`:
 * the charts the elements draw, as images for pages that cannot run scripts. True when it answered.
 *
 * Errors a caller can fix in the URL (a bad parameter) are 400 with plain text. Everything after that is an
 * image, so the page shows what went wrong where the chart would be, with an honest status: 404 for an
 * unknown insight or dashboard, 502 when the instance failed or answered badly, 504 when it did not answer in
 * time. Browsers draw an image body whatever the status, and caches and monitoring see the failure.
 *
 * PNGs are drawn on worker threads (Rasterizer), at most LIMITS.pixels pixels each: a larger one is a 400 before
 * anything is fetched (or, for an image as tall as its content, once drawn). When the threads are busy and the
 * queue is full the answer is 503 with Retry-After, and a render over the time limit is stopped with a 503.
 */
export function embedHandler(options: EmbedOptions) {
  const source: EmbedSource = { fetch: options.fetch, instance: options.instance ?? 'http://localhost', timeout: options.timeout ?? 20_000 };
  // Rasterizing costs far more than drawing the SVG: the PNG of an SVG already seen is reused.
  const pngs = new WeightedLru<string, Buffer>(32 * 1024 * 1024);
  const rasterizer = new Rasterizer({ ...options.raster, maxPixels: LIMITS.pixels });
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/embed/')) return false;
    let embed: EmbedRequest | undefined;
    try {
      checkPercentEncoding(url);
      embed = parseEmbedRequest(url);
    } catch (error) {
      if (error instanceof EmbedParamError) return text(response, 400, error.message), true;
      throw error;
    }
    if (!embed) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(response, 405, 'Images are read with GET.'), true;
    // A reader who leaves stops the work for them (the client aborts its requests).
    const gone = new AbortController();
    response.on('close', () => !response.writableFinished && gone.abort());

    let image: SVGImage & { status: number; cache: string; retryAfter?: number };
    try {
      image = await draw(embed, source, gone.signal);
    } catch (error) {
      if (error instanceof EmbedParamError) return text(response, 400, error.message), true;
      if (gone.signal.aborted) return true;
      throw error;
    }
    // Counted once drawn, so an unknown id (a 404 image) never becomes a "most viewed" line in a report.
    if (image.status === 200 && request.method === 'GET' && counted(request, url)) {
      const viewed = embed.target === 'dashboard' ? embed.dashboardId : embed.spec?.source === 'saved' ? embed.spec.id : undefined;
      if (viewed) options.usage?.embed(embed.target, viewed);
    }
    let body: Buffer;
    if (embed.format === 'png') {
      const key = `${embed.scale}\n${image.svg}`;
      try {
        checkPixels(image.width, image.height, embed.scale);
        body = pngs.get(key) ?? (await rasterizer.render(image.svg, embed.scale, gone.signal));
      } catch (error) {
        if (error instanceof EmbedParamError) return text(response, 400, error.message), true;
        if (error instanceof RasterizerMissingError) return text(response, 501, error.message), true;
        if (error instanceof RasterizerBusyError) return text(response, 503, error.message, error.retryAfter), true;
        if (error instanceof RasterizerTimeoutError) return text(response, 503, error.message), true;
        if (gone.signal.aborted) return true;
        throw error;
      }
      pngs.set(key, body, body.length);
    } else body = Buffer.from(image.svg);
    send(request, response, embed.format, body, image);
    return true;
  };
}

/**
 * Whether an image request is a reader's view. Not when a report's chat message is being shown: its image URLs
 * carry `from=report` (report/slack.ts), because Slack fetches them through its own proxy with no header of ours,
 * and its user agent is not always a bot's. Anyone can add the parameter, but it can only make views go uncounted,
 * never add one, so trusting it costs nothing. Link unfurlers and other servers of ours are no readers either.
 */
function counted(request: IncomingMessage, url: URL): boolean {
  return url.searchParams.get('from') !== REPORT_SOURCE && fromReader(request.headers['user-agent']);
}

/** The image's SVG, its status and how long it may be cached. */
async function draw(embed: EmbedRequest, source: EmbedSource, signal: AbortSignal) {
  try {
    if (embed.target === 'dashboard') {
      const dashboard = await loadEmbeddedDashboard(source, embed, signal);
      const processing = dashboard.cards.some((c) => c.status === 'fulfilled' && c.value.data.kind === 'line' && c.value.data.processing);
      const failed = dashboard.cards.some((c) => c.status === 'rejected');
      return { ...dashboardSVG(embed, dashboard), status: 200, cache: processing || failed ? CACHE_SHORT : CACHE_READY };
    }
    const loaded = await loadEmbeddedInsight(source, embed, signal);
    const processing = loaded.data.kind === 'line' && loaded.data.processing !== undefined;
    return { ...insightSVG(embed, loaded), status: 200, cache: processing ? CACHE_SHORT : CACHE_READY };
  } catch (error) {
    if (signal.aborted || isAbortError(error) || error instanceof EmbedParamError) throw error;
    // The element's own configuration errors (e.g. kind=languages for a line insight) are the URL's fault.
    if (error instanceof InsightsError && error.kind === 'config') throw new EmbedParamError(error.message);
    if (!(error instanceof InsightsError)) console.error(error);
    const { status, retryAfter } = statusOf(error);
    return { ...errorSVG(embed, error), status, cache: CACHE_SHORT, retryAfter };
  }
}

function statusOf(error: unknown): { status: number; retryAfter?: number } {
  if (!(error instanceof InsightsError)) return { status: 500 };
  switch (error.kind) {
    case 'not-found':
      return { status: 404 };
    case 'unavailable':
      return { status: 422 };
    case 'timeout':
      return { status: 504 };
    case 'http':
      // The instance is rate-limiting this server, or busy: so is this server, for as long as it was asked to wait.
      return error.status === 429 || error.status === 503 ? { status: 503, retryAfter: error.retryAfter } : { status: 502 };
    default:
      return { status: 502 };
  }
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  format: 'svg' | 'png',
  body: Buffer,
  image: { status: number; cache: string; retryAfter?: number },
): void {
  // A strong validator: the hash of the exact bytes, so an unchanged picture costs a 304 and no download.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  response.setHeader('Cache-Control', image.cache);
  response.setHeader('ETag', etag);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // An SVG opened on its own is a document: it may use its own styles and nothing else (no scripts, no fetches).
  if (format === 'svg') response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  if (image.retryAfter !== undefined) response.setHeader('Retry-After', String(image.retryAfter));
  // No Access-Control-Allow-Origin of its own: an <img> needs none, and a script on another site may read the
  // picture (a capture group's matches, say) only where the server's origin policy lists that site (http/server.ts).
  if (image.status === 200 && matches(request.headers['if-none-match'], etag)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.statusCode = image.status;
  response.setHeader('Content-Type', TYPES[format]);
  response.setHeader('Content-Length', body.length);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** If-None-Match uses the weak comparison: `W/"x"` matches `"x"`; `*` matches anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

function text(response: ServerResponse, status: number, message: string, retryAfter?: number): void {
  response.statusCode = status;
  if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(message);
}
