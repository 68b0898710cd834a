import { goalOptions, type GoalAttributes } from '../../api/goal-options.js';
import type { GoalDrawing } from '../../charts/view.js';
import type { Annotation } from '../../model/insight-data.js';
import type { ChildrenController } from './children-controller.js';

type GoalCard = GoalAttributes & { annotations?: readonly Annotation[] };

/** The last drawing per card: the same object while nothing in it changes, so the chart's view is kept. */
const last = new WeakMap<GoalCard, { key: string; annotations: GoalCard['annotations']; drawing: GoalDrawing }>();

/**
 * What a card's goal attributes, its series' own goals and its events add to its chart. Invalid values add
 * nothing here: the card's request carries the same check (`goalProblem`), and the card shows its message.
 */
export function goalDrawing(card: GoalCard, children: ChildrenController): GoalDrawing {
  const { goal, goalDate, goalSeries, better, baselineDate, trendWindow, compare, annotations } = card;
  // Cheap to build on every render (a pointer move renders): the children are read again only when they change.
  const key = JSON.stringify([goal, goalDate, goalSeries, better, baselineDate, trendWindow, compare, children.version]);
  const before = last.get(card);
  if (before?.key === key && before.annotations === annotations) return before.drawing;
  const drawing: GoalDrawing = { annotations: [...(annotations ?? []), ...children.annotations] };
  try {
    drawing.goals = goalOptions(card);
  } catch {
    // Shown as the card's error (see goalProblem).
  }
  // Each series' goal checked on its own: one invalid goal leaves the others drawn (and the card says which).
  drawing.seriesGoals = children.seriesGoals.flatMap(({ label, goal, goalDate }) => {
    try {
      const { value, date } = goalOptions({ goal, goalDate }).goal!;
      return [{ label, goal: { value, date: date === undefined ? undefined : new Date(date) } }];
    } catch {
      return [];
    }
  });
  last.set(card, { key, annotations, drawing });
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
