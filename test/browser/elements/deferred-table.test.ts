import { expect, waitUntil } from '@open-wc/testing';
import { DeferredTable } from '../../../src/elements/code-insight/deferred-table.js';
import type { TableBuild } from '../../../src/charts/data-table.js';

/** Counts the macrotasks that ran (a chain of timers) while `running()` holds. */
function taskCounter(): { readonly count: number; stop(): void } {
  let count = 0;
  let on = true;
  const tick = () => {
    if (!on) return;
    count++;
    setTimeout(tick);
  };
  setTimeout(tick);
  return {
    get count() {
      return count;
    },
    stop: () => void (on = false),
  };
}

/** A build of `rows` rows that each take about `msPerRow`, noting the task count at each row; named when complete. */
function slowBuild(name: string, rows: number, msPerRow: number, seen: number[], tasks: { readonly count: number }): TableBuild {
  const node = document.createElement('div');
  node.hidden = true;
  function* fill(): Generator<void> {
    for (let i = 0; i < rows; i++) {
      const until = performance.now() + msPerRow;
      while (performance.now() < until);
      seen.push(tasks.count);
      yield;
    }
    node.textContent = name;
    node.hidden = false;
  }
  return { node, rows: fill() };
}

// Builds of 2,000 rows of 0.1 ms (200 ms of slices), watched every millisecond, are caught half done: with 400
// rows and the default 50 ms poll, a fast machine finished them before the first look.
describe('DeferredTable', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('builds a long table in slices, giving the main thread back between them, hidden until complete', async () => {
    const tasks = taskCounter();
    const seen: number[] = [];
    const table = new DeferredTable(() => container);
    table.show(['data'], () => slowBuild('done', 2000, 0.1, seen, tasks));
    expect(container.childElementCount).to.equal(0);
    await waitUntil(() => seen.length > 0, 'the build never started', { interval: 1 });
    expect((container.firstElementChild as HTMLElement).hidden).to.equal(true);
    await waitUntil(() => container.textContent === 'done', 'the table never came', { timeout: 5000 });
    tasks.stop();
    expect(seen).to.have.length(2000);
    // 200 ms of rows in slices of a few ms: other tasks ran in between.
    expect(new Set(seen).size).to.be.greaterThan(2);
  });

  it('drops a table half built when the data changes', async () => {
    const tasks = taskCounter();
    const table = new DeferredTable(() => container);
    const first: number[] = [];
    table.show(['old'], () => slowBuild('old', 2000, 0.1, first, tasks));
    await waitUntil(() => first.length > 0, 'the first build never started', { interval: 1 });
    table.show(['new'], () => slowBuild('new', 10, 0, [], tasks));
    expect(container.childElementCount).to.equal(0);
    await waitUntil(() => container.textContent === 'new', 'the new table never came', { timeout: 5000 });
    tasks.stop();
    expect(first.length).to.be.lessThan(2000);
    expect(container.childElementCount).to.equal(1);
  });

  it('finishes a table left half built while its card was out of the page', async () => {
    const tasks = taskCounter();
    const table = new DeferredTable(() => container);
    const seen: number[] = [];
    table.show(['data'], () => slowBuild('done', 2000, 0.1, seen, tasks));
    await waitUntil(() => seen.length > 0, 'the build never started', { interval: 1 });
    container.remove();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const left = seen.length;
    expect(left).to.be.lessThan(2000);
    document.body.append(container);
    table.show(['data'], () => slowBuild('again', 1, 0, [], tasks));
    await waitUntil(() => container.textContent === 'done', 'the table was never finished', { timeout: 5000 });
    tasks.stop();
    expect(seen).to.have.length(2000);
  });
});
