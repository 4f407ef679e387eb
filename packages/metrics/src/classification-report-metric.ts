import {
  type ClassificationReport,
  type ClassificationReportOptions,
  classificationReportFromCounts,
} from './classification-report.js';
import { checkZeroDivision } from './classification-options.js';
import type { Counts } from './counts.js';
import { MULTILABEL_ADVICE } from './indicator-check.js';
import { REPORT_OPTIONS, STREAMING_OPTIONS } from './option-constraints.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link classificationReport}: accumulates counts on the device over an epoch or a
 * test set; `compute` equals the function on the concatenated batches.
 *
 * @example
 * const report = new ClassificationReportMetric({ numClasses: 10 });
 * for (const [y, out] of batches) report.update(y, out);
 * console.log(formatClassificationReport(await report.compute()));
 * report.dispose();
 */
export class ClassificationReportMetric extends StatScoresMetric<ClassificationReport> {
  private readonly options: ClassificationReportOptions;

  /** @param options see {@link ClassificationReportOptions}, plus `numClasses` */
  constructor(options: ClassificationReportOptions & StreamingOptions = {}) {
    super('ClassificationReportMetric', options, { ...REPORT_OPTIONS, ...STREAMING_OPTIONS }, MULTILABEL_ADVICE, options.task === 'multilabel');
    checkZeroDivision(options.zeroDivision, 'ClassificationReportMetric');
    this.options = options;
  }

  protected fromCounts(counts: Counts): ClassificationReport {
    return classificationReportFromCounts(counts, this.options, 'ClassificationReportMetric');
  }
}
