import { any, boolean, type Constraints, checkOptions, number } from '@lab/core';

/**
 * scikit-learn's names of split options that lab spells differently, for the hint of an unknown
 * option: `kFold(10, { n_splits: 3 })` asks "did you mean 'k'?" (`crossValidate`: 'folds').
 * Names that differ only in case or underscores (`test_size`) get @lab/core's own hint.
 */
const SCIKIT_LEARN_NAMES: Readonly<Record<string, readonly string[]>> = {
  n_splits: ['k', 'folds', 'splits'],
  nSplits: ['k', 'folds', 'splits'],
  n_repeats: ['repeats'],
  nRepeats: ['repeats'],
  n_folds: ['k', 'folds'],
  random_state: ['seed'],
  randomState: ['seed'],
  cv: ['folds'],
};

/** The options of `kFold` and `stratifiedKFold`. */
export const K_FOLD_OPTIONS = {
  /** Checked by `checkSplits`: an integer >= 2, at most the number of samples. */
  k: any(),
  shuffle: boolean(),
  seed: number(),
} satisfies Constraints;

/**
 * @lab/core's `checkOptions` for the splits, with scikit-learn's spellings of `k` and `seed`
 * (`n_splits`, `random_state`) hinted at as lab's, in the same message form.
 */
export function checkSplitOptions(owner: string, options: unknown, constraints: Constraints): void {
  if (typeof options === 'object' && options !== null) {
    for (const key of Object.keys(options)) {
      const ours = Object.hasOwn(SCIKIT_LEARN_NAMES, key) ? SCIKIT_LEARN_NAMES[key]!.find((name) => Object.hasOwn(constraints, name)) : undefined;
      if (ours !== undefined && !Object.hasOwn(constraints, key)) {
        throw new Error(`${owner}: unknown option '${key}' (did you mean '${ours}'?); the options are ${Object.keys(constraints).join(', ')}`);
      }
    }
  }
  checkOptions(owner, options, constraints);
}
