import { svg, type SVGTemplateResult } from 'lit';
import type { StatInsightData } from '../../model/insight-data.js';
import { defaultMessages as m } from '../../model/messages.js';
import type { ThemeColors } from '../../styles/theme-colors.js';
import type { ChartImage, ImageOptions } from '../image.js';
import type { Size } from '../line/layout.js';
import { fitText, textWidth } from '../text-fit.js';
import { SPARKLINE_HEIGHT, sparklineLayout, statFigures, type StatFigures } from './layout.js';
import { sparklineTemplate } from './template.js';

/** A single number as an image, the card's `.stat` block in SVG: the number, what it counts, its change, and the sparkline, centered vertically. */
export function statImage(data: StatInsightData, { colors, locale }: ImageOptions): ChartImage {
  const figures = statFigures(data, locale);
  return { legend: [], body: (size) => statBody(data, figures, size, colors) };
}

function statBody(data: StatInsightData, { value, change, tone, arrow, since }: StatFigures, size: Size, colors: Readonly<ThemeColors>): SVGTemplateResult {
  // Sizes of the card's rules: 48px number (weight 650 there; bold here, as resvg does not synthesize 650), 16px label, 15px change, 12px gap before a 64px sparkline.
  const spark = size.height >= 48 + 24 + 12 + SPARKLINE_HEIGHT ? sparklineLayout(data, size.width) : undefined;
  const height = 53 + (change === undefined ? 0 : 24) + (spark ? 12 + SPARKLINE_HEIGHT : 0);
  const top = Math.max(0, (size.height - height) / 2);
  const valueWidth = textWidth(value, 48) * 1.2; // bold digits run wider: the label is cut a little early rather than late
  const changeColor = tone === 'good' ? colors.success : tone === 'bad' ? colors.danger : colors.muted;
  return svg`<g class="stat">
    <text x="0" y=${top + 44} font-size="48" font-weight="bold">${value}${data.label
      ? // One text run: the label follows the number wherever the number's glyphs end.
        svg`<tspan dx="8" font-size="16" font-weight="normal" fill=${colors.muted}>${fitText(data.label, size.width - valueWidth - 8, 16)}</tspan>`
      : ''}</text>
    ${change === undefined
      ? ''
      : svg`<text x="0" y=${top + 53 + 18} font-size="15" fill=${changeColor}>${arrow} ${change}${
          since ? svg`<tspan dx="6" fill=${colors.muted}>${m.since(since)}</tspan>` : ''
        }</text>`}
    ${spark
      ? svg`<g transform=${`translate(0,${top + height - SPARKLINE_HEIGHT})`}>${sparklineTemplate(spark, data.label ?? '')}</g>`
      : ''}
  </g>`;
}
