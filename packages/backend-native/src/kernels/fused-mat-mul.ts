import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { Activation, type ActivationCode } from '../native-enums.js';
import { kernelArgs } from './float32-inputs.js';
import { matMulShape } from './matmul-shape.js';

interface FusedMatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
  activation?: string;
}

/** Activations the addon applies in the matmul's epilogue, by its enum value. */
const activations = new Map<unknown, ActivationCode>([
  ['linear', Activation.linear],
  ['relu', Activation.relu],
]);

/**
 * `_FusedMatMul` (`tf.fused.matMul`: matmul + bias + activation) in one native call for linear
 * and relu with a bias of one value per output column (or a single value). Other activations,
 * PReLU weights and other bias shapes go to the cpu kernel. tfjs-core defines the gradient, whose
 * matmuls run on the native `BatchMatMul`.
 */
export function fusedMatMulKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf._FusedMatMul,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<FusedMatMulAttrs>(args);
      const { a, b, bias, preluActivationWeights } = inputs;
      const activation = activations.get(attrs.activation ?? 'linear');
      const shape = a && b ? matMulShape(a, b, attrs.transposeA, attrs.transposeB) : undefined;
      if (!a || !b || !shape || activation === undefined || preluActivationWeights) return fallback(args);
      if (bias) {
        const size = tf.util.sizeFromShape(bias.shape);
        const perColumn = size === shape.n && bias.shape[bias.shape.length - 1] === shape.n;
        if (bias.dtype !== 'float32' || bias.shape.length > shape.outShape.length || (size !== 1 && !perColumn)) return fallback(args);
      }
      const out = backend.allocate(shape.batch * shape.m * shape.n);
      if (out.length > 0) {
        const { batch, m, n, k, batchA, batchB } = shape;
        const biasValues = bias ? backend.float32(bias, 'bias') : null;
        const sizes = { batch, m, n, k, transposeA: Boolean(attrs.transposeA), transposeB: Boolean(attrs.transposeB), batchA, batchB, activation };
        addon.matmul(backend.float32(a, 'a'), backend.float32(b, 'b'), out, biasValues, sizes);
      }
      return backend.makeTensorInfo(shape.outShape, 'float32', out);
    },
  };
}
