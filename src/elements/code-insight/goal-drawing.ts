import { goalOptions, type GoalAttributes } from '../../api/goal-options.js';
import type { GoalDrawing } from '../../charts/view.js';
import type { Annotation } from '../../model/insight-data.js';
import type { ChildrenController } from './children-controller.js';

type GoalCard = GoalAttributes & { annotations?: readonly Annotation[] };

/** The last drawing per card: the same object while nothing in it changes, so the chart's view is kept. */
const last = new WeakMap<GoalCard, GoalDrawing & { key: string }>();

/**
 * What a card's goal attributes, its series' own goals and its events add to its chart. Invalid values add
 * nothing here: the card's request carries the same check (`goalProblem`), and the card shows its message.
 */
export function goalDrawing(card: GoalCard, children: ChildrenController): GoalDrawing {
  const own = children.seriesGoals;
  const annotations = [...(card.annotations ?? []), ...children.annotations];
  const { goal, goalDate, goalSeries, better, baselineDate, trendWindow, compare } = card;
  const key = JSON.stringify([goal, goalDate, goalSeries, better, baselineDate, trendWindow, compare, own, annotations]);
  const before = last.get(card);
  if (before?.key === key) return before;
  const drawing: GoalDrawing & { key: string } = { key, annotations };
  try {
    drawing.goals = goalOptions(card);
    drawing.seriesGoals = own.map((g) => ({ label: g.label, goal: { value: goalOptions({ goal: g.goal }).goal!.value, date: g.goalDate } }));
  } catch {
    // Shown as the card's error (see goalProblem).
  }
  last.set(card, drawing);
  return drawing;
}

/** Why the goal attributes (the card's or a series') are invalid, or undefined: the request keeps it, so the card shows it. */
export function goalProblem(card: GoalAttributes, seriesGoals: readonly { goal: string; goalDate?: string }[]): string | undefined {
  try {
    goalOptions(card);
    for (const g of seriesGoals) goalOptions({ goal: g.goal, goalDate: g.goalDate });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
