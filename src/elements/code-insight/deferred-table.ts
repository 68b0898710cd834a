import { nothing } from 'lit';
import { whenIdle } from '../shared/yield.js';

/**
 * The screen readers' table of every value, built once the chart has painted and the main thread is idle: for
 * a long series it has thousands of cells, which would otherwise more than double the time before anyone sees a
 * chart. It depends on the data and what is shown of it (`key`), not on the size, so resizing keeps it.
 */
export class DeferredTable {
  #shown?: { key: readonly unknown[]; node: HTMLTableElement | typeof nothing };
  #pending = false;
  readonly #requestUpdate: () => void;

  constructor(requestUpdate: () => void) {
    this.#requestUpdate = requestUpdate;
  }

  /** The table for `key` if it has been built, else nothing (yet). */
  node(key: readonly unknown[]): HTMLTableElement | typeof nothing {
    return this.#isFor(key) ? this.#shown!.node : nothing;
  }

  /**
   * Asks for the table of `key` when the main thread is next idle; `current` tells, at that time, which key is
   * wanted and builds it (undefined when the card no longer shows a chart).
   */
  schedule(key: readonly unknown[], current: () => { key: readonly unknown[]; build: () => HTMLTableElement | typeof nothing } | undefined): void {
    if (this.#pending || this.#isFor(key)) return;
    this.#pending = true;
    whenIdle(() => {
      this.#pending = false;
      const wanted = current();
      if (!wanted || this.#isFor(wanted.key)) return;
      this.#shown = { key: wanted.key, node: wanted.build() };
      this.#requestUpdate();
    });
  }

  #isFor(key: readonly unknown[]): boolean {
    return this.#shown !== undefined && key.every((k, i) => k === this.#shown!.key[i]);
  }
}
