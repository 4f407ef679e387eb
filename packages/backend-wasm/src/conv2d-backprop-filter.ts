import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

// tfjs-core's attributes of `Conv2DBackpropFilter`, plus `dilations`, which tfjs's own op never
// passes (its gradient refuses dilated convolutions) but which this kernel honours when given.
interface Attrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  dilations?: [number, number] | number;
}

type MatMul = (args: { inputs: { a: tf.TensorInfo; b: tf.TensorInfo }; backend: unknown; attrs: { transposeA: boolean; transposeB: boolean } }) => tf.TensorInfo;

/**
 * Most float32 elements of one im2col block (16 MiB); larger batches are done in blocks of whole
 * images whose products are summed.
 */
const maxColumnElements = 1 << 22;

/** Strides of a 4-D tensor as [batch, row, column, channel], whatever its layout. */
function layoutStrides(shape: readonly number[], channelsLast: boolean): [number, number, number, number] {
  const [, d1, d2, d3] = shape as [number, number, number, number];
  return channelsLast ? [d1 * d2 * d3, d2 * d3, d3, 1] : [d1 * d2 * d3, d3, 1, d2 * d3];
}

/**
 * `Conv2DBackpropFilter` (the filter gradient of `tf.conv2d` and `tf.fused.conv2d`) for tfjs's
 * 'wasm' backend, which 4.22 lacks, so that convnets train there. im2col in TypeScript over the
 * wasm heap: for a block of whole images, `cols` [positions, fh·fw·cin] holds each output
 * position's receptive field (zeros where it falls in the padding) and `dyT` [cout, positions] the
 * transposed output gradient; the wasm backend's own `BatchMatMul` (XNNPACK) multiplies them and
 * the [cout, fh·fw·cin] product is added, transposed, into the [fh, fw, cin, cout] result. NHWC and
 * NCHW, any strides, dilations, 'valid' / 'same' / explicit / numeric padding, float32 only. The
 * caller owns the returned tensor.
 */
export const wasmConv2DBackpropFilter: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { inputs, attrs } = args as unknown as { inputs: { x: tf.TensorInfo; dy: tf.TensorInfo }; attrs: Attrs };
    const backend = args.backend as unknown as WasmBackend;
    const { x, dy } = inputs;
    const name = 'Conv2DBackpropFilter (wasm)';
    for (const [key, t] of Object.entries({ x, dy })) {
      if (t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be float32, got ${t.dtype}`);
      if (t.shape.length !== 4) throw new Error(`${name}: input '${key}' must be 4-D, got shape [${t.shape.join(', ')}]`);
    }
    const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC');
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterShape,
      attrs.strides,
      attrs.dilations ?? 1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      dataFormat,
    );
    if (!tf.util.arraysEqual(dy.shape, info.outShape)) {
      throw new Error(`${name}: 'dy' has shape [${dy.shape.join(', ')}], expected [${info.outShape.join(', ')}] for x [${x.shape.join(', ')}] and these attributes`);
    }
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
    const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
    const { top, left } = info.padInfo;
    const channelsLast = info.dataFormat === 'channelsLast';
    const [xsB, xsR, xsC, xsD] = layoutStrides(x.shape, channelsLast);
    const [dsB, dsR, dsC, dsD] = layoutStrides(dy.shape, channelsLast);
    const depth = filterHeight * filterWidth * inChannels;
    const perImage = outHeight * outWidth;
    const out = backend.makeOutput([...attrs.filterShape], 'float32');
    if (batchSize * perImage === 0) {
      backend.typedArrayFromHeap(out).fill(0);
      return out;
    }
    const matMul = tf.getKernel(tf.BatchMatMul, 'wasm')?.kernelFunc as MatMul | undefined;
    if (!matMul) throw new Error(`${name}: the wasm backend has no BatchMatMul kernel`);
    const imagesPerBlock = Math.max(1, Math.min(batchSize, Math.floor(maxColumnElements / Math.max(1, perImage * depth))));
    const dyIsRows = channelsLast;
    for (let b0 = 0; b0 < batchSize; b0 += imagesPerBlock) {
      const images = Math.min(imagesPerBlock, batchSize - b0);
      const positions = images * perImage;
      const colsT = backend.makeOutput([1, depth, positions], 'float32');
      // dy as [positions, cout]: NHWC dy already is (the block's rows, copied only when blocked).
      const whole = dyIsRows && images === batchSize;
      const rows = whole ? { dataId: dy.dataId, shape: [1, positions, outChannels], dtype: 'float32' as const } : backend.makeOutput([1, positions, outChannels], 'float32');
      let product: tf.TensorInfo | undefined;
      try {
        // Views taken after the allocations, which may grow (and so move) the heap.
        const xv = backend.typedArrayFromHeap(x) as Float32Array;
        const cv = backend.typedArrayFromHeap(colsT) as Float32Array;
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
        // colsT[k, p]: tap k = (r, c, channel) of output position p, 0 in the padding.
        for (let r = 0, k = 0; r < filterHeight; r++) {
          for (let c = 0; c < filterWidth; c++) {
            for (let d = 0; d < inChannels; d++, k++) {
              let at = k * positions;
              for (let b = b0; b < b0 + images; b++) {
                const image = b * xsB + d * xsD;
                for (let oy = 0; oy < outHeight; oy++) {
                  const iy = oy * strideHeight + r * dilationHeight - top;
                  if (iy < 0 || iy >= inHeight) {
                    cv.fill(0, at, at + outWidth);
                    at += outWidth;
                    continue;
                  }
                  const row = image + iy * xsR;
                  for (let ox = 0; ox < outWidth; ox++, at++) {
                    const ix = ox * strideWidth + c * dilationWidth - left;
                    cv[at] = ix < 0 || ix >= inWidth ? 0 : xv[row + ix * xsC]!;
                  }
                }
              }
            }
          }
        }
        product = matMul({ inputs: { a: colsT, b: rows }, backend, attrs: { transposeA: false, transposeB: false } });
        const pv = backend.typedArrayFromHeap(product) as Float32Array;
        const ov = backend.typedArrayFromHeap(out) as Float32Array;
        // product is [fh·fw·cin, cout], the filter's layout.
        if (b0 === 0) ov.set(pv);
        else for (let i = 0; i < pv.length; i++) ov[i]! += pv[i]!;
      } finally {
        backend.disposeData(colsT.dataId);
        if (!whole) backend.disposeData(rows.dataId);
        if (product) backend.disposeData(product.dataId);
      }
    }
    return out;
  },
};
