import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves fixed files (path → [content type, body, optional delay in ms]) with the given response headers, on a
 * free loopback port. A delay makes a script arrive late, as on a slow network.
 */
export async function serveFiles(
  files: Record<string, [string, string | Buffer, number?]>,
  headers: Record<string, string> = {},
): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    if (!file) return void response.writeHead(404).end();
    setTimeout(() => response.writeHead(200, { 'Content-Type': file[0], ...headers }).end(file[1]), file[2] ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
