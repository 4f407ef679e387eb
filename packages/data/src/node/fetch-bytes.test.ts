import { afterAll, describe, expect, it } from 'vitest';
import { closedPortUrl, serve } from '../test/http-fixtures.js';
import { expectSameBytes } from '../test/same-bytes.js';
import { fetchBytes } from './fetch-bytes.js';
import type { MnistProgressEvent } from './load-mnist-options.js';

const body = Uint8Array.from({ length: 200_000 }, (_, i) => i % 256);
const server = await serve((request, response) => {
  if (request.url === '/data') {
    response.writeHead(200, { 'content-length': body.length });
    response.end(body);
  } else if (request.url === '/silent') {
    // Never answers: only the timeout ends the request.
  } else {
    response.writeHead(404).end();
  }
});
afterAll(() => server.close());

describe('fetchBytes', () => {
  it('returns the body and reports progress up to the Content-Length', async () => {
    const events: MnistProgressEvent[] = [];
    const bytes = await fetchBytes(`${server.url}/data`, { timeoutMs: 5000, file: 'd.gz', onProgress: (e) => events.push(e) });
    expectSameBytes(bytes, body);
    expect(events[0]).toEqual({ file: 'd.gz', receivedBytes: 0, totalBytes: body.length });
    expect(events.at(-1)).toEqual({ file: 'd.gz', receivedBytes: body.length, totalBytes: body.length });
    const received = events.map((e) => e.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
  });

  it('gives short reasons: HTTP status, refused connection, timeout', async () => {
    await expect(fetchBytes(`${server.url}/nope`, { timeoutMs: 5000, file: 'x' })).rejects.toThrow('HTTP 404 Not Found');
    const closed = await closedPortUrl();
    await expect(fetchBytes(`${closed}/x`, { timeoutMs: 5000, file: 'x' })).rejects.toThrow(
      /^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
    await expect(fetchBytes(`${server.url}/silent`, { timeoutMs: 100, file: 'x' })).rejects.toThrow('timed out after 100 ms');
  });
});
