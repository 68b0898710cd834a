/**
 * The sentence that answers "are we on track?" for a card with goals, in the reader's locale: the card shows it
 * in `::part(projection)`, and the screen-reader summary, the exports and the image embeds say the same.
 */
import { goalsOf, type Goals, type SeriesGoal } from '../model/goals.js';
import type { Annotation, LineInsightData } from '../model/insight-data.js';
import type { GoalStatus } from '../model/projection.js';
import type { GoalDrawing } from './view.js';
import { messagesFor } from '../model/locale-messages.js';
import { formatDate, formatDuration, formatMonth, formatNumber } from './format.js';

const WEEK = 7 * 864e5;

export interface GoalState {
  goals?: Goals;
  status?: GoalStatus;
  headline?: string;
  /** The data's events and the card's. */
  annotations: Annotation[];
}

/** The goals of the series `data` shows, with the card's goal attributes and events: what card and image draw. */
export function goalState(data: LineInsightData, drawing: GoalDrawing, stacked: boolean, locale: string | undefined): GoalState {
  const annotations = [...(data.annotations ?? []), ...(drawing.annotations ?? [])];
  const own = drawing.seriesGoals?.length ? new Map(drawing.seriesGoals.map((g) => [g.label, g.goal])) : undefined;
  const series = own ? data.series.map((s) => (own.has(s.label) ? { ...s, goal: own.get(s.label) } : s)) : data.series;
  // Only what a goal or a comparison needs: reading every point of a long chart again costs a frame.
  if (drawing.goals?.goal === undefined && !drawing.goals?.compare && !series.some((s) => s.goal)) return { annotations };
  const goals = goalsOf({ ...data, series }, { ...drawing.goals, stacked });
  return { goals, status: goals.status, headline: goalHeadline(goals, locale), annotations };
}

/** The headline of the series whose status needs attention most (named when several have goals); undefined without goals. */
export function goalHeadline(goals: Goals, locale: string | undefined): string | undefined {
  const m = messagesFor(locale);
  if (goals.unmatched !== undefined) return m.goalNoSeries(goals.unmatched);
  const withGoal = goals.series.filter((s) => s.outlook);
  const row = withGoal.find((s) => s.outlook!.status === goals.status);
  if (!row) return undefined;
  const text = seriesHeadline(row, locale);
  return withGoal.length > 1 && row.label ? m.goalOf(row.label, text) : text;
}

function seriesHeadline(row: SeriesGoal, locale: string | undefined): string {
  const m = messagesFor(locale);
  const o = row.outlook!;
  const goal = row.goal!;
  const count = (v: number) => formatNumber(Math.round(v), locale);
  const span = () => formatDuration(o.trend!.t - o.trend!.from, locale);
  switch (o.status) {
    case 'reached':
      return m.goalReached(count(goal.value));
    case 'behind':
      return m.goalBehind(count(Math.abs(goal.value - o.atGoalDate!)), formatDate(goal.date!, locale, 'full'));
    case 'no-progress':
      return m.goalNoProgress(span());
    case 'wrong-way':
      return m.goalWrongWay(span());
    case 'on-track': {
      const { date, earliest, latest } = o.eta!;
      const ahead = goal.date !== undefined && goal.date - date >= WEEK ? formatDuration(goal.date - date, locale) : '';
      return m.goalOnTrack(count(goal.value), formatMonth(date, locale), band(earliest, latest, date, locale), ahead);
    }
    default:
      return m.goalUnknown;
  }
}

/** "Feb–May" (in the projected year), "Dec 2026–Feb 2027", "Feb 2027 or later"; '' within the projected month. */
function band(earliest: number, latest: number | undefined, date: number, locale: string | undefined): string {
  if (latest === undefined) return messagesFor(locale).goalOrLater(formatMonth(earliest, locale));
  const year = (t: number) => new Date(t).getUTCFullYear();
  const month = (t: number) => (year(earliest) === year(date) && year(latest) === year(date) ? formatDate(t, locale, 'month') : formatMonth(t, locale));
  return formatMonth(earliest, locale) === formatMonth(latest, locale) ? '' : `${month(earliest)}–${month(latest)}`;
}

/** A chart's summary with the goal's headline after it: what a screen reader hears. */
export function withHeadline(summary: string, headline: string | undefined): string {
  return headline ? `${summary} ${headline}.` : summary;
}
