import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

interface Attrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * `MaxPoolGrad` (the gradient of `tf.maxPool`) for tfjs's 'wasm' backend, replacing the stock
 * kernel: tfjs-backend-wasm 4.22's starts each window's running maximum at 0, so a window whose
 * values are all negative sends its gradient to the wrong pixel or drops it (any max pooling not
 * right after a relu). This one is tfjs-cpu's rule in TypeScript over the wasm heap: each window's
 * gradient goes to its first largest value (NaN never wins; a window of NaN or −∞ only passes
 * nothing), and a pixel shared by overlapping windows sums theirs in float64, in tfjs-cpu's order,
 * so the result is tfjs-cpu's bit for bit. NHWC, float32. The caller owns the returned tensor.
 */
export const wasmMaxPoolGrad: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { inputs, attrs } = args as unknown as { inputs: { dy: tf.TensorInfo; input: tf.TensorInfo }; attrs: Attrs };
    const backend = args.backend as unknown as WasmBackend;
    const { dy, input } = inputs;
    const name = 'MaxPoolGrad (wasm)';
    for (const [key, t] of Object.entries({ dy, input })) {
      if (t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be float32, got ${t.dtype}`);
      if (t.shape.length !== 4) throw new Error(`${name}: input '${key}' must be 4-D, got shape [${t.shape.join(', ')}]`);
    }
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    if (!tf.util.arraysEqual(dy.shape, info.outShape)) {
      throw new Error(`${name}: 'dy' has shape [${dy.shape.join(', ')}], expected [${info.outShape.join(', ')}] for input [${input.shape.join(', ')}] and these attributes`);
    }
    const { batchSize, inHeight, inWidth, inChannels: depth, outHeight, outWidth, strideHeight, strideWidth } = info;
    const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
    const { top, left } = info.padInfo;
    const dx = backend.makeOutput([...input.shape], 'float32');
    const xv = backend.typedArrayFromHeap(input) as Float32Array;
    const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
    const dxv = backend.typedArrayFromHeap(dx) as Float32Array;
    const sums = new Float64Array(dxv.length);
    // Per output position, every channel's running maximum, scanned over contiguous channels.
    const best = new Float64Array(depth);
    const where = new Int32Array(depth);
    const rowStride = inWidth * depth;
    let g = 0;
    for (let b = 0; b < batchSize; b++) {
      const image = b * inHeight * rowStride;
      for (let oy = 0; oy < outHeight; oy++) {
        const y0 = oy * strideHeight - top;
        const yMin = Math.max(0, y0);
        const yMax = Math.min(inHeight, y0 + fh);
        for (let ox = 0; ox < outWidth; ox++, g += depth) {
          const x0 = ox * strideWidth - left;
          const xMin = Math.max(0, x0);
          const xMax = Math.min(inWidth, x0 + fw);
          best.fill(Number.NEGATIVE_INFINITY);
          where.fill(-1);
          for (let y = yMin; y < yMax; y++) {
            for (let x = xMin; x < xMax; x++) {
              const i = image + y * rowStride + x * depth;
              for (let d = 0; d < depth; d++) {
                const v = xv[i + d]!;
                if (v > best[d]!) {
                  best[d] = v;
                  where[d] = i + d;
                }
              }
            }
          }
          for (let d = 0; d < depth; d++) if (where[d]! >= 0) sums[where[d]!]! += dyv[g + d]!;
        }
      }
    }
    dxv.set(sums);
    return dx;
  },
};
