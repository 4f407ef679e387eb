import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { expectNoLeak, leaked } from './leaks.js';

const kept: tf.Tensor[] = [];
/** Makes a tensor and keeps it alive past the call: a leak, which the test frees afterwards. */
const leak = (): void => void kept.push(tf.scalar(1));
const free = (): void => void tf.dispose(kept.splice(0));

describe('leaked', () => {
  it('counts the tensors a call leaves behind, after disposing what it returns', async () => {
    expect(leaked(() => tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2))))).toBe(0);
    expect(leaked(() => ({ a: tf.scalar(1), b: [tf.scalar(2)] }))).toBe(0);
    expect(leaked(leak)).toBe(1);
    free();
    expect(await leaked(async () => tf.scalar(1))).toBe(0);
    expect(await leaked(async () => leak())).toBe(1);
    free();
  });

  it('lets an error through', () => {
    expect(() =>
      leaked(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
  });
});

describe('expectNoLeak', () => {
  it('passes when the call frees its intermediates, disposing what it returns', async () => {
    const before = tf.memory().numTensors;
    expectNoLeak(() => tf.tidy(() => tf.mul(tf.scalar(2), tf.scalar(3))));
    expectNoLeak(() => undefined);
    await expectNoLeak(async () => [tf.scalar(1), { x: tf.scalar(2) }]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fails when the call leaves a tensor, sync or async', async () => {
    expect(() => expectNoLeak(leak)).toThrow('tensors left over');
    free();
    await expect(expectNoLeak(async () => leak())).rejects.toThrow('tensors left over');
    free();
  });

  it("checks a call that throws, then rethrows the call's own error", async () => {
    const error = new Error('bad shape');
    const throwing = () => {
      throw error;
    };
    expect(() => expectNoLeak(throwing)).toThrow(error);
    await expect(
      expectNoLeak(async () => {
        throw error;
      }),
    ).rejects.toBe(error);
  });

  it('fails with the leak, the error as its cause, when a call that throws leaks', async () => {
    const error = new Error('bad shape');
    let thrown: unknown;
    try {
      expectNoLeak(() => {
        leak();
        throw error;
      });
    } catch (caught) {
      thrown = caught;
    }
    free();
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('1 tensor(s) left over by a call that threw: Error: bad shape');
    expect((thrown as Error).cause).toBe(error);
    const rejection = expectNoLeak(async () => {
      leak();
      throw error;
    });
    await expect(rejection).rejects.toThrow('1 tensor(s) left over by a call that threw');
    free();
  });
});
