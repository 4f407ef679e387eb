// The schedules beyond constant and exponentialDecay, against their closed forms.
import { expectAllClose } from '@lab/testing';
import { describe, expect, it } from 'vitest';
import { cosineDecay } from './cosine-decay.js';
import { join } from './join.js';
import { linearWarmup } from './linear-warmup.js';
import { piecewiseConstant } from './piecewise-constant.js';
import { stepDecay } from './step-decay.js';

const steps = [0, 1, 5, 10, 11, 20, 99, 100, 150];

describe('piecewiseConstant', () => {
  it("holds values[i] up to and including boundaries[i] (Keras's PiecewiseConstantDecay)", () => {
    const schedule = piecewiseConstant({ boundaries: [10, 100], values: [1, 0.5, 0.1] });
    expect(steps.map(schedule)).toEqual([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.1]);
  });

  it('refuses mismatched or unordered arguments', () => {
    expect(() => piecewiseConstant({ boundaries: [10], values: [1] })).toThrow(
      'values needs exactly one more entry than boundaries; got 1 values for 1 boundaries',
    );
    expect(() => piecewiseConstant({ boundaries: [10, 10], values: [1, 2, 3] })).toThrow(
      'piecewiseConstant: boundaries[1] must be a finite number with 10 < boundaries[1]; got 10',
    );
  });
});

describe('stepDecay', () => {
  it('is initialValue * decayRate ^ floor(step / stepSize) (PyTorch StepLR)', () => {
    const schedule = stepDecay({ initialValue: 0.1, stepSize: 10, decayRate: 0.5 });
    expectAllClose(steps.map(schedule), steps.map((s) => 0.1 * 0.5 ** Math.floor(s / 10)), { abs: 0, rel: 1e-12 });
    expect(stepDecay({ initialValue: 1, stepSize: 3 })(3)).toBeCloseTo(0.1, 15);
    expect(() => stepDecay({ initialValue: 1, stepSize: 2.5 })).toThrow('stepSize must be a positive integer; got 2.5');
  });
});

describe('cosineDecay', () => {
  it('follows initialValue * ((1 - alpha) * ((1 + cos(pi t / T)) / 2)^exponent + alpha), then holds', () => {
    const schedule = cosineDecay({ initialValue: 2, decaySteps: 100, alpha: 0.1, exponent: 2 });
    const expected = steps.map((s) => {
      const c = (1 + Math.cos((Math.PI * Math.min(s, 100)) / 100)) / 2;
      return 2 * (0.9 * c ** 2 + 0.1);
    });
    expectAllClose(steps.map(schedule), expected, { abs: 0, rel: 1e-12 });
    expect(schedule(0)).toBe(2);
    expect(schedule(100)).toBeCloseTo(0.2, 12);
    expect(() => cosineDecay({ initialValue: 1, decaySteps: 0 })).toThrow('cosineDecay: decaySteps');
    expect(() => cosineDecay({ initialValue: 1, decaySteps: 10, alpha: 2 })).toThrow('cosineDecay: alpha');
  });
});

describe('linearWarmup and join', () => {
  it('ramps linearly to the peak, then holds it', () => {
    const schedule = linearWarmup({ initialValue: 0.1, peakValue: 1.1, warmupSteps: 10 });
    expectAllClose([0, 1, 5, 10, 20].map(schedule), [0.1, 0.2, 0.6, 1.1, 1.1], { abs: 0, rel: 1e-12 });
    expect(() => linearWarmup({ peakValue: 1, warmupSteps: 0 })).toThrow('linearWarmup: warmupSteps');
  });

  it('joins warm-up and cosine decay, restarting the step count at each boundary', () => {
    const warmup = linearWarmup({ peakValue: 1, warmupSteps: 10 });
    const decay = cosineDecay({ initialValue: 1, decaySteps: 90 });
    const schedule = join([warmup, decay], [10]);
    expectAllClose([0, 5, 9, 10, 55, 100, 200].map(schedule), [0, 0.5, 0.9, 1, 0.5, 0, 0], { abs: 1e-12, rel: 0 });
    expect(() => join([warmup, decay], [])).toThrow('join: needs one boundary fewer than schedules; got 2 schedules and 0 boundaries');
    expect(() => join([warmup, decay, warmup], [10, 5])).toThrow('join: boundaries[1]');
  });
});
