import { nothing } from 'lit';
import { whenIdle } from '../shared/yield.js';
import type { TableBuild } from '../../charts/data-table.js';

type Build = () => TableBuild | typeof nothing;

/** Longest stretch of table building in one go: well inside a frame, so hovering and keys stay smooth meanwhile. */
const SLICE_MS = 8;

/**
 * The screen readers' table of every value, built once the chart has painted, a slice of rows at a time while
 * the main thread is idle: for a long series it has hundreds of thousands of cells, which would otherwise more
 * than double the time before anyone sees a chart, or freeze the page under the reader's first hover. It goes
 * straight into its container (an element the card's template renders empty), so adding it does not render the
 * card again; it stays hidden until complete, so a screen reader never meets half a table. It depends on the
 * data and what is shown of it (`key`), not on the size: resizing keeps it.
 */
export class DeferredTable {
  /** The table in the container, for which key, and its rows still to add (none once complete). */
  #table?: { key: readonly unknown[]; node?: HTMLElement; rows?: Iterator<void> };
  #wanted?: { key: readonly unknown[]; build: Build };
  #pending = false;
  readonly #container: () => Element | null | undefined;

  constructor(container: () => Element | null | undefined) {
    this.#container = container;
  }

  /** Shows the table of `key` (built when idle), or none when `key` is undefined. */
  show(key: readonly unknown[] | undefined, build: Build): void {
    this.#wanted = key ? { key, build } : undefined;
    if (key && this.#table && sameKey(key, this.#table.key)) {
      // Carries on with a table left half built while the card was out of the page.
      if (this.#table.rows) this.#schedule(false);
      return;
    }
    // Never a table of other data meanwhile: a screen reader would read numbers the chart no longer shows.
    this.#table?.node?.remove();
    this.#table = undefined;
    if (key) this.#schedule(true);
  }

  #schedule(afterPaint: boolean): void {
    if (this.#pending) return;
    this.#pending = true;
    whenIdle(this.#work, { afterPaint });
  }

  /** One slice of rows; schedules the next until the wanted table is complete. */
  readonly #work = (): void => {
    this.#pending = false;
    const wanted = this.#wanted;
    const container = this.#container();
    if (!wanted || !container?.isConnected) return;
    if (!this.#table) {
      const build = wanted.build();
      this.#table = build === nothing ? { key: wanted.key } : { key: wanted.key, node: build.node, rows: build.rows };
      if (build !== nothing) container.append(build.node);
    }
    const rows = this.#table.rows;
    if (!rows) return;
    const end = performance.now() + SLICE_MS;
    for (let step = 1; ; step++) {
      if (rows.next().done) {
        this.#table.rows = undefined;
        return;
      }
      // Reading the clock costs more than a row: look every few rows.
      if (step % 32 === 0 && performance.now() >= end) break;
    }
    this.#schedule(false);
  };
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
