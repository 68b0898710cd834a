import { isServer } from 'lit';

/**
 * `element.closest()` that also climbs out of shadow roots, so a card inside a dashboard's shadow DOM finds it.
 * A server render (@lit-labs/ssr) has no tree to climb: nothing is found there.
 */
export function closestAcrossShadow(element: Element, selector: string): Element | null {
  if (isServer) return null;
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
