import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Loaded } from '../../api/load.js';
import { InsightViewEvent } from '../../events/insight-view.js';
import { insightIdOrNone } from '../../model/insight-id.js';

type ViewHost = ReactiveControllerHost & HTMLElement & { insightId?: string; heading?: string };

/** How long a card stays at least half in view before its insight counts as seen. */
const DWELL_MS = 1000;

/**
 * Fires `insight-view` once the card has shown its insight, at least half in view, for a second: a glance
 * while scrolling past is not a view. Once per insight: a refresh or a scroll back shows the same insight
 * again; another `insight-id`, kind or title is another insight.
 */
export class ViewController implements ReactiveController {
  #observer?: IntersectionObserver;
  #visible = false;
  #timer?: ReturnType<typeof setTimeout>;
  /** The insight shown (a key naming it; undefined while there is none) and the last one reported. */
  #showing?: string;
  #reported?: string;
  /** The data last looked at. */
  #loaded?: Loaded;
  /** The saved insight's id, as the card named it when the data shown arrived. */
  #id?: string;

  /** `shown`: the data the card shows, undefined while it loads or shows an error. */
  constructor(
    private readonly host: ViewHost,
    private readonly shown: () => Loaded | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Node (a server render) has no IntersectionObserver, and no reader.
    if (!globalThis.IntersectionObserver) return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        this.#visible = entries.at(-1)!.intersectionRatio >= 0.5;
        this.#restart();
      },
      { threshold: 0.5 },
    );
    this.#observer.observe(this.host);
    document.addEventListener('visibilitychange', this.#restart);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    document.removeEventListener('visibilitychange', this.#restart);
    this.#visible = false;
    this.#restart();
  }

  hostUpdated(): void {
    const loaded = this.shown();
    // A card updates on every pointer move: the same data shown is the same insight, with no key to build.
    if (loaded === this.#loaded) return;
    this.#loaded = loaded;
    // Named by the data itself: a changed `insight-id` shows the previous insight until the new one arrives.
    const key = loaded && [loaded.insightId, loaded.data.kind, loaded.data.title, loaded.queries].join('\n');
    if (key === this.#showing) return;
    this.#showing = key;
    this.#id = loaded?.insightId ?? insightIdOrNone(this.host.insightId);
    this.#restart();
  }

  /**
   * The second starts again whenever the card comes into view, shows another insight, or its tab comes to the
   * front: in a background tab (`document.hidden`) no one sees it.
   */
  #restart = (): void => {
    clearTimeout(this.#timer);
    if (this.#visible && !document.hidden && this.#showing !== undefined && this.#showing !== this.#reported) this.#timer = setTimeout(() => this.#report(), DWELL_MS);
  };

  #report(): void {
    const data = this.shown()?.data;
    if (!data) return;
    this.#reported = this.#showing;
    this.host.dispatchEvent(new InsightViewEvent({ id: this.#id, kind: data.kind, title: this.host.heading || data.title }));
  }
}
