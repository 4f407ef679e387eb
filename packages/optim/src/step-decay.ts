import { number } from '@lab/core';
import { checkOptionsOf, POSITIVE } from './check.js';
import type { Schedule } from './schedule.js';

/** Options of {@link stepDecay}. */
export interface StepDecayOptions {
  /** The value for the first `stepSize` steps. */
  initialValue: number;
  /** Steps between decays, a positive integer (PyTorch's `step_size`). */
  stepSize: number;
  /** Factor applied every `stepSize` steps, > 0 (PyTorch's `gamma`). Default 0.1. */
  decayRate?: number;
}

/**
 * PyTorch's `StepLR` as a schedule: `initialValue * decayRate ^ floor(step / stepSize)`. (It is
 * `exponentialDecay` with `staircase: true`, kept under its familiar name.)
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  // stepSize keeps its own message for fractions ("a positive integer").
  checkOptionsOf('stepDecay', options, { initialValue: number(), stepSize: number({ min: 1 }), decayRate: POSITIVE }, ['initialValue', 'stepSize']);
  const { initialValue, stepSize, decayRate = 0.1 } = options;
  if (!Number.isInteger(stepSize)) {
    throw new Error(`stepDecay: stepSize must be a positive integer; got ${stepSize}`);
  }
  return (step) => initialValue * decayRate ** Math.floor(step / stepSize);
}
