import type { MnistProgressEvent } from './load-mnist-options.js';

/** Options of {@link fetchBytes}. */
export interface FetchBytesOptions {
  /** Limit for the whole transfer, headers and body, in milliseconds. */
  timeoutMs: number;
  /** The name progress events carry. */
  file: string;
  onProgress?: ((event: MnistProgressEvent) => void) | undefined;
}

/**
 * GETs `url` into memory, reporting progress as chunks arrive.
 * @throws Error with a short reason ("HTTP 404 Not Found", "timed out after 30000 ms",
 *   "fetch failed: connect ECONNREFUSED 127.0.0.1:9") for the caller to collect
 */
export async function fetchBytes(url: string, options: FetchBytesOptions): Promise<Uint8Array> {
  const { timeoutMs, file, onProgress } = options;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok || response.body === null) {
      throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    const totalBytes = Number.isFinite(length) ? length : undefined;
    const chunks: Uint8Array[] = [];
    let receivedBytes = 0;
    onProgress?.({ file, receivedBytes, totalBytes });
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
      receivedBytes += next.value.length;
      onProgress?.({ file, receivedBytes, totalBytes });
    }
    return concat(chunks, receivedBytes);
  } catch (error) {
    throw new Error(reason(error, timeoutMs), { cause: error });
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// undici hides the useful part ("connect ECONNREFUSED ...") in `cause` behind "fetch failed".
function reason(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
