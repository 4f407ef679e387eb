import type { FBetaOptions, ScoreOptions } from './classification-options.js';
import type { LabelsInput } from './label-input.js';
import { FBETA_OPTIONS } from './option-constraints.js';
import { checkBeta, scoreCounts, scoresFromCounts } from './scores.js';

/**
 * F-beta, (1 + β²)·P·R / (β²·P + R), as scikit-learn 1.2's `fbeta_score` (0 when P and R are
 * both 0); `beta` is required. Options, inputs and result otherwise as {@link precision}.
 *
 * @example
 * fbeta([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro', beta: 0.5 }) // → 0.23809523809523805
 */
export function fbeta(yTrue: LabelsInput, yPred: LabelsInput, options: FBetaOptions & { average: 'none' }): number[];
export function fbeta(yTrue: LabelsInput, yPred: LabelsInput, options: FBetaOptions): number;
export function fbeta(yTrue: LabelsInput, yPred: LabelsInput, options: FBetaOptions): number | number[] {
  const beta = checkBeta(options?.beta, 'fbeta');
  return scoresFromCounts(scoreCounts(yTrue, yPred, options, 'fbeta', FBETA_OPTIONS), options, beta, ['f-score'], 'fbeta').fscore;
}

/**
 * F1, the harmonic mean of precision and recall, as scikit-learn 1.2's `f1_score`: {@link fbeta}
 * with beta 1. Options, inputs and result as {@link precision}.
 *
 * @example
 * f1([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], { average: 'macro' }) // → 0.26666666666666666
 */
export function f1(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions & { average: 'none' }): number[];
export function f1(yTrue: LabelsInput, yPred: LabelsInput, options?: ScoreOptions): number;
export function f1(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions = {}): number | number[] {
  return scoresFromCounts(scoreCounts(yTrue, yPred, options, 'f1'), options, 1, ['f-score'], 'f1').fscore;
}
