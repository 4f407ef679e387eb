import type { ScoreOptions } from './classification-options.js';
import type { LabelsInput } from './label-input.js';
import { scoreCounts, scoresFromCounts } from './scores.js';

/**
 * Recall, tp / (tp + fn), as scikit-learn 1.2's `recall_score`; options, inputs and result as
 * {@link precision}.
 *
 * @example
 * recall([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }) // → 0.3333333333333333
 */
export function recall(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions & { average: 'none' }): number[];
export function recall(yTrue: LabelsInput, yPred: LabelsInput, options?: ScoreOptions): number;
export function recall(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions = {}): number | number[] {
  return scoresFromCounts(scoreCounts(yTrue, yPred, options, 'recall'), options, 1, ['recall'], 'recall').recall;
}
