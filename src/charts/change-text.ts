/**
 * A change as a reader sees it: "▲ +12 (+8%)", and whether it is good news. The tone follows the direction
 * that counts as progress (a goal's, or `better`), so more TODOs is never green; with no direction it is neutral.
 */
import type { Change } from '../model/change.js';
import { formatNumber, formatPercent } from './format.js';

export type Tone = 'good' | 'bad' | 'neutral';

export interface ChangeFigures {
  arrow: '▲' | '▼' | '■';
  /** Signed, with its share when there is one: "+12 (+8%)", "−3", "±0". */
  text: string;
  tone: Tone;
}

/** A signed number with a true minus sign: "+12", "−3", "±0". */
export function signedNumber(value: number, locale: string | undefined): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), locale, Math.abs(value) >= 100_000)}`;
}

/** Good when the change goes the `better` way (+1 up, -1 down), bad against it, neutral when flat or unknown. */
export function toneOf(delta: number, better: 1 | -1 | undefined): Tone {
  return !better || !delta ? 'neutral' : Math.sign(delta) === better ? 'good' : 'bad';
}

export function changeFigures(change: Pick<Change, 'delta' | 'ratio'>, better: 1 | -1 | undefined, locale: string | undefined): ChangeFigures {
  const { delta, ratio } = change;
  const share = ratio === undefined || !delta ? '' : ` (${delta > 0 ? '+' : '−'}${formatPercent(Math.abs(ratio) * 100, locale)})`;
  return { arrow: delta > 0 ? '▲' : delta < 0 ? '▼' : '■', text: `${signedNumber(delta, locale)}${share}`, tone: toneOf(delta, better) };
}
