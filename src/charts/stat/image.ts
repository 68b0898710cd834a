import { svg, type SVGTemplateResult } from 'lit';
import type { StatInsightData } from '../../model/insight-data.js';
import { messagesFor } from '../../model/locale-messages.js';
import type { ThemeColors } from '../../styles/theme-colors.js';
import type { ChartImage, ImageOptions } from '../image.js';
import type { Size } from '../line/layout.js';
import { fitText, textWidth } from '../text-fit.js';
import { SPARKLINE_HEIGHT, sparklineLayout, statFigures, statGoal, type StatFigures } from './layout.js';
import { sparklineTemplate } from './template.js';

/** A single number as an image, the card's `.stat` block in SVG: the number, what it counts, its change, and the sparkline, centered vertically. */
export function statImage(data: StatInsightData, options: ImageOptions): ChartImage {
  const goal = statGoal(data, options, options.locale);
  const figures = statFigures(data, options.locale, goal.better);
  return { goal: goal.status ? goal : undefined, legend: [], body: (size) => statBody(data, figures, size, options.colors, options.locale, goal.progress) };
}

function statBody(
  data: StatInsightData,
  { value, change, tone, arrow, since }: StatFigures,
  size: Size,
  colors: Readonly<ThemeColors>,
  locale: string | undefined,
  progress?: number,
): SVGTemplateResult {
  const m = messagesFor(locale);
  // Sizes of the card's rules: 48px number (weight 650 there; bold here, as resvg does not synthesize 650), 16px label, 15px change, 12px gap before a 64px sparkline.
  const spark = size.height >= 48 + 24 + 12 + SPARKLINE_HEIGHT ? sparklineLayout(data, size.width) : undefined;
  const bar = progress === undefined ? 0 : 22;
  const height = 53 + (change === undefined ? 0 : 24) + bar + (spark ? 12 + SPARKLINE_HEIGHT : 0);
  const barTop = top0(size.height, height) + 53 + (change === undefined ? 0 : 24) + 8;
  const percent = Math.round(Math.min(1, Math.max(0, progress ?? 0)) * 100);
  const top = top0(size.height, height);
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
    ${bar
      ? svg`<rect x="0" y=${barTop} width=${size.width * 0.5} height="6" rx="3" fill=${colors.grid}></rect>
          <rect x="0" y=${barTop} width=${(size.width * 0.5 * percent) / 100} height="6" rx="3" fill=${colors.accent}></rect>
          <text x=${size.width * 0.5 + 8} y=${barTop + 6} font-size="12" fill=${colors.muted}>${m.goalProgress(percent)}</text>`
      : ''}
    ${spark
      ? svg`<g transform=${`translate(0,${top + height - SPARKLINE_HEIGHT})`}>${sparklineTemplate(spark, data.label ?? '')}</g>`
      : ''}
  </g>`;
}

/** The top of a block of `height` centered in `room`. */
const top0 = (room: number, height: number) => Math.max(0, (room - height) / 2);
