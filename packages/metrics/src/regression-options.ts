import { array, boolean, type Constraints, checkOptions, number, oneOf } from '@lab/core';
import { column, type HostMatrix, readMatrix, type ValuesInput } from './host-values.js';
import { formatShape, inputShape } from './label-input.js';
import { readSampleWeight, SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/**
 * How the errors of several outputs (columns of `[N, K]` targets) are combined, as
 * scikit-learn's `multioutput`: `'raw_values'` gives one number per output, `'uniform_average'`
 * their mean, `'variance_weighted'` (R² and explained variance only) their mean weighted by each
 * output's variance, and an array of K weights their weighted mean.
 */
export type Multioutput = 'raw_values' | 'uniform_average' | 'variance_weighted' | readonly number[];

/** Options of every regression metric, with scikit-learn 1.2's defaults. */
export interface RegressionOptions {
  /** One weight per sample; default all 1. See {@link SampleWeight}. */
  sampleWeight?: SampleWeight;
  /** See {@link Multioutput}. Default `'uniform_average'`. */
  multioutput?: Exclude<Multioutput, 'variance_weighted'>;
}

/** Options of {@link r2Score} and {@link explainedVariance}. */
export interface VarianceScoreOptions extends Omit<RegressionOptions, 'multioutput'> {
  /** See {@link Multioutput}. Default `'uniform_average'`. */
  multioutput?: Multioutput;
  /**
   * scikit-learn's `force_finite`: a constant target scores 1 when predicted exactly and 0
   * otherwise, instead of NaN or -Infinity. Default true.
   */
  forceFinite?: boolean;
}

const MULTIOUTPUT = [oneOf('raw_values', 'uniform_average'), array(number())];

/** The constraints of {@link RegressionOptions}. */
export const REGRESSION_OPTIONS = { ...SAMPLE_WEIGHT_OPTION, multioutput: MULTIOUTPUT } satisfies Constraints;

/** The constraints of {@link VarianceScoreOptions}. */
export const VARIANCE_SCORE_OPTIONS = {
  ...SAMPLE_WEIGHT_OPTION,
  multioutput: [oneOf('raw_values', 'uniform_average', 'variance_weighted'), array(number())],
  forceFinite: boolean(),
} satisfies Constraints;

/** Options of the streaming regression metrics: `sampleWeight` is an argument of `update` instead. */
export type StreamingRegressionOptions = Omit<RegressionOptions, 'sampleWeight'>;

/** Options of the streaming R² and explained variance: `sampleWeight` is an argument of `update`. */
export type StreamingVarianceScoreOptions = Omit<VarianceScoreOptions, 'sampleWeight'>;

/** The constraints of {@link StreamingRegressionOptions}. */
export const STREAMING_REGRESSION_OPTIONS = { multioutput: MULTIOUTPUT } satisfies Constraints;

/** The constraints of {@link StreamingVarianceScoreOptions}. */
export const STREAMING_VARIANCE_SCORE_OPTIONS = {
  multioutput: VARIANCE_SCORE_OPTIONS.multioutput,
  forceFinite: VARIANCE_SCORE_OPTIONS.forceFinite,
} satisfies Constraints;

/** What a streaming regression metric computes for options `O`: one number per output for `'raw_values'`. */
export type RegressionValue<O extends { multioutput?: Multioutput }> = O['multioutput'] extends 'raw_values' ? number[] : number;

/**
 * The same K outputs on both sides, and K custom `multioutput` weights (only when K > 1), as
 * scikit-learn's `_check_reg_targets`; `shapes` ends the message.
 */
export function checkOutputs(trueColumns: number, predColumns: number, multioutput: Multioutput | undefined, shapes: string, fn: string): void {
  if (trueColumns !== predColumns) throw new Error(`${fn}: yTrue has ${trueColumns} outputs but yPred has ${predColumns} (${shapes})`);
  if (Array.isArray(multioutput)) {
    if (trueColumns === 1) throw new Error(`${fn}: multioutput weights are only for several outputs; yTrue has one (${shapes})`);
    if (multioutput.length !== trueColumns) {
      throw new Error(`${fn}: multioutput has ${multioutput.length} weights but there are ${trueColumns} outputs`);
    }
  }
}

/** A checked regression pair on the host: targets, predictions, weights, as float64 columns. */
export interface RegressionPair {
  yTrue: HostMatrix;
  yPred: HostMatrix;
  weight: Float64Array | undefined;
  /** Column j of yTrue and of yPred. */
  columns: { yTrue: Float64Array; yPred: Float64Array }[];
}

/**
 * Validates options (unknown names, values) and reads a `(yTrue, yPred)` pair of `[N]` or
 * `[N, K]` numbers to the host in float64 (one synchronous read per tensor), as scikit-learn's
 * `_check_reg_targets`: the same N (at least 1) and K on both sides, finite values, one finite
 * weight per sample, K custom `multioutput` weights (only when K > 1).
 */
export function readRegressionPair(
  yTrue: ValuesInput,
  yPred: ValuesInput,
  options: RegressionOptions | VarianceScoreOptions,
  fn: string,
  constraints: Constraints = REGRESSION_OPTIONS,
): RegressionPair {
  checkOptions(fn, options, constraints);
  const trueShape = inputShape(yTrue);
  const predShape = inputShape(yPred);
  const shapes = `yTrue shape ${formatShape(trueShape)}, yPred shape ${formatShape(predShape)}`;
  if (trueShape[0] !== predShape[0]) throw new Error(`${fn}: yTrue has ${trueShape[0]} samples but yPred has ${predShape[0]} (${shapes})`);
  if (trueShape[0] === 0) throw new Error(`${fn}: yTrue and yPred are empty (${shapes})`);
  const t = readMatrix(yTrue, fn, 'yTrue');
  const p = readMatrix(yPred, fn, 'yPred');
  checkOutputs(t.columns, p.columns, options.multioutput, shapes, fn);
  const weight = readSampleWeight(options.sampleWeight, t.rows, fn);
  const columns = Array.from({ length: t.columns }, (_, j) => ({ yTrue: column(t, j), yPred: column(p, j) }));
  return { yTrue: t, yPred: p, weight, columns };
}

/** numpy's `np.average(values, weights)`: an error when the weights sum to zero. */
export function average(values: ArrayLike<number>, weights: ArrayLike<number> | undefined, fn: string, what = 'sampleWeight'): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i]! : 1;
    sum += values[i]! * w;
    total += w;
  }
  if (total === 0) throw new Error(`${fn}: the weights (${what}) sum to zero, so the average is undefined`);
  return sum / total;
}

/** Per-output values combined as `multioutput` says (`'variance_weighted'` is handled by the caller). */
export function combineOutputs(values: number[], multioutput: Multioutput | undefined, fn: string): number | number[] {
  if (multioutput === 'raw_values') return values;
  if (multioutput === undefined || multioutput === 'uniform_average') return average(values, undefined, fn);
  if (multioutput === 'variance_weighted') throw new Error(`${fn}: multioutput 'variance_weighted' is not defined here`);
  return average(values, multioutput, fn, 'multioutput');
}
