/** Sourcegraph's time steps (`TimeIntervalStepUnit`) in the attribute notation `1d`, `2w`, `1mo`, `6h`, `1y`. */
export type StepUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

export interface Step {
  unit: StepUnit;
  value: number;
}

const UNITS: Record<string, StepUnit> = { h: 'HOUR', d: 'DAY', w: 'WEEK', mo: 'MONTH', y: 'YEAR' };

/** `1mo`, `2w`, `1d`, `6h`, `1y` → a step; undefined when it is not one. */
export function parseStep(text: string): Step | undefined {
  const match = /^(\d+)\s*(h|d|w|mo|y)$/.exec(text.trim());
  const value = match ? Number(match[1]) : 0;
  return match && value >= 1 ? { unit: UNITS[match[2]], value } : undefined;
}
