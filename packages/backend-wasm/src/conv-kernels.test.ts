import '@lab/core/register-gradients';
import { Random } from '@lab/core';
import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// The new and replaced wasm kernels against tfjs-cpu's, called as kernels (tf.engine().runKernel)
// on seeded random inputs, over every option combination tfjs accepts.

type Pad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

function randomValues(random: Random, shape: number[]): Float32Array {
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.next() * 2 - 1);
}

/** Runs `kernel` on 'cpu' and on 'wasm' with the same inputs; returns both outputs' values. */
async function onBoth(kernel: string, inputs: Record<string, [Float32Array, number[]]>, attrs: object) {
  const out: Record<string, Float32Array> = {};
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const tensors = Object.fromEntries(Object.entries(inputs).map(([k, [v, s]]) => [k, tf.tensor(v, s)]));
    const before = tf.memory().numTensors;
    const result = tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
    expect(tf.memory().numTensors, `${kernel} on ${backend} made one tensor`).toBe(before + 1);
    out[backend] = result.dataSync() as Float32Array;
    tf.dispose([result, ...Object.values(tensors)]);
  }
  await tf.setBackend('wasm');
  return out as { cpu: Float32Array; wasm: Float32Array };
}

const pads: Pad[] = ['valid', 'same', 1, [[0, 0], [1, 2], [2, 0], [0, 0]]];

describe('Conv2DBackpropFilter and Conv2DBackpropInput on wasm', () => {
  it('agree with tfjs-cpu for strides, paddings, layouts, batch 1 and odd sizes', async () => {
    const random = new Random(11);
    let cases = 0;
    for (const [batch, h, w, cin, cout, fh, fw] of [[1, 5, 5, 1, 1, 3, 3], [2, 7, 6, 3, 4, 3, 2], [3, 9, 11, 5, 7, 1, 1], [1, 8, 8, 16, 8, 5, 5]] as const) {
      for (const strides of [1, 2, [2, 1]] as (number | [number, number])[]) {
        for (const pad of pads) {
          for (const dataFormat of ['NHWC', 'NCHW'] as const) {
            if (typeof pad === 'object' && dataFormat === 'NCHW') continue; // explicit pads are given in NHWC order
            const xShape = dataFormat === 'NHWC' ? [batch, h, w, cin] : [batch, cin, h, w];
            const filterShape = [fh, fw, cin, cout] as [number, number, number, number];
            let info: tf.backend_util.Conv2DInfo;
            try {
              info = tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape, strides, 1, pad, undefined, false, tf.backend_util.convertConv2DDataFormat(dataFormat));
            } catch {
              continue;
            }
            if (info.outHeight <= 0 || info.outWidth <= 0) continue;
            const x = randomValues(random, xShape);
            const dy = randomValues(random, info.outShape);
            const filter = randomValues(random, filterShape);
            const label = `x [${xShape}] filter [${filterShape}] strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)} ${dataFormat}`;
            const f = await onBoth(tf.Conv2DBackpropFilter, { x: [x, xShape], dy: [dy, info.outShape] }, { strides, pad, dataFormat, filterShape });
            expectAllClose(f.wasm, f.cpu, { abs: 2e-5, rel: 2e-5, message: `filter gradient, ${label}` });
            const i = await onBoth(tf.Conv2DBackpropInput, { dy: [dy, info.outShape], filter: [filter, filterShape] }, { strides, pad, dataFormat, inputShape: xShape });
            expectAllClose(i.wasm, i.cpu, { abs: 2e-5, rel: 2e-5, message: `input gradient, ${label}` });
            cases++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(60);
  });

  it('work in blocks of images when the columns would be large', async () => {
    const random = new Random(12);
    const xShape = [36, 30, 30, 16];
    const filterShape = [3, 3, 16, 1];
    const dyShape = [36, 30, 30, 1]; // 'same': 36 · 900 · 144 column elements > one 4M-element block
    const x = randomValues(random, xShape);
    const dy = randomValues(random, dyShape);
    const f = await onBoth(tf.Conv2DBackpropFilter, { x: [x, xShape], dy: [dy, dyShape] }, { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape });
    expectAllClose(f.wasm, f.cpu, { abs: 1e-3, rel: 1e-4 });
    const i = await onBoth(tf.Conv2DBackpropInput, { dy: [dy, dyShape], filter: [randomValues(random, filterShape), filterShape] }, { strides: 1, pad: 'same', dataFormat: 'NHWC', inputShape: xShape });
    expectAllClose(i.wasm, i.cpu, { abs: 2e-5, rel: 2e-5 });
  });

  it('honour dilations when given (tfjs never passes them), against a float64 reference', async () => {
    const random = new Random(13);
    const [batch, h, w, cin, cout, fh, fw] = [2, 9, 8, 3, 2, 3, 2];
    for (const dilations of [2, [2, 3]] as (number | [number, number])[]) {
      for (const pad of ['valid', 'same', 1] as const) {
        const xShape = [batch, h, w, cin] as [number, number, number, number];
        const filterShape = [fh, fw, cin, cout] as [number, number, number, number];
        const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, 1, dilations, pad);
        const x = randomValues(random, xShape);
        const dy = randomValues(random, info.outShape);
        const filter = randomValues(random, filterShape);
        const dW = new Float64Array(fh * fw * cin * cout);
        const dX = new Float64Array(x.length);
        for (let b = 0; b < batch; b++)
          for (let oy = 0; oy < info.outHeight; oy++)
            for (let ox = 0; ox < info.outWidth; ox++)
              for (let r = 0; r < fh; r++)
                for (let c = 0; c < fw; c++) {
                  const iy = oy + r * info.dilationHeight - info.padInfo.top;
                  const ix = ox + c * info.dilationWidth - info.padInfo.left;
                  if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                  for (let d = 0; d < cin; d++)
                    for (let o = 0; o < cout; o++) {
                      const g = dy[((b * info.outHeight + oy) * info.outWidth + ox) * cout + o]!;
                      dW[((r * fw + c) * cin + d) * cout + o]! += x[((b * h + iy) * w + ix) * cin + d]! * g;
                      dX[((b * h + iy) * w + ix) * cin + d]! += filter[((r * fw + c) * cin + d) * cout + o]! * g;
                    }
                }
        const xt = tf.tensor(x, xShape);
        const dyt = tf.tensor(dy, info.outShape);
        const ft = tf.tensor(filter, filterShape);
        const gotW = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: xt, dy: dyt }, { strides: 1, pad, dataFormat: 'NHWC', filterShape, dilations }) as tf.Tensor;
        const gotX = tf.engine().runKernel(tf.Conv2DBackpropInput, { dy: dyt, filter: ft }, { strides: 1, pad, dataFormat: 'NHWC', inputShape: xShape, dilations }) as tf.Tensor;
        expectAllClose(gotW.dataSync(), dW, { abs: 1e-5, rel: 1e-5, message: `filter, dilations ${dilations} pad ${pad}` });
        expectAllClose(gotX.dataSync(), dX, { abs: 1e-5, rel: 1e-5, message: `input, dilations ${dilations} pad ${pad}` });
        tf.dispose([xt, dyt, ft, gotW, gotX]);
      }
    }
  });

  it('refuse a dy of the wrong shape, naming it, and leave nothing behind', () => {
    const x = tf.zeros([1, 5, 5, 2]);
    const dy = tf.zeros([1, 4, 4, 3]);
    const before = tf.engine().backend.numDataIds();
    expect(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 2, 3] })).toThrow(/'dy' has shape \[1, 4, 4, 3\], expected \[1, 3, 3, 3\]/);
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([x, dy]);
  });
});

describe('MaxPoolGrad on wasm', () => {
  it("agrees with tfjs-cpu bit for bit, negative windows, 'same' padding and overlaps included", async () => {
    const random = new Random(21);
    for (const [batch, h, w, c] of [[1, 4, 4, 1], [2, 7, 9, 3], [3, 26, 26, 8]] as const) {
      for (const [filterSize, strides] of [[2, 2], [3, 2], [3, 1], [[2, 3], [1, 2]]] as const) {
        for (const pad of ['valid', 'same', 1] as const) {
          const shape = [batch, h, w, c] as [number, number, number, number];
          const info = tf.backend_util.computePool2DInfo(shape, filterSize as [number, number] | number, strides as [number, number] | number, 1, pad);
          const input = randomValues(random, shape).map((v) => v - 0.5); // mostly negative
          const dy = randomValues(random, info.outShape);
          const output = new Float32Array(dy.length);
          const got = await onBoth(tf.MaxPoolGrad, { dy: [dy, info.outShape], input: [input, shape], output: [output, info.outShape] }, { filterSize, strides, pad });
          expect(Array.from(got.wasm), `[${shape}] ${filterSize} ${strides} ${pad}`).toEqual(Array.from(got.cpu));
        }
      }
    }
  });

  it('passes nothing for a window of NaN or -Infinity, as tfjs-cpu', async () => {
    const input = Float32Array.from([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NEGATIVE_INFINITY, 1, Number.NaN, 2]);
    const got = await onBoth(tf.MaxPoolGrad, { dy: [Float32Array.from([5, 7]), [1, 1, 2, 1]], input: [input, [1, 2, 4, 1]], output: [new Float32Array(2), [1, 1, 2, 1]] }, { filterSize: 2, strides: 2, pad: 'valid' });
    expect(Array.from(got.wasm)).toEqual(Array.from(got.cpu));
  });
});

describe('DepthwiseConv2dNativeBackpropFilter and -Input on wasm', () => {
  it('agree with tfjs-cpu for channel multipliers, strides and paddings', async () => {
    const random = new Random(31);
    for (const [batch, h, w, cin, mult, fh, fw] of [[1, 5, 5, 1, 1, 3, 3], [2, 7, 6, 3, 2, 3, 2], [2, 9, 8, 4, 3, 5, 5]] as const) {
      for (const strides of [1, 2] as const) {
        for (const pad of pads) {
          const xShape = [batch, h, w, cin] as [number, number, number, number];
          const filterShape = [fh, fw, cin, mult] as [number, number, number, number];
          const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad, undefined, true);
          if (info.outHeight <= 0 || info.outWidth <= 0) continue;
          const x = randomValues(random, xShape);
          const dy = randomValues(random, info.outShape);
          const filter = randomValues(random, filterShape);
          const label = `x [${xShape}] filter [${filterShape}] strides ${strides} pad ${JSON.stringify(pad)}`;
          const f = await onBoth(tf.DepthwiseConv2dNativeBackpropFilter, { x: [x, xShape], dy: [dy, info.outShape] }, { strides, pad, dilations: 1, filterShape });
          expectAllClose(f.wasm, f.cpu, { abs: 1e-5, rel: 1e-5, message: `filter gradient, ${label}` });
          const i = await onBoth(tf.DepthwiseConv2dNativeBackpropInput, { dy: [dy, info.outShape], filter: [filter, filterShape] }, { strides, pad, dilations: 1, inputShape: xShape });
          expectAllClose(i.wasm, i.cpu, { abs: 1e-5, rel: 1e-5, message: `input gradient, ${label}` });
        }
      }
    }
  });
});

describe('Identity on wasm', () => {
  it('shares the data (tf.clone copies nothing) and frees it with the last owner', () => {
    const x = tf.tensor([1, 2, 3]);
    const ids = tf.engine().backend.numDataIds();
    const y = tf.clone(x);
    expect(tf.engine().backend.numDataIds()).toBe(ids);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(ids - 1);
    const s = tf.clone(tf.tensor(['a', 'b']));
    expect(s.arraySync()).toEqual(['a', 'b']);
    s.dispose();
  });
});
