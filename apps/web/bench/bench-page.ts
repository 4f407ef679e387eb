// The page `scripts/bench-browser.mjs` opens once per (system, backend): it loads MNIST from the
// app's server, trains the lesson's model for one timed epoch after a short warm-up, and
// publishes samples per second (and, with `?profile=1` on webgl, what the backend did) in
// `window.__benchResult`. Nothing here asserts a speed: the numbers are reported.
import { MNIST_FILES } from '@lab/data';
import { adam } from '@lab/optim';
import { toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadMnist } from '../src/data/load-mnist.js';
import { createLessonModel, NUM_CLASSES } from '../src/lesson-model.js';
import { modelInput } from '../src/preprocess/denoise.js';
import { LESSON_CONFIG } from '../src/train/training-config.js';
import { TrainingRun } from '../src/train/training-run.js';
import { configureWasmPaths } from '../src/wasm-paths.js';
import { type BackendCounters, countBackendWork } from './backend-counters.js';

/** What the page was asked to run (from its query string). */
export interface BenchRequest {
  /**
   * `lab`: `Sequential.fit` with the kernels the app registers (as the app trains); `lab-stock`: the
   * same without them; `lab-app`: the app's `TrainingRun` (fit with the page's callback);
   * `tfjs-layers`: `LayersModel.fit`, the peer.
   */
  system: (typeof SYSTEMS)[number];
  backend: 'webgl' | 'wasm' | 'cpu' | 'webgpu';
  /** Training images timed (the first ones of the training file). */
  train: number;
  /** Images of the untimed warm-up fit (compiles shaders, sizes buffers). */
  warmup: number;
  batchSize: number;
  epochs: number;
  /** Count uploads, reads and programs during the timed fit (webgl only). */
  profile: boolean;
  /** tfjs flags set before the backend starts (e.g. `{ "WEBGL_PACK": false }`), for both systems. */
  flags: Record<string, number | boolean>;
  /**
   * How `lab` and `tfjs-layers` get the images: `host` (default), a tensor of floats scaled on the
   * host, uploaded on first use as each system likes; `device`, scaled on the backend as the app
   * does (on webgl a packed texture, which tfjs-layers' per-batch gather unpacks whole).
   */
  feed: 'host' | 'device';
}

/** What the page measured. */
export interface BenchResult extends BenchRequest {
  /** tfjs' backend after setup: must equal `backend`. */
  backendInUse: string;
  /** The WebGL renderer (e.g. ANGLE on SwiftShader), on webgl. */
  renderer?: string;
  seconds: number;
  samplesPerSecond: number;
  /** Training loss of the (last) timed epoch, to see that both systems learnt. */
  loss: number;
  accuracy: number;
  /** Tensors left over by the timed fit: 0 after a warm-up (a first fit keeps its optimizer's moments, 8 here). */
  leakedTensors: number;
  counters?: BackendCounters;
}

declare global {
  interface Window {
    __benchResult?: BenchResult;
    __benchError?: string;
  }
}

const SYSTEMS = ['lab', 'lab-stock', 'lab-app', 'tfjs-layers'] as const;

function readRequest(params: URLSearchParams): BenchRequest {
  const number = (name: string, fallback: number) => {
    const value = Number(params.get(name) ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`bench: ${name} must be a non-negative integer, got '${params.get(name)}'`);
    return value;
  };
  const system = SYSTEMS.find((s) => s === (params.get('system') ?? 'lab'));
  if (!system) throw new Error(`bench: unknown system '${params.get('system')}'; expected one of ${SYSTEMS.join(', ')}`);
  const backend = params.get('backend') ?? 'webgl';
  if (backend !== 'webgl' && backend !== 'wasm' && backend !== 'cpu' && backend !== 'webgpu') throw new Error(`bench: unknown backend '${backend}'`);
  return {
    system,
    backend,
    train: number('train', 10_000),
    warmup: number('warmup', 640),
    batchSize: number('batchSize', 64),
    epochs: number('epochs', 1),
    profile: params.get('profile') === '1',
    flags: JSON.parse(params.get('flags') || '{}') as Record<string, number | boolean>,
    feed: params.get('feed') === 'device' ? 'device' : 'host',
  };
}

/** One fit of `count` images (from the start of `x`, `y`) by the requested system; returns the last epoch's loss and accuracy. */
type Trainer = (count: number, epochs: number) => Promise<{ loss: number; accuracy: number }>;

function labTrainer(request: BenchRequest, x: tf.Tensor, y: tf.Tensor): Trainer {
  const model = createLessonModel({ optimizer: adam({ learningRate: 0.001 }) });
  return async (count, epochs) => {
    const [xs, ys] = [tf.slice(x, 0, count), tf.slice(y, 0, count)];
    try {
      const history = await model.fit(xs, ys, { epochs, batchSize: request.batchSize, seed: 1 });
      return { loss: history.history.loss!.at(-1)!, accuracy: history.history.accuracy!.at(-1)! };
    } finally {
      tf.dispose([xs, ys]);
    }
  };
}

function labAppTrainer(request: BenchRequest, images: Uint8Array, labels: Uint8Array): Trainer {
  const model = createLessonModel({ optimizer: adam({ learningRate: 0.001 }) });
  const config = { ...LESSON_CONFIG, batchSize: request.batchSize, validationSplit: 0 };
  return async (count, epochs) => {
    const split = { count, rows: 28, cols: 28, images: images.subarray(0, count * 784), labels: labels.subarray(0, count) };
    const run = new TrainingRun(model, split, { ...config, epochs }, { onBatch: () => {}, onEpoch: () => {} });
    const history = await run.finished;
    return { loss: history.history.loss!.at(-1)!, accuracy: history.history.accuracy!.at(-1)! };
  };
}

function layersTrainer(request: BenchRequest, x: tf.Tensor, y: tf.Tensor): Trainer {
  const model = tfl.sequential({
    layers: [
      tfl.layers.flatten({ inputShape: [28, 28, 1] }),
      tfl.layers.dense({ units: 128, activation: 'relu' }),
      tfl.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return async (count, epochs) => {
    const [xs, ys] = [tf.slice(x, 0, count), tf.slice(y, 0, count)];
    try {
      const history = await model.fit(xs, ys, { epochs, batchSize: request.batchSize, shuffle: true, verbose: 0 });
      const last = (name: string) => Number(history.history[name]!.at(-1));
      return { loss: last('loss'), accuracy: last('acc') };
    } finally {
      tf.dispose([xs, ys]);
    }
  };
}

async function bench(request: BenchRequest): Promise<BenchResult> {
  configureWasmPaths();
  for (const [name, value] of Object.entries(request.flags)) tf.env().set(name, value);
  if (request.system === 'lab' || request.system === 'lab-app') {
    // lab's kernels for webgl and wasm, as the app registers them; loaded only here (each package
    // registers on import) so that 'lab-stock' and tfjs-layers run on the stock backends.
    const [{ registerWebGLKernels }, { registerWasmKernels }] = await Promise.all([import('@lab/backend-webgl'), import('@lab/backend-wasm')]);
    registerWebGLKernels();
    registerWasmKernels();
  }
  if (request.backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend(request.backend))) throw new Error(`bench: backend ${request.backend} failed to initialise`);
  await tf.ready();
  const need = Math.max(request.train, request.warmup + request.batchSize);
  const data = await loadMnist(
    MNIST_FILES.map((name) => ({ name, url: new URL(`mnist/${name}`, location.href).href })),
    { limits: { train: need, test: 1 } },
  );
  const { images, labels } = data.train;
  if (data.train.count < need) throw new Error(`bench: only ${data.train.count} training images, asked for ${need}`);
  // The tensors both systems get.
  const x =
    request.feed === 'device'
      ? modelInput(images, need, 28, 28, undefined)
      : tf.tensor4d(hostScaled(images, need * 784), [need, 28, 28, 1]);
  const y = toCategorical(labels.subarray(0, need), NUM_CLASSES);
  const trainer =
    request.system === 'lab' || request.system === 'lab-stock'
      ? labTrainer(request, x, y)
      : request.system === 'lab-app'
        ? labAppTrainer(request, images, labels)
        : layersTrainer(request, x, y);
  // The warm-up ends on a batch of the timed run's last size too, so the timed epoch compiles nothing.
  if (request.warmup > 0) await trainer(request.warmup + (request.train % request.batchSize), 1);
  const before = tf.memory().numTensors;
  const counters = request.profile && request.backend === 'webgl' ? countBackendWork() : undefined;
  const started = performance.now();
  const { loss, accuracy } = await trainer(request.train, request.epochs);
  const seconds = (performance.now() - started) / 1000;
  const counted = counters?.stop();
  const leakedTensors = tf.memory().numTensors - before;
  tf.dispose([x, y]);
  return {
    ...request,
    backendInUse: tf.getBackend(),
    ...(request.backend === 'webgl' ? { renderer: webglRenderer() } : {}),
    seconds,
    samplesPerSecond: (request.train * request.epochs) / seconds,
    loss,
    accuracy,
    leakedTensors,
    ...(counted ? { counters: counted } : {}),
  };
}

/** The first `size` pixels scaled to [0, 1] on the host (the numbers of `scalePixels` on cpu). */
function hostScaled(pixels: Uint8Array, size: number): Float32Array {
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = pixels[i]! / 255;
  return values;
}

/** The renderer string of the WebGL context tfjs uses. */
function webglRenderer(): string {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

bench(readRequest(new URLSearchParams(location.search)))
  .then((result) => {
    window.__benchResult = result;
    document.body.dataset.status = 'done';
  })
  .catch((error: unknown) => {
    window.__benchError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    document.body.dataset.status = 'error';
  });
