import type { Annotation } from '../../model/insight-data.js';
// HTMLElement where there is one: importing the package in Node (server rendering) must not throw.
import { HTMLElement } from '../shared/html-element.js';

/**
 * An event on a card's time axis: a release, "codemod landed". It renders nothing; the enclosing
 * `<code-insight>` reads its attributes and marks the date on its chart, with the label in the tooltip.
 *
 * @summary An event marked on a line chart's time axis, declared in HTML.
 * @attr date - The event's date (ISO 8601, such as `2026-03-01`).
 * @attr label - What happened, in a few words.
 * @attr href - A link about it (a release note, a pull request); http(s) only.
 */
export class InsightAnnotationElement extends HTMLElement {
  /** The event's date (ISO 8601). */
  get date(): string {
    return this.getAttribute('date') ?? '';
  }
  set date(value: string) {
    this.setAttribute('date', value);
  }

  /** What happened, in a few words. */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }
  set label(value: string) {
    this.setAttribute('label', value);
  }

  /** A link about the event; http(s) only. */
  get href(): string | null {
    return this.getAttribute('href');
  }
  set href(value: string | null) {
    if (value === null) this.removeAttribute('href');
    else this.setAttribute('href', value);
  }
}

/** An `<insight-annotation>` element's event, read from its attributes: it need not be upgraded yet. */
export function annotationOf(element: Element): Annotation {
  const url = element.getAttribute('href');
  return { date: element.getAttribute('date') ?? '', label: element.getAttribute('label') ?? '', ...(url ? { url } : {}) };
}
