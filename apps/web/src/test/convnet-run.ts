// One backend's part of the convnet page (see convnet-page.ts): the Keras MNIST convnet built from
// a fixed seed, trained a few Adam steps by lab's fit, checked, measured and freed.
import { mnistCnn, type Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import { toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';

/** What every backend runs: the same seeds, images and steps. */
export const CONVNET_RUN = {
  /** Seeds the initialisers: with it every backend starts from the same weights. */
  modelSeed: 7,
  /** Seeds fit's shuffle and its per-step dropout masks (drawn on the host, so the same everywhere). */
  fitSeed: 11,
  /** Training images, seen `epochs` times in `train / batchSize` steps each. */
  train: 16,
  batchSize: 8,
  epochs: 3,
  /** Test images the trained model predicts, `batchSize` at a time (on webgl: no new shapes, no new shaders). */
  predict: 16,
  learningRate: 0.001,
} as const;

/** Sums over one weight tensor: enough to see two sets of weights differ, cheap to send. */
export interface WeightChecksum {
  name: string;
  shape: number[];
  sum: number;
  sumAbs: number;
  sumSquares: number;
}

/** The weights in `namedWeights()` order, read back to the host (layer names differ between models). */
export type HostWeights = { name: string; shape: number[]; values: Float32Array }[];

/** What one backend did. */
export interface BackendRun {
  /** `tf.getBackend()` while it ran. */
  backend: string;
  /** Checksums of the initial weights (identical on every backend: drawn on the host). */
  initial: WeightChecksum[];
  /** The mean loss of each batch, in order (`epochs × train / batchSize` steps). */
  stepLosses: number[];
  /** fit's history: each epoch's mean training loss. */
  epochLosses: number[];
  final: WeightChecksum[];
  /** The largest |w - w_reference| of each final weight (in `final`'s order), against the reference backend's run (absent on it). */
  maxAbsDiff?: number[];
  /** Probabilities [predict, 10] of this backend's trained model on the first test images, row-major. */
  probabilities: number[];
  /** Probabilities of the reference backend's trained weights, run forward on this backend. */
  referenceProbabilities: number[];
  /** Samples per second over steps 2..steps (step 1 compiles shaders, sizes buffers), and over the whole fit. */
  samplesPerSecond: number;
  samplesPerSecondWithFirstStep: number;
  /** Tensors fit left behind: must be exactly the optimizer's state. */
  fitAddedTensors: number;
  optimizerStateTensors: number;
  /** `tf.memory().numTensors` before anything was made and after everything was freed. */
  numTensorsBefore: number;
  numTensorsAfter: number;
  /** Wall time of the whole run on this backend. */
  seconds: number;
}

/** The images as the model takes them: [n, 28, 28, 1], pixels scaled to [0, 1] on the host. */
function imageTensor(pixels: Uint8Array, n: number): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(pixels.subarray(0, n * 784), (p) => p / 255), [n, 28, 28, 1]);
}

function compiledCnn(): Sequential {
  const model = mnistCnn({ seed: CONVNET_RUN.modelSeed });
  model.compile({ optimizer: adam({ learningRate: CONVNET_RUN.learningRate }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  model.build();
  return model;
}

function readWeights(model: Sequential): HostWeights {
  return Object.entries(model.namedWeights()).map(([name, w]) => ({ name, shape: w.shape, values: w.dataSync() as Float32Array }));
}

function checksums(weights: HostWeights): WeightChecksum[] {
  return weights.map(({ name, shape, values }) => {
    let [sum, sumAbs, sumSquares] = [0, 0, 0];
    for (const v of values) [sum, sumAbs, sumSquares] = [sum + v, sumAbs + Math.abs(v), sumSquares + v * v];
    return { name, shape, sum, sumAbs, sumSquares };
  });
}

function countTensors(container: tf.TensorContainer | undefined): number {
  if (container instanceof tf.Tensor) return 1;
  if (container === null || container === undefined || typeof container !== 'object') return 0;
  return Object.values(container).reduce<number>((n, c) => n + countTensors(c as tf.TensorContainer), 0);
}

/**
 * Makes `backend` tfjs' backend and runs the convnet on it: `epochs` passes of Adam steps of
 * `batchSize` over the training images (each step's loss read through a batch callback), the
 * trained model's predictions on the test images, and the `reference` run's trained weights (when
 * given) run forward here. Frees everything it made; returns its numbers and its trained weights.
 */
export async function runOn(
  backend: string,
  train: { images: Uint8Array; labels: Uint8Array },
  test: { images: Uint8Array },
  reference?: HostWeights,
): Promise<{ run: BackendRun; weights: HostWeights }> {
  const started = performance.now();
  if (!(await tf.setBackend(backend))) throw new Error(`convnet page: backend ${backend} failed to initialise`);
  await tf.ready();
  const { batchSize, epochs, predict, fitSeed } = CONVNET_RUN;
  // Each step's loss is recovered from the running mean, which needs every batch full.
  if (CONVNET_RUN.train % batchSize !== 0) throw new Error(`convnet page: train (${CONVNET_RUN.train}) must be a multiple of batchSize (${batchSize})`);
  const numTensorsBefore = tf.memory().numTensors;
  const x = imageTensor(train.images, CONVNET_RUN.train);
  const y = toCategorical(train.labels.subarray(0, CONVNET_RUN.train), 10);
  const xTest = imageTensor(test.images, predict);
  const model = compiledCnn();
  const initial = checksums(readWeights(model));
  // fit reports the epoch's running mean loss after each step: the running sum's differences give each step's loss.
  const stepLosses: number[] = [];
  let sum = 0;
  const times: number[] = [performance.now()];
  const tensorsBeforeFit = tf.memory().numTensors;
  const history = await model.fit(x, y, {
    epochs,
    batchSize,
    seed: fitSeed,
    callbacks: [
      {
        batchLogInterval: 1,
        onBatchEnd: (step, logs) => {
          times.push(performance.now());
          const next = logs.loss! * (step + 1) * batchSize;
          stepLosses.push((step === 0 ? next : next - sum) / batchSize);
          sum = next;
        },
      },
    ],
  });
  const fitAddedTensors = tf.memory().numTensors - tensorsBeforeFit;
  const optimizerStateTensors = countTensors(model.optimizerState);
  const weights = readWeights(model);
  const output = model.predict(xTest, { batchSize });
  const probabilities = Array.from(output.dataSync());
  output.dispose();
  let referenceProbabilities = probabilities;
  if (reference) {
    const other = compiledCnn();
    const named = Object.values(other.namedWeights());
    tf.tidy(() => {
      for (const [i, w] of named.entries()) w.assign(tf.tensor(reference[i]!.values, reference[i]!.shape));
    });
    const out = other.predict(xTest, { batchSize });
    referenceProbabilities = Array.from(out.dataSync());
    out.dispose();
    other.dispose();
  }
  model.dispose();
  tf.dispose([x, y, xTest]);
  const maxAbsDiff = reference
? weights.map(({ values }, i) => maxDiff(values, reference[i]!.values)) : undefined;
  const run: BackendRun = {
    backend: tf.getBackend(),
    initial,
    stepLosses,
    epochLosses: history.history.loss,
    final: checksums(weights),
    ...(maxAbsDiff ? { maxAbsDiff } : {}),
    probabilities,
    referenceProbabilities,
    samplesPerSecond: ((stepLosses.length - 1) * batchSize * 1000) / (times.at(-1)! - times[1]!),
    samplesPerSecondWithFirstStep: (stepLosses.length * batchSize * 1000) / (times.at(-1)! - times[0]!),
    fitAddedTensors,
    optimizerStateTensors,
    numTensorsBefore,
    numTensorsAfter: tf.memory().numTensors,
    seconds: (performance.now() - started) / 1000,
  };
  return { run, weights };
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
