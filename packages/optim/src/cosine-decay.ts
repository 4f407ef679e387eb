import { number } from '@lab/core';
import { checkOptionsOf, POSITIVE } from './check.js';
import type { Schedule } from './schedule.js';

/** Options of {@link cosineDecay}, optax's `cosine_decay_schedule` arguments. */
export interface CosineDecayOptions {
  /** The value at step 0. */
  initialValue: number;
  /** Steps over which the value falls to `alpha * initialValue`; > 0. */
  decaySteps: number;
  /** The final value as a fraction of `initialValue`, in [0, 1]. Default 0. */
  alpha?: number;
  /** Power of the cosine factor, > 0. Default 1. */
  exponent?: number;
}

/**
 * Cosine decay (optax's `cosine_decay_schedule`, Keras's `CosineDecay`):
 * `initialValue * ((1 - alpha) * c ^ exponent + alpha)` with
 * `c = (1 + cos(pi * min(step, decaySteps) / decaySteps)) / 2`; constant after `decaySteps`.
 */
export function cosineDecay(options: CosineDecayOptions): Schedule {
  const constraints = { initialValue: number(), decaySteps: POSITIVE, alpha: number({ min: 0, max: 1 }), exponent: POSITIVE };
  checkOptionsOf('cosineDecay', options, constraints, ['initialValue', 'decaySteps']);
  const { initialValue, decaySteps, alpha = 0, exponent = 1 } = options;
  return (step) => {
    const cosine = (1 + Math.cos((Math.PI * Math.min(Math.max(step, 0), decaySteps)) / decaySteps)) / 2;
    return initialValue * ((1 - alpha) * cosine ** exponent + alpha);
  };
}
