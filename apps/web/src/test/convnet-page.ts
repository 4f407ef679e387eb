// The page convnet-browser.e2e.test.ts opens (built by Vite with the app's config, served with the
// MNIST folder): the Keras MNIST convnet trained by lab's fit on cpu (the reference), wasm and
// webgl in turn, from the same weights on the same images. The numbers go to `window.__convnet`.
import { registerWasmKernels } from '@lab/backend-wasm';
import { registerWebGLKernels } from '@lab/backend-webgl';
import { MNIST_FILES } from '@lab/data';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadMnist } from '../data/load-mnist.js';
import { configureWasmPaths } from '../wasm-paths.js';
import { type BackendRun, CONVNET_RUN, type HostWeights, runOn } from './convnet-run.js';

/** What the page reports. */
export interface ConvnetReport {
  /** cpu first: the others are compared with it. */
  runs: BackendRun[];
  /** The WebGL renderer string, and whether tfjs renders to float32 textures there. */
  webgl: { renderer: string; float32: boolean; version: number };
  /** Whether tfjs loaded the SIMD wasm binary, and the threaded one. */
  wasm: { simd: boolean; threads: boolean };
}

declare global {
  interface Window {
    __convnet?: ConvnetReport;
    __convnetError?: string;
  }
}

/** The backends in the order they run; the first is the reference. */
const BACKENDS = ['cpu', 'wasm', 'webgl'] as const;

async function main(): Promise<ConvnetReport> {
  configureWasmPaths();
  // As the app does (src/backend.ts): lab's kernels for webgl and wasm; cpu stays tfjs's own.
  registerWebGLKernels();
  registerWasmKernels();
  const data = await loadMnist(
    MNIST_FILES.map((name) => ({ name, url: new URL(`mnist/${name}`, location.href).href })),
    { limits: { train: CONVNET_RUN.train, test: CONVNET_RUN.predict } },
  );
  const runs: BackendRun[] = [];
  let reference: HostWeights | undefined;
  let webgl: ConvnetReport['webgl'] | undefined;
  let wasm: ConvnetReport['wasm'] | undefined;
  for (const backend of BACKENDS) {
    const { run, weights } = await runOn(backend, data.train, data.test, reference);
    reference ??= weights;
    runs.push(run);
    if (backend === 'webgl') webgl = webglInfo();
    if (backend === 'wasm') wasm = { simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'), threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') };
  }
  return { runs, webgl: webgl!, wasm: wasm! };
}

function webglInfo(): ConvnetReport['webgl'] {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    renderer: String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    float32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
    version: tf.env().getNumber('WEBGL_VERSION'),
  };
}

main()
  .then((report) => {
    window.__convnet = report;
    document.body.dataset.status = 'done';
  })
  .catch((error: unknown) => {
    window.__convnetError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    document.body.dataset.status = 'error';
  });
