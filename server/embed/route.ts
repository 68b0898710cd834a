import { VALID_COUNT, viewOptions, type ViewAttributes } from '../../src/api/view-options.ts';
import { InsightsError } from '../../src/api/errors.ts';
import { goalOptions } from '../../src/api/goal-options.ts';
import type { GoalOptions } from '../../src/model/goals.ts';
import { SpecError, resolveSpec, type InsightSpec, type Kind } from '../../src/model/insight-spec.ts';
import { filtersFromSearchParams, FILTER_ATTRIBUTES } from '../../src/model/view-filters.ts';
import type { EmbedTheme } from './theme.ts';

/**
 * The image routes and their query parameters. Parameter names are the `<code-insight>` attribute names, so
 * an embed snippet and an image URL say the same thing the same way:
 *
 *   /embed/insight/<id>.svg|png     a saved insight
 *   /embed/insight.svg|png          what the element's kind/repository/query attributes name (languages, group-by)
 *   /embed/dashboard/<id>.svg|png   a saved dashboard: its title, then its cards in a grid
 */
export interface EmbedRequest {
  target: 'insight' | 'dashboard';
  format: 'svg' | 'png';
  theme: EmbedTheme;
  width: number;
  /** Absent: the image is as tall as its content (a card's chart area at the element's default height). */
  height?: number;
  /** The page's own title for the card, replacing the insight's (the element's `heading`). */
  heading?: string;
  /** Pixel density of a PNG (2 for sharp images on high-DPI screens); the SVG ignores it. */
  scale: number;
  locale: string;
  yZero: boolean;
  stacked: boolean;
  /** Insights: the kind to draw and where the data comes from, resolved as the element resolves its attributes. */
  kind: Kind;
  spec?: InsightSpec;
  /** Dashboards: its id, and the narrowest a grid column gets. */
  dashboardId?: string;
  minCardWidth: number;
  /** The drill-down filters and series display options, as `insightViews` takes them. */
  view: ReturnType<typeof viewOptions>;
  seriesLimit?: number;
  /** The card's goal attributes, as parameters: goal, goal-date, goal-series, better, baseline-date, trend-window, compare. */
  goals?: GoalOptions;
}

/** A parameter the caller got wrong: answered with HTTP 400 and this message. */
export class EmbedParamError extends Error {
  override name = 'EmbedParamError';
}

export const LIMITS = {
  width: { min: 200, max: 3840, insight: 640, dashboard: 1280 },
  height: { min: 120, max: 20000 },
  minCardWidth: { min: 200, max: 1920, default: 352 }, // the dashboard's 22rem
  scale: { min: 1, max: 3 },
  /**
   * Pixels of a PNG (width × height × scale²): 7680 × 4320, an 8K frame, which is a 3840 × 2160 image at scale 2 or
   * the 48-card fixture dashboard at scale 2. Its pixmap alone is 133 MB and resvg takes a second or two of a core
   * to fill it; the largest the other limits allow (3840 × 20000 at scale 3) would be 21 times that.
   */
  pixels: 7680 * 4320,
};

const ROUTE = /^\/embed\/(insight|dashboard)(?:\/(.+))?\.(svg|png)$/;

/**
 * Throws EmbedParamError when the path or a query parameter of `url` is not validly percent-encoded (`%zz`, a lone
 * `%`, bytes that are not UTF-8). URLSearchParams would let them through as they are, or as U+FFFD.
 */
export function checkPercentEncoding(url: URL): void {
  const undecodable = (text: string) => {
    try {
      decodeURIComponent(text);
      return false;
    } catch {
      return true;
    }
  };
  // The wording of the server's other routes (server/http/responses.ts).
  if (undecodable(url.pathname)) throw new EmbedParamError('The path in the URL is not validly percent-encoded.');
  for (const part of url.search.slice(1).split('&')) {
    const name = part.split('=', 1)[0];
    if (undecodable(part.replaceAll('+', ' '))) {
      const shown = undecodable(name) ? `"${name}"` : decodeURIComponent(name);
      throw new EmbedParamError(`The ${shown} parameter in the URL is not validly percent-encoded.`);
    }
  }
}

/**
 * Throws EmbedParamError when a PNG of `width` × `height` CSS pixels at `scale` would have more than LIMITS.pixels
 * pixels: checked from the parameters before anything is fetched, and from the drawn size when the height is the
 * content's.
 */
export function checkPixels(width: number, height: number, scale: number): void {
  const [w, h] = [Math.ceil(width * scale), Math.ceil(height * scale)];
  if (w * h <= LIMITS.pixels) return;
  const millions = (n: number) => `${(n / 1e6).toFixed(1)} million`;
  throw new EmbedParamError(
    `This PNG would be ${w} × ${h} pixels (${Math.ceil(width)} × ${Math.ceil(height)} at scale ${scale}), ${millions(w * h)} pixels; ` +
      `PNG images are limited to ${millions(LIMITS.pixels)} pixels (width × height × scale², e.g. 3840 × 2160 at scale 2). ` +
      'Ask for a smaller width, height or scale, or use the .svg, which has no such limit.',
  );
}

/** The embed request `url` names, undefined when it is not an embed route; throws EmbedParamError for bad parameters. */
export function parseEmbedRequest(url: URL): EmbedRequest | undefined {
  const match = ROUTE.exec(url.pathname);
  if (!match) return undefined;
  const [, target, rawId, format] = match;
  const params = url.searchParams;
  let id: string | undefined;
  try {
    // Ids are base64 and may hold `/`, `+` and `=`: everything up to the extension is the id, %-decoded.
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {
    throw new EmbedParamError('The id in the URL is not validly percent-encoded.');
  }
  if (target === 'dashboard' && !id) throw new EmbedParamError('A dashboard image needs its id: /embed/dashboard/<id>.svg');
  const dashboard = target === 'dashboard';
  const request: EmbedRequest = {
    target: target as EmbedRequest['target'],
    format: format as EmbedRequest['format'],
    theme: oneOf(params, 'theme', ['light', 'dark'], 'light') as EmbedTheme,
    width: integer(params, 'width', LIMITS.width.min, LIMITS.width.max) ?? (dashboard ? LIMITS.width.dashboard : LIMITS.width.insight),
    height: integer(params, 'height', LIMITS.height.min, LIMITS.height.max),
    heading: params.get('heading')?.trim() || undefined,
    scale: integer(params, 'scale', LIMITS.scale.min, LIMITS.scale.max) ?? 1,
    locale: locale(params),
    yZero: flag(params, 'y-zero'),
    stacked: flag(params, 'stacked'),
    kind: 'auto',
    minCardWidth: integer(params, 'min-card-width', LIMITS.minCardWidth.min, LIMITS.minCardWidth.max) ?? LIMITS.minCardWidth.default,
    view: {},
  };
  // Refused before anything is fetched; an image as tall as its content is checked again once drawn.
  if (request.format === 'png' && request.height !== undefined) checkPixels(request.width, request.height, request.scale);
  for (const name of ['series-limit', 'num-samples']) {
    const value = params.get(name);
    if (value !== null && !/^\d+$/.test(value)) throw new EmbedParamError(`The ${name} parameter "${value}" is not valid: expected ${VALID_COUNT}.`);
  }
  const filters = filtersFromSearchParams(params);
  // Zero passes the pattern above but not filtersFromSearchParams: let viewOptions name the problem.
  const attributes: ViewAttributes = {
    ...filters,
    seriesLimit: params.has(FILTER_ATTRIBUTES.seriesLimit) ? Number(params.get(FILTER_ATTRIBUTES.seriesLimit)) : undefined,
    numSamples: params.has(FILTER_ATTRIBUTES.numSamples) ? Number(params.get(FILTER_ATTRIBUTES.numSamples)) : undefined,
  };
  request.view = checked(() => viewOptions(attributes, 'parameter'));
  request.seriesLimit = attributes.seriesLimit ?? undefined;
  const goals = checked(() =>
    goalOptions(
      {
        goal: params.get('goal'),
        goalDate: params.get('goal-date'),
        goalSeries: params.get('goal-series'),
        better: params.get('better'),
        baselineDate: params.get('baseline-date'),
        trendWindow: params.has('trend-window') ? Number(params.get('trend-window')) : undefined,
        compare: params.get('compare'),
      },
      'parameter',
    ),
  );
  if (Object.keys(goals).length) request.goals = goals;
  if (dashboard) request.dashboardId = id;
  else Object.assign(request, checked(() => insightSpec(params, id)));
  return request;
}

/** The insight's kind and data source, by the element's own rules (resolveSpec), from the parameters it reads. */
function insightSpec(params: URLSearchParams, id: string | undefined): { kind: Kind; spec: InsightSpec } {
  if (id !== undefined && params.has('insight-id')) throw new EmbedParamError('Give the insight id in the path or as insight-id, not both.');
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const resolved = resolveSpec({
    kind: params.get('kind'),
    hasData: false,
    insightId: id ?? params.get('insight-id'),
    series: [],
    repository: params.get('repository'),
    path: params.get('path'),
    query: params.get('query'),
    mode: params.get('mode'),
    limit: number('limit'),
  });
  if (!resolved) throw new EmbedParamError('Nothing to draw: give an insight id (/embed/insight/<id>.svg), or repository or query with kind.');
  return resolved;
}

/** Runs one of the shared validators, turning its errors (which name the parameter) into 400s. */
function checked<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SpecError || (error instanceof InsightsError && error.kind === 'config')) throw new EmbedParamError(error.message);
    throw error;
  }
}

function integer(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) throw new EmbedParamError(`The ${name} parameter "${value}" is not valid: expected a whole number from ${min} to ${max}.`);
  return number;
}

function oneOf(params: URLSearchParams, name: string, values: string[], fallback: string): string {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  if (!values.includes(value)) throw new EmbedParamError(`The ${name} parameter "${value}" is not valid: expected ${values.join(' or ')}.`);
  return value;
}

/** Boolean parameters as the element's boolean attributes: present (empty, `true` or `1`) or absent (or `false`, `0`). */
function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new EmbedParamError(`The ${name} parameter "${value}" is not valid: expected true or false.`);
}

/** A BCP 47 tag; dates and numbers default to en-US so an image does not change with the server's environment. */
function locale(params: URLSearchParams): string {
  const value = params.get('locale');
  if (!value) return 'en-US';
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (canonical) return canonical;
  } catch {
    // reported below
  }
  throw new EmbedParamError(`The locale parameter "${value}" is not a BCP 47 language tag such as en-US.`);
}
