import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmSimdThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';

/**
 * Points the wasm backend at the binaries Vite emits next to the bundle. Without this tfjs
 * looks for them beside the script or on a CDN, so the fallback would break offline. Must run
 * before the wasm backend is initialised.
 */
export function configureWasmPaths(): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdThreadedUrl,
  });
}
