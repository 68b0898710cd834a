import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SeriesSpec } from '../../model/insight-spec.js';
import { seriesSpecOf } from './insight-series.js';

/** Attributes of `<insight-series>` that change what a card asks for. */
const SERIES_ATTRIBUTES = ['label', 'query', 'color', 'capture-group'];

/**
 * An ad-hoc card's `<insight-series>` children: the card renders again (and so asks again) when one is added,
 * removed or changes an attribute. Read from attributes, so children need not be upgraded yet.
 */
export class SeriesController implements ReactiveController {
  /** Watches the children only: the card's own attributes (its reflected `state`) must not count. */
  readonly #observer: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#observer = new MutationObserver((records) => {
      if (records.some((r) => r.target !== host || r.type === 'childList')) host.requestUpdate();
    });
  }

  get specs(): SeriesSpec[] {
    return [...this.host.querySelectorAll(':scope > insight-series')].map(seriesSpecOf);
  }

  hostConnected(): void {
    this.#observer.observe(this.host, { childList: true, subtree: true, attributes: true, attributeFilter: SERIES_ATTRIBUTES });
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
