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
