import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../model/insight-data.js';
import type { SeriesSpec } from '../../model/insight-spec.js';
import { annotationOf } from '../insight-annotation/insight-annotation.js';
import { seriesGoalOf, seriesSpecOf } from '../insight-series/insight-series.js';

/** Attributes of the children that change what a card asks for or draws. */
const CHILD_ATTRIBUTES = ['label', 'query', 'color', 'capture-group', 'goal', 'goal-date', 'date', 'href'];

/**
 * A card's declared children: `<insight-series>` (an ad-hoc insight's series, and their goals) and
 * `<insight-annotation>` (events on the time axis). The card renders again when one is added, removed or changes
 * an attribute. Read from attributes, so children need not be upgraded yet.
 */
export class ChildrenController implements ReactiveController {
  /** Watches the children only: the card's own attributes (its reflected `state`) must not count. */
  /** Made when the card is first connected in a browser: a server render constructs cards without one. */
  #observer?: MutationObserver;
  /** Bumped on every change of the children: what is read from them is read again only then. */
  version = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The series an ad-hoc card sends to the instance. */
  get series(): SeriesSpec[] {
    return this.#children('insight-series').map(seriesSpecOf);
  }

  /** Goals set on single series, by label. */
  get seriesGoals(): NonNullable<ReturnType<typeof seriesGoalOf>>[] {
    return this.#children('insight-series').flatMap((el) => seriesGoalOf(el) ?? []);
  }

  get annotations(): Annotation[] {
    return this.#children('insight-annotation').map(annotationOf);
  }

  hostConnected(): void {
    // A server render that connects elements (@lit-labs/ssr's opt-in connectedCallback) has no MutationObserver.
    if (isServer) return;
    this.#observer ??= new MutationObserver((records) => {
      if (records.some((r) => r.target !== this.host || r.type === 'childList')) {
        this.version++;
        this.host.requestUpdate();
      }
    });
    this.#observer.observe(this.host, { childList: true, subtree: true, attributes: true, attributeFilter: CHILD_ATTRIBUTES });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #children(tag: string): Element[] {
    return [...this.host.querySelectorAll(`:scope > ${tag}`)];
  }
}
