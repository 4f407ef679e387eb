import { checkNumber } from './check.js';
import { scaleParams } from './params.js';
import type { EmptyState, GradientTransformation } from './types.js';

/**
 * Multiplies updates by a constant `factor`: optax's `scale`. Stateless.
 * Follows the {@link GradientTransformation} memory contract: new update tensors, inputs kept.
 */
export function scale(factor: number): GradientTransformation<EmptyState> {
  checkNumber('scale', 'factor', factor);
  return {
    init: () => ({}),
    update: (grads, state) => ({ updates: scaleParams(grads, factor), state }),
  };
}
