import { ModelCallback } from './model-callback.js';

/** What {@link LearningRateScheduler} calls: the epoch (0-based) and the current rate to the epoch's rate. */
export type EpochSchedule = (epoch: number, learningRate: number) => number;

/**
 * Sets the learning rate at the start of every epoch to `schedule(epoch, currentRate)`, as
 * Keras's `LearningRateScheduler`. The rate is set with `model.setLearningRate`, in the optimizer
 * state: `fit` logs it as `learning_rate`, checkpoints keep it, and it replaces the optimizer's
 * own schedule. A schedule value that is not a number >= 0 is an error naming the epoch.
 *
 * @example
 * // Keras's documented example: 0.01 for 10 epochs, then × e^-0.1 per epoch.
 * new LearningRateScheduler((epoch, rate) => (epoch < 10 ? rate : rate * Math.exp(-0.1)))
 */
export class LearningRateScheduler extends ModelCallback {
  /** @param schedule `(epoch, learningRate) => learningRate` */
  constructor(readonly schedule: EpochSchedule) {
    super();
    if (typeof schedule !== 'function') throw new Error(`LearningRateScheduler: schedule must be a function (epoch, learningRate) => learningRate; got ${typeof schedule}`);
  }

  onEpochBegin(epoch: number): void {
    const model = this.requireModel('LearningRateScheduler');
    const current = model.getLearningRate();
    if (current === undefined) throw new Error('LearningRateScheduler: the optimizer reports no learning rate');
    const rate = this.schedule(epoch, current);
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
      throw new Error(`LearningRateScheduler: the schedule returned ${String(rate)} at epoch ${epoch}; it must return a number >= 0`);
    }
    model.setLearningRate(rate);
  }
}
