/**
 * The one request-body reader of both servers. A body over the limit is answered 413, not with a reset
 * connection: what a client is still sending is read and dropped (up to DRAIN_LIMIT bytes, loopback-fast), so it
 * gets to read the refusal; past that, or when the body takes too long, the connection is closed.
 *
 * Bodies may come gzip-compressed (`Content-Encoding: gzip`), as Sourcegraph accepts them and its src CLI sends
 * every GraphQL request. The limit holds for the decompressed body too: inflating stops as soon as the output
 * passes it, so a gzip bomb (1 MB that expands to 1 GB) costs a few milliseconds and at most `limit` bytes.
 */
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { RequestError } from './responses.ts';

/** Requests' JSON bodies: the elements' largest batched document is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** What is read and dropped after the limit so the client reads the 413 instead of a reset. */
const DRAIN_LIMIT = 64 * 1024 * 1024;
/** A body still arriving after this long is a slow-loris, not a request. */
const BODY_TIMEOUT_MS = 10_000;
/**
 * Bytes of all bodies being read at once, over every connection: 300 connections each sending 1 MB and
 * stalling held 312 MB for the body timeout. Past this, a request is answered 503 (try again).
 */
export const MAX_BODY_BYTES_IN_FLIGHT = 64 * 1024 * 1024;
let bytesInFlight = 0;

/**
 * The body as UTF-8 text, decompressed when it is gzip-encoded. Throws RequestError 413 when it is larger than
 * `limit` (as sent, or once decompressed), 408 when it stalls, 415 for an encoding other than gzip, 400 for a
 * body that is not valid gzip.
 */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  // Refused before reading: nothing the server could do with the body.
  const encoding = bodyEncoding(request);
  const body = await readRawBody(request, limit);
  return (encoding === 'gzip' ? await gunzipWithin(body, limit) : body).toString('utf8');
}

/** `gzip` or none (`identity`); RequestError 415 for anything else, which Sourcegraph does not accept either. */
function bodyEncoding(request: IncomingMessage): 'identity' | 'gzip' {
  const header = request.headers['content-encoding'];
  if (header === undefined) return 'identity';
  const codings = header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return 'identity';
  // `x-gzip` is gzip's old name (RFC 9110 asks recipients to take it as gzip). Two layers are no client's doing.
  if (codings.length === 1 && (codings[0] === 'gzip' || codings[0] === 'x-gzip')) return 'gzip';
  throw new RequestError(415, `The request body's Content-Encoding ${JSON.stringify(header.slice(0, 40))} is not supported: send it as is or gzip-compressed.`, {
    close: true,
  });
}

/**
 * `compressed` inflated, refused once the output passes `limit`: zlib's `maxOutputLength` stops inflating there
 * (output comes in 16 KB chunks), instead of inflating all and measuring after. The output is held only while it
 * becomes text, so it is not counted among the bytes in flight (those guard bodies that stall on the network).
 */
function gunzipWithin(compressed: Buffer, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(compressed, { maxOutputLength: limit }, (error, inflated) => {
      if (!error) return resolve(inflated);
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return reject(new RequestError(413, `The request body is larger than ${formatBytes(limit)} once decompressed.`));
      }
      reject(new RequestError(400, 'The request body is not valid gzip (Content-Encoding: gzip).'));
    });
  });
}

/** The body's bytes as sent; throws RequestError 413 when it is larger than `limit`, 408 when it stalls. */
function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new RequestError(413, `The request body is larger than ${formatBytes(limit)}.`, { close: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    const finish = (error: RequestError | undefined) => {
      clearTimeout(timer);
      bytesInFlight -= held;
      held = 0;
      request.off('data', onData).off('end', onEnd).off('error', onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        if (bytesInFlight + chunk.length > MAX_BODY_BYTES_IN_FLIGHT) {
          finish(new RequestError(503, 'The server is reading too many request bodies at once: try again in a few seconds.', { close: true, headers: { 'Retry-After': '2' } }));
          return;
        }
        chunks.push(chunk);
        held += chunk.length;
        bytesInFlight += chunk.length;
      } else if (size > DRAIN_LIMIT) {
        finish(tooLarge());
        request.destroy();
      }
    };
    const onEnd = () => finish(size > limit ? tooLarge() : undefined);
    const onError = () => finish(new RequestError(400, 'The request body could not be read.', { close: true }));
    // The answer goes out first; `close` ends the connection after it.
    const timer = setTimeout(() => finish(new RequestError(408, `The request body did not arrive within ${BODY_TIMEOUT_MS / 1000} s.`, { close: true })), BODY_TIMEOUT_MS);
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
