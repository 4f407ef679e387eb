import { AveragePooling2D, BatchNormalization, Conv2D, Dense, Dropout, Flatten, GlobalAveragePooling2D, type Layer, MaxPooling2D, type Padding, Reshape } from '@lab/models';
import { appendActivation } from './activation-nodes.js';
import type { GraphBuilder } from './graph-builder.js';

/**
 * A value flowing through the exported graph: its name, the shape of one sample (lab's,
 * channels last) and its layout. lab's images are `[N, H, W, C]`; ONNX's convolution and pooling
 * take `[N, C, H, W]`, so an image is transposed to channels-first before the first of those and
 * back before anything that reads the channels-last order (Flatten, Reshape, Dense, the output).
 */
export interface FlowingValue {
  name: string;
  shape: number[];
  layout: 'channelsLast' | 'channelsFirst';
}

/** The ONNX operators each lab layer becomes, for the docs and the export's summary. */
export const LAYER_OPERATORS: Readonly<Record<string, string>> = {
  Dense: 'MatMul + Add (+ activation)',
  Conv2D: 'Conv (+ activation)',
  MaxPooling2D: 'MaxPool',
  AveragePooling2D: 'AveragePool (count_include_pad 0)',
  GlobalAveragePooling2D: 'GlobalAveragePool + Flatten',
  BatchNormalization: 'BatchNormalization (inference: moving statistics)',
  Flatten: 'Flatten (channels-last order)',
  Reshape: 'Reshape',
  Dropout: 'nothing (identity at inference)',
};

/** Weights of one layer, read from its variables, in `weightNames` order. */
export type LayerWeights = Record<string, Float32Array>;

/** Appends the nodes of `layer` applied to `x`; returns the value it produces. */
export function appendLayer(g: GraphBuilder, layer: Layer, weights: LayerWeights, x: FlowingValue): FlowingValue {
  const base = layer.name;
  if (layer instanceof Dropout) return x;
  if (layer instanceof Dense) {
    const inUnits = x.shape[x.shape.length - 1]!;
    const input = channelsLast(g, x, base);
    let y = g.op('MatMul', [input.name, g.floats(`${base}/kernel`, need(weights, 'kernel', base), [inUnits, layer.units])], {}, { base: `${base}/matmul` });
    if (layer.useBias) y = g.op('Add', [y, g.floats(`${base}/bias`, need(weights, 'bias', base), [layer.units])], {}, { base: `${base}/bias_add` });
    const shape = [...x.shape.slice(0, -1), layer.units];
    return { name: appendActivation(g, layer.activation, y, -1, base), shape, layout: 'channelsLast' };
  }
  if (layer instanceof Conv2D) {
    const [h, w, c] = image(x, layer);
    const [kh, kw] = layer.kernelSize;
    const input = channelsFirst(g, x, base);
    const kernel = toOIHW(need(weights, 'kernel', base), kh, kw, c, layer.filters);
    const pads = padsFor([h, w], layer.kernelSize, layer.strides, layer.padding, layer.dilationRate);
    const inputs = [input.name, g.floats(`${base}/kernel`, kernel, [layer.filters, c, kh, kw])];
    if (layer.useBias) inputs.push(g.floats(`${base}/bias`, need(weights, 'bias', base), [layer.filters]));
    const y = g.op('Conv', inputs, { kernel_shape: { ints: [kh, kw] }, strides: { ints: layer.strides }, dilations: { ints: layer.dilationRate }, pads: { ints: pads }, group: { int: 1 } }, { base: `${base}/conv` });
    return { name: appendActivation(g, layer.activation, y, 1, base), shape: layer.outputShape(x.shape), layout: 'channelsFirst' };
  }
  if (layer instanceof MaxPooling2D || layer instanceof AveragePooling2D) {
    const [h, w] = image(x, layer);
    const input = channelsFirst(g, x, base);
    const pads = padsFor([h, w], layer.poolSize, layer.strides, layer.padding);
    const attributes = { kernel_shape: { ints: layer.poolSize }, strides: { ints: layer.strides }, pads: { ints: pads } };
    const op = layer instanceof MaxPooling2D ? 'MaxPool' : 'AveragePool';
    const y = g.op(op, [input.name], op === 'AveragePool' ? { ...attributes, count_include_pad: { int: 0 } } : attributes, { base: `${base}/${op.toLowerCase()}` });
    return { name: y, shape: layer.outputShape(x.shape), layout: 'channelsFirst' };
  }
  if (layer instanceof GlobalAveragePooling2D) {
    image(x, layer);
    const input = channelsFirst(g, x, base);
    const pooled = g.op('GlobalAveragePool', [input.name], {}, { base: `${base}/pool` });
    return { name: g.op('Flatten', [pooled], { axis: { int: 1 } }, { base: `${base}/flatten` }), shape: layer.outputShape(x.shape), layout: 'channelsLast' };
  }
  if (layer instanceof BatchNormalization) {
    const features = x.shape[x.shape.length - 1]!;
    if (x.shape.length !== 1 && x.shape.length !== 3) {
      throw new Error(`ONNX export: ${base} (BatchNormalization) on samples of shape [${x.shape.join(', ')}]: lab exports batch norm over features [C] or images [H, W, C]`);
    }
    const input = x.shape.length === 3 ? channelsFirst(g, x, base) : x;
    const ones = new Float32Array(features).fill(1);
    const gamma = weights.gamma ?? ones;
    const beta = weights.beta ?? new Float32Array(features);
    const y = g.op(
      'BatchNormalization',
      [
        input.name,
        g.floats(`${base}/gamma`, gamma, [features]),
        g.floats(`${base}/beta`, beta, [features]),
        g.floats(`${base}/moving_mean`, need(weights, 'moving_mean', base), [features]),
        g.floats(`${base}/moving_variance`, need(weights, 'moving_variance', base), [features]),
      ],
      { epsilon: { float: layer.epsilon } },
      { base: `${base}/batch_norm` },
    );
    return { name: y, shape: x.shape, layout: input.layout };
  }
  if (layer instanceof Flatten) {
    const input = channelsLast(g, x, base);
    const size = x.shape.reduce((a, b) => a * b, 1);
    return { name: g.op('Flatten', [input.name], { axis: { int: 1 } }, { base: `${base}/flatten` }), shape: [size], layout: 'channelsLast' };
  }
  if (layer instanceof Reshape) {
    const input = channelsLast(g, x, base);
    const shape = layer.outputShape(x.shape);
    // 0 keeps the batch size (ONNX Reshape's allowzero = 0): the batch stays dynamic.
    return { name: g.op('Reshape', [input.name, g.int64s(`${base}/shape`, [0, ...shape])], {}, { base: `${base}/reshape` }), shape, layout: 'channelsLast' };
  }
  throw new Error(`ONNX export: layer ${base} (${layer.className}) has no ONNX mapping; lab exports ${Object.keys(LAYER_OPERATORS).join(', ')}`);
}

/** `x` in channels-last layout (a Transpose back from channels-first when needed). */
export function channelsLast(g: GraphBuilder, x: FlowingValue, base: string): FlowingValue {
  if (x.layout === 'channelsLast') return x;
  return { name: g.op('Transpose', [x.name], { perm: { ints: [0, 2, 3, 1] } }, { base: `${base}/to_nhwc` }), shape: x.shape, layout: 'channelsLast' };
}

/** `x` (an image) in channels-first layout, for ONNX's Conv, pooling and BatchNormalization. */
export function channelsFirst(g: GraphBuilder, x: FlowingValue, base: string): FlowingValue {
  if (x.layout === 'channelsFirst') return x;
  return { name: g.op('Transpose', [x.name], { perm: { ints: [0, 3, 1, 2] } }, { base: `${base}/to_nchw` }), shape: x.shape, layout: 'channelsFirst' };
}

function image(x: FlowingValue, layer: Layer): [number, number, number] {
  if (x.shape.length !== 3) throw new Error(`ONNX export: ${layer.name} (${layer.className}) needs images [height, width, channels], got samples of shape [${x.shape.join(', ')}]`);
  return x.shape as [number, number, number];
}

function need(weights: LayerWeights, name: string, layer: string): Float32Array {
  const w = weights[name];
  if (!w) throw new Error(`ONNX export: ${layer} has no weight '${name}'; is the model built?`);
  return w;
}

/** A Keras kernel `[kh, kw, in, out]` as ONNX's `[out, in, kh, kw]`. */
function toOIHW(kernel: Float32Array, kh: number, kw: number, cin: number, cout: number): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      for (let c = 0; c < cin; c++) {
        for (let o = 0; o < cout; o++) out[((o * cin + c) * kh + i) * kw + j] = kernel[((i * kw + j) * cin + c) * cout + o]!;
      }
    }
  }
  return out;
}

/**
 * ONNX `pads` (`[top, left, bottom, right]`) for TensorFlow's padding: none for `valid`; for
 * `same`, the total `max((out − 1)·s + (k − 1)·d + 1 − n, 0)` with the smaller half before, as
 * TensorFlow (and ONNX's SAME_UPPER) splits it.
 */
export function padsFor(size: [number, number], kernel: [number, number], strides: [number, number], padding: Padding, dilation: [number, number] = [1, 1]): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  const [rows, cols] = [0, 1].map((a) => {
    const n = size[a]!;
    const out = Math.ceil(n / strides[a]!);
    const total = Math.max((out - 1) * strides[a]! + (kernel[a]! - 1) * dilation[a]! + 1 - n, 0);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }) as [[number, number], [number, number]];
  return [rows[0], cols[0], rows[1], cols[1]];
}
