export { type AccuracyOptions, accuracy } from './accuracy.js';
export { Accuracy } from './accuracy-metric.js';
export type { LabelsInput } from './label-input.js';
export type { Metric } from './metric.js';
export { type LabelOptions, toLabels } from './to-labels.js';
