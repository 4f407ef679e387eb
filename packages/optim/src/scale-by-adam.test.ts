import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scaleByAdam } from './scale-by-adam.js';
import { read } from './test/helpers.js';

const params = (): Record<string, tf.Tensor> => ({ w: tf.ones([2, 2]), b: tf.zeros([2]) });

describe('scaleByAdam', () => {
  it('starts from zero moments and a count of 0', () => {
    const p = params();
    const state = scaleByAdam().init(p);
    expect(state.count).toBe(0);
    expect(read(state.mu)).toEqual({ w: [0, 0, 0, 0], b: [0, 0] });
    expect(read(state.nu)).toEqual({ w: [0, 0, 0, 0], b: [0, 0] });
    tf.dispose([p, state]);
  });

  it('gives unit steps first: m_hat / (sqrt(v_hat) + eps) = g / (|g| + eps)', () => {
    // No learning rate here; with eps = 0 the first update is exactly sign(g).
    const tx = scaleByAdam({ eps: 0 });
    const grads = { b: tf.tensor1d([3, -0.25]) };
    const state = tx.init(grads);
    const r = tx.update(grads, state);
    expectAllClose(read(r.updates).b ?? [], [1, -1]);
    tf.dispose([grads, state, r]);
  });

  it('keeps the moments of parameters that got no gradient, and advances the count', () => {
    // Step 1 with g = 1 everywhere: m = 0.1. Step 2, only w, with g = 0: m_w = 0.9 * 0.1 = 0.09.
    const p = params();
    const [ones, zeros] = [{ w: tf.ones([2, 2]), b: tf.ones([2]) }, { w: tf.zeros([2, 2]) }];
    const tx = scaleByAdam();
    const s0 = tx.init(p);
    const r1 = tx.update(ones, s0);
    const r2 = tx.update(zeros, r1.state);
    expect(Object.keys(r2.updates)).toEqual(['w']);
    expect(r2.state.count).toBe(2);
    expectAllClose(read(r2.state.mu).b ?? [], [0.1, 0.1]);
    expectAllClose(read(r2.state.mu).w ?? [], [0.09, 0.09, 0.09, 0.09]);
    tf.dispose([p, ones, zeros, s0, r1, r2]);
  });

  it('runs 11 kernels per parameter, all in one update', async () => {
    // m: 2 Multiply + Add; v: Square + 2 Multiply + Add; update: Multiply, Sqrt, Add, RealDiv.
    const p = params();
    const tx = scaleByAdam();
    const state = tx.init(p);
    const profile = await tf.profile(() => tx.update(p, state));
    const counts: Record<string, number> = {};
    for (const { name } of profile.kernels) {
      counts[name] = (counts[name] ?? 0) + 1;
    }
    // Two parameters.
    expect(counts).toEqual({ Multiply: 10, Add: 6, Square: 2, Sqrt: 2, RealDiv: 2 });
    tf.dispose([p, state, profile.result]);
  });

  it('returns new tensors and leaves its inputs alone (the memory contract)', () => {
    const p = params();
    const tx = scaleByAdam();
    expectNoLeak(() => tx.init(p));
    const state = tx.init(p);
    expectNoLeak(() => tx.update(p, state));
    const r = tx.update(p, state);
    tf.dispose([state, r.updates]);
    // The new state outlives the old one and the grads.
    expect(read(r.state.mu).b).toEqual([0, 0]);
    expect(Object.values(p).every((t) => !t.isDisposed)).toBe(true);
    tf.dispose([p, r.state]);
  });

  it('refuses gradients that do not match what init saw, without leaking', () => {
    const p = params();
    const tx = scaleByAdam();
    const state = tx.init(p);
    const [extra, wrong] = [{ bias: tf.zeros([2]) }, { b: tf.zeros([3]) }];
    const before = tf.memory().numTensors;
    expect(() => tx.update(extra, state)).toThrow(
      'scaleByAdam: got a gradient for "bias", but init() saw only these parameters: w, b',
    );
    expect(() => tx.update(wrong, state)).toThrow(
      'scaleByAdam: the gradient for "b" has shape [3], but init() saw [2]',
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([p, state, extra, wrong]);
  });

  it('checks its options', () => {
    expect(() => scaleByAdam({ b2: -0.1 })).toThrow(
      'scaleByAdam: b2 must be a finite number with 0 <= b2 < 1; got -0.1',
    );
    expect(() => scaleByAdam({ eps: -1 })).toThrow('scaleByAdam: eps');
  });
});
