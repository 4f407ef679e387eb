import { boolean, checkOptions, integer, number, string } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { Logs } from '../callbacks.js';
import { ModelCallback } from './model-callback.js';
import { direction, improves, MODE, type MonitorMode, monitored } from './monitor.js';

/** Options of {@link EarlyStopping}, with Keras's names (camelCase) and defaults. */
export interface EarlyStoppingOptions {
  /** The logged quantity to watch (default `'val_loss'`). */
  monitor?: string;
  /** The least change that counts as an improvement; its sign is ignored (default 0). */
  minDelta?: number;
  /** Epochs without improvement after which training stops (default 0). */
  patience?: number;
  /** `'min'`, `'max'`, or `'auto'` (default): from the monitor's name (losses down, accuracies and scores up). */
  mode?: MonitorMode;
  /** A value to reach: until the monitor beats it, improvements do not reset the patience (default none). */
  baseline?: number;
  /** At the end of training, put back the weights of the best epoch (default false). */
  restoreBestWeights?: boolean;
  /** Epochs to train before watching at all, a warm-up (default 0). */
  startFromEpoch?: number;
}

const OPTIONS = {
  monitor: string(),
  minDelta: number(),
  patience: integer({ min: 0 }),
  mode: MODE,
  baseline: number(),
  restoreBestWeights: boolean(),
  startFromEpoch: integer({ min: 0 }),
};

/**
 * Stops training when the monitored quantity has stopped improving, as Keras's `EarlyStopping`
 * (Keras 3's rules): each epoch from `startFromEpoch` on without an improvement of more than
 * `minDelta` over the best so far counts one; after `patience` of them (and never at epoch 0) it
 * sets `model.stopTraining`, so `fit` ends after that epoch, and records it in `stoppedEpoch`.
 * With `restoreBestWeights`, the weights (every saved weight, moving statistics too) of the best
 * epoch are copied aside on the device and put back when training ends, whether it stopped early
 * or not; the copies are freed then. A monitor missing from the logs (`val_loss` without
 * validation data) is warned about once, with the keys available, and the epoch is skipped.
 * A NaN value is never an improvement.
 *
 * @example
 * await model.fit(x, y, { epochs: 100, validationSplit: 0.1, callbacks: [new EarlyStopping({ patience: 3, restoreBestWeights: true })] });
 */
export class EarlyStopping extends ModelCallback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly baseline: number | undefined;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Whether the monitor should go down or up, resolved from `mode`. */
  readonly direction: 'min' | 'max';
  /** The epoch (0-based) at which training was stopped; 0 when it was not. */
  stoppedEpoch = 0;
  /** The best monitored value so far, and its epoch. */
  best: number | undefined;
  bestEpoch = 0;
  /** Epochs since the last improvement (that beat the baseline). */
  wait = 0;
  private bestWeights: tf.Tensor[] | undefined;
  private readonly warning = { warned: false };

  /** @param options see {@link EarlyStoppingOptions}; unknown options are errors with a hint */
  constructor(options: EarlyStoppingOptions = {}) {
    super();
    checkOptions('EarlyStopping', options, OPTIONS);
    this.monitor = options.monitor ?? 'val_loss';
    this.minDelta = Math.abs(options.minDelta ?? 0);
    this.patience = options.patience ?? 0;
    this.baseline = options.baseline;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = options.startFromEpoch ?? 0;
    this.direction = direction('EarlyStopping', this.monitor, options.mode ?? 'auto');
  }

  onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = undefined;
    this.bestEpoch = 0;
    this.warning.warned = false;
    this.freeBestWeights();
  }

  onEpochEnd(epoch: number, logs: Logs): void {
    const current = monitored('EarlyStopping', this.monitor, logs, this.warning);
    if (current === undefined || epoch < this.startFromEpoch) return;
    this.wait += 1;
    if (improves(current, this.best, this.direction, this.minDelta)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights();
      // Only a value that beats the baseline too restarts the wait.
      if (this.baseline === undefined || improves(current, this.baseline, this.direction, this.minDelta)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.requireModel('EarlyStopping').stopTraining = true;
    }
  }

  onTrainEnd(): void {
    if (this.bestWeights) {
      const weights = Object.values(this.requireModel('EarlyStopping').savedWeights());
      for (const [i, w] of weights.entries()) w.assign(this.bestWeights[i]!);
    }
    this.freeBestWeights();
  }

  private keepWeights(): void {
    this.freeBestWeights();
    this.bestWeights = Object.values(this.requireModel('EarlyStopping').savedWeights()).map((w) => tf.keep(tf.clone(w)));
  }

  private freeBestWeights(): void {
    tf.dispose(this.bestWeights);
    this.bestWeights = undefined;
  }
}
