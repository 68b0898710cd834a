/** The servers' own token (`--token`): every API and image request must carry it when it is set. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the request may pass: no token is set, or it sends `Authorization: token <token>`. Compared in
 * constant time (of hashes, so lengths do not show either): response times must not spell the token out.
 */
export function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  return timingSafeEqual(digest(request.headers.authorization ?? ''), digest(`token ${token}`));
}
