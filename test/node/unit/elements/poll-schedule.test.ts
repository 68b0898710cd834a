/**
 * `PollSchedule`: polls an insight the instance is still computing, first after `pollInterval`, then half as
 * long again each time up to `maxPollInterval`; stops when the insight is done or the card leaves; a poll due
 * while the page is hidden waits until it is shown. Timers are node:test's mock timers; `document` is a
 * stand-in with only what the schedule reads (its visibility and visibilitychange listeners).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, type TestContext } from 'node:test';
import { PollSchedule } from '../../../../src/elements/code-insight/poll-schedule.ts';

class FakeDocument extends EventTarget {
  visibilityState: 'visible' | 'hidden' = 'visible';
  listeners = 0;

  override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
    this.listeners++;
    super.addEventListener(...args);
  }

  show(state: 'visible' | 'hidden'): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const OPTIONS = { pollInterval: 1000, maxPollInterval: 5000 };
const global = globalThis as { document?: unknown };
let doc: FakeDocument;
let savedDocument: unknown;

beforeEach(() => {
  savedDocument = global.document;
  doc = new FakeDocument();
  global.document = doc;
});

afterEach(() => {
  if (savedDocument === undefined) delete global.document;
  else global.document = savedDocument;
});

/** A schedule whose poll counts calls and, like the card, reports `processing` back after each poll. */
function setup(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let polls = 0;
  const schedule = new PollSchedule(() => polls++);
  return {
    schedule,
    polls: () => polls,
    /** How long until the next poll fires, in whole ms (fails past `limit`). */
    waitForPoll(limit = 100_000): number {
      const before = polls;
      for (let ms = 1; ms <= limit; ms++) {
        t.mock.timers.tick(1);
        if (polls > before) return ms;
      }
      assert.fail(`no poll within ${limit} ms`);
    },
    /** Asserts that nothing polls in the next `ms` milliseconds. */
    quiet(ms: number): void {
      const before = polls;
      t.mock.timers.tick(ms);
      assert.equal(polls, before, `no poll within ${ms} ms`);
    },
  };
}

describe('PollSchedule', () => {
  describe('backoff', () => {
    it('polls first after pollInterval, not before', (t) => {
      const { schedule, quiet, polls } = setup(t);
      schedule.update(true, OPTIONS);
      quiet(999);
      t.mock.timers.tick(1);
      assert.equal(polls(), 1);
    });

    it('waits half as long again after each poll while the insight is still processing', (t) => {
      const { schedule, waitForPoll } = setup(t);
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        schedule.update(true, { pollInterval: 1000, maxPollInterval: 100_000 });
        waits.push(waitForPoll());
      }
      assert.deepEqual(waits, [1000, 1500, 2250, 3375]);
    });

    it('never waits longer than maxPollInterval', (t) => {
      const { schedule, waitForPoll } = setup(t);
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        schedule.update(true, OPTIONS);
        waits.push(waitForPoll());
      }
      // 1000, 1500, 2250, 3375, then 5062.5 is capped at 5000 and stays there.
      assert.deepEqual(waits, [1000, 1500, 2250, 3375, 5000, 5000, 5000, 5000]);
      assert.ok(waits.every((w, i) => i === 0 || w >= waits[i - 1]), 'never shorter than the wait before');
    });

    it('polls once per update: a poll is not repeated without a new load', (t) => {
      const { schedule, quiet, polls } = setup(t);
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(1000);
      assert.equal(polls(), 1);
      quiet(60_000);
    });

    it('an update before the poll replaces the pending one (one poll, not two)', (t) => {
      const { schedule, polls } = setup(t);
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(500);
      schedule.update(true, OPTIONS); // e.g. a refresh() loaded meanwhile
      t.mock.timers.tick(20_000);
      assert.equal(polls(), 1);
    });
  });

  describe('stopping', () => {
    it('update(false) cancels a pending poll', (t) => {
      const { schedule, quiet } = setup(t);
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(900);
      schedule.update(false, OPTIONS);
      quiet(60_000);
    });

    it('update(false) resets the backoff: the next processing load waits pollInterval again', (t) => {
      const { schedule, waitForPoll } = setup(t);
      for (let i = 0; i < 3; i++) {
        schedule.update(true, OPTIONS);
        waitForPoll();
      }
      schedule.update(false, OPTIONS);
      schedule.update(true, OPTIONS);
      assert.equal(waitForPoll(), 1000);
    });

    it('stop() cancels a pending poll', (t) => {
      const { schedule, quiet } = setup(t);
      schedule.update(true, OPTIONS);
      schedule.stop();
      quiet(60_000);
    });

    it('stop() with nothing scheduled is harmless, also twice', (t) => {
      const { schedule } = setup(t);
      assert.doesNotThrow(() => {
        schedule.stop();
        schedule.stop();
      });
    });

    it('can be started again after stop()', (t) => {
      const { schedule, waitForPoll } = setup(t);
      schedule.update(true, OPTIONS);
      schedule.stop();
      schedule.update(true, OPTIONS);
      assert.ok(waitForPoll() > 0);
    });
  });

  describe('hidden page', () => {
    it('holds a poll that falls due while the page is hidden until the page is shown', (t) => {
      const { schedule, quiet, polls } = setup(t);
      doc.visibilityState = 'hidden';
      schedule.update(true, OPTIONS);
      quiet(60_000);
      doc.show('visible');
      assert.equal(polls(), 1);
    });

    it('does not poll on a visibilitychange that leaves the page hidden', (t) => {
      const { schedule, polls } = setup(t);
      doc.visibilityState = 'hidden';
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(1000);
      doc.show('hidden');
      assert.equal(polls(), 0);
      doc.show('visible');
      assert.equal(polls(), 1);
    });

    it('polls once when shown, not again on later visibility changes', (t) => {
      const { schedule, polls } = setup(t);
      doc.visibilityState = 'hidden';
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(1000);
      doc.show('visible');
      doc.show('hidden');
      doc.show('visible');
      assert.equal(polls(), 1);
    });

    it('stop() while waiting for the page forgets the held poll', (t) => {
      const { schedule, polls } = setup(t);
      doc.visibilityState = 'hidden';
      schedule.update(true, OPTIONS);
      t.mock.timers.tick(1000);
      schedule.stop();
      doc.show('visible');
      assert.equal(polls(), 0);
    });

    it('a page hidden before the poll falls due and shown again before it polls on time, once', (t) => {
      const { schedule, polls } = setup(t);
      schedule.update(true, OPTIONS);
      doc.show('hidden');
      t.mock.timers.tick(500);
      doc.show('visible');
      assert.equal(polls(), 0, 'the visibility change alone does not poll early');
      t.mock.timers.tick(500);
      assert.equal(polls(), 1);
      assert.equal(doc.listeners, 0, 'no listener was needed');
    });
  });
});
