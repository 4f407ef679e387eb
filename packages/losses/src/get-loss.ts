import { type Constraints, checkOptions } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import { binaryCrossentropy } from './binary-crossentropy.js';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { HUBER_OPTIONS, huber } from './huber.js';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { meanSquaredError } from './mean-squared-error.js';
import { BINARY_OPTIONS, CATEGORICAL_OPTIONS, LOSS_OPTIONS, SPARSE_OPTIONS } from './option-constraints.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';
import type { LossFn } from './types.js';

/** A loss that takes an options object as its third argument. */
type LossWithOptions = (yTrue: tf.Tensor, yPred: tf.Tensor, options?: object) => tf.Tensor;

// Keyed by the CLI's kebab-case names; every spelling is matched after normalising (see below).
const LOSSES = {
  'mean-squared-error': meanSquaredError,
  mse: meanSquaredError,
  'mean-absolute-error': meanAbsoluteError,
  mae: meanAbsoluteError,
  huber,
  'binary-crossentropy': binaryCrossentropy,
  'categorical-crossentropy': categoricalCrossentropy,
  'sparse-categorical-crossentropy': sparseCategoricalCrossentropy,
} as const satisfies Record<string, LossWithOptions>;

// Each loss's name in messages and the constraints of its options, to check them at getLoss.
const OPTIONS = new Map<LossWithOptions, [string, Constraints]>([
  [meanSquaredError, ['meanSquaredError', LOSS_OPTIONS]],
  [meanAbsoluteError, ['meanAbsoluteError', LOSS_OPTIONS]],
  [huber, ['huber', HUBER_OPTIONS]],
  [binaryCrossentropy, ['binaryCrossentropy', BINARY_OPTIONS]],
  [categoricalCrossentropy, ['categoricalCrossentropy', CATEGORICAL_OPTIONS]],
  [sparseCategoricalCrossentropy, ['sparseCategoricalCrossentropy', SPARSE_OPTIONS]],
]);

/** The names {@link getLoss} lists: the CLI's kebab-case names and the short `mse` and `mae`. */
export const LOSS_NAMES = Object.keys(LOSSES) as readonly (keyof typeof LOSSES)[];

/**
 * A name {@link getLoss} accepts. Any spelling of these is accepted at run time: kebab-case
 * (`'categorical-crossentropy'`), camelCase (`'categoricalCrossentropy'`), Keras's snake_case
 * (`'categorical_crossentropy'`) or class name (`'CategoricalCrossentropy'`), and `'mse'`, `'mae'`.
 */
export type LossName =
  | (typeof LOSS_NAMES)[number]
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy';

const normalise = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');
const BY_NORMALISED = new Map<string, LossWithOptions>(
  Object.entries(LOSSES).map(([name, loss]) => [normalise(name), loss]),
);

/**
 * Resolves a loss named in a config or on the command line, or passes a function through.
 *
 * Without `options` it returns the loss function itself (with its default options:
 * probabilities, `'mean'`), so `getLoss('mse') === meanSquaredError`. With `options` (for example
 * `{ fromLogits: true }`, `{ delta: 2 }`) it returns a `LossFn` that calls the loss with them.
 * An unknown name is an error that lists the valid names; unknown options are an error here,
 * with a "did you mean" hint, and values are checked here or by the loss on its first call. A
 * function passes through (options with it are an error).
 */
export function getLoss(nameOrFn: LossName | LossFn, options?: object): LossFn;
export function getLoss(nameOrFn: string | LossFn, options?: object): LossFn;
export function getLoss(nameOrFn: string | LossFn, options?: object): LossFn {
  if (typeof nameOrFn === 'function') {
    if (options !== undefined) {
      throw new Error('getLoss: options apply only to a loss given by name');
    }
    return nameOrFn;
  }
  const loss = BY_NORMALISED.get(normalise(String(nameOrFn)));
  if (loss === undefined) {
    throw new Error(`Unknown loss "${nameOrFn}"; valid names are ${LOSS_NAMES.join(', ')}`);
  }
  if (options === undefined) {
    return loss;
  }
  const [owner, constraints] = OPTIONS.get(loss)!;
  checkOptions(owner, options, constraints);
  const bound = { ...options };
  return (yTrue, yPred) => loss(yTrue, yPred, bound);
}
