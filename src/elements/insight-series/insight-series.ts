import type { SeriesSpec } from '../../model/insight-spec.js';
// HTMLElement where there is one: importing the package in Node (server rendering) must not throw.
import { HTMLElement } from '../shared/html-element.js';

/**
 * One series of an ad-hoc `<code-insight>`: a search query counted over time by the instance. It renders
 * nothing; the enclosing card reads its attributes, and queries again when they change.
 *
 * @summary A series of an ad-hoc insight, declared in HTML.
 * @attr label - The legend label.
 * @attr query - The Sourcegraph search query whose matches are counted.
 * @attr color - A CSS colour: hex, rgb/hsl, a name, or Sourcegraph's `var(--oc-blue-7)`.
 * @attr capture-group - One series per value of the query's first capture group.
 * @attr goal - The value this series should reach (a goal for this series alone; see the card's `goal`).
 * @attr goal-date - By when it should reach it (ISO 8601).
 */
export class InsightSeriesElement extends HTMLElement {
  /** The legend label. */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  set label(value: string) {
    this.setAttribute('label', value);
  }

  /** The Sourcegraph search query whose matches are counted. */
  get query(): string {
    return this.getAttribute('query') ?? '';
  }
  set query(value: string) {
    this.setAttribute('query', value);
  }

  /** A CSS colour (hex, rgb/hsl, a name, or Sourcegraph's `var(--oc-blue-7)`). */
  get color(): string | null {
    return this.getAttribute('color');
  }
  // A setter too: frameworks that set properties (React wrappers, Vue's `.prop`) would otherwise throw.
  set color(value: string | null) {
    if (value === null) this.removeAttribute('color');
    else this.setAttribute('color', value);
  }

  /** One series per value of the query's first capture group (`capture-group` attribute). */
  get captureGroup(): boolean {
    return this.hasAttribute('capture-group');
  }
  set captureGroup(value: boolean) {
    this.toggleAttribute('capture-group', value);
  }

  /** The value this series should reach (the `goal` attribute); null without a goal. */
  get goal(): number | null {
    return this.hasAttribute('goal') ? Number(this.getAttribute('goal')) : null;
  }
  set goal(value: number | null) {
    if (value === null) this.removeAttribute('goal');
    else this.setAttribute('goal', String(value));
  }

  /** By when this series should reach its goal (the `goal-date` attribute, ISO 8601). */
  get goalDate(): string | null {
    return this.getAttribute('goal-date');
  }
  set goalDate(value: string | null) {
    if (value === null) this.removeAttribute('goal-date');
    else this.setAttribute('goal-date', value);
  }

  /** The series as the enclosing card sends it to the instance. */
  toSpec(): SeriesSpec {
    return seriesSpecOf(this);
  }
}

/** An `<insight-series>` element's series, read from its attributes: it need not be upgraded yet. */
export function seriesSpecOf(element: Element): SeriesSpec {
  return {
    label: element.getAttribute('label') ?? '',
    query: element.getAttribute('query') ?? '',
    color: element.getAttribute('color') ?? undefined,
    captureGroups: element.hasAttribute('capture-group'),
  };
}

/**
 * An `<insight-series>` element's own goal, as written (checked where goals are drawn); undefined without one.
 * Not part of the spec the card sends: a goal changes what is drawn, not what is counted.
 */
export function seriesGoalOf(element: Element): { label: string; goal: string; goalDate?: string } | undefined {
  const goal = element.getAttribute('goal');
  // An empty goal (goal="") is no goal, as an absent one.
  return goal === null || goal.trim() === '' ? undefined : { label: element.getAttribute('label') ?? '', goal, goalDate: element.getAttribute('goal-date') ?? undefined };
}
