import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { Activation } from '../native-enums.js';
import { kernelArgs } from './float32-inputs.js';
import { matMulShape } from './matmul-shape.js';

interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/**
 * `BatchMatMul` on the addon's packed GEMM, for every transpose combination (the transposes are
 * strides, never copies). Non-float32 inputs and batch broadcasts the cpu backend does not
 * support either go to the cpu kernel.
 */
export function batchMatMulKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.BatchMatMul,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<MatMulAttrs>(args);
      const { a, b } = inputs;
      const shape = a && b ? matMulShape(a, b, attrs.transposeA, attrs.transposeB) : undefined;
      if (!a || !b || !shape) return fallback(args);
      const out = backend.allocate(shape.batch * shape.m * shape.n);
      if (out.length > 0) {
        const { batch, m, n, k, batchA, batchB } = shape;
        const sizes = { batch, m, n, k, transposeA: Boolean(attrs.transposeA), transposeB: Boolean(attrs.transposeB), batchA, batchB, activation: Activation.linear };
        addon.matmul(backend.float32(a, 'a'), backend.float32(b, 'b'), out, null, sizes);
      }
      return backend.makeTensorInfo(shape.outShape, 'float32', out);
    },
  };
}
