import type { ScoreOptions } from './classification-options.js';
import type { LabelsInput } from './label-input.js';
import { scoreCounts, scoresFromCounts } from './scores.js';

/**
 * Precision, tp / (tp + fp), as scikit-learn 1.2's `precision_score`: in float64, with
 * `average` (default `'binary'`), `labels`, `posLabel` and `zeroDivision` (see
 * {@link ScoreOptions}). Inputs are read as {@link toLabels} does, or as `[N, L]` indicators
 * with `task: 'multilabel'`. Reads the labels back once, synchronously; disposes nothing given.
 * Returns one number, or one per label for `average: 'none'`.
 *
 * @example
 * precision([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }) // → 0.2222222222222222
 */
export function precision(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions & { average: 'none' }): number[];
export function precision(yTrue: LabelsInput, yPred: LabelsInput, options?: ScoreOptions): number;
export function precision(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions = {}): number | number[] {
  return scoresFromCounts(scoreCounts(yTrue, yPred, options, 'precision'), options, 1, ['precision'], 'precision').precision;
}
