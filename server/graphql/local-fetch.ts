import { runGraphQL } from './run.ts';
import { createRootValue } from './resolvers.ts';
import { loadSchema } from './schema-file.ts';
import type { InsightSource } from '../sources/source.ts';

/**
 * A Fetch-API function that answers Sourcegraph GraphQL POSTs (`…/.api/graphql`) in-process from `source`,
 * with the same schema and resolvers as the HTTP endpoint. Server-side renderers (the image embeds) give it to
 * an `InsightsClient` as its `fetch`, so they send the very operations the elements send and decode the
 * answers with the same decoders, without a network round trip. The proxy's fetch has the same shape, which
 * is what lets the embeds show a real instance's insights instead.
 *
 * Any host is accepted (only the path is read): the client needs some instance URL to build requests with.
 */
export function localFetch(source: InsightSource): typeof fetch {
  const schema = loadSchema();
  const rootValue = createRootValue(source);
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    request.signal.throwIfAborted();
    if (new URL(request.url).pathname.replace(/\/+$/, '').endsWith('/.api/graphql') === false) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    if (request.method !== 'POST') return new Response('method must be POST', { status: 405 });
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return new Response('The request body is not JSON.', { status: 400 });
    }
    const result = await runGraphQL(schema, rootValue, typeof body === 'object' && body !== null ? body : {});
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
}
