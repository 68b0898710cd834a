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

/**
 * The insight view id from an `insight-id` attribute, which may also be a pasted Sourcegraph URL
 * (`https://sourcegraph.example.com/insights/<id>` or `/insights/insight/<id>`): the id is the last path segment.
 */
export function insightIdFrom(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  try {
    const segments = new URL(trimmed).pathname.split('/').filter(Boolean);
    return segments.length ? decodeURIComponent(segments[segments.length - 1]) : undefined;
  } catch {
    return undefined;
  }
}
