import { truncateLabel } from './format.js';

/**
 * Text in an image cannot be measured before it is drawn (the server has no layout engine, and the reader's
 * browser may pick another font), so widths are estimated from an average glyph width. The factor fits
 * Liberation Sans and DejaVu Sans (what the rasterizer finds on Debian) and overestimates system UI fonts,
 * which errs on the side of a label cut short over a label drawn across its neighbour.
 */
const AVERAGE_GLYPH_WIDTH = 0.58;

export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * AVERAGE_GLYPH_WIDTH;
}

/** `text` cut with an ellipsis to fit `width` pixels at `fontSize` (paths keep both ends, as on the card). */
export function fitText(text: string, width: number, fontSize: number): string {
  return truncateLabel(text, Math.max(0, Math.floor(width / (fontSize * AVERAGE_GLYPH_WIDTH))));
}

/** Words broken into lines of at most `width` pixels; the last of `maxLines` lines ends with an ellipsis if cut. */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(next, fontSize) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      // Out of lines: the rest goes on the last one, cut to fit.
      lines[maxLines - 1] = fitText(`${lines[maxLines - 1]} ${words.slice(i).join(' ')}`, width, fontSize);
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => fitText(l, width, fontSize));
}
