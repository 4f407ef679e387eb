import { type AdamOptions, adam } from './adam.js';
import { type SgdOptions, sgd } from './sgd.js';
import type { GradientTransformation } from './types.js';

// Each optimizer with the options it accepts, so a misspelt option in a config is an error, not a
// silently ignored key.
const OPTIMIZERS = {
  sgd: { make: (options: object) => sgd(options as SgdOptions), options: ['learningRate'] },
  adam: {
    make: (options: object) => adam(options as AdamOptions),
    options: ['learningRate', 'beta1', 'beta2', 'epsilon'],
  },
} as const;

/** A name {@link getOptimizer} accepts (case-insensitively). */
export type OptimizerName = keyof typeof OPTIMIZERS;

/** The names {@link getOptimizer} accepts, for help texts and error messages. */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as readonly OptimizerName[];

/**
 * Resolves an optimizer named in a config or on the command line (`'sgd'`, `'adam'`, in any case)
 * with its options, or passes a transformation through. Unknown names and unknown options are
 * errors listing the valid ones; option values are checked by the optimizer. Options given with
 * a transformation are an error too, since they could not be applied.
 */
export function getOptimizer(name: 'sgd', options?: SgdOptions): GradientTransformation;
export function getOptimizer(name: 'adam', options?: AdamOptions): GradientTransformation;
export function getOptimizer(
  nameOrTransform: string | GradientTransformation,
  options?: object,
): GradientTransformation;
export function getOptimizer(
  nameOrTransform: string | GradientTransformation,
  options?: object,
): GradientTransformation {
  if (typeof nameOrTransform !== 'string') {
    if (options !== undefined) {
      throw new Error('getOptimizer: options apply only to an optimizer given by name');
    }
    return nameOrTransform;
  }
  const name = nameOrTransform.toLowerCase();
  if (!Object.hasOwn(OPTIMIZERS, name)) {
    throw new Error(`Unknown optimizer "${nameOrTransform}"; valid names are ${OPTIMIZER_NAMES.join(', ')}`);
  }
  const optimizer = OPTIMIZERS[name as OptimizerName];
  for (const key of Object.keys(options ?? {})) {
    if (!(optimizer.options as readonly string[]).includes(key)) {
      const valid = optimizer.options.join(', ');
      throw new Error(`getOptimizer: unknown option "${key}" for ${name}; valid options are ${valid}`);
    }
  }
  return optimizer.make(options ?? {});
}
