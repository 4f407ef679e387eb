import * as tf from '@tensorflow/tfjs-core';

// `LabAdamUpdate` (as @lab/backend-native defines it) for tfjs's wasm backend, in TypeScript: the
// same ops as the composite path (scaleByAdam, addDecayedWeights, scaleByLearningRate,
// applyUpdates), in the same order, so the numbers are identical, but called as the wasm
// backend's kernel functions directly, with the intermediates freed as soon as they are used.
// That skips tfjs's engine bookkeeping (scopes, tracking, tidy) for twelve-odd kernels per
// variable, about a third of an Adam step for the lesson's model.

/** The parts of tfjs-backend-wasm's backend this kernel uses (public methods of `BackendWasm`). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
  disposeData(dataId: tf.DataId): boolean;
}

type Binary = (a: tf.TensorInfo, b: tf.TensorInfo) => tf.TensorInfo;
type Unary = (x: tf.TensorInfo) => tf.TensorInfo;

function wasmKernels(backend: WasmBackend) {
  const kernel = (name: string) => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`LabAdamUpdate: the wasm backend has no ${name} kernel`);
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

type Args = { inputs: Record<string, tf.TensorInfo | undefined>; backend: unknown; attrs: Record<string, unknown> };

function adamUpdate({ inputs, backend: b, attrs }: Args): tf.TensorInfo[] {
  const name = 'LabAdamUpdate';
  const backend = b as WasmBackend;
  const { grad, m, v, param } = inputs;
  for (const [key, t] of Object.entries({ grad, m, v })) {
    if (t === undefined || t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be a float32 tensor`);
  }
  const size = tf.util.sizeFromShape(grad!.shape);
  for (const [key, t] of Object.entries({ m, v, param })) {
    if (t !== undefined && tf.util.sizeFromShape(t.shape) !== size) {
      throw new Error(`${name}: input '${key}' has shape [${t.shape.join(', ')}], expected ${size} elements like 'grad'`);
    }
  }
  const { beta1, beta2, epsilon, count, scale } = attrs as Record<string, number>;
  const weightDecay = (attrs.weightDecay as number | undefined) ?? 0;
  if (weightDecay !== 0 && !param) throw new Error(`${name}: weightDecay needs the 'param' input`);
  if (!(count! >= 1)) throw new Error(`${name}: count must be >= 1, got ${count}`);
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
    const root = Math.sqrt(1 - beta2! ** count!);
    const [decay1, keep1, decay2, keep2] = [beta1!, 1 - beta1!, beta2!, 1 - beta2!].map(scalar);
    const [stepScale, epsHat] = [root / (1 - beta1! ** count!), epsilon! * root].map(scalar);
    // scaleByAdam: m' = m·β1 + g·(1 − β1); v' = v·β2 + g²·(1 − β2); u = m'·c / (sqrt(v') + ε̂).
    const mNext = add(keep(mul(m!, decay1!)), keep(mul(grad!, keep1!)));
    const vNext = add(keep(mul(v!, decay2!)), keep(mul(keep(square(grad!)), keep2!)));
    let u = keep(div(keep(mul(mNext, stepScale!)), keep(add(keep(sqrt(vNext)), epsHat!))));
    // addDecayedWeights, then scaleByLearningRate, then applyUpdates.
    if (weightDecay !== 0) u = keep(add(u, keep(mul(param!, scalar(weightDecay)))));
    u = keep(mul(u, scalar(scale!)));
    const out = param ? add(param, u) : (made.pop() as tf.TensorInfo);
    return [out, mNext, vNext];
  } finally {
    for (const t of made) backend.disposeData(t.dataId);
  }
}

let registered = false;

/**
 * Registers `LabAdamUpdate` for the wasm backend, so that Adam and AdamW take their fused step
 * there (`applyGradients`). Idempotent; a no-op where the wasm backend is not registered (its
 * kernels are looked up by name, nothing is imported). `@lab/models` calls it before training.
 */
export function useWasmAdamKernel(): void {
  if (registered || tf.getKernel('Add', 'wasm') === undefined) return;
  registered = true;
  if (tf.getKernel('LabAdamUpdate', 'wasm') === undefined) {
    tf.registerKernel({ kernelName: 'LabAdamUpdate', backendName: 'wasm', kernelFunc: adamUpdate as unknown as tf.KernelFunc });
  }
}
