/** The servers' own token (`--token`): every API and image request must carry it when it is set. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the request may pass: no token is set, or its Authorization header carries it in one of the forms
 * Sourcegraph accepts (see `presentedToken`). Compared in constant time (of hashes, so lengths do not show
 * either): response times must not spell the token out. Parsing the header depends on what the caller sent only.
 */
export function authorized(request: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = presentedToken(request.headers.authorization ?? '');
  // A header without a token is compared too, so that a refusal takes as long whatever the header held.
  return timingSafeEqual(digest(presented ?? ''), digest(token)) && presented !== undefined;
}

/**
 * The token in an Authorization header, in Sourcegraph's forms: `token <t>`, `token token="<t>"`, and the
 * site admin's `token-sudo user="<name>",token="<t>"` (parameters in any order, quoted or not; src-cli and
 * scripts written for an instance send it). The user a sudo token acts as means nothing here: the server has no
 * users, and its token grants what it grants. Undefined when the header is none of these.
 */
export function presentedToken(header: string): string | undefined {
  const match = /^([A-Za-z-]+) +(.*)$/.exec(header.trim());
  if (!match) return undefined;
  const scheme = match[1].toLowerCase();
  const rest = match[2].trim();
  if (scheme !== 'token' && scheme !== 'token-sudo') return undefined;
  const params = authParams(rest);
  if (scheme === 'token-sudo') return params?.get('user') ? params.get('token') || undefined : undefined;
  // Otherwise all that follows the scheme, as before: a `--token` may hold `=`, `,` or spaces of its own.
  return params?.get('token') || rest || undefined;
}

/** `a="x", b=y` as a map (RFC 9110 auth-params); undefined when `text` is not a parameter list. */
function authParams(text: string): Map<string, string> | undefined {
  const param = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))\s*(?:,|$)/y;
  const params = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    param.lastIndex = at;
    const match = param.exec(text);
    if (!match) return undefined;
    params.set(match[1].toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]);
    at = param.lastIndex;
  }
  return params.size ? params : undefined;
}
