import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 at a free port; `close` also drops open connections. */
export async function serve(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port just freed, so connecting is refused at once. */
export async function closedPortUrl(): Promise<string> {
  const { url, close } = await serve(() => undefined);
  await close();
  return url;
}
