import { checkOptions } from '@lab/core';
import { checkLabelList, checkZeroDivision, type TaskOptions, type ZeroDivision } from './classification-options.js';
import { type Counts, presentClasses } from './counts.js';
import type { LabelsInput } from './label-input.js';
import { REPORT_OPTIONS } from './option-constraints.js';
import { labelStats } from './label-stats.js';
import { precisionRecallFscore } from './prf.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';
import { warner } from './scores.js';

/** Precision, recall, F1 and support of one row of a {@link ClassificationReport}. */
export interface ReportRow {
  precision: number;
  recall: number;
  f1: number;
  /** Number of true samples (summed over the labels, for the averages). */
  support: number;
}

/** One class (or multilabel column) of a {@link ClassificationReport}. */
export interface ReportClassRow extends ReportRow {
  /** The class value (column index for multilabel). */
  label: number;
  /** Its name: from `targetNames`, else the label as text. */
  name: string;
}

/**
 * scikit-learn's `classification_report(..., output_dict=True)` as a typed object: a row per label,
 * then either `accuracy` (binary and multiclass data scored on all its classes, where micro
 * averages equal accuracy) or `microAvg` (otherwise), and the macro and weighted averages.
 */
export interface ClassificationReport {
  classes: ReportClassRow[];
  /** Accuracy, when it equals the micro averages; then `microAvg` is absent. */
  accuracy?: number;
  /** Micro averages, when they differ from accuracy (multilabel data, or a `labels` subset). */
  microAvg?: ReportRow;
  macroAvg: ReportRow;
  weightedAvg: ReportRow;
  /** Multilabel data only: the mean over samples of each sample's scores (scikit-learn's `samples avg`). */
  samplesAvg?: ReportRow;
}

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions extends TaskOptions {
  /** Labels to report and their order; default every class present (multilabel: every column). */
  labels?: readonly number[];
  /** A display name for each label, in the order of `labels` (e.g. `['cat', 'dog']`). */
  targetNames?: readonly string[];
  /** See {@link ZeroDivision}; default `'warn'`. */
  zeroDivision?: ZeroDivision;
  /**
   * Functional only: one weight per sample (scikit-learn's `sample_weight`); supports sum
   * weights. Streaming: `update`'s third argument.
   */
  sampleWeight?: SampleWeight;
}

/** The report of counts, with the options of {@link classificationReport}. */
export function classificationReportFromCounts(
  counts: Counts,
  options: ClassificationReportOptions,
  fn: string,
): ClassificationReport {
  const zeroDivision = options.zeroDivision ?? 'warn';
  const seen = new Set<string>();
  const warnOnce = warner(fn);
  const warn = (message: string) => {
    if (!seen.has(message)) warnOnce(message);
    seen.add(message);
  };
  const stats = labelStats(counts, { labels: options.labels, average: 'none' }, fn);
  const names = options.targetNames ?? stats.labels.map(String);
  if (names.length !== stats.labels.length) {
    throw new Error(`${fn}: targetNames has ${names.length} names but there are ${stats.labels.length} labels (${stats.labels.join(', ')})`);
  }
  const score = (average: 'none' | 'micro' | 'macro' | 'weighted' | 'samples') =>
    precisionRecallFscore(stats, { beta: 1, average, zeroDivision, warnFor: ['precision', 'recall', 'f-score'], warn });
  const perClass = score('none');
  const support = stats.actual.reduce((a, b) => a + b, 0);
  const row = (average: 'micro' | 'macro' | 'weighted' | 'samples'): ReportRow => {
    const r = score(average);
    return { precision: r.precision as number, recall: r.recall as number, f1: r.fscore as number, support };
  };
  const at = (xs: number | number[], i: number) => (xs as number[])[i]!;
  const classes = stats.labels.map((label, i) => ({
    label,
    name: names[i]!,
    precision: at(perClass.precision, i),
    recall: at(perClass.recall, i),
    f1: at(perClass.fscore, i),
    support: stats.actual[i]!,
  }));
  const micro = row('micro');
  const microIsAccuracy =
    counts.kind === 'classes' && (!options.labels || sameSet(options.labels, presentClasses(counts)));
  return {
    classes,
    ...(microIsAccuracy ? { accuracy: micro.f1 } : { microAvg: micro }),
    macroAvg: row('macro'),
    weightedAvg: row('weighted'),
    ...(counts.kind === 'multilabel' && counts.rows ? { samplesAvg: row('samples') } : {}),
  };
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/**
 * Per-class precision, recall, F1 and support with their averages, as scikit-learn 1.2's
 * `classification_report(..., output_dict=True)`; {@link formatClassificationReport} prints it as
 * scikit-learn's text. Binary, multiclass or (`task: 'multilabel'`) multilabel data; one
 * synchronous read; inputs are not disposed. Multilabel reports end in `samplesAvg`, as
 * scikit-learn's `samples avg` row. `sampleWeight` weighs each sample.
 *
 * @example
 * const report = classificationReport([0, 1, 2, 2], [0, 2, 2, 2]);
 * report.accuracy; // → 0.75
 * report.classes[2]; // → { label: 2, name: '2', precision: 0.6666666666666666, recall: 1, f1: 0.8, support: 2 }
 */
export function classificationReport(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const fn = 'classificationReport';
  checkOptions(fn, options, { ...REPORT_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  checkLabelList(options.labels, fn);
  checkZeroDivision(options.zeroDivision, fn);
  const counts = readCounts(yTrue, yPred, options, fn, {
    extra: options.labels ?? [],
    sampleWeight: options.sampleWeight,
    rows: options.task === 'multilabel' ? (options.labels ?? []) : false,
  });
  return classificationReportFromCounts(counts, options, fn);
}
