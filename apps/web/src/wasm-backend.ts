import { registerWasmKernels } from '@lab/backend-wasm';
import { configureWasmPaths } from './wasm-paths.js';

// The wasm backend, loaded on demand (see `selectBackend`): tfjs's wasm backend registers on
// import (through @lab/backend-wasm), its binaries are pointed at the files Vite emits, and lab's
// wasm kernels (Adam, softmax cross-entropy, the transposed matmul, batches in the wasm heap) are
// registered. A page on webgl never fetches this chunk.
configureWasmPaths();
registerWasmKernels();

/** Present so that `import('./wasm-backend.js')` has something to resolve to; the work is done on import. */
export const WASM_BACKEND = 'wasm';
