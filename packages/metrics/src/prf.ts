import type { Average, ZeroDivision } from './classification-options.js';
import type { LabelStats } from './label-stats.js';

/** Which of the three scores a caller wants warnings for, as scikit-learn's `warn_for`. */
export type WarnFor = readonly ('precision' | 'recall' | 'f-score')[];

/** Options of {@link precisionRecallFscore}, all resolved. */
export interface PrfOptions {
  beta: number;
  average: Average;
  zeroDivision: ZeroDivision;
  warnFor: WarnFor;
  /** Receives each warning; the public functions pass `console.warn` with their name. */
  warn: (message: string) => void;
}

/** Precision, recall and F-beta, averaged (a number) or per label (`average: 'none'`), and supports. */
export interface PrfResult {
  precision: number | number[];
  recall: number | number[];
  fscore: number | number[];
  support: number[];
}

/** The warning scikit-learn's `_warn_prf` gives, with our option name. */
function warning(what: string, modifier: string, size: number, bySample = false): string {
  const [items, of] = bySample ? ['samples', 'labels'] : ['labels', 'samples'];
  const where = size === 1 ? 'due to' : `in ${items} with`;
  return `${what} ill-defined and being set to 0.0 ${where} no ${modifier} ${of}. Use \`zeroDivision\` parameter to control this behavior.`;
}

/**
 * scikit-learn 1.2's `precision_recall_fscore_support` on label counts, in float64, step for
 * step: ratios with a zero denominator take `zeroDivision` (0 for `'warn'`); F-beta is 0 when
 * precision and recall are both 0; `weighted` with no true samples has its own rule.
 */
export function precisionRecallFscore(stats: LabelStats, o: PrfOptions): PrfResult {
  let { truePositives: tp, predicted, actual } = stats;
  const rows = o.average === 'samples' ? stats.rows : undefined;
  if (o.average === 'samples') {
    if (!rows) throw new Error("average 'samples' needs per-sample counts, which only multilabel data has");
    // scikit-learn's samplewise counts are scaled by each sample's weight (a weight of 0 makes 0/0).
    const scale = (xs: number[]) => (rows.weighted ? xs.map((x, i) => x * rows.weight[i]!) : xs);
    [tp, predicted, actual] = [scale(rows.truePositives), scale(rows.predicted), scale(rows.actual)];
  }
  if (o.average === 'micro') {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    [tp, predicted, actual] = [[sum(tp)], [sum(predicted)], [sum(actual)]];
  }
  const zero = o.zeroDivision === 1 ? 1 : 0;
  const divide = (metric: 'precision' | 'recall', denominators: number[], modifier: string): number[] => {
    const out = tp.map((t, i) => (denominators[i] === 0 ? zero : t / denominators[i]!));
    if (o.zeroDivision === 'warn' && o.warnFor.includes(metric) && denominators.includes(0)) {
      const name = metric === 'precision' ? 'Precision' : 'Recall';
      const what = o.warnFor.includes('f-score') ? `${name} and F-score are` : `${name} is`;
      o.warn(warning(what, modifier, out.length, rows !== undefined));
    }
    return out;
  };
  const precision = divide('precision', predicted, 'predicted');
  const recall = divide('recall', actual, 'true');
  if (o.zeroDivision === 'warn' && o.warnFor.length === 1 && o.warnFor[0] === 'f-score') {
    if (actual.some((a, i) => a === 0 && predicted[i] === 0)) o.warn(warning('F-score is', 'true nor predicted', actual.length, rows !== undefined));
  }
  const beta2 = o.beta * o.beta;
  const fscore =
    o.beta === Number.POSITIVE_INFINITY
      ? recall
      : precision.map((p, i) => {
          const r = recall[i]!;
          const denominator = beta2 * p + r;
          return ((1 + beta2) * p * r) / (denominator === 0 ? 1 : denominator);
        });
  const support = stats.actual;
  if (o.average === 'none') return { precision, recall, fscore, support };
  if (o.average === 'weighted') {
    const total = actual.reduce((a, b) => a + b, 0);
    if (total === 0) {
      const allNegative = predicted.every((p) => p === 0);
      return { precision: allNegative ? zero : 0, recall: zero, fscore: allNegative ? zero : 0, support };
    }
    const weighted = (xs: number[]) => xs.reduce((a, x, i) => a + x * actual[i]!, 0) / total;
    return { precision: weighted(precision), recall: weighted(recall), fscore: weighted(fscore), support };
  }
  if (rows) {
    const total = rows.weight.reduce((a, b) => a + b, 0);
    if (total === 0) throw new Error('the sample weights sum to zero, so the samples average is undefined');
    const mean = (xs: number[]) => xs.reduce((a, x, i) => a + x * rows.weight[i]!, 0) / total;
    return { precision: mean(precision), recall: mean(recall), fscore: mean(fscore), support };
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { precision: mean(precision), recall: mean(recall), fscore: mean(fscore), support };
}
