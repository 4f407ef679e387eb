import type { ScoreOptions } from './classification-options.js';
import { type Counts, marginals, presentClasses, type SampleRows } from './counts.js';

/** Per-label true positives, predicted and actual counts of the labels a score looks at. */
export interface LabelStats {
  labels: number[];
  truePositives: number[];
  predicted: number[];
  actual: number[];
  /** Per-row counts over the labels, for `average: 'samples'` (multilabel data read for it). */
  rows?: SampleRows;
}

const OTHER_AVERAGES = "choose one of 'micro', 'macro', 'weighted', 'samples', 'none'";

/**
 * Picks the labels a precision/recall/F-score looks at and their counts, with scikit-learn's
 * rules (`_check_set_wise_labels`): `average: 'binary'` needs binary data (at most two classes in
 * yTrue and yPred together) and scores `posLabel` only; otherwise `labels`, or every class present.
 */
export function labelStats(counts: Counts, options: ScoreOptions, fn: string): LabelStats {
  const average = options.average ?? 'binary';
  if (counts.kind === 'multilabel') {
    const columns = counts.truePositives.length;
    if (average === 'binary') throw new Error(`${fn}: the target is multilabel but average is 'binary'; ${OTHER_AVERAGES}`);
    const labels = options.labels ? [...options.labels] : Array.from({ length: columns }, (_, i) => i);
    for (const label of labels) {
      if (label < 0 || label >= columns) {
        throw new Error(`${fn}: multilabel labels are column indices in [0, ${columns}); got ${label}`);
      }
    }
    return {
      labels,
      truePositives: labels.map((l) => counts.truePositives[l]!),
      predicted: labels.map((l) => counts.predicted[l]!),
      actual: labels.map((l) => counts.actual[l]!),
      ...(counts.rows ? { rows: counts.rows } : {}),
    };
  }
  if (average === 'samples') throw new Error(`${fn}: average 'samples' is only for multilabel data (task: 'multilabel')`);
  const present = presentClasses(counts);
  let labels: number[];
  if (average === 'binary') {
    const posLabel = options.posLabel ?? 1;
    if (present.length > 2) {
      throw new Error(`${fn}: the target is multiclass (classes ${present.join(', ')}) but average is 'binary'; ${OTHER_AVERAGES}`);
    }
    if (present.length === 2 && !present.includes(posLabel)) {
      throw new Error(`${fn}: posLabel ${posLabel} is not a class of the data; it should be one of ${present.join(', ')}`);
    }
    labels = [posLabel];
  } else {
    labels = options.labels ? [...options.labels] : present;
  }
  const n = counts.classes.length;
  const index = new Map(counts.classes.map((c, i) => [c, i]));
  const { actual, predicted } = marginals(counts);
  const pick = (values: ArrayLike<number>) => (label: number) => {
    const i = index.get(label);
    return i === undefined ? 0 : values[i]!;
  };
  const diagonal = counts.classes.map((_, i) => counts.matrix[i * n + i]!);
  return {
    labels,
    truePositives: labels.map(pick(diagonal)),
    predicted: labels.map(pick(predicted)),
    actual: labels.map(pick(actual)),
  };
}
