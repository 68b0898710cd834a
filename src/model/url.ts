/** A link from data is usable only as an absolute http(s) URL: never `javascript:`, `data:` or a relative path. */
export function safeHttpURL(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
