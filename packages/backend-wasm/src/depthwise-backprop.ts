import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

// tfjs-core's attributes of DepthwiseConv2dNativeBackpropFilter / -Input (NHWC only).
interface Attrs {
  strides: [number, number] | number;
  dilations: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape?: [number, number, number, number];
  inputShape?: [number, number, number, number];
}

function checkFloat4D(name: string, tensors: Record<string, tf.TensorInfo>): void {
  for (const [key, t] of Object.entries(tensors)) {
    if (t.dtype !== 'float32') throw new Error(`${name}: input '${key}' must be float32, got ${t.dtype}`);
    if (t.shape.length !== 4) throw new Error(`${name}: input '${key}' must be 4-D, got shape [${t.shape.join(', ')}]`);
  }
}

function depthwiseInfo(name: string, xShape: readonly number[], dy: tf.TensorInfo, filterShape: readonly number[], attrs: Attrs) {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  if (!tf.util.arraysEqual(dy.shape, info.outShape)) {
    throw new Error(`${name}: 'dy' has shape [${dy.shape.join(', ')}], expected [${info.outShape.join(', ')}] for input [${xShape.join(', ')}], filter [${filterShape.join(', ')}] and these attributes`);
  }
  return info;
}

/**
 * Calls `visit(xAt, dyAt, k)` for every pair of input pixel and output position a depthwise
 * convolution connects: `xAt` is the input pixel's offset (channel 0), `dyAt` the output
 * position's (channel 0), `k` the filter tap (row-major over [fh, fw]).
 */
function eachTap(info: tf.backend_util.Conv2DInfo, visit: (xAt: number, dyAt: number, k: number) => void): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { top, left } = info.padInfo;
  let dyAt = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++, dyAt += outChannels) {
        for (let r = 0; r < filterHeight; r++) {
          const iy = oy * strideHeight + r * dilationHeight - top;
          if (iy < 0 || iy >= inHeight) continue;
          for (let c = 0; c < filterWidth; c++) {
            const ix = ox * strideWidth + c * dilationWidth - left;
            if (ix < 0 || ix >= inWidth) continue;
            visit(((b * inHeight + iy) * inWidth + ix) * inChannels, dyAt, r * filterWidth + c);
          }
        }
      }
    }
  }
}

/**
 * `DepthwiseConv2dNativeBackpropFilter` (the filter gradient of `tf.depthwiseConv2d` and of
 * `tf.separableConv2d`'s depthwise step) for tfjs's 'wasm' backend, which 4.22 lacks. A direct
 * loop in TypeScript over the wasm heap, summed in float64: NHWC, any channel multiplier,
 * strides, dilations, 'valid' / 'same' / explicit / numeric padding, float32. The caller owns the
 * returned tensor.
 */
export const wasmDepthwiseConv2dNativeBackpropFilter: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { inputs, attrs } = args as unknown as { inputs: { x: tf.TensorInfo; dy: tf.TensorInfo }; attrs: Attrs };
    const backend = args.backend as unknown as WasmBackend;
    const { x, dy } = inputs;
    const name = 'DepthwiseConv2dNativeBackpropFilter (wasm)';
    checkFloat4D(name, { x, dy });
    const filterShape = attrs.filterShape ?? [];
    const info = depthwiseInfo(name, x.shape, dy, filterShape, attrs);
    const outChannels = info.outChannels;
    const multiplier = outChannels / info.inChannels;
    const sums = new Float64Array(tf.util.sizeFromShape(filterShape));
    const out = backend.makeOutput([...filterShape], 'float32');
    const xv = backend.typedArrayFromHeap(x) as Float32Array;
    const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
    // The filter [fh, fw, cin, multiplier] is [taps, cout], cout = cin·multiplier + m.
    eachTap(info, (xAt, dyAt, k) => {
      const at = k * outChannels;
      for (let o = 0; o < outChannels; o++) sums[at + o]! += xv[xAt + Math.floor(o / multiplier)]! * dyv[dyAt + o]!;
    });
    (backend.typedArrayFromHeap(out) as Float32Array).set(sums);
    return out;
  },
};

/**
 * `DepthwiseConv2dNativeBackpropInput` (the input gradient of `tf.depthwiseConv2d` and of
 * `tf.separableConv2d`'s depthwise step) for tfjs's 'wasm' backend, which 4.22 lacks. A direct
 * loop in TypeScript over the wasm heap, summed in float64: NHWC, any channel multiplier,
 * strides, dilations, 'valid' / 'same' / explicit / numeric padding, float32. The caller owns the
 * returned tensor.
 */
export const wasmDepthwiseConv2dNativeBackpropInput: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: (args) => {
    const { inputs, attrs } = args as unknown as { inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo }; attrs: Attrs };
    const backend = args.backend as unknown as WasmBackend;
    const { dy, filter } = inputs;
    const name = 'DepthwiseConv2dNativeBackpropInput (wasm)';
    checkFloat4D(name, { dy, filter });
    const inputShape = attrs.inputShape ?? [];
    const info = depthwiseInfo(name, inputShape, dy, filter.shape, attrs);
    const outChannels = info.outChannels;
    const multiplier = outChannels / info.inChannels;
    const sums = new Float64Array(tf.util.sizeFromShape(inputShape));
    const dx = backend.makeOutput([...inputShape], 'float32');
    const wv = backend.typedArrayFromHeap(filter) as Float32Array;
    const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
    eachTap(info, (xAt, dyAt, k) => {
      const at = k * outChannels;
      for (let o = 0; o < outChannels; o++) sums[xAt + Math.floor(o / multiplier)]! += wv[at + o]! * dyv[dyAt + o]!;
    });
    (backend.typedArrayFromHeap(dx) as Float32Array).set(sums);
    return dx;
  },
};
