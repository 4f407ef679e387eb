import { closest } from '@lab/core';
import { type AdagradOptions, adagrad } from './adagrad.js';
import { type AdamOptions, adam } from './adam.js';
import { type AdamwOptions, adamw } from './adamw.js';
import { type RmspropOptions, rmsprop } from './rmsprop.js';
import { type SgdOptions, sgd } from './sgd.js';
import type { GradientTransformation } from './types.js';

const SGD_OPTIONS = ['learningRate', 'momentum', 'nesterov'];

// Each optimizer with the options it accepts, so a misspelt option in a config is an error, not a
// silently ignored key. `momentum` and `nesterov` are sgd with momentum 0.9 unless given.
const OPTIMIZERS = {
  sgd: { make: (o: object) => sgd(o as SgdOptions), options: SGD_OPTIONS },
  momentum: { make: (o: object) => sgd({ momentum: 0.9, ...(o as SgdOptions) }), options: SGD_OPTIONS },
  nesterov: {
    make: (o: object) => sgd({ momentum: 0.9, ...(o as SgdOptions), nesterov: true }),
    options: ['learningRate', 'momentum'],
  },
  adam: { make: (o: object) => adam(o as AdamOptions), options: ['learningRate', 'beta1', 'beta2', 'epsilon'] },
  adamw: {
    make: (o: object) => adamw(o as AdamwOptions),
    options: ['learningRate', 'beta1', 'beta2', 'epsilon', 'weightDecay'],
  },
  rmsprop: {
    make: (o: object) => rmsprop(o as RmspropOptions),
    options: ['learningRate', 'decay', 'epsilon', 'epsilonInsideSqrt', 'momentum', 'centered'],
  },
  adagrad: {
    make: (o: object) => adagrad(o as AdagradOptions),
    options: ['learningRate', 'initialAccumulatorValue', 'epsilon', 'epsilonInsideSqrt'],
  },
} as const;

/** A name {@link getOptimizer} accepts (case-insensitively). */
export type OptimizerName = keyof typeof OPTIMIZERS;

/** The names {@link getOptimizer} accepts, for help texts and error messages. */
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as readonly OptimizerName[];

/**
 * Resolves an optimizer named in a config or on the command line, in any case, with its options,
 * or passes a transformation through: `'sgd'`, `'momentum'` (sgd with momentum 0.9 by default),
 * `'nesterov'` (the same with Nesterov), `'adam'`, `'adamw'`, `'rmsprop'`, `'adagrad'`, each with
 * the defaults of its function. `options.learningRate` may be a number or a schedule. Unknown
 * names and unknown options are errors listing the valid ones (with the closest as a hint:
 * `learning_rate` → `learningRate`); option values are checked by the
 * optimizer. Options given with a transformation are an error too, since they could not be applied.
 */
export function getOptimizer(name: 'sgd' | 'momentum' | 'nesterov', options?: SgdOptions): GradientTransformation;
export function getOptimizer(name: 'adam', options?: AdamOptions): GradientTransformation;
export function getOptimizer(name: 'adamw', options?: AdamwOptions): GradientTransformation;
export function getOptimizer(name: 'rmsprop', options?: RmspropOptions): GradientTransformation;
export function getOptimizer(name: 'adagrad', options?: AdagradOptions): GradientTransformation;
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
      const hint = closest(key, optimizer.options);
      throw new Error(`getOptimizer: unknown option "${key}" for ${name}${hint ? ` (did you mean "${hint}"?)` : ''}; valid options are ${valid}`);
    }
  }
  return optimizer.make(options ?? {});
}
