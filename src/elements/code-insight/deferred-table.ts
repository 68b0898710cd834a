import { nothing } from 'lit';
import { whenIdle } from '../shared/yield.js';

type Build = () => HTMLTableElement | typeof nothing;

/**
 * The screen readers' table of every value, built once the chart has painted and the main thread is idle: for
 * a long series it has thousands of cells, which would otherwise more than double the time before anyone sees a
 * chart. It goes straight into its container (an element the card's template renders empty), so adding it does
 * not render the card again. It depends on the data and what is shown of it (`key`), not on the size: resizing
 * keeps it.
 */
export class DeferredTable {
  #shown?: { key: readonly unknown[]; node: HTMLTableElement | typeof nothing };
  #wanted?: { key: readonly unknown[]; build: Build };
  #pending = false;
  readonly #container: () => Element | null | undefined;

  constructor(container: () => Element | null | undefined) {
    this.#container = container;
  }

  /** Shows the table of `key` (built when idle), or none when `key` is undefined. */
  show(key: readonly unknown[] | undefined, build: Build): void {
    this.#wanted = key ? { key, build } : undefined;
    if (key && this.#isFor(key)) return;
    // Never a table of other data meanwhile: a screen reader would read numbers the chart no longer shows.
    this.#remove();
    if (!key || this.#pending) return;
    this.#pending = true;
    whenIdle(() => {
      this.#pending = false;
      const wanted = this.#wanted;
      const container = this.#container();
      if (!wanted || !container?.isConnected || this.#isFor(wanted.key)) return;
      const node = wanted.build();
      this.#shown = { key: wanted.key, node };
      if (node !== nothing) container.append(node);
    });
  }

  #remove(): void {
    if (this.#shown && this.#shown.node !== nothing) this.#shown.node.remove();
    this.#shown = undefined;
  }

  #isFor(key: readonly unknown[]): boolean {
    return this.#shown !== undefined && key.every((k, i) => k === this.#shown!.key[i]);
  }
}
