import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { configure, type CodeInsightElement } from '../../../src/index.js';
import { FIXTURE_IDS } from '../../../server/sources/fixtures/insights.ts';
import { instance, resetEndpoint } from '../endpoint.js';

declare global {
  interface Window {
    gc?: () => void;
  }
}

/** Counts what the page holds on behalf of cards: observed targets, document listeners, pending timers. */
function instrument() {
  const live = { observed: 0, documentListeners: 0, timers: 0, intervals: 0 };
  const restore: (() => void)[] = [];
  for (const Observer of [ResizeObserver, IntersectionObserver] as const) {
    const proto = Observer.prototype as { observe(t: Element): void; disconnect(): void; unobserve(t: Element): void };
    const { observe, disconnect, unobserve } = proto;
    const targets = new WeakMap<object, Set<Element>>();
    proto.observe = function (this: object, target: Element) {
      const set = targets.get(this) ?? new Set();
      targets.set(this, set);
      if (!set.has(target)) (set.add(target), live.observed++);
      return observe.call(this, target);
    };
    proto.unobserve = function (this: object, target: Element) {
      if (targets.get(this)?.delete(target)) live.observed--;
      return unobserve.call(this, target);
    };
    proto.disconnect = function (this: object) {
      live.observed -= targets.get(this)?.size ?? 0;
      targets.get(this)?.clear();
      return disconnect.call(this);
    };
    restore.push(() => Object.assign(proto, { observe, disconnect, unobserve }));
  }
  const { addEventListener, removeEventListener } = document;
  const listeners = new Set<unknown>();
  document.addEventListener = function (this: Document, type: string, listener: unknown, options?: unknown) {
    if (!listeners.has(listener)) (listeners.add(listener), live.documentListeners++);
    return addEventListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof document.addEventListener;
  document.removeEventListener = function (this: Document, type: string, listener: unknown, options?: unknown) {
    if (listeners.delete(listener)) live.documentListeners--;
    return removeEventListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof document.removeEventListener;
  restore.push(() => Object.assign(document, { addEventListener, removeEventListener }));
  const { setInterval: si, clearInterval: ci } = window;
  const intervals = new Set<number>();
  window.setInterval = ((handler: TimerHandler, ms?: number) => {
    const id = si(handler, ms);
    intervals.add(id);
    live.intervals = intervals.size;
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    live.intervals = intervals.size;
    return ci(id);
  }) as typeof clearInterval;
  restore.push(() => Object.assign(window, { setInterval: si, clearInterval: ci }));
  return { live, restore: () => restore.forEach((r) => r()) };
}

/** Mounts a card (a mix of what pages do: data, saved insights, one still processing so it polls, refresh timers, an open menu) and removes it. */
async function mountAndRemove(host: HTMLElement, i: number): Promise<WeakRef<Element>> {
  const card = document.createElement('code-insight') as CodeInsightElement;
  if (i % 4 === 0) card.data = { kind: 'line', title: `t${i}`, series: [{ id: 'a', label: 'A', points: [{ date: '2026-01-01', value: i }] }] };
  else {
    card.setAttribute('instance', instance());
    card.setAttribute('insight-id', i % 4 === 1 ? FIXTURE_IDS.processing : FIXTURE_IDS.todos);
    card.setAttribute('loading', 'eager');
  }
  if (i % 5 === 0) card.setAttribute('refresh', '60');
  host.append(card);
  await card.updateComplete;
  if (i % 10 === 0) await new Promise((r) => setTimeout(r, 40)); // some get their data and start polling
  (card.shadowRoot!.querySelector('.menu-button') as HTMLButtonElement | null)?.click();
  card.remove();
  return new WeakRef(card);
}

describe('lifecycle', () => {
  beforeEach(async () => {
    configure({ retries: 0, timeout: 3000, pollInterval: 30 });
    await resetEndpoint();
  });
  afterEach(() => fixtureCleanup());

  it('200 mount/unmount cycles leave no observers, listeners, intervals or retained elements', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const { live, restore } = instrument();
    const refs: WeakRef<Element>[] = [];
    try {
      // One function per cycle: a variable of this suspended async test would keep the last card reachable.
      for (let i = 0; i < 200; i++) refs.push(await mountAndRemove(host, i));
      await new Promise((r) => setTimeout(r, 300));
      const retainedBefore = refs.filter((r) => r.deref()).length;
      // In-flight work (an aborted request settling, a last render) may hold the newest card briefly: collect
      // a few times while the page goes quiet, then count.
      // deref() keeps its target alive to the end of the current task: collect in a fresh task each time.
      let retained = retainedBefore;
      for (let i = 0; i < 10 && retained > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        window.gc?.();
        retained = refs.filter((r) => r.deref()).length;
      }
      // The figures for the record (the closing note quotes them).
      console.log(`after 200 cycles: ${live.observed} observed targets, ${live.documentListeners} document listeners, ${live.intervals} intervals, ${retained} of 200 cards retained (${retainedBefore} before GC)`);
      expect(typeof window.gc).to.equal('function');
      expect(live.observed, 'observed targets').to.equal(0);
      expect(live.documentListeners, 'document listeners').to.equal(0);
      expect(live.intervals, 'intervals').to.equal(0);
      // A per-card leak keeps many (the menu's document listener kept 20 of 200 before it was fixed). Garbage
      // collection leaves 0 in most runs here, now and then 1 whose aborted work is still settling.
      expect(retained, 'cards still reachable').to.be.below(10);
    } finally {
      restore();
    }
  });
});
