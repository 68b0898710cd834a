import { svg, type SVGTemplateResult } from 'lit';
import type { Loaded } from '../../src/api/load.ts';
import type { ImageOptions } from '../../src/charts/image.ts';
import { fitText } from '../../src/charts/text-fit.ts';
import { defaultMessages as m } from '../../src/model/messages.ts';
import { placeCard } from './card.ts';
import { contentFor, errorContent, type CardContent } from './content.ts';
import { svgDocument, type SVGImage } from './document.ts';
import type { LoadedDashboard } from './embed-data.ts';
import { EmbedParamError, type EmbedRequest } from './route.ts';
import { colorsFor } from './theme.ts';

/** The dashboard's page around its grid (insights-dashboard.styles.ts: 1.25rem title, 0.75rem under it, 1rem gaps). */
const PAGE = { pad: 16, header: 28, headerGap: 12, gap: 16 };
/** The least a card of a dashboard image of given height may get: less would show no chart. */
const MIN_CARD_HEIGHT = 160;

function drawOptions(request: EmbedRequest): ImageOptions {
  return { colors: colorsFor(request.theme), locale: request.locale, yZero: request.yZero, stacked: request.stacked, goals: request.goals };
}

/** One insight as a card filling the image. */
export function insightSVG(request: EmbedRequest, loaded: Loaded): SVGImage {
  const titled = request.heading ? { ...loaded, data: { ...loaded.data, title: request.heading } } : loaded;
  return cardSVG(request, contentFor(titled, drawOptions(request)));
}

/** The image of an insight that could not be loaded: a card that says why. */
export function errorSVG(request: EmbedRequest, error: unknown): SVGImage {
  return cardSVG(request, errorContent(error, colorsFor(request.theme), request.heading));
}

function cardSVG(request: EmbedRequest, content: CardContent): SVGImage {
  const card = placeCard(content, request.width, request.height, colorsFor(request.theme));
  return svgDocument({
    width: request.width,
    height: card.height,
    theme: request.theme,
    title: content.title || 'Code insight',
    body: card.render(0, 0),
  });
}

/** A dashboard: its title, then its cards in the responsive grid's columns for this width, rows of equal height. */
export function dashboardSVG(request: EmbedRequest, dashboard: LoadedDashboard): SVGImage {
  const options = drawOptions(request);
  const { colors } = options;
  const contents = dashboard.cards.map((card) =>
    card.status === 'fulfilled' ? contentFor(card.value, options) : errorContent(card.reason, colors),
  );
  const inner = request.width - 2 * PAGE.pad;
  const columns = Math.max(1, Math.min(contents.length, Math.floor((inner + PAGE.gap) / (request.minCardWidth + PAGE.gap))));
  const cardWidth = (inner - (columns - 1) * PAGE.gap) / columns;
  const rows = Array.from({ length: Math.ceil(contents.length / columns) }, (_, r) => contents.slice(r * columns, (r + 1) * columns));
  const top = PAGE.pad + PAGE.header + PAGE.headerGap;
  let fixed: number | undefined;
  if (request.height !== undefined && rows.length) {
    fixed = (request.height - top - PAGE.pad - (rows.length - 1) * PAGE.gap) / rows.length;
    if (fixed < MIN_CARD_HEIGHT) {
      throw new EmbedParamError(
        `The height parameter ${request.height} leaves less than ${MIN_CARD_HEIGHT} pixels to each of this dashboard's ${rows.length} rows of cards: leave it out to fit them.`,
      );
    }
  }
  const parts: SVGTemplateResult[] = [];
  let y = top;
  for (const row of rows) {
    // Cards in a row share the tallest one's height, as grid items stretch.
    const height = fixed ?? Math.max(...row.map((c) => placeCard(c, cardWidth, undefined, colors).height));
    row.forEach((content, i) => parts.push(placeCard(content, cardWidth, height, colors).render(PAGE.pad + i * (cardWidth + PAGE.gap), y)));
    y += height + PAGE.gap;
  }
  const empty = contents.length === 0;
  const height = request.height ?? (empty ? top + 40 : y - PAGE.gap + PAGE.pad);
  return svgDocument({
    width: request.width,
    height,
    theme: request.theme,
    title: dashboard.title,
    body: svg`<text class="dashboard-title" x=${PAGE.pad} y=${PAGE.pad + 20} font-size="20" font-weight="600">${fitText(dashboard.title, inner / 1.05, 20)}</text>
      ${empty ? svg`<text x=${PAGE.pad} y=${top + 16} font-size="14" fill=${colors.muted}>${m.noInsightsOnDashboard}</text>` : ''}
      ${parts}`,
  });
}
