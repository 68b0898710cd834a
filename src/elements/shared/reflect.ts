/**
 * Sets `name` on `element` to `value` (removes it for undefined), touching the DOM only when it changes: pages
 * and MutationObservers that watch the attribute see one change per change, not one per render.
 */
export function reflect(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
