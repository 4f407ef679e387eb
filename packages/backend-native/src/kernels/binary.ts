import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { BinaryOp, type BinaryOpCode } from '../native-enums.js';
import { kernelArgs } from './float32-inputs.js';

/** The binary kernels done natively, with the addon's op codes (addon/src/enums.h). */
const ops: [string, BinaryOpCode][] = [
  [tf.Add, BinaryOp.add],
  [tf.Sub, BinaryOp.sub],
  [tf.Multiply, BinaryOp.mul],
  [tf.RealDiv, BinaryOp.div],
  [tf.Maximum, BinaryOp.max],
  [tf.Minimum, BinaryOp.min],
  [tf.SquaredDifference, BinaryOp.squaredDifference],
];

/**
 * Whether `shape` broadcasts to `out` by repeating over leading axes only (a scalar, a bias row,
 * equal shapes): then element i of the result reads element `i % size` of the input.
 */
function repeatsOverLeadingAxes(shape: number[], out: number[]): boolean {
  let first = 0;
  while (first < shape.length && shape[first] === 1) first++;
  const rest = shape.slice(first);
  const tail = out.slice(out.length - rest.length);
  return rest.length <= out.length && rest.every((d, i) => d === tail[i]);
}

/**
 * Add, Sub, Multiply, RealDiv, Maximum, Minimum and SquaredDifference on float32 tensors whose
 * broadcast only repeats over leading axes, natively. The cpu backend computes any broadcast (a
 * scalar times a tensor, as every optimizer does) with index arithmetic per element, which made
 * such kernels most of a training step. Other cases go to the cpu kernels.
 */
export function binaryKernels(addon: NativeAddon): tf.KernelConfig[] {
  return ops.map(([kernelName, op]) => {
    const fallback = tf.getKernel(kernelName, 'cpu')!.kernelFunc;
    return {
      kernelName,
      backendName: 'native',
      kernelFunc: (args) => {
        const { inputs, backend } = kernelArgs<Record<string, never>>(args);
        const { a, b } = inputs;
        if (!a || !b || a.dtype !== 'float32' || b.dtype !== 'float32') return fallback(args);
        const shape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
        if (!repeatsOverLeadingAxes(a.shape, shape) || !repeatsOverLeadingAxes(b.shape, shape)) return fallback(args);
        const out = backend.allocate(tf.util.sizeFromShape(shape));
        addon.binary(backend.float32(a, 'a'), backend.float32(b, 'b'), out, { op });
        return backend.makeTensorInfo(shape, 'float32', out);
      },
    };
  });
}
