import { type AdamUpdateAttrs, type AdamUpdateInputs, adamUpdate, checkAdamAttrs, defineKernel } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

// @lab/core's `LabAdamUpdate` for tfjs's wasm backend, in TypeScript: the ops of the contract's
// reference (= the composite path: scaleByAdam, addDecayedWeights, scaleByLearningRate,
// applyUpdates), in the same order, so the numbers are identical, but called as the wasm
// backend's kernel functions directly, with the intermediates freed as soon as they are used.
// That skips tfjs's engine bookkeeping (scopes, tracking, tidy) for twelve-odd kernels per
// variable, about a third of an Adam step for the lesson's model.

type Binary = (a: tf.TensorInfo, b: tf.TensorInfo) => tf.TensorInfo;
type Unary = (x: tf.TensorInfo) => tf.TensorInfo;

function wasmKernels(backend: WasmBackend) {
  const kernel = (name: string) => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`${adamUpdate.name}: the wasm backend has no ${name} kernel`);
    return config.kernelFunc;
  };
  const binary = (name: string): Binary => {
    const f = kernel(name);
    return (a, b) => f({ inputs: { a, b }, backend: backend as unknown as tf.KernelBackend, attrs: {} }) as tf.TensorInfo;
  };
  const unary = (name: string): Unary => {
    const f = kernel(name);
    return (x) => f({ inputs: { x }, backend: backend as unknown as tf.KernelBackend, attrs: {} }) as tf.TensorInfo;
  };
  return { mul: binary('Multiply'), add: binary('Add'), div: binary('RealDiv'), sqrt: unary('Sqrt'), square: unary('Square') };
}

/** `LabAdamUpdate` for the wasm backend; see {@link adamUpdate} for the formula. */
export const wasmAdamUpdate = defineKernel<AdamUpdateInputs, AdamUpdateAttrs, WasmBackend>(adamUpdate, 'wasm', ({ inputs, backend, attrs }) => {
  const name = adamUpdate.name;
  const { grad, m, v, param } = inputs;
  for (const [key, t] of Object.entries({ grad, m, v })) {
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be a float32 tensor`);
  }
  const size = tf.util.sizeFromShape(grad.shape);
  for (const [key, t] of Object.entries({ m, v, param })) {
    if (t !== undefined && tf.util.sizeFromShape(t.shape) !== size) {
      throw new Error(`${name}: input '${key}' has shape [${t.shape.join(', ')}], expected ${size} elements like 'grad'`);
    }
  }
  checkAdamAttrs(attrs, param !== undefined);
  const { beta1, beta2, epsilon, count, scale } = attrs;
  const weightDecay = attrs.weightDecay ?? 0;
  const { mul, add, div, sqrt, square } = wasmKernels(backend);
  const made: tf.TensorInfo[] = [];
  const keep = <T extends tf.TensorInfo>(t: T): T => {
    made.push(t);
    return t;
  };
  const scalar = (value: number) => {
    const t = keep(backend.makeOutput([], 'float32'));
    backend.typedArrayFromHeap(t)[0] = value;
    return t;
  };
  try {
    const root = Math.sqrt(1 - beta2 ** count);
    const [decay1, keep1, decay2, keep2] = [beta1, 1 - beta1, beta2, 1 - beta2].map(scalar);
    const [stepScale, epsHat] = [root / (1 - beta1 ** count), epsilon * root].map(scalar);
    // scaleByAdam: m' = m·β1 + g·(1 − β1); v' = v·β2 + g²·(1 − β2); u = m'·c / (sqrt(v') + ε̂).
    const mNext = add(keep(mul(m, decay1!)), keep(mul(grad, keep1!)));
    const vNext = add(keep(mul(v, decay2!)), keep(mul(keep(square(grad)), keep2!)));
    let u = keep(div(keep(mul(mNext, stepScale!)), keep(add(keep(sqrt(vNext)), epsHat!))));
    // addDecayedWeights, then scaleByLearningRate, then applyUpdates.
    if (weightDecay !== 0) u = keep(add(u, keep(mul(param!, scalar(weightDecay)))));
    u = keep(mul(u, scalar(scale)));
    const out = param ? add(param, u) : (made.pop() as tf.TensorInfo);
    return [out, mNext, vNext];
  } finally {
    for (const t of made) backend.disposeData(t.dataId);
  }
});
