/** `element.closest()` that also climbs out of shadow roots, so a card inside a dashboard's shadow DOM finds it. */
export function closestAcrossShadow(element: Element, selector: string): Element | null {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
