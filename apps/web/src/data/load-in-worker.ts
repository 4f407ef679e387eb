import type { MnistData, FileSource, SplitLimits } from './mnist-data.js';
import { type LoadRequest, parseWorkerResponse } from './worker-protocol.js';

/**
 * Loads MNIST in a fresh Web Worker (so the page never freezes on 47 MB of parsing and hashing),
 * reporting progress; the worker is ended when done.
 */
export function loadInWorker(
  sources: FileSource[],
  limits: SplitLimits,
  onProgress: (message: string) => void,
): Promise<MnistData> {
  const worker = new Worker(new URL('./mnist-worker.ts', import.meta.url), { type: 'module', name: 'mnist' });
  return new Promise<MnistData>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<unknown>) => {
      try {
        const message = parseWorkerResponse(event.data);
        if (message.type === 'progress') return onProgress(message.message);
        worker.terminate();
        if (message.type === 'loaded') resolve(message.data);
        else reject(new Error(message.message));
      } catch (error) {
        worker.terminate();
        reject(error);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`data worker: ${event.message || 'failed to start'}`));
    };
    const request: LoadRequest = { type: 'load', sources, limits };
    worker.postMessage(request);
  });
}
