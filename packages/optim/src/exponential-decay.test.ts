import { expectAllClose } from '@lab/testing';
import { describe, expect, it } from 'vitest';
import { exponentialDecay } from './exponential-decay.js';

const steps = [0, 1, 5, 10, 15, 20, 35];

describe('exponentialDecay', () => {
  it('is initialValue * decayRate ^ (step / transitionSteps)', () => {
    // 0.1 * 0.5^(step / 10): halves every 10 steps, smoothly in between.
    const schedule = exponentialDecay({ initialValue: 0.1, transitionSteps: 10, decayRate: 0.5 });
    expectAllClose(steps.map(schedule), steps.map((s) => 0.1 * 0.5 ** (s / 10)), { abs: 1e-15, rel: 1e-12 });
    expect(schedule(10)).toBeCloseTo(0.05, 15);
    expect(schedule(20)).toBeCloseTo(0.025, 15);
  });

  it('with staircase decays in whole periods', () => {
    const schedule = exponentialDecay({ initialValue: 1, transitionSteps: 10, decayRate: 0.5, staircase: true });
    expect(steps.map(schedule)).toEqual([1, 1, 1, 0.5, 0.5, 0.25, 0.125]);
  });

  it('holds initialValue until transitionBegin', () => {
    // optax: decayed count = step - begin; the value is initialValue while it is <= 0.
    const schedule = exponentialDecay({ initialValue: 1, transitionSteps: 10, decayRate: 0.5, transitionBegin: 5 });
    expectAllClose(steps.map(schedule), [1, 1, 1, 0.5 ** 0.5, 0.5, 0.5 ** 1.5, 0.5 ** 3], { abs: 1e-15, rel: 1e-12 });
  });

  it('clips at endValue: a floor when decaying, a ceiling when growing', () => {
    const decaying = exponentialDecay({ initialValue: 1, transitionSteps: 1, decayRate: 0.5, endValue: 0.2 });
    expect([0, 1, 2, 3, 10].map(decaying)).toEqual([1, 0.5, 0.25, 0.2, 0.2]);
    const growing = exponentialDecay({ initialValue: 1, transitionSteps: 1, decayRate: 2, endValue: 5 });
    expect([0, 1, 2, 3, 10].map(growing)).toEqual([1, 2, 4, 5, 5]);
  });

  it('throws where optax would warn and fall back to a constant', () => {
    const base = { initialValue: 1, transitionSteps: 10, decayRate: 0.5 };
    expect(() => exponentialDecay({ ...base, transitionSteps: 0 })).toThrow(
      'exponentialDecay: transitionSteps must be a finite number with 0 < transitionSteps; got 0',
    );
    expect(() => exponentialDecay({ ...base, decayRate: 0 })).toThrow('exponentialDecay: decayRate');
    expect(() => exponentialDecay({ ...base, transitionBegin: -1 })).toThrow('exponentialDecay: transitionBegin');
    expect(() => exponentialDecay({ ...base, endValue: Number.NaN })).toThrow('exponentialDecay: endValue');
  });
});
