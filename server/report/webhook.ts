/**
 * Posts the Slack payload to an incoming webhook. The webhook's URL is a secret of its own (whoever has it can
 * post to the channel): errors name the host only, never the path.
 */
export async function postWebhook(url: string, payload: unknown, timeoutMs = 20_000): Promise<void> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new Error('--webhook is not a URL.');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`--webhook must be an http(s) URL, not ${target.protocol}`);
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`The webhook at ${target.host} could not be reached (${(error as Error).name}).`);
  }
  if (!response.ok) {
    // Slack says why in a few plain words (invalid_blocks, no_text); more would only be noise in a CI log.
    const said = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
    throw new Error(`The webhook at ${target.host} answered HTTP ${response.status}${said ? `: ${said}` : ''}.`);
  }
  await response.body?.cancel();
}
