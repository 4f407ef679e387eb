import { checkOptions, integer } from '@lab/core';
import type { ClassificationReport, ReportRow } from './classification-report.js';
import { formatFixed } from './format-fixed.js';

/** Options of {@link formatClassificationReport}. */
export interface FormatReportOptions {
  /** Decimals of precision, recall and F1. Default 2, as scikit-learn. */
  digits?: number;
}

/**
 * A {@link ClassificationReport} as the text scikit-learn's `classification_report` prints,
 * character for character (same column widths, rounding and blank lines), ending in a newline.
 *
 * @example
 * console.log(formatClassificationReport(classificationReport([0, 1, 2, 2], [0, 2, 2, 2])));
 */
export function formatClassificationReport(report: ClassificationReport, options: FormatReportOptions = {}): string {
  checkOptions('formatClassificationReport', options, { digits: integer({ min: 0 }) });
  const digits = options.digits ?? 2;
  const heading = 'weighted avg';
  const width = Math.max(heading.length, digits, ...report.classes.map((c) => c.name.length));
  const cell = (text: string) => ` ${text.padStart(9)}`;
  // scikit-learn's supports turn float ("6.0") when no sample at all is right (its bincount of no
  // true positives is a float array); reproduced where the report shows it, accuracy 0.
  const count = (n: number) => (report.accuracy === 0 ? n.toFixed(1) : String(n));
  const line = (name: string, row: ReportRow) =>
    `${name.padStart(width)} ${[row.precision, row.recall, row.f1].map((v) => cell(formatFixed(v, digits))).join('')}${cell(count(row.support))}\n`;
  let text = `${''.padStart(width)} ${['precision', 'recall', 'f1-score', 'support'].map(cell).join('')}\n\n`;
  for (const row of report.classes) text += line(row.name, row);
  text += '\n';
  if (report.accuracy !== undefined) {
    // scikit-learn's accuracy line leaves precision and recall blank.
    text += `${'accuracy'.padStart(width)} ${cell('')}${cell('')}${cell(formatFixed(report.accuracy, digits))}${cell(count(report.macroAvg.support))}\n`;
  } else if (report.microAvg) {
    text += line('micro avg', report.microAvg);
  }
  text += line('macro avg', report.macroAvg);
  text += line(heading, report.weightedAvg);
  if (report.samplesAvg) text += line('samples avg', report.samplesAvg);
  return text;
}
