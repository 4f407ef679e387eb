import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { meanSquaredError } from './mean-squared-error.js';
import type { LossFn } from './types.js';

const LOSSES = {
  categoricalCrossentropy,
  categorical_crossentropy: categoricalCrossentropy,
  meanSquaredError,
  mse: meanSquaredError,
  mean_squared_error: meanSquaredError,
} as const satisfies Record<string, LossFn>;

/** A name {@link getLoss} accepts: our camelCase name or the Keras name (and `mse`). */
export type LossName = keyof typeof LOSSES;

/** The names {@link getLoss} accepts, for help texts and error messages. */
export const LOSS_NAMES = Object.keys(LOSSES) as readonly LossName[];

/**
 * Resolves a loss named in a config or on the command line, or passes a function through.
 * Returns the loss function itself (with its default options: probabilities, `'mean'`).
 * An unknown name is an error that lists the valid names.
 */
export function getLoss(nameOrFn: LossName | LossFn): LossFn;
export function getLoss(nameOrFn: string | LossFn): LossFn;
export function getLoss(nameOrFn: string | LossFn): LossFn {
  if (typeof nameOrFn === 'function') {
    return nameOrFn;
  }
  if (Object.hasOwn(LOSSES, nameOrFn)) {
    return LOSSES[nameOrFn as LossName];
  }
  throw new Error(`Unknown loss "${nameOrFn}"; valid names are ${LOSS_NAMES.join(', ')}`);
}
