import { waitUntil } from '@open-wc/testing';
import type { CodeInsightElement, InsightState } from '../../src/index.js';

/** Waits until the element reflects `state` (through polling, retries and renders). */
export async function untilState(element: CodeInsightElement, state: InsightState, timeout = 5000): Promise<void> {
  await waitUntil(() => element.getAttribute('state') === state, `state stayed "${element.getAttribute('state')}", expected "${state}"`, {
    timeout,
  });
  await element.updateComplete;
}

export function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}
