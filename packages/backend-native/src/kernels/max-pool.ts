import * as tf from '@tensorflow/tfjs-core';
import { kernelArgs } from './float32-inputs.js';

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function poolInfo(shape: number[], attrs: PoolAttrs): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computePool2DInfo(shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
}

/**
 * For each output of a max pool over NHWC `x`, calls `visit(out, argmax)` with the flat index of
 * the window's maximum in `x`: the first one in row-major window order, as tfjs-cpu picks (a NaN
 * is never the maximum; an all-NaN or empty window gives -1).
 */
function forEachMax(x: Float32Array, g: tf.backend_util.Conv2DInfo, visit: (out: number, argmax: number, value: number) => void): void {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  const { top, left } = g.padInfo;
  let out = 0;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * g.strideHeight - top;
      const yStart = Math.max(y0, 0);
      const yEnd = Math.min(y0 + KH, H);
      for (let ox = 0; ox < OW; ox++) {
        const x0 = ox * g.strideWidth - left;
        const xStart = Math.max(x0, 0);
        const xEnd = Math.min(x0 + KW, W);
        for (let c = 0; c < C; c++, out++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let iy = yStart; iy < yEnd; iy++) {
            let i = ((b * H + iy) * W + xStart) * C + c;
            for (let ix = xStart; ix < xEnd; ix++, i += C) {
              const v = x[i]!;
              if (v > best || at < 0) {
                if (v > best) best = v;
                if (v >= best) at = i;
              }
            }
          }
          visit(out, at, at < 0 ? Number.NaN : best);
        }
      }
    }
  }
}

/** `MaxPool` over NHWC float32 input in typed-array loops; other dtypes go to the cpu kernel. */
export function maxPoolKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.MaxPool,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<PoolAttrs>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32' || x.shape.length !== 4) return fallback(args);
      const g = poolInfo(x.shape, attrs);
      const out = backend.allocate(g.batchSize * g.outHeight * g.outWidth * g.inChannels);
      const values = backend.float32(x, 'x');
      forEachMax(values, g, (o, at, v) => {
        out[o] = at < 0 ? Number.NaN : v;
      });
      return backend.makeTensorInfo([g.batchSize, g.outHeight, g.outWidth, g.inChannels], 'float32', out);
    },
  };
}

/** `MaxPoolGrad`: each output's gradient goes to its window's maximum (tfjs-cpu's choice among ties). */
export function maxPoolGradKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.MaxPoolGrad,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<PoolAttrs>(args);
      const { dy, input } = inputs;
      if (dy?.dtype !== 'float32' || input?.dtype !== 'float32' || input.shape.length !== 4) return fallback(args);
      const g = poolInfo(input.shape, attrs);
      const dx = backend.allocate(input.shape.reduce((a, b) => a * b, 1));
      dx.fill(0);
      const grads = backend.float32(dy, 'dy');
      forEachMax(backend.float32(input, 'input'), g, (o, at) => {
        if (at >= 0) dx[at]! += grads[o]!;
      });
      return backend.makeTensorInfo([...input.shape], 'float32', dx);
    },
  };
}
