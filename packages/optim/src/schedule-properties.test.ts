// Invariants of the decaying schedules on random arguments (fast-check): they start at the
// initial value, never increase, and stay within [final value, initial value].
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineDecay } from './cosine-decay.js';
import { exponentialDecay } from './exponential-decay.js';
import type { Schedule } from './schedule.js';
import { stepDecay } from './step-decay.js';

const positive = fc.double({ min: 1e-4, max: 10, noNaN: true });
const rate = fc.double({ min: 0.05, max: 0.99, noNaN: true });
const steps = fc.integer({ min: 1, max: 1000 });

function expectNonIncreasing(schedule: Schedule, initial: number): void {
  expect(schedule(0)).toBeCloseTo(initial, 12);
  let previous = schedule(0);
  for (let step = 1; step <= 2000; step += 7) {
    const value = schedule(step);
    expect(value).toBeLessThanOrEqual(previous + 1e-12);
    expect(value).toBeGreaterThanOrEqual(0);
    previous = value;
  }
}

describe('decaying schedules', () => {
  it('start at initialValue and never increase', () => {
    fc.assert(
      fc.property(positive, rate, steps, fc.boolean(), (initialValue, decayRate, transitionSteps, staircase) => {
        expectNonIncreasing(exponentialDecay({ initialValue, decayRate, transitionSteps, staircase }), initialValue);
        expectNonIncreasing(stepDecay({ initialValue, decayRate, stepSize: transitionSteps }), initialValue);
        expectNonIncreasing(cosineDecay({ initialValue, decaySteps: transitionSteps, alpha: decayRate }), initialValue);
      }),
      { numRuns: 50 },
    );
  });
});
