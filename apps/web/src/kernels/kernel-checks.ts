import * as tf from '@tensorflow/tfjs-core';
import { ADAM_UPDATE } from './adam-update-webgl.js';
import { DENSE_BACKWARD } from './dense-backward-webgl.js';
import { SGD_UPDATE } from './sgd-update-webgl.js';
import { SOFTMAX_CROSS_ENTROPY } from './softmax-cross-entropy-webgl.js';

/** One comparison of a fused kernel's output with what tfjs's own ops give on the same backend. */
export interface KernelCheck {
  name: string;
  shape: number[];
  /** Largest |got − want| / (1 + |want|) over the elements. */
  error: number;
}

/** What {@link runKernelChecks} found. */
export interface KernelCheckReport {
  backend: string;
  checks: KernelCheck[];
  /** Tensors and backend data left over by all the checks (0 and 0 when nothing leaked). */
  leakedTensors: number;
  leakedDataIds: number;
  /** The error each bad call threw, in order (the calls are listed in the test). */
  errors: string[];
}

// Deterministic inputs in [-1, 1) (a linear congruential generator: no tfjs randomness involved).
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

const tensor = (shape: number[], seed: number) => tf.tensor(values(shape.reduce((a, b) => a * b, 1), seed), shape);

async function compare(checks: KernelCheck[], name: string, got: tf.Tensor, want: tf.Tensor): Promise<void> {
  if (got.shape.join() !== want.shape.join()) throw new Error(`${name}: shape [${got.shape}] but expected [${want.shape}]`);
  const [g, w] = await Promise.all([got.data(), want.data()]);
  let error = 0;
  for (let i = 0; i < g.length; i++) error = Math.max(error, Math.abs(g[i]! - w[i]!) / (1 + Math.abs(w[i]!)), Number.isNaN(g[i]) ? Infinity : 0);
  checks.push({ name, shape: got.shape, error });
}

const run = (name: string, inputs: tf.NamedTensorMap, attrs: Record<string, unknown>) =>
  tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[] | tf.Tensor;

/** Adam against @lab/optim's composite rule (scaleByAdam, then scale and add). */
async function checkAdam(checks: KernelCheck[], shape: number[], seed: number, withParam: boolean, weightDecay: number): Promise<void> {
  const [g, m, v, param] = [tensor(shape, seed), tensor(shape, seed + 1), tf.tidy(() => tf.abs(tensor(shape, seed + 2))), tensor(shape, seed + 3)];
  const [b1, b2, eps, count, scale] = [0.9, 0.999, 1e-7, 3, withParam ? -0.01 : 1];
  const attrs = { beta1: b1, beta2: b2, epsilon: eps, count, scale, weightDecay, inPlace: true };
  const outs = run(ADAM_UPDATE, withParam ? { grad: g, m, v, param } : { grad: g, m, v }, attrs) as tf.Tensor[];
  const root = Math.sqrt(1 - b2 ** count);
  const want = tf.tidy(() => {
    const m2 = tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1));
    const v2 = tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2));
    let u = tf.div(tf.mul(m2, root / (1 - b1 ** count)), tf.add(tf.sqrt(v2), eps * root));
    if (weightDecay !== 0) u = tf.add(u, tf.mul(param, weightDecay));
    u = tf.mul(u, scale);
    return [withParam ? tf.add(param, u) : u, m2, v2];
  });
  const label = `${ADAM_UPDATE}${withParam ? ' with param' : ''}${weightDecay ? ' and weight decay' : ''}`;
  for (const [i, part] of ['out', 'm', 'v'].entries()) await compare(checks, `${label}: ${part}`, outs[i]!, want[i]!);
  tf.dispose([g, m, v, param, ...outs, ...want]);
}

async function checkSgd(checks: KernelCheck[], shape: number[], seed: number): Promise<void> {
  const [g, param] = [tensor(shape, seed), tensor(shape, seed + 1)];
  const withParam = run(SGD_UPDATE, { grad: g, param }, { scale: -0.1 }) as tf.Tensor;
  const alone = run(SGD_UPDATE, { grad: g }, { scale: 0.5 }) as tf.Tensor;
  const want = tf.tidy(() => [tf.add(param, tf.mul(g, -0.1)), tf.mul(g, 0.5)]);
  await compare(checks, `${SGD_UPDATE} with param`, withParam, want[0]!);
  await compare(checks, `${SGD_UPDATE} without param`, alone, want[1]!);
  tf.dispose([g, param, withParam, alone, ...want]);
}

/** Softmax cross-entropy against tfjs's log-softmax and autodiff of the mean loss. */
async function checkSoftmaxCrossEntropy(checks: KernelCheck[], rows: number, cols: number, seed: number, soft: boolean): Promise<void> {
  const logits = tf.tidy(() => tf.mul(tensor([rows, cols], seed), 4));
  const labels = tf.tidy(() =>
    soft
      ? tf.softmax(tensor([rows, cols], seed + 1))
      : tf.cast(tf.oneHot(tf.tensor1d(Array.from({ length: rows }, (_, r) => (r * 7) % cols), 'int32'), cols), 'float32'),
  );
  const [loss, dLogits] = run(SOFTMAX_CROSS_ENTROPY, { logits, labels }, { scale: 1 / rows }) as tf.Tensor[];
  const rowLoss = (l: tf.Tensor) => tf.neg(tf.sum(tf.mul(labels, tf.logSoftmax(l)), 1));
  const want = tf.tidy(() => [rowLoss(logits), tf.grad((l: tf.Tensor) => tf.mean(rowLoss(l)))(logits)]);
  const label = `${SOFTMAX_CROSS_ENTROPY} ${soft ? 'soft' : 'one-hot'} labels`;
  await compare(checks, `${label}: loss`, loss!, want[0]!);
  await compare(checks, `${label}: dLogits`, dLogits!, want[1]!);
  // The gradient's padding must be zero: a matmul reading it gives the exact product.
  const h = tensor([rows, 5], seed + 2);
  const [product, wantProduct] = tf.tidy(() => [tf.matMul(h, dLogits!, true, false), tf.matMul(h, want[1]!, true, false)]);
  await compare(checks, `${label}: hᵀ · dLogits`, product!, wantProduct!);
  tf.dispose([logits, labels, loss!, dLogits!, h, product!, wantProduct!, ...want]);
}

/** Dense backward against tfjs's gradients of its fused matmul. */
async function checkDenseBackward(checks: KernelCheck[], rows: number, inUnits: number, outUnits: number, activation: 'relu' | 'linear', seed: number): Promise<void> {
  const [x, kernel, bias, dy] = [tensor([rows, inUnits], seed), tensor([inUnits, outUnits], seed + 1), tensor([outUnits], seed + 2), tensor([rows, outUnits], seed + 3)];
  const y = tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation });
  const want = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
    tf.sum(tf.mul(tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, bias: c, activation }), dy)),
  )([x, kernel, bias]);
  const all = run(DENSE_BACKWARD, { x, kernel, dy, y }, { activation, hasBias: true, inputGrad: true }) as tf.Tensor[];
  const label = `${DENSE_BACKWARD} ${activation} [${rows}, ${inUnits}] → ${outUnits}`;
  await compare(checks, `${label}: dKernel`, all[0]!, want[1]!);
  await compare(checks, `${label}: dBias`, all[1]!, want[2]!);
  await compare(checks, `${label}: dx`, all[2]!, want[0]!);
  const only = run(DENSE_BACKWARD, { x, kernel, dy, y }, { activation, hasBias: false, inputGrad: false }) as tf.Tensor[];
  if (only.length !== 1) throw new Error(`${label}: ${only.length} outputs without bias and input gradient, expected 1`);
  await compare(checks, `${label}: dKernel alone`, only[0]!, want[1]!);
  tf.dispose([x, kernel, bias, dy, y, ...want, ...all, ...only]);
}

/** Calls that must throw, each with the message it gave (or 'no error'). */
function badCalls(): string[] {
  const a = tf.zeros([2, 3]);
  const b = tf.zeros([3, 2]);
  const calls: (() => unknown)[] = [
    () => run(ADAM_UPDATE, { grad: a, m: b, v: a }, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 1, scale: 1 }),
    () => run(ADAM_UPDATE, { grad: a, m: a, v: a }, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 0, scale: 1 }),
    () => run(SOFTMAX_CROSS_ENTROPY, { logits: a, labels: b }, {}),
    () => run(DENSE_BACKWARD, { x: a, kernel: a, dy: a }, { activation: 'linear', hasBias: false, inputGrad: false }),
  ];
  const messages = calls.map((call) => {
    try {
      tf.dispose(call() as tf.Tensor[]);
      return 'no error';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  tf.dispose([a, b]);
  return messages;
}

/**
 * Runs every fused kernel the app registers for the active backend on awkward shapes (odd rows and
 * columns, so packed textures have padding) and compares with tfjs's composite ops. For the
 * end-to-end test (`webgl-kernels.e2e.test.ts`), which runs it in Chromium on webgl.
 */
export async function runKernelChecks(): Promise<KernelCheckReport> {
  const backend = tf.engine().backend as unknown as { numDataIds(): number };
  const [tensorsBefore, idsBefore] = [tf.memory().numTensors, backend.numDataIds()];
  const checks: KernelCheck[] = [];
  for (const [shape, seed] of [[[3, 5], 1], [[7], 2], [[784, 128], 3], [[10], 4]] as [number[], number][]) {
    await checkAdam(checks, shape, seed, false, 0);
    await checkAdam(checks, shape, seed, true, 0);
    await checkAdam(checks, shape, seed, true, 0.01);
    await checkSgd(checks, shape, seed);
  }
  await checkSoftmaxCrossEntropy(checks, 5, 3, 11, false);
  await checkSoftmaxCrossEntropy(checks, 64, 10, 12, false);
  await checkSoftmaxCrossEntropy(checks, 7, 10, 13, true);
  await checkDenseBackward(checks, 5, 7, 3, 'relu', 21);
  await checkDenseBackward(checks, 5, 7, 3, 'linear', 22);
  await checkDenseBackward(checks, 64, 784, 128, 'relu', 23);
  const errors = badCalls();
  return {
    backend: tf.getBackend(),
    checks,
    leakedTensors: tf.memory().numTensors - tensorsBefore,
    leakedDataIds: backend.numDataIds() - idsBefore,
    errors,
  };
}
