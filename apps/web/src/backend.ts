import { registerWebGLKernels } from '@lab/backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
// Each import registers its backend with tfjs-core; none is initialised until selected. wasm and
// webgpu are loaded only when tried (see selectBackend), so their code is not in the page's entry
// script. @lab/backend-webgl imports tfjs's webgl backend.
import '@tensorflow/tfjs-backend-cpu';

// lab's kernels for webgl (@lab/core's contracts): Adam, SGD, a Dense layer's backward pass and
// softmax cross-entropy as packed programs; the @lab packages take their fused paths where the
// active backend has the kernel. (The package registers on import too; the call says so here,
// where the app chooses its backends. wasm's kernels are registered by ./wasm-backend.ts.)
registerWebGLKernels();

/** The browser backends. */
export type BackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/** The order backends are tried in when none is requested, fastest first. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Every backend the page can use: the automatic ones and `webgpu`, used only when picked. */
export const BACKEND_NAMES: readonly BackendName[] = [...BACKEND_ORDER, 'webgpu'];

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
 * after it; `webgpu` falls back to all three others. Throws on a name that is not a browser
 * backend, listing the valid ones.
 */
export function backendCandidates(requested?: string | null): BackendName[] {
  if (!requested) return [...BACKEND_ORDER];
  if (requested === 'webgpu') return ['webgpu', ...BACKEND_ORDER];
  const index = BACKEND_ORDER.indexOf(requested as BackendName);
  if (index < 0) throw new Error(`backend: unknown backend '${requested}'; expected one of ${BACKEND_NAMES.join(', ')}`);
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
      if (name === 'webgpu') {
        const unavailable = (await webgpuSupport()).reason;
        if (unavailable !== undefined) {
          failures.push({ name, reason: unavailable });
          continue;
        }
        // Registers the backend with tfjs-core; a chunk of its own, fetched only here.
        await import('@tensorflow/tfjs-backend-webgpu');
      }
      // tfjs's wasm backend, its binaries' paths and lab's wasm kernels: also a chunk of its own.
      if (name === 'wasm') await import('./wasm-backend.js');
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

/** The part of a WebGL context the renderer is read from. */
export interface GlLike {
  RENDERER: number;
  getParameter(name: number): unknown;
  getExtension(name: string): unknown;
}

/**
 * The GPU WebGL draws with, as the browser names it (`ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 …)`),
 * from the active webgl backend's context: the unmasked name where the browser gives it
 * (`WEBGL_debug_renderer_info`), else the masked one. Undefined off webgl.
 */
export function webglRenderer(gl: GlLike | undefined = activeGl()): string | undefined {
  if (!gl) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL: number } | null;
  const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The webgl backend's context, when webgl is the active backend. */
function activeGl(): GlLike | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  return (tf.backend() as unknown as { gpgpu?: { gl?: GlLike } }).gpgpu?.gl;
}

/**
 * Whether a WebGL renderer draws on the CPU (SwiftShader, llvmpipe, softpipe, Microsoft's Basic
 * Render Driver): webgl then uses no GPU, and the wasm backend is usually the faster one.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software rasterizer|basic render driver/i.test(renderer);
}

/** The part of `navigator.gpu` used here (TypeScript's DOM library has no WebGPU types yet). */
export interface GpuLike {
  requestAdapter(): Promise<object | null>;
}

/**
 * Whether this browser can run the `webgpu` backend: it needs `navigator.gpu` and an adapter
 * (Chromium offers one only on a supported GPU, or with `--enable-unsafe-webgpu`). `reason`
 * says why not, for the page to show.
 */
export async function webgpuSupport(
  gpu: GpuLike | undefined = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu,
): Promise<{ reason: string | undefined }> {
  if (!gpu) return { reason: 'WebGPU is not available in this browser (no navigator.gpu)' };
  try {
    const adapter = await gpu.requestAdapter();
    return { reason: adapter ? undefined : 'this browser offers WebGPU but no adapter for it (no supported GPU)' };
  } catch (error) {
    return { reason: `WebGPU adapter request failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
