import * as tf from '@tensorflow/tfjs-core';
import type { ConvArgs, NativeAddon } from '../addon.js';
import { Activation } from '../native-enums.js';
import { kernelArgs } from './float32-inputs.js';

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

/**
 * The addon's sizes for a convolution of `xShape` by `filterShape` (tfjs's own `computeConv2DInfo`,
 * so every padding — 'valid', 'same', a number, explicit — and rounding mode means what it means
 * on cpu), or undefined for what the native kernels leave to the cpu ones: NCHW, and shapes that
 * are not 4-D.
 */
function convArgs(xShape: readonly number[], filterShape: readonly number[], attrs: Partial<ConvAttrs>): ConvArgs | undefined {
  if ((attrs.dataFormat ?? 'NHWC') !== 'NHWC' || xShape.length !== 4 || filterShape.length !== 4) return undefined;
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides ?? 1,
    attrs.dilations ?? 1,
    attrs.pad ?? 'valid',
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  if (info.inChannels !== filterShape[2]) return undefined; // tfjs-cpu's own error, from the fallback
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

const float32 = (t: tf.TensorInfo | undefined): t is tf.TensorInfo => t?.dtype === 'float32';
const outShape = (a: ConvArgs) => [a.batch, a.outHeight, a.outWidth, a.outChannels];

/**
 * `Conv2D` (NHWC; any strides, dilations, padding and rounding mode) on the addon: im2col block
 * by block of output rows into the packed, threaded GEMM. NCHW and non-float32 inputs go to the
 * cpu kernel.
 */
export function conv2dKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2D,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<ConvAttrs>(args);
      const { x, filter } = inputs;
      const sizes = float32(x) && float32(filter) ? convArgs(x.shape, filter.shape, attrs) : undefined;
      if (!x || !filter || !sizes) return fallback(args);
      const out = backend.allocate(tf.util.sizeFromShape(outShape(sizes)));
      addon.conv2d(backend.float32(x, 'x'), backend.float32(filter, 'filter'), null, out, { ...sizes, activation: Activation.linear });
      return backend.makeTensorInfo(outShape(sizes), 'float32', out);
    },
  };
}

/** Whether `bias` adds one value per output channel (shape `[c]`, `[1, …, c]`) or one in all. */
function channelBias(bias: tf.TensorInfo, channels: number): boolean {
  const size = tf.util.sizeFromShape(bias.shape);
  if (size === 1) return true;
  return size === channels && bias.shape.length <= 4 && bias.shape[bias.shape.length - 1] === channels;
}

/**
 * `FusedConv2D` with a per-channel (or scalar) bias or none, and a linear or relu activation,
 * applied to each block of rows while it is in cache; other activations, PReLU weights, other
 * bias shapes and what {@link conv2dKernel} leaves out go to the cpu kernel.
 */
export function fusedConv2dKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.FusedConv2D,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<FusedConvAttrs>(args);
      const { x, filter, bias, preluActivationWeights } = inputs;
      const activation = attrs.activation === 'relu' ? Activation.relu : attrs.activation === 'linear' || attrs.activation == null ? Activation.linear : undefined;
      if (!float32(x) || !float32(filter) || activation === undefined || preluActivationWeights) return fallback(args);
      const sizes = convArgs(x.shape, filter.shape, attrs);
      if (!sizes || (bias && (!float32(bias) || !channelBias(bias, sizes.outChannels)))) return fallback(args);
      const out = backend.allocate(tf.util.sizeFromShape(outShape(sizes)));
      addon.conv2d(backend.float32(x, 'x'), backend.float32(filter, 'filter'), bias ? backend.float32(bias, 'bias') : null, out, { ...sizes, activation });
      return backend.makeTensorInfo(outShape(sizes), 'float32', out);
    },
  };
}

/**
 * `Conv2DBackpropFilter`: `dFilter = Σ_blocks im2col(x)ᵀ · dy` on the addon (the transpose is a
 * stride; each thread sums its blocks, the sums are added at the end).
 */
export function conv2dBackpropFilterKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropFilter,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<BackpropFilterAttrs>(args);
      const { x, dy } = inputs;
      const sizes = float32(x) && float32(dy) ? convArgs(x.shape, attrs.filterShape, { ...attrs, dilations: 1 }) : undefined;
      if (!x || !dy || !sizes || !tf.util.arraysEqual(dy.shape, outShape(sizes))) return fallback(args);
      const out = backend.allocate(tf.util.sizeFromShape(attrs.filterShape));
      addon.conv2dBackpropFilter(backend.float32(x, 'x'), backend.float32(dy, 'dy'), out, sizes);
      return backend.makeTensorInfo([...attrs.filterShape], 'float32', out);
    },
  };
}

/** `Conv2DBackpropInput`: `dx = col2im(dy · filterᵀ)` on the addon, block by block, image by image across threads. */
export function conv2dBackpropInputKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<BackpropInputAttrs>(args);
      const { dy, filter } = inputs;
      const sizes = float32(dy) && float32(filter) ? convArgs(attrs.inputShape, filter.shape, { ...attrs, dilations: 1 }) : undefined;
      if (!dy || !filter || !sizes || !tf.util.arraysEqual(dy.shape, outShape(sizes))) return fallback(args);
      const dx = backend.allocate(tf.util.sizeFromShape(attrs.inputShape));
      addon.conv2dBackpropInput(backend.float32(dy, 'dy'), backend.float32(filter, 'filter'), dx, sizes);
      return backend.makeTensorInfo([...attrs.inputShape], 'float32', dx);
    },
  };
}
