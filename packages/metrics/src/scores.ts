import type { Constraints } from '@lab/core';
import { checkScoreOptions, type ScoreOptions } from './classification-options.js';
import type { Counts } from './counts.js';
import { labelStats } from './label-stats.js';
import type { LabelsInput } from './label-input.js';
import { type PrfResult, precisionRecallFscore, type WarnFor } from './prf.js';
import { SCORE_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION } from './sample-weight.js';

/** Warnings of a public function: `console.warn`, prefixed with its name. */
export function warner(fn: string): (message: string) => void {
  return (message) => console.warn(`${fn}: ${message}`);
}

/** Precision, recall and F-beta from counts, with the options of {@link ScoreOptions}. */
export function scoresFromCounts(counts: Counts, options: ScoreOptions, beta: number, warnFor: WarnFor, fn: string): PrfResult {
  return precisionRecallFscore(labelStats(counts, options, fn), {
    beta,
    average: options.average ?? 'binary',
    zeroDivision: options.zeroDivision ?? 'warn',
    warnFor,
    warn: warner(fn),
  });
}

/**
 * Validates options (against `constraints` and `sampleWeight`) and reads a pair into counts, for
 * the functional scores.
 */
export function scoreCounts(yTrue: LabelsInput, yPred: LabelsInput, options: ScoreOptions, fn: string, constraints: Constraints = SCORE_OPTIONS): Counts {
  checkScoreOptions(options, fn, { ...constraints, ...SAMPLE_WEIGHT_OPTION });
  const labels = options.average === 'binary' ? [] : (options.labels ?? []);
  return readCounts(yTrue, yPred, options, fn, {
    extra: labels,
    sampleWeight: options.sampleWeight,
    rows: options.average === 'samples' && options.task === 'multilabel' ? labels : false,
  });
}

/** Checks `beta` as scikit-learn does: a number >= 0 (`Infinity` allowed). */
export function checkBeta(beta: unknown, fn: string): number {
  if (typeof beta !== 'number' || !(beta >= 0)) throw new Error(`${fn}: beta must be a number >= 0; got ${String(beta)}`);
  return beta;
}

