import { Task, TaskStatus, initialState, shallowArrayEquals } from '@lit/task';
import { deepEquals } from '@lit/task/deep-equals.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InsightsClient } from '../../api/client.js';
import { isAbortError } from '../../api/errors.js';
import type { Loaded } from '../../api/load.js';
import { configuration } from '../../configure.js';
import { InsightErrorEvent } from '../../events/insight-error.js';
import { InsightLoadEvent } from '../../events/insight-load.js';
import { hasMarks, isProcessing } from '../../model/card-status.js';
import { pageScriptsRan, yieldToMain } from '../shared/yield.js';
import { loadRequest, type InsightRequest } from './insight-request.js';
import { PollSchedule } from './poll-schedule.js';

export type InsightState = 'loading' | 'processing' | 'ready' | 'empty' | 'error';

/** What the loader reads from its card on every update. */
export interface LoaderInputs {
  /** What the card asks for; `reloads` counts refresh() and polls, which ask the instance again. */
  request(reloads: number): InsightRequest;
  data(): unknown;
  client(): InsightsClient | undefined;
  /** Whether the card may load now (lazy cards wait until they near the viewport). */
  mayLoad(): boolean;
}

/**
 * A card's data: a Task over what the card asks for (compared deeply: a pointer move starts no request) and the
 * `data` and `client` properties (compared by identity), polling while the instance is still processing, and
 * the card's life on the page: a removed card stops its request and loads again when it comes back.
 */
export class InsightLoader implements ReactiveController {
  #reloads = 0;
  #reloadOnConnect = false;
  readonly #poll = new PollSchedule(() => this.reload());
  readonly #task: Task<readonly [InsightRequest, unknown, InsightsClient | undefined, boolean], Loaded>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: LoaderInputs,
  ) {
    host.addController(this);
    this.#task = new Task(host, {
      task: ([request, data, client], { signal }) => this.#load(request, data, client, signal),
      args: () => [inputs.request(this.#reloads), inputs.data(), inputs.client(), inputs.mayLoad()] as const,
      argsEqual: (a, b) => deepEquals(a[0], b[0]) && shallowArrayEquals(a.slice(1), b.slice(1)),
      onComplete: (loaded) => {
        this.#poll.update(isProcessing(loaded.data), configuration());
        host.dispatchEvent(new InsightLoadEvent(loaded.data));
      },
      onError: (error) => {
        this.#poll.stop();
        if (!isAbortError(error)) host.dispatchEvent(new InsightErrorEvent(toError(error)));
      },
    });
  }

  /** The data last loaded; it stays while a refresh is pending. */
  get value(): Loaded | undefined {
    return this.#task.value;
  }

  get error(): Error {
    return toError(this.#task.error);
  }

  /** Loads again, asking the instance rather than the page's cache; the data on screen stays until the answer. */
  reload(): void {
    this.#reloads++;
    this.host.requestUpdate();
  }

  /** The card's state; `measured`: the chart area has a size (before the first frame it has none to draw at). */
  state(measured: boolean): InsightState {
    const status = this.#task.status;
    if (status === TaskStatus.ERROR && !(isAbortError(this.#task.error) && this.#reloadOnConnect)) return 'error';
    const loaded = this.#task.value;
    // While a refresh is pending, the previous data stays on screen. Until the chart area has been measured
    // (the first frame), there is nothing to draw at the right size: drawing at a guess is work thrown away.
    if (!loaded || status === TaskStatus.ERROR || !measured) return 'loading';
    if (isProcessing(loaded.data)) return 'processing';
    return hasMarks(loaded.data) ? 'ready' : 'empty';
  }

  hostConnected(): void {
    if (this.#reloadOnConnect) {
      this.#reloadOnConnect = false;
      this.reload();
    } else if (this.#task.value && isProcessing(this.#task.value.data)) {
      // Polling stopped when the card left; an insight still being computed needs it again.
      this.#poll.update(true, configuration());
    }
  }

  hostDisconnected(): void {
    // Task does not stop by itself when its host leaves the page.
    if (this.#task.status === TaskStatus.PENDING) {
      this.#reloadOnConnect = true;
      this.#task.abort(new DOMException('The element was removed.', 'AbortError'));
    }
    this.#poll.stop();
  }

  async #load(request: InsightRequest, data: unknown, client: InsightsClient | undefined, signal: AbortSignal): Promise<Loaded | typeof initialState> {
    if (!this.inputs.mayLoad()) return initialState; // lazy: not near yet
    // An update queued just before removal still runs; a removed card must not start a request.
    if (!this.host.isConnected) {
      this.#reloadOnConnect = true;
      return initialState;
    }
    await pageScriptsRan();
    signal.throwIfAborted(); // a page script changed the token or configuration meanwhile: the newer run asks
    const loaded = await loadRequest(request, data, client, signal);
    // Cards answered by one batched request render one per task, not all in one long task.
    await yieldToMain();
    signal.throwIfAborted();
    return loaded;
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
