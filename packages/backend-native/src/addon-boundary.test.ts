// The addon's checked boundary, case by case: bad calls throw JavaScript errors that name the
// function and the argument, and the process carries on. addon-fuzz.test.ts covers the rest.
import { afterAll, describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { Activation, BinaryOp, Isa } from './native-enums.js';

const loaded = loadAddon();
if (!('addon' in loaded)) throw new Error(loaded.reason);
const { addon } = loaded;
/** The addon's functions, untyped, to call them as a careless caller would. */
const raw = addon as unknown as Record<string, (...args: unknown[]) => unknown>;
const initial = addon.info();
afterAll(() => {
  addon.setIsa(Isa[initial.isa]);
  addon.setThreads(initial.threads);
});

const f32 = (n: number) => new Float32Array(n).fill(0.5);
const dense = (rows: number, inputs: number, outputs: number) => ({ rows, inputs, outputs, activation: Activation.relu });

describe('the addon boundary', () => {
  it('throws on the negative sizes that used to abort the process (denseBackward)', () => {
    const a = f32(16);
    const call = (sizes: ReturnType<typeof dense>) => () => addon.denseBackward(a, a, a, a, a, null, null, sizes);
    expect(call(dense(-1, 2, 2))).toThrow(new RangeError('lab_native.denseBackward: attrs.rows must be an integer in [0, 2147483647], got -1'));
    expect(call(dense(2, 2, -5))).toThrow(/attrs\.outputs must be an integer .* got -5$/);
    expect(call(dense(2, 1.5, 2))).toThrow(/attrs\.inputs .* got 1\.5$/);
    expect(call(dense(2, 2, Number.NaN))).toThrow(/attrs\.outputs .* got NaN$/);
    expect(call(dense(2 ** 31, 1, 1))).toThrow(/attrs\.rows .* got 2147483648$/);
    // Products are checked against the arrays, so a size too large for them is caught too.
    expect(call(dense(2 ** 31 - 1, 2 ** 31 - 1, 1))).toThrow(/: x has 16 elements, needs 4611686014132420609 \(rows × inputs\)$/);
    // Still alive, and a good call works.
    const [dw, db, dx] = [f32(4), f32(2), f32(4)];
    addon.denseBackward(f32(4), f32(4), f32(4), f32(4), dw, db, dx, dense(2, 2, 2));
    expect(Array.from(db)).toEqual([1, 1]);
  });

  it('rejects the old positional convention by its argument count', () => {
    const a = f32(4);
    expect(() => raw.matmul!(a, a, a, 1, 2, 2, 1, false, false, 1, 1, null, 0)).toThrow(
      new TypeError('lab_native.matmul: expected 5 arguments (a, b, out, bias, attrs), got 13'),
    );
    expect(() => raw.adamUpdate!(a, a, a, null, a, a, a)).toThrow(/^lab_native\.adamUpdate: expected 8 arguments \(g, m, v, param, out, mOut, vOut, attrs\), got 7$/);
    expect(() => raw.info!(1)).toThrow(/^lab_native\.info: expected 0 arguments \(\), got 1$/);
  });

  it('names the array of the wrong type, or too short, and what its length should be', () => {
    const sizes = { batch: 1, m: 2, n: 3, k: 4, transposeA: false, transposeB: false, batchA: 1, batchB: 1, activation: Activation.linear };
    expect(() => raw.matmul!(new Float64Array(8), f32(12), f32(6), null, sizes)).toThrow(
      new TypeError('lab_native.matmul: a must be a Float32Array, got a Float64Array'),
    );
    expect(() => raw.matmul!(f32(8), [1, 2], f32(6), null, sizes)).toThrow(/: b must be a Float32Array, got an array$/);
    expect(() => raw.matmul!(f32(8), f32(12), f32(6), 7, sizes)).toThrow(/: bias must be a Float32Array or null, got 7$/);
    expect(() => addon.matmul(f32(8), f32(12), f32(5), null, sizes)).toThrow(
      new RangeError('lab_native.matmul: out has 5 elements, needs 6 (batch × m × n)'),
    );
    expect(() => addon.matmul(f32(8), f32(12), f32(6), f32(2), sizes)).toThrow(/: bias has 2 elements, needs n \(3\) or 1$/);
    expect(() => addon.sgdUpdate(f32(4), f32(3), f32(4), { scale: 1 })).toThrow(/^lab_native\.sgdUpdate: param has 3 elements, needs 4 \(g's length\)$/);
    expect(() => addon.binary(f32(4), f32(3), f32(4), { op: BinaryOp.add })).toThrow(/must be nonzero and divide out's \(4\)$/);
  });

  it('reads attrs as one object and names the attr at fault', () => {
    const g = f32(4);
    const adam = { beta1: 0.9, beta2: 0.999, stepScale: 1, epsHat: 1e-7, scale: -0.1, weightDecay: 0 };
    expect(() => raw.adamUpdate!(g, g, g, null, g, g, g, null)).toThrow(/^lab_native\.adamUpdate: attrs must be an object, got null$/);
    expect(() => raw.adamUpdate!(g, g, g, null, g, g, g, { ...adam, beta2: '0.999' })).toThrow(/: attrs\.beta2 must be a number, got a string$/);
    expect(() => raw.adamUpdate!(g, g, g, null, g, g, g, { ...adam, weightDecay: undefined })).toThrow(/attrs\.weightDecay must be a number, got undefined$/);
    expect(() => addon.adamUpdate(g, g, g, null, g, g, g, { ...adam, weightDecay: 0.1 })).toThrow(/weightDecay is not 0, which needs param/);
    expect(() => raw.momentumUpdate!(g, g, null, g, g, { decay: 0.9, nesterov: 1, scale: 1 })).toThrow(/attrs\.nesterov must be a boolean, got 1$/);
    expect(() => raw.binary!(g, g, g, { op: 7 })).toThrow(
      new RangeError('lab_native.binary: attrs.op must be one of add = 0, sub = 1, mul = 2, div = 3, max = 4, min = 5, squaredDifference = 6, got 7'),
    );
    expect(() => raw.denseBackward!(g, g, g, g, g, null, null, { ...dense(2, 1, 2), activation: 'relu' })).toThrow(
      new TypeError('lab_native.denseBackward: attrs.activation must be one of linear = 0, relu = 1, got a string'),
    );
    // softmaxCrossEntropy's scale is optional (default 1); extra keys are ignored.
    const [loss, grad] = [f32(1), f32(2)];
    addon.softmaxCrossEntropy(f32(2), f32(2), loss, grad, { rows: 1, cols: 2, extra: true } as never);
    expect(Array.from(grad)).toEqual([0, 0]);
  });

  it('passes on what a getter throws, and survives it', () => {
    const boom = new Error('boom');
    const attrs = Object.defineProperty({}, 'scale', {
      get() {
        throw boom;
      },
    });
    expect(() => raw.sgdUpdate!(f32(2), null, f32(2), attrs)).toThrow(boom);
    const out = f32(2);
    addon.sgdUpdate(f32(2), null, out, { scale: 2 });
    expect(Array.from(out)).toEqual([1, 1]);
  });

  it('checks the convolutions and pools: sizes, strides at least 1, array lengths, bias', () => {
    const conv = {
      batch: 1,
      inHeight: 4,
      inWidth: 4,
      inChannels: 2,
      outHeight: 2,
      outWidth: 2,
      outChannels: 3,
      filterHeight: 3,
      filterWidth: 3,
      strideHeight: 1,
      strideWidth: 1,
      dilationHeight: 1,
      dilationWidth: 1,
      padTop: 0,
      padLeft: 0,
    };
    const [x, filter, out] = [f32(32), f32(54), f32(12)];
    expect(() => addon.conv2d(x, filter, null, out, { ...conv, strideHeight: 0, activation: Activation.relu })).toThrow(
      new RangeError('lab_native.conv2d: attrs.strideHeight must be an integer in [1, 2147483647], got 0'),
    );
    expect(() => addon.conv2d(x, filter, null, out, { ...conv, padTop: -1, activation: Activation.relu })).toThrow(/attrs\.padTop must be an integer in \[0, 2147483647\], got -1$/);
    expect(() => addon.conv2d(x, f32(53), null, out, { ...conv, activation: Activation.relu })).toThrow(
      new RangeError('lab_native.conv2d: filter has 53 elements, needs 54 (filterHeight × filterWidth × inChannels × outChannels)'),
    );
    expect(() => addon.conv2d(x, filter, f32(2), out, { ...conv, activation: Activation.relu })).toThrow(/: bias has 2 elements, needs outChannels \(3\) or 1$/);
    expect(() => raw.conv2d!(x, filter, null, out, conv)).toThrow(/attrs\.activation must be one of linear = 0, relu = 1, got undefined$/);
    expect(() => addon.conv2dBackpropInput(f32(12), filter, f32(31), conv)).toThrow(/^lab_native\.conv2dBackpropInput: dx has 31 elements, needs 32 \(batch × inHeight × inWidth × inChannels\)$/);
    expect(() => addon.conv2dBackpropFilter(x, f32(11), f32(54), conv)).toThrow(/^lab_native\.conv2dBackpropFilter: dy has 11 elements, needs 12 /);
    expect(() => addon.conv2dBackpropFilter(x, f32(12), f32(54), { ...conv, filterHeight: 2 ** 30, filterWidth: 4 })).toThrow(
      /: attrs\.filterHeight × attrs\.filterWidth × attrs\.inChannels must be at most 2147483647$/,
    );
    // A valid call: a 3 × 3 sum of 0.5 · 0.5 over 2 channels, plus the bias, then relu.
    addon.conv2d(x, filter, f32(1), out, { ...conv, activation: Activation.relu });
    expect(Array.from(out)).toEqual(new Array(12).fill(18 * 0.25 + 0.5));
    const pool = { batch: 1, inHeight: 4, inWidth: 4, channels: 2, outHeight: 2, outWidth: 2, filterHeight: 2, filterWidth: 2, strideHeight: 2, strideWidth: 2, padTop: 0, padLeft: 0 };
    expect(() => addon.maxPool(x, f32(7), pool)).toThrow(new RangeError('lab_native.maxPool: out has 7 elements, needs 8 (batch × outHeight × outWidth × channels)'));
    expect(() => addon.avgPool(x, f32(8), { ...pool, filterWidth: 0 })).toThrow(/^lab_native\.avgPool: attrs\.filterWidth must be an integer in \[1, 2147483647\], got 0$/);
    expect(() => raw.maxPoolGrad!(x, f32(8), new Float64Array(32), pool)).toThrow(new TypeError('lab_native.maxPoolGrad: dx must be a Float32Array, got a Float64Array'));
    expect(() => raw.avgPoolGrad!(f32(8), f32(32))).toThrow(/^lab_native\.avgPoolGrad: expected 3 arguments \(dy, dx, attrs\), got 2$/);
    const dx = f32(32);
    addon.avgPoolGrad(f32(8), dx, pool);
    expect(Array.from(dx)).toEqual(new Array(32).fill(0.125));
  });

  it('checks relu, step and columnSums', () => {
    expect(() => addon.relu(f32(4), f32(3), {})).toThrow(new RangeError("lab_native.relu: out has 3 elements, needs 4 (x's length)"));
    expect(() => raw.relu!(f32(4), f32(4))).toThrow(/^lab_native\.relu: expected 3 arguments \(x, out, attrs\), got 2$/);
    expect(() => raw.step!(f32(4), f32(4), {})).toThrow(/^lab_native\.step: attrs\.alpha must be a number, got undefined$/);
    expect(() => addon.columnSums(f32(5), f32(3), { rows: 2, cols: 3 })).toThrow(/: x has 5 elements, needs 6 \(rows × cols\)$/);
    const out = new Float32Array(4);
    addon.step(Float32Array.of(-1, 0, 2, Number.NaN), out, { alpha: 0.5 });
    expect(Array.from(out)).toEqual([0.5, 0.5, 1, Number.NaN]);
    addon.relu(Float32Array.of(-1, -0, 2, Number.NaN), out, {});
    expect(Array.from(out)).toEqual([0, -0, 2, Number.NaN]);
    const sums = new Float32Array(2);
    addon.columnSums(Float32Array.of(1, 2, 3, 4, 5, 6), sums, { rows: 3, cols: 2 });
    expect(Array.from(sums)).toEqual([9, 12]);
  });

  it('checks setIsa and setThreads arguments', () => {
    expect(addon.setIsa(Isa.generic)).toBe(true);
    expect(addon.info().isa).toBe('generic');
    expect(() => raw.setIsa!('avx2')).toThrow(/^lab_native\.setIsa: isa must be one of generic = 0, avx2 = 1, avx512 = 2, got a string$/);
    expect(() => raw.setIsa!(3)).toThrow(RangeError);
    expect(() => addon.setThreads(0)).toThrow(/^lab_native\.setThreads: threads must be an integer in \[1, 2147483647\], got 0$/);
    addon.setThreads(1);
    expect(addon.info().threads).toBe(1);
  });
});
