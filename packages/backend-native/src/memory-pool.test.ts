// The native backend recycles the arrays of disposed tensors for kernel outputs, but never an array
// anybody else can see: one read back with dataSync/data, one a caller handed to tf.tensor, or one
// a live tensor views (the cpu Slice kernel returns a subarray).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NativeBackend } from './native-backend.js';
import { randomArray } from './test/reference.js';

let backend: NativeBackend;
beforeAll(async () => {
  await tf.setBackend('native');
  backend = tf.backend() as unknown as NativeBackend;
});

const valuesOf = (t: tf.Tensor) => backend.float32(t, 't');
/** A kernel output of 64 × 64 = 4096 floats (pooled size) in new or recycled memory. */
const product = (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);

describe('the native memory pool', () => {
  it("reuses a disposed output's array for the next output of the same length", () => {
    const [a, b] = [tf.tensor2d(randomArray(64 * 64, 1), [64, 64]), tf.tensor2d(randomArray(64 * 64, 2), [64, 64])];
    const first = product(a, b);
    const array = valuesOf(first);
    first.dispose();
    const second = product(a, b);
    expect(valuesOf(second)).toBe(array);
    // And the recycled memory holds the right product (every element is written).
    const expected = tf.tidy(() => tf.sum(tf.mul(tf.reshape(a, [64, 64, 1]), tf.reshape(b, [1, 64, 64])), 1));
    const [got, want] = [second.dataSync(), expected.dataSync()];
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThan(1e-4);
    tf.dispose([a, b, second, expected]);
  });

  it("never recycles the cpu kernels' own arrays (only what it allocated itself)", () => {
    const [a, b] = [tf.tensor2d(randomArray(64 * 64, 5), [64, 64]), tf.tensor2d(randomArray(64 * 64, 6), [64, 64])];
    const cpuOutput = tf.exp(a); // Exp runs the cpu backend's kernel, which allocates its own array
    const array = valuesOf(cpuOutput);
    cpuOutput.dispose();
    const later = Array.from({ length: 4 }, () => product(a, b));
    for (const t of later) expect(valuesOf(t)).not.toBe(array);
    tf.dispose([a, b, ...later]);
  });

  it('never recycles an array read back, a caller array, or one a live slice views', () => {
    const [a, b] = [tf.tensor2d(randomArray(64 * 64, 3), [64, 64]), tf.tensor2d(randomArray(64 * 64, 4), [64, 64])];
    const read = product(a, b);
    const readValues = read.dataSync();
    const readCopy = Float32Array.from(readValues);
    const viewed = product(a, b);
    const slice = tf.slice(viewed, [0, 0], [32, 64]);
    const sliceCopy = Float32Array.from(tf.tidy(() => tf.add(tf.slice(viewed, [0, 0], [32, 64]), 0)).dataSync());
    const callerArray = new Float32Array(64 * 64).fill(7);
    const caller = tf.tensor2d(callerArray, [64, 64]);
    tf.dispose([read, viewed, caller]);
    const later = Array.from({ length: 6 }, () => product(b, a));
    for (const t of later) {
      expect(valuesOf(t)).not.toBe(readValues);
      expect(valuesOf(t)).not.toBe(callerArray);
      expect(valuesOf(t).buffer).not.toBe(slice.dataSync().buffer);
    }
    expect(Array.from(readValues)).toEqual(Array.from(readCopy));
    expect(callerArray.every((v) => v === 7)).toBe(true);
    expect(Array.from(slice.dataSync())).toEqual(Array.from(sliceCopy));
    tf.dispose([a, b, slice, ...later]);
  });
});
