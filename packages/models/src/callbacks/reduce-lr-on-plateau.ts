import { checkOptions, integer, number, string } from '@lab/core';
import type { Logs } from '../callbacks.js';
import { ModelCallback } from './model-callback.js';
import { direction, MODE, type MonitorMode, monitored } from './monitor.js';

/** Options of {@link ReduceLROnPlateau}, with Keras's names (camelCase, `minLearningRate` for `min_lr`) and defaults. */
export interface ReduceLROnPlateauOptions {
  /** The logged quantity to watch (default `'val_loss'`). */
  monitor?: string;
  /** Multiplies the learning rate at a plateau, in (0, 1) (default 0.1). */
  factor?: number;
  /** Epochs without improvement before the rate is reduced (default 10). */
  patience?: number;
  /** `'min'`, `'max'`, or `'auto'` (default): from the monitor's name; a name it cannot place is `'min'`, as Keras. */
  mode?: MonitorMode;
  /** The least change that counts as an improvement, >= 0 (default 1e-4). */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** The rate is never reduced below this, >= 0 (default 0). */
  minLearningRate?: number;
}

const OPTIONS = {
  monitor: string(),
  factor: number({ min: 0, max: 1, minExclusive: true, maxExclusive: true }),
  patience: integer({ min: 0 }),
  mode: MODE,
  minDelta: number({ min: 0 }),
  cooldown: integer({ min: 0 }),
  minLearningRate: number({ min: 0 }),
};

/**
 * Reduces the learning rate when the monitored quantity has stopped improving, as Keras's
 * `ReduceLROnPlateau`: after `patience` epochs without an improvement of more than `minDelta`,
 * the rate becomes `max(rate · factor, minLearningRate)` (when it is above `minLearningRate`),
 * then `cooldown` epochs pass before epochs are counted again. The rate is set with
 * `model.setLearningRate`, in the optimizer state: `fit` logs the new rate as `learning_rate`
 * from the next epoch on, checkpoints keep it, and it replaces a schedule from then on. A monitor
 * missing from the logs is warned about once and the epoch skipped.
 *
 * @example
 * new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLearningRate: 0.001 })
 */
export class ReduceLROnPlateau extends ModelCallback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLearningRate: number;
  /** Whether the monitor should go down or up, resolved from `mode`. */
  readonly direction: 'min' | 'max';
  /** The best monitored value since training began. */
  best: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  private readonly warning = { warned: false };

  /** @param options see {@link ReduceLROnPlateauOptions}; unknown options are errors with a hint */
  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    checkOptions('ReduceLROnPlateau', options, OPTIONS);
    this.monitor = options.monitor ?? 'val_loss';
    this.factor = options.factor ?? 0.1;
    this.patience = options.patience ?? 10;
    this.minDelta = options.minDelta ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.minLearningRate = options.minLearningRate ?? 0;
    this.direction = direction('ReduceLROnPlateau', this.monitor, options.mode ?? 'auto', 'min');
    this.best = this.direction === 'min' ? Infinity : -Infinity;
  }

  onTrainBegin(): void {
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
    this.warning.warned = false;
  }

  onEpochEnd(_epoch: number, logs: Logs): void {
    const current = monitored('ReduceLROnPlateau', this.monitor, logs, this.warning);
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const better = this.direction === 'min' ? current < this.best - this.minDelta : current > this.best + this.minDelta;
    if (better) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter === 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const model = this.requireModel('ReduceLROnPlateau');
        const rate = model.getLearningRate();
        if (rate === undefined) throw new Error('ReduceLROnPlateau: the optimizer reports no learning rate');
        if (rate > this.minLearningRate) {
          model.setLearningRate(Math.max(rate * this.factor, this.minLearningRate));
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
