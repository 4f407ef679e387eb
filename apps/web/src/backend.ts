import * as tf from '@tensorflow/tfjs-core';
// Each import registers its backend with tfjs-core; none is initialised until selected.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';

/** The browser backends, fastest first. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** The order backends are tried in when none is requested. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** A backend that could not be used, and why. */
export interface BackendFailure {
  name: BackendName;
  reason: string;
}

/** The backend in use and every backend tried before it. */
export interface BackendChoice {
  name: BackendName;
  /** Empty when the first candidate worked; otherwise the page must say so. */
  failures: BackendFailure[];
}

/**
 * The backends to try, in order: `requested` (e.g. from `?backend=wasm`) and the slower ones
 * after it. Throws on a name that is not a browser backend, listing the valid ones.
 */
export function backendCandidates(requested?: string | null): BackendName[] {
  if (!requested) return [...BACKEND_ORDER];
  const index = BACKEND_ORDER.indexOf(requested as BackendName);
  if (index < 0) throw new Error(`backend: unknown backend '${requested}'; expected one of ${BACKEND_ORDER.join(', ')}`);
  return BACKEND_ORDER.slice(index);
}

/**
 * Initialises the first candidate that works and makes it tfjs' backend. Failures are returned,
 * never hidden, so the caller can show them. Throws when no candidate works.
 */
export async function selectBackend(candidates: readonly BackendName[]): Promise<BackendChoice> {
  const failures: BackendFailure[] = [];
  for (const name of candidates) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { name, failures };
      }
      failures.push({ name, reason: explainFailure(name) });
    } catch (error) {
      failures.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const tried = failures.map((f) => `${f.name}: ${f.reason}`).join('; ');
  throw new Error(`backend: no TensorFlow.js backend could be initialised (${tried})`);
}

/** tfjs reports why a backend failed only on the console; name the likely cause here. */
function explainFailure(name: BackendName): string {
  if (name === 'webgl' && tf.env().getNumber('WEBGL_VERSION') === 0) return 'WebGL is not available in this browser';
  return 'initialisation failed (details in the browser console)';
}
