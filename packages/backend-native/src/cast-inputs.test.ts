import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// tfjs-cpu's Cast from int32 or bool to float32 keeps the source's Int32Array/Uint8Array under
// the float32 tensor. `lab cv` on native failed with "a must be float32, got float32" on such a
// tensor (its fold labels are gathered as int32 and cast). Expected values are exact integers.
describe('native kernels on float32 tensors cast from int32 or bool', () => {
  it('add, mul and matMul read them as float32 and leave the int32 source intact', () => {
    const before = tf.memory().numTensors;
    const ints = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
    const [sum, product, mm, back] = tf.tidy(() => {
      const f = tf.cast(ints, 'float32');
      return [tf.add(f, tf.ones([2, 3])), tf.mul(tf.scalar(2), f), tf.matMul(f, tf.cast(tf.tensor2d([1, 0, 0, 1, 1, 1], [3, 2], 'int32'), 'float32')), tf.cast(f, 'int32')];
    });
    expect(Array.from(sum!.dataSync())).toEqual([2, 3, 4, 5, 6, 7]);
    expect(Array.from(product!.dataSync())).toEqual([2, 4, 6, 8, 10, 12]);
    expect(Array.from(mm!.dataSync())).toEqual([4, 5, 10, 11]);
    expect(Array.from(back!.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ints.dataSync()).toBeInstanceOf(Int32Array);
    tf.dispose([ints, sum!, product!, mm!, back!]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a fused Dense (matMul + bias + relu) on a cast bool mask', () => {
    const y = tf.tidy(() => {
      const mask = tf.cast(tf.tensor2d([true, false, true, true], [2, 2], 'bool'), 'float32');
      return tf.relu(tf.add(tf.matMul(mask, tf.tensor2d([1, -2, 3, 4], [2, 2])), tf.tensor1d([0.5, -10])));
    });
    expect(Array.from(y.dataSync())).toEqual([1.5, 0, 4.5, 0]);
    y.dispose();
  });
});
