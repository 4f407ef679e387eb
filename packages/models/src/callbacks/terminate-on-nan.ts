import type { BatchLogs, Logs } from '../callbacks.js';
import { ModelCallback } from './model-callback.js';

/**
 * Stops training when the loss becomes NaN or infinite, as Keras's `TerminateOnNaN`: it reads the
 * loss after every batch (`batchLogInterval` 1, one small device read per batch) and sets
 * `model.stopTraining`, so `fit` ends after that batch; `stoppedAt` records where. The loss read
 * is the epoch's running mean, which is NaN or infinite from the first such batch on.
 */
export class TerminateOnNaN extends ModelCallback {
  readonly batchLogInterval = 1;
  /** The epoch and batch (0-based) of the invalid loss, once there was one. */
  stoppedAt: { epoch: number; batch: number } | undefined;
  private epoch = 0;

  onTrainBegin(): void {
    this.stoppedAt = undefined;
  }

  onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  onBatchEnd(batch: number, logs: BatchLogs): void {
    if (logs.loss !== undefined && !Number.isFinite(logs.loss)) this.stop(batch);
  }

  onEpochEnd(_epoch: number, logs: Logs): void {
    if (this.stoppedAt === undefined && logs.loss !== undefined && !Number.isFinite(logs.loss)) this.stop(-1);
  }

  private stop(batch: number): void {
    this.stoppedAt = { epoch: this.epoch, batch };
    console.warn(`TerminateOnNaN: batch ${batch}: invalid loss, terminating training`);
    this.requireModel('TerminateOnNaN').stopTraining = true;
  }
}
