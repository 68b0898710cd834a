/** The position of the mark a pointer is on among the chart's marks of that kind, or -1. */
export function markIndex(target: Element, mark: 'slice' | 'bar'): number {
  const hit = target.closest(`[data-mark="${mark}"]`);
  const svg = hit?.closest('svg');
  return hit && svg ? [...svg.querySelectorAll(`[data-mark="${mark}"]`)].indexOf(hit) : -1;
}
