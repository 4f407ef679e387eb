import type { LabelsInput } from './label-input.js';
import type { SampleWeight } from './sample-weight.js';

/**
 * A streaming metric in torchmetrics' shape: `update` accumulates a batch on the device without
 * reading it back (so a training loop can call it every step), `compute` reads the result once.
 * A metric owns its state tensors; call `dispose` when done with it.
 */
export interface Metric<Value = number> {
  /**
   * Adds one batch, each sample weighted by `sampleWeight` when given (scikit-learn's
   * `sample_weight`; one finite number per sample, checked by shape only, as values stay on the
   * device). Inputs are not disposed; they may be disposed right after the call.
   */
  update(yTrue: LabelsInput, yPred: LabelsInput, sampleWeight?: SampleWeight): void;
  /** The value over every batch since construction or the last `reset`, read asynchronously. */
  compute(): Promise<Value>;
  /** As `compute`, with a synchronous read (blocks on GPU backends). */
  computeSync(): Value;
  /** Forgets every batch; the metric can be used again. */
  reset(): void;
  /** Frees the state tensors; later calls other than `dispose` throw. */
  dispose(): void;
}
