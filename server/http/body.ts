/**
 * The one request-body reader of both servers. A body over the limit is answered 413, not with a reset
 * connection: what a client is still sending is read and dropped (up to DRAIN_LIMIT bytes, loopback-fast), so it
 * gets to read the refusal; past that, or when the body takes too long, the connection is closed.
 */
import type { IncomingMessage } from 'node:http';
import { RequestError } from './responses.ts';

/** Requests' JSON bodies: the elements' largest batched document is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** What is read and dropped after the limit so the client reads the 413 instead of a reset. */
const DRAIN_LIMIT = 64 * 1024 * 1024;
/** A body still arriving after this long is a slow-loris, not a request. */
const BODY_TIMEOUT_MS = 10_000;

/** The body as UTF-8 text; throws RequestError 413 when it is larger than `limit`, 408 when it stalls. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new RequestError(413, `The request body is larger than ${formatBytes(limit)}.`, { close: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: RequestError | undefined) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) {
        finish(tooLarge());
        request.destroy();
      }
    };
    const onEnd = () => finish(size > limit ? tooLarge() : undefined);
    const onError = () => finish(new RequestError(400, 'The request body could not be read.', { close: true }));
    const timer = setTimeout(() => {
      finish(new RequestError(408, `The request body did not arrive within ${BODY_TIMEOUT_MS / 1000} s.`, { close: true }));
      request.destroy();
    }, BODY_TIMEOUT_MS);
    const declared = Number(request.headers['content-length']);
    if (declared > DRAIN_LIMIT) {
      // Not worth reading at all: refuse now and close the connection after the answer.
      clearTimeout(timer);
      reject(tooLarge());
      return;
    }
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${Math.round(bytes / 1024)} KB`;
}
