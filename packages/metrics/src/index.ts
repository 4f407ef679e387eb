export { type AccuracyOptions, accuracy, type WeightedAccuracyOptions } from './accuracy.js';
export { Accuracy, type StreamingAccuracyOptions } from './accuracy-metric.js';
export type { RankingAverage } from './average-binary-score.js';
export { type AveragePrecisionOptions, averagePrecisionScore } from './average-precision-score.js';
export { AveragePrecision, type StreamingAveragePrecisionOptions } from './average-precision-metric.js';
export { type BalancedAccuracyOptions, balancedAccuracy, type WeightedBalancedAccuracyOptions } from './balanced-accuracy.js';
export { BalancedAccuracy } from './balanced-accuracy-metric.js';
export type { Average, FBetaOptions, ScoreOptions, Task, TaskOptions, ZeroDivision } from './classification-options.js';
export {
  type ClassificationReport,
  type ClassificationReportOptions,
  classificationReport,
  type ReportClassRow,
  type ReportRow,
} from './classification-report.js';
export { ClassificationReportMetric } from './classification-report-metric.js';
export { type CohenKappaOptions, cohenKappa, type WeightedCohenKappaOptions } from './cohen-kappa.js';
export { CohenKappa } from './cohen-kappa-metric.js';
export { type ConfusionMatrixOptions, confusionMatrix } from './confusion-matrix.js';
export { ConfusionMatrix } from './confusion-matrix-metric.js';
export { CountMetric } from './count-metric.js';
export { explainedVariance } from './explained-variance.js';
export { ExplainedVariance } from './explained-variance-metric.js';
export type { ClassCounts, Counts, MultilabelCounts, SampleRows } from './counts.js';
export { f1, fbeta } from './fbeta.js';
export { F1Score, FBetaScore, type StreamingFBetaOptions } from './fbeta-metric.js';
export { type FormatReportOptions, formatClassificationReport } from './format-classification-report.js';
export { type FormatConfusionMatrixOptions, formatConfusionMatrix } from './format-confusion-matrix.js';
export { type HammingLossOptions, hammingLoss } from './hamming-loss.js';
export { HammingLoss } from './hamming-loss-metric.js';
export type { LabelsInput } from './label-input.js';
export type { ValuesInput } from './host-values.js';
export { type MatthewsCorrcoefOptions, matthewsCorrcoef } from './matthews-corrcoef.js';
export { MatthewsCorrCoef } from './matthews-corrcoef-metric.js';
export { meanAbsoluteError } from './mean-absolute-error.js';
export { MeanAbsoluteError } from './mean-absolute-error-metric.js';
export { meanAbsolutePercentageError } from './mean-absolute-percentage-error.js';
export { MeanAbsolutePercentageError } from './mean-absolute-percentage-error-metric.js';
export { type MeanSquaredErrorOptions, meanSquaredError } from './mean-squared-error.js';
export { MeanSquaredError, RootMeanSquaredError, type StreamingMeanSquaredErrorOptions } from './mean-squared-error-metric.js';
export type { Metric } from './metric.js';
export { type MultilabelConfusionMatrixOptions, multilabelConfusionMatrix } from './multilabel-confusion-matrix.js';
export { precision } from './precision.js';
export { type PrecisionRecallCurve, type PrecisionRecallCurveOptions, precisionRecallCurve } from './precision-recall-curve.js';
export { Precision, type ScoreValue, type StreamingScoreOptions } from './precision-metric.js';
export { r2Score } from './r2-score.js';
export { R2Score } from './r2-score-metric.js';
export { recall } from './recall.js';
export { Recall } from './recall-metric.js';
export type {
  Multioutput,
  RegressionOptions,
  RegressionValue,
  StreamingRegressionOptions,
  StreamingVarianceScoreOptions,
  VarianceScoreOptions,
} from './regression-options.js';
export { AUC, RocAuc, type StreamingRocAucOptions } from './roc-auc-metric.js';
export { type RocAucOptions, rocAucScore } from './roc-auc-score.js';
export { type RocCurve, type RocCurveOptions, rocCurve } from './roc-curve.js';
export type { SampleWeight } from './sample-weight.js';
export type { RankingValue } from './score-list-metric.js';
export { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';
export { type TopKAccuracyOptions, topKAccuracy, type WeightedTopKAccuracyOptions } from './top-k-accuracy.js';
export { TopKAccuracy } from './top-k-accuracy-metric.js';
export { type LabelOptions, toLabels } from './to-labels.js';
