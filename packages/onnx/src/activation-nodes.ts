import { type ActivationName, LEAKY_RELU_SLOPE } from '@lab/models';
import type { GraphBuilder } from './graph-builder.js';

/**
 * Appends the ONNX nodes of a lab activation applied to `x`; returns the result's name (`x`
 * itself for `linear`). `channelAxis` is where softmax normalises: the last axis in lab's
 * channels-last layout, 1 while the graph holds an image in ONNX's channels-first layout.
 * Operators (opset 13): Relu, Sigmoid, Softmax, Tanh, Elu (α 1), LeakyRelu (α 0.2), Softplus;
 * gelu as `x·0.5·(1 + Erf(x·√½))` and swish as `x·Sigmoid(x)`, the formulas lab computes.
 */
export function appendActivation(g: GraphBuilder, name: ActivationName, x: string, channelAxis: number, base: string): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return g.op('Relu', [x], {}, { base: `${base}/relu` });
    case 'sigmoid':
      return g.op('Sigmoid', [x], {}, { base: `${base}/sigmoid` });
    case 'softmax':
      return g.op('Softmax', [x], { axis: { int: channelAxis } }, { base: `${base}/softmax` });
    case 'tanh':
      return g.op('Tanh', [x], {}, { base: `${base}/tanh` });
    case 'elu':
      return g.op('Elu', [x], { alpha: { float: 1 } }, { base: `${base}/elu` });
    case 'leakyRelu':
      return g.op('LeakyRelu', [x], { alpha: { float: LEAKY_RELU_SLOPE } }, { base: `${base}/leaky_relu` });
    case 'softplus':
      return g.op('Softplus', [x], {}, { base: `${base}/softplus` });
    case 'swish':
      return g.op('Mul', [x, g.op('Sigmoid', [x], {}, { base: `${base}/swish_sigmoid` })], {}, { base: `${base}/swish` });
    case 'gelu': {
      const erf = g.op('Erf', [g.op('Mul', [x, g.scalar(Math.SQRT1_2)], {}, { base: `${base}/gelu_scaled` })], {}, { base: `${base}/gelu_erf` });
      const half = g.op('Mul', [x, g.scalar(0.5)], {}, { base: `${base}/gelu_half` });
      return g.op('Mul', [half, g.op('Add', [erf, g.scalar(1)], {}, { base: `${base}/gelu_1p` })], {}, { base: `${base}/gelu` });
    }
  }
}
