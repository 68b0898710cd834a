/** Folders served read-only under URL prefixes (the demo page and the built elements). */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodePathPart, requestURL, send } from './responses.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** True when `request` named a file under one of `roots` (the longest matching prefix) and it was sent. */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, roots: Record<string, string>): Promise<boolean> {
  const path = decodePathPart(requestURL(request.url).pathname, 'path');
  const prefix = Object.keys(roots)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return false;
  const root = normalize(roots[prefix]);
  const file = normalize(join(root, path.slice(prefix.length) || 'index.html'));
  if (file !== root && !file.startsWith(root + sep)) return false; // no ../ out of the folder
  try {
    const content = await readFile(file.endsWith(sep) ? join(file, 'index.html') : file);
    response.setHeader('Cache-Control', 'no-cache');
    send(response, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
    return true;
  } catch {
    return false;
  }
}
