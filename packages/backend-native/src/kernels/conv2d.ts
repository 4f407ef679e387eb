import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { Activation, type ActivationCode } from '../native-enums.js';
import type { NativeBackend } from '../native-backend.js';
import { kernelArgs } from './float32-inputs.js';
import { col2im, type ConvGeometry, convGeometry, im2col, scratchArray } from './im2col.js';

interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

interface FusedConvAttrs extends ConvAttrs {
  activation: string;
}

interface BackpropInputAttrs extends Omit<ConvAttrs, 'dilations'> {
  inputShape: [number, number, number, number];
}

interface BackpropFilterAttrs extends Omit<ConvAttrs, 'dilations'> {
  filterShape: [number, number, number, number];
}

function geometry(xShape: number[], filterShape: number[], attrs: Partial<ConvAttrs>): ConvGeometry | undefined {
  const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC');
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides ?? 1,
    attrs.dilations ?? 1,
    attrs.pad ?? 'valid',
    attrs.dimRoundingMode,
    false,
    dataFormat,
  );
  return convGeometry(info);
}

const float32 = (t: tf.TensorInfo | undefined): t is tf.TensorInfo => t?.dtype === 'float32';

/**
 * `out = im2col(x) · filter (+ bias, activation)`: the forward convolution as one GEMM on the
 * addon's packed, threaded matmul, the filter `[kh, kw, in, out]` read as a `[kh·kw·in, out]` matrix.
 */
function convForward(addon: NativeAddon, backend: NativeBackend, x: tf.TensorInfo, filter: tf.TensorInfo, g: ConvGeometry, bias: Float32Array | null, activation: ActivationCode): tf.TensorInfo {
  const rows = g.batchSize * g.outHeight * g.outWidth;
  const k = g.filterHeight * g.filterWidth * g.inChannels;
  const out = backend.allocate(rows * g.outChannels);
  if (out.length > 0) {
    const pointwise = k === g.inChannels && g.strideHeight === 1 && g.strideWidth === 1 && g.padInfo.top === 0 && g.padInfo.left === 0;
    const cols = pointwise ? backend.float32(x, 'x') : scratchArray(rows * k);
    if (!pointwise) im2col(backend.float32(x, 'x'), g, cols);
    addon.matmul(cols, backend.float32(filter, 'filter'), out, bias, { batch: 1, m: rows, n: g.outChannels, k, transposeA: false, transposeB: false, batchA: 1, batchB: 1, activation });
  }
  return backend.makeTensorInfo([g.batchSize, g.outHeight, g.outWidth, g.outChannels], 'float32', out);
}

/** `Conv2D` (NHWC, any strides, dilations and padding) as im2col + GEMM; NCHW and non-float32 go to the cpu kernel. */
export function conv2dKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2D,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<ConvAttrs>(args);
      const { x, filter } = inputs;
      if (!float32(x) || !float32(filter) || attrs.dataFormat === 'NCHW') return fallback(args);
      const g = geometry(x.shape, filter.shape, attrs);
      if (!g) return fallback(args);
      return convForward(addon, backend, x, filter, g, null, Activation.linear);
    },
  };
}

/**
 * `FusedConv2D` with a per-filter bias (or none) and a linear or relu activation, the GEMM's own
 * epilogue; other activations, PReLU weights and broadcast biases go to the cpu kernel.
 */
export function fusedConv2dKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.FusedConv2D,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<FusedConvAttrs>(args);
      const { x, filter, bias, preluActivationWeights } = inputs;
      const activation = attrs.activation === 'relu' ? Activation.relu : attrs.activation === 'linear' || attrs.activation == null ? Activation.linear : undefined;
      if (!float32(x) || !float32(filter) || attrs.dataFormat === 'NCHW' || activation === undefined || preluActivationWeights) return fallback(args);
      const g = geometry(x.shape, filter.shape, attrs);
      if (!g || (bias && (!float32(bias) || bias.shape.reduce((a, b) => a * b, 1) !== g.outChannels))) return fallback(args);
      return convForward(addon, backend, x, filter, g, bias ? backend.float32(bias, 'bias') : null, activation);
    },
  };
}

/** `Conv2DBackpropFilter`: `dFilter = im2col(x)ᵀ · dy` as one GEMM (the transpose is a stride, not a copy). */
export function conv2dBackpropFilterKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<BackpropFilterAttrs>(args);
      const { x, dy } = inputs;
      if (!float32(x) || !float32(dy) || attrs.dataFormat === 'NCHW') return fallback(args);
      const g = geometry(x.shape, attrs.filterShape, { ...attrs, dilations: 1 });
      if (!g) return fallback(args);
      const rows = g.batchSize * g.outHeight * g.outWidth;
      const k = g.filterHeight * g.filterWidth * g.inChannels;
      const out = backend.allocate(k * g.outChannels);
      if (out.length > 0) {
        if (rows === 0) out.fill(0);
        else {
          const cols = scratchArray(rows * k);
          im2col(backend.float32(x, 'x'), g, cols);
          addon.matmul(cols, backend.float32(dy, 'dy'), out, null, { batch: 1, m: k, n: g.outChannels, k: rows, transposeA: true, transposeB: false, batchA: 1, batchB: 1, activation: Activation.linear });
        }
      }
      return backend.makeTensorInfo([...attrs.filterShape], 'float32', out);
    },
  };
}

/** `Conv2DBackpropInput`: `dx = col2im(dy · filterᵀ)`, one GEMM and a scatter-add. */
export function conv2dBackpropInputKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<BackpropInputAttrs>(args);
      const { dy, filter } = inputs;
      if (!float32(dy) || !float32(filter) || attrs.dataFormat === 'NCHW') return fallback(args);
      const g = geometry([...attrs.inputShape], filter.shape, { ...attrs, dilations: 1 });
      if (!g) return fallback(args);
      const rows = g.batchSize * g.outHeight * g.outWidth;
      const k = g.filterHeight * g.filterWidth * g.inChannels;
      const dx = backend.allocate(g.batchSize * g.inHeight * g.inWidth * g.inChannels);
      dx.fill(0);
      if (rows > 0 && k > 0 && g.outChannels > 0) {
        const cols = scratchArray(rows * k);
        addon.matmul(backend.float32(dy, 'dy'), backend.float32(filter, 'filter'), cols, null, { batch: 1, m: rows, n: k, k: g.outChannels, transposeA: false, transposeB: true, batchA: 1, batchB: 1, activation: Activation.linear });
        col2im(cols, g, dx);
      }
      return backend.makeTensorInfo([...attrs.inputShape], 'float32', dx);
    },
  };
}
