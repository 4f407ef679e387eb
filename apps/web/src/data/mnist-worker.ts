/// <reference lib="webworker" />
// The data worker: fetches or reads, decompresses, verifies and parses MNIST off the page's thread.
import { loadMnist } from './load-mnist.js';
import { parseLoadRequest, type WorkerResponse } from './worker-protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = async (event: MessageEvent<unknown>) => {
  try {
    const request = parseLoadRequest(event.data);
    const data = await loadMnist(request.sources, {
      limits: request.limits,
      onProgress: (message) => reply({ type: 'progress', message }),
    });
    const buffers = [data.train.images, data.train.labels, data.test.images, data.test.labels].map((a) => a.buffer);
    // Moved, not copied: 47 MB of pixels cross to the page for free.
    reply({ type: 'loaded', data }, [...new Set(buffers)]);
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
