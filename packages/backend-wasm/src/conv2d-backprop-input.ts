import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

// tfjs-core's attributes of `Conv2DBackpropInput`, plus `dilations`, which tfjs's own op never
// passes (its gradient refuses dilated convolutions) but which this kernel honours when given.
interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
  dilations?: [number, number] | number;
}

type MatMul = (args: { inputs: { a: tf.TensorInfo; b: tf.TensorInfo }; backend: unknown; attrs: { transposeA: boolean; transposeB: boolean } }) => tf.TensorInfo;

/** Most float32 elements of one column block (16 MiB); larger batches go in blocks of whole images. */
const maxColumnElements = 1 << 22;

/** Strides of a 4-D tensor as [batch, row, column, channel], whatever its layout. */
function layoutStrides(shape: readonly number[], channelsLast: boolean): [number, number, number, number] {
  const [, d1, d2, d3] = shape as [number, number, number, number];
  return channelsLast ? [d1 * d2 * d3, d2 * d3, d3, 1] : [d1 * d2 * d3, d3, 1, d2 * d3];
}

/**
 * `Conv2DBackpropInput` (the input gradient of `tf.conv2d` and `tf.fused.conv2d`, and
 * `tf.conv2dTranspose`) for tfjs's 'wasm' backend, replacing the stock kernel, a direct scalar
 * loop (≈ 2 GFLOP/s, more than half of a convnet's training step). For a block of whole images,
 * the wasm backend's own `BatchMatMul` (XNNPACK) computes the column gradient
 * `dcols [positions, fh·fw·cin] = dy [positions, cout] · filterᵀ [cout, fh·fw·cin]`, which
 * col2im (TypeScript over the wasm heap) adds into the input gradient. NHWC and NCHW, any
 * strides, dilations, 'valid' / 'same' / explicit / numeric padding, float32 only. The caller owns
 * the returned tensor.
 */
export const wasmConv2DBackpropInput: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { inputs, attrs } = args as unknown as { inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo }; attrs: Attrs };
    const backend = args.backend as unknown as WasmBackend;
    const { dy, filter } = inputs;
    const name = 'Conv2DBackpropInput (wasm)';
    for (const [key, t] of Object.entries({ dy, filter })) {
      if (t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be float32, got ${t.dtype}`);
      if (t.shape.length !== 4) throw new Error(`${name}: input '${key}' must be 4-D, got shape [${t.shape.join(', ')}]`);
    }
    const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC');
    const info = tf.backend_util.computeConv2DInfo(
      attrs.inputShape,
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.dilations ?? 1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      dataFormat,
    );
    if (!tf.util.arraysEqual(dy.shape, info.outShape)) {
      throw new Error(`${name}: 'dy' has shape [${dy.shape.join(', ')}], expected [${info.outShape.join(', ')}] for input shape [${attrs.inputShape.join(', ')}], filter [${filter.shape.join(', ')}] and these attributes`);
    }
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
    const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
    const { top, left } = info.padInfo;
    const channelsLast = info.dataFormat === 'channelsLast';
    const [xsB, xsR, xsC, xsD] = layoutStrides(info.inShape, channelsLast);
    const [dsB, dsR, dsC, dsD] = layoutStrides(dy.shape, channelsLast);
    const depth = filterHeight * filterWidth * inChannels;
    const perImage = outHeight * outWidth;
    const dx = backend.makeOutput([...info.inShape], 'float32');
    backend.typedArrayFromHeap(dx).fill(0);
    if (batchSize * perImage * depth * outChannels === 0) return dx;
    const matMul = tf.getKernel(tf.BatchMatMul, 'wasm')?.kernelFunc as MatMul | undefined;
    if (!matMul) throw new Error(`${name}: the wasm backend has no BatchMatMul kernel`);
    const filterT = backend.makeOutput([1, outChannels, depth], 'float32');
    try {
      const fv = backend.typedArrayFromHeap(filter) as Float32Array;
      const tv = backend.typedArrayFromHeap(filterT) as Float32Array;
      for (let k = 0; k < depth; k++) for (let o = 0; o < outChannels; o++) tv[o * depth + k] = fv[k * outChannels + o]!;
      const imagesPerBlock = Math.max(1, Math.min(batchSize, Math.floor(maxColumnElements / Math.max(1, perImage * depth))));
      for (let b0 = 0; b0 < batchSize; b0 += imagesPerBlock) {
        const images = Math.min(imagesPerBlock, batchSize - b0);
        const positions = images * perImage;
        // dy as [positions, cout]: NHWC dy already is (the block's rows, copied only when blocked).
        const whole = channelsLast && images === batchSize;
        const rows = whole ? { dataId: dy.dataId, shape: [1, positions, outChannels], dtype: 'float32' as const } : backend.makeOutput([1, positions, outChannels], 'float32');
        let cols: tf.TensorInfo | undefined;
        try {
          if (!whole) {
            const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
            const rv = backend.typedArrayFromHeap(rows) as Float32Array;
            let p = 0;
            for (let b = b0; b < b0 + images; b++) {
              for (let oy = 0; oy < outHeight; oy++) {
                for (let ox = 0; ox < outWidth; ox++, p++) {
                  const at = b * dsB + oy * dsR + ox * dsC;
                  for (let o = 0; o < outChannels; o++) rv[p * outChannels + o] = dyv[at + o * dsD]!;
                }
              }
            }
          }
          cols = matMul({ inputs: { a: rows, b: filterT }, backend, attrs: { transposeA: false, transposeB: false } });
          // Views taken after the allocations, which may grow (and so move) the heap.
          const cv = backend.typedArrayFromHeap(cols) as Float32Array;
          const xv = backend.typedArrayFromHeap(dx) as Float32Array;
          let at = 0;
          for (let b = b0; b < b0 + images; b++) {
            for (let oy = 0; oy < outHeight; oy++) {
              for (let ox = 0; ox < outWidth; ox++) {
                for (let r = 0; r < filterHeight; r++) {
                  const iy = oy * strideHeight + r * dilationHeight - top;
                  if (iy < 0 || iy >= inHeight) {
                    at += filterWidth * inChannels;
                    continue;
                  }
                  for (let c = 0; c < filterWidth; c++, at += inChannels) {
                    const ix = ox * strideWidth + c * dilationWidth - left;
                    if (ix < 0 || ix >= inWidth) continue;
                    const to = b * xsB + iy * xsR + ix * xsC;
                    for (let d = 0; d < inChannels; d++) xv[to + d * xsD]! += cv[at + d]!;
                  }
                }
              }
            }
          }
        } finally {
          if (!whole) backend.disposeData(rows.dataId);
          if (cols) backend.disposeData(cols.dataId);
        }
      }
    } catch (error) {
      backend.disposeData(dx.dataId);
      throw error;
    } finally {
      backend.disposeData(filterT.dataId);
    }
    return dx;
  },
};
