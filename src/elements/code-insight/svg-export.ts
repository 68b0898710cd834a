/**
 * The chart as a standalone SVG file, and as a PNG drawn from it. The live SVG takes its colours from the
 * card's CSS; a file must carry them itself, so each element's computed paint is copied onto presentation
 * attributes (never a style attribute: the same code runs on strict CSP pages).
 */
import { InsightsError } from '../../api/errors.js';

const PAINT = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'paint-order'];

export interface LegendEntry {
  label: string;
  color: string;
}

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with `attributes` (numbers written as they print) and, when given, `text` as its text. */
function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(NS, name);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  return element;
}

function setAttributes(element: Element, attributes: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
}

export function chartSVG(svg: SVGSVGElement, title: string, background: string, legend: LegendEntry[] = []): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , width, chartHeight] = (svg.getAttribute('viewBox') ?? '0 0 480 240').split(' ').map(Number);
  const titleHeight = title ? 28 : 0;
  const height = titleHeight + chartHeight + (legend.length ? 24 : 0);
  const { color, fontFamily } = getComputedStyle(svg);
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  live.forEach((element, i) => {
    const style = getComputedStyle(element);
    for (const property of PAINT) {
      const value = style.getPropertyValue(property);
      if (value && value !== 'normal') copies[i].setAttribute(property, value);
    }
    copies[i].removeAttribute('class');
  });
  const file = svgElement('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': fontFamily });
  file.append(svgElement('rect', { width: '100%', height: '100%', fill: background }));
  if (title) file.append(svgElement('title', {}, title), svgElement('text', { x: 8, y: 20, 'font-size': 15, 'font-weight': 600, fill: color }, title));
  copy.removeAttribute('role');
  setAttributes(copy, { y: titleHeight, width, height: chartHeight });
  file.append(copy);
  // The legend as one row under the chart: a dot and a label per series, cut at the file's width.
  const y = titleHeight + chartHeight + 16;
  let x = 8;
  for (const entry of legend) {
    file.append(
      svgElement('circle', { cx: x + 5, cy: y - 4, r: 5, fill: entry.color }),
      svgElement('text', { x: x + 14, y, 'font-size': 12, fill: color }, entry.label),
    );
    x += 14 + entry.label.length * 7 + 16;
    if (x > width) break;
  }
  // XML cannot carry control characters (a label may hold them): the file would not open at all.
  return new XMLSerializer().serializeToString(file).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A card's drawn chart (`svg.plot` in `root`) as a file with `title` and the legend's items; '' without a chart. */
export function cardSVG(root: ParentNode, title: string): string {
  const svg = root.querySelector<SVGSVGElement>('svg.plot');
  if (!svg) return '';
  const legend = [...root.querySelectorAll('[data-legend-item]')].map((item) => ({
    label: item.textContent?.trim() ?? '',
    color: item.querySelector('circle')?.getAttribute('fill') ?? 'currentColor',
  }));
  return chartSVG(svg, title, getComputedStyle(root.querySelector('[part="card"]')!).backgroundColor, legend);
}

/**
 * Rasterizes an SVG file at `scale` (2 for sharp slides). Blob URLs only: allowed by `img-src blob:`. An empty
 * file (no chart yet) rejects with a message a person understands.
 */
export async function svgToPNG(svg: string, scale = 2): Promise<Blob> {
  if (!svg) throw new InsightsError('config', (m) => m.nothingToExport);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
