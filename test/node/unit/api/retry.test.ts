/**
 * `withRetry`: an idempotent request is tried again only when the instance may recover by itself (network,
 * timeout, 429, 5xx), with exponential backoff and full jitter (`Math.random() * baseDelay * 2^n`, so
 * Math.random is pinned here), a `Retry-After` that wins over the backoff unless it is longer than the
 * library waits, and an abort signal that ends the wait. Timers are node:test's mock timers.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { InsightsError, httpError } from '../../../../src/api/errors.ts';
import { sleep, withRetry, type RetryOptions } from '../../../../src/api/retry.ts';

/** Lets pending promise callbacks run (setImmediate is not mocked: only setTimeout is). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const network = () => new InsightsError('network', 'offline');

/**
 * An attempt function that fails with each of `failures` in turn, then resolves 'ok'; `calls()` counts
 * attempts. Timers mocked and Math.random pinned to `random` (1: the full backoff).
 */
function setup(t: TestContext, failures: unknown[], random = 1) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  t.mock.method(Math, 'random', () => random);
  let calls = 0;
  const attempt = async () => {
    const failure = failures[calls++];
    if (failure !== undefined) throw failure;
    return 'ok';
  };
  return { attempt, calls: () => calls };
}

/** Tracks a promise's outcome without letting a rejection go unhandled. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** Advances mock time by `ms`, letting promise callbacks run before and after. */
async function tick(t: TestContext, ms: number): Promise<void> {
  await settle();
  t.mock.timers.tick(ms);
  await settle();
}

const options = (extra: Partial<RetryOptions> = {}): RetryOptions => ({ retries: 2, baseDelay: 100, maxRetryAfter: 60_000, ...extra });

describe('withRetry', () => {
  describe('success', () => {
    it('returns the first answer without waiting', async (t) => {
      const { attempt, calls } = setup(t, []);
      assert.equal(await withRetry(attempt, options()), 'ok');
      assert.equal(calls(), 1);
    });

    it('returns the answer of a retry after a transient failure', async (t) => {
      const { attempt, calls } = setup(t, [network()]);
      const result = track(withRetry(attempt, options()));
      await tick(t, 100);
      assert.equal(result.value, 'ok');
      assert.equal(calls(), 2);
    });
  });

  describe('which errors are retried', () => {
    const retryable: [string, InsightsError][] = [
      ['network errors', network()],
      ['timeouts', new InsightsError('timeout', 'slow')],
      ['HTTP 429', httpError(429)],
      ['HTTP 500', httpError(500)],
      ['HTTP 502', httpError(502)],
      ['HTTP 503', httpError(503)],
    ];
    for (const [name, error] of retryable) {
      it(`retries ${name}`, async (t) => {
        const { attempt, calls } = setup(t, [error]);
        const result = track(withRetry(attempt, options()));
        await tick(t, 100);
        assert.equal(result.value, 'ok');
        assert.equal(calls(), 2);
      });
    }

    const final: [string, unknown][] = [
      ['HTTP 400', httpError(400)],
      ['HTTP 401 (a bad token does not get better)', httpError(401)],
      ['HTTP 403', httpError(403)],
      ['HTTP 404', httpError(404)],
      ['GraphQL errors', new InsightsError('graphql', 'bad query')],
      ['not-found', new InsightsError('not-found', 'gone')],
      ['decode errors', new InsightsError('decode', 'odd shape')],
      ['config errors', new InsightsError('config', 'no instance')],
      ['redirects', new InsightsError('redirect', 'moved')],
      ['errors that are not InsightsErrors', new TypeError('bug')],
      ['aborts', new DOMException('stop', 'AbortError')],
    ];
    for (const [name, error] of final) {
      it(`does not retry ${name}: rejects at once with the same error`, async (t) => {
        const { attempt, calls } = setup(t, [error]);
        await assert.rejects(withRetry(attempt, options()), (e) => e === error);
        assert.equal(calls(), 1);
      });
    }
  });

  describe('backoff', () => {
    it('doubles the longest wait after each failure (baseDelay, 2×, 4×)', async (t) => {
      const { attempt, calls } = setup(t, [network(), network(), network()]);
      const result = track(withRetry(attempt, options({ retries: 3, baseDelay: 100 })));
      await settle();
      assert.equal(calls(), 1);
      for (const [wait, attemptsAfter] of [
        [100, 2],
        [200, 3],
        [400, 4],
      ]) {
        await tick(t, wait - 1);
        assert.equal(calls(), attemptsAfter - 1, `not before ${wait} ms`);
        await tick(t, 1);
        assert.equal(calls(), attemptsAfter, `after ${wait} ms`);
      }
      assert.equal(result.value, 'ok');
    });

    it('waits a random share of the backoff (full jitter)', async (t) => {
      const { attempt, calls } = setup(t, [network(), network()], 0.25);
      const result = track(withRetry(attempt, options({ baseDelay: 400 })));
      await tick(t, 99);
      assert.equal(calls(), 1);
      await tick(t, 1); // 0.25 × 400
      assert.equal(calls(), 2);
      await tick(t, 199);
      assert.equal(calls(), 2);
      await tick(t, 1); // 0.25 × 800
      assert.equal(calls(), 3);
      assert.equal(result.value, 'ok');
    });

    it('retries at once when the jitter draws zero', async (t) => {
      const { attempt, calls } = setup(t, [network()], 0);
      const result = track(withRetry(attempt, options({ baseDelay: 1000 })));
      await tick(t, 0);
      assert.equal(calls(), 2);
      assert.equal(result.value, 'ok');
    });
  });

  describe('giving up', () => {
    it('tries 1 + retries times, then rejects with the last error', async (t) => {
      const errors = [network(), httpError(503), new InsightsError('timeout', 'third')];
      const { attempt, calls } = setup(t, [...errors, network()]);
      const result = track(withRetry(attempt, options({ retries: 2 })));
      await tick(t, 100);
      await tick(t, 200);
      await settle();
      assert.equal(calls(), 3);
      assert.equal(result.error, errors[2]);
      await tick(t, 10_000);
      assert.equal(calls(), 3, 'no attempt after giving up');
    });

    it('with retries: 0, tries once', async (t) => {
      const error = network();
      const { attempt, calls } = setup(t, [error]);
      await assert.rejects(withRetry(attempt, options({ retries: 0 })), (e) => e === error);
      assert.equal(calls(), 1);
    });

    it('stops retrying at the first error that is not transient', async (t) => {
      const notFound = httpError(404);
      const { attempt, calls } = setup(t, [network(), notFound, network()]);
      const result = track(withRetry(attempt, options({ retries: 5 })));
      await tick(t, 100);
      await settle();
      assert.equal(result.error, notFound);
      assert.equal(calls(), 2);
    });
  });

  describe('Retry-After', () => {
    it('waits as long as the instance asks instead of the backoff', async (t) => {
      const { attempt, calls } = setup(t, [httpError(429, 3)]);
      const result = track(withRetry(attempt, options({ baseDelay: 100 })));
      await tick(t, 2999);
      assert.equal(calls(), 1, 'the 100 ms backoff is not used');
      await tick(t, 1);
      assert.equal(calls(), 2);
      assert.equal(result.value, 'ok');
    });

    it('retries at once for Retry-After: 0', async (t) => {
      const { attempt, calls } = setup(t, [httpError(503, 0)]);
      const result = track(withRetry(attempt, options({ baseDelay: 10_000 })));
      await tick(t, 0);
      assert.equal(calls(), 2);
      assert.equal(result.value, 'ok');
    });

    it('waits exactly up to maxRetryAfter', async (t) => {
      const { attempt, calls } = setup(t, [httpError(429, 5)]);
      const result = track(withRetry(attempt, options({ maxRetryAfter: 5000 })));
      await tick(t, 5000);
      assert.equal(calls(), 2);
      assert.equal(result.value, 'ok');
    });

    it('gives up at once, without waiting, when the instance asks for longer than maxRetryAfter', async (t) => {
      const error = httpError(429, 6);
      const { attempt, calls } = setup(t, [error]);
      const result = track(withRetry(attempt, options({ maxRetryAfter: 5000 })));
      await settle();
      await settle();
      assert.equal(result.error, error, 'rejected before any time passed');
      assert.equal(calls(), 1);
    });

    it('is ignored on errors that are not transient', async (t) => {
      const error = new InsightsError('http', 'bad request', { status: 400, retryAfter: 1 });
      const { attempt, calls } = setup(t, [error]);
      await assert.rejects(withRetry(attempt, options()), (e) => e === error);
      assert.equal(calls(), 1);
    });
  });

  describe('abort', () => {
    it('ends the wait with the signal’s reason and makes no further attempt', async (t) => {
      const controller = new AbortController();
      const { attempt, calls } = setup(t, [network()]);
      const result = track(withRetry(attempt, options({ baseDelay: 1000, signal: controller.signal })));
      await tick(t, 500);
      const reason = new DOMException('card removed', 'AbortError');
      controller.abort(reason);
      await settle();
      assert.equal(result.error, reason);
      await tick(t, 10_000);
      assert.equal(calls(), 1);
    });

    it('does not wait at all when the signal is already aborted after a failure', async (t) => {
      const controller = new AbortController();
      const { attempt, calls } = setup(t, [network()]);
      controller.abort();
      await assert.rejects(withRetry(attempt, options({ signal: controller.signal })), (e) => e === controller.signal.reason);
      assert.equal(calls(), 1);
    });

    it('aborting after success changes nothing', async (t) => {
      const controller = new AbortController();
      const { attempt } = setup(t, []);
      assert.equal(await withRetry(attempt, options({ signal: controller.signal })), 'ok');
      controller.abort();
    });
  });
});

describe('sleep', () => {
  it('resolves after the given time, not before', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const done = track(sleep(250));
    await tick(t, 249);
    assert.equal(done.settled, false);
    await tick(t, 1);
    assert.equal(done.settled, true);
    assert.equal(done.error, undefined);
  });

  it('rejects with the reason when aborted, and at once when already aborted', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const controller = new AbortController();
    const done = track(sleep(1000, controller.signal));
    controller.abort('gone');
    await settle();
    assert.equal(done.error, 'gone');
    await assert.rejects(sleep(1000, controller.signal), (e) => e === 'gone');
  });
});
