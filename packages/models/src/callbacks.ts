import type { Model } from './model.js';

/** Per-epoch numbers: `loss`, each metric (`accuracy`), their `val_` twins, and `seconds`. */
export type Logs = Record<string, number>;

/** Numbers for one batch: its size, and the loss when the callback asked for it. */
export interface BatchLogs {
  /** Samples in this batch. */
  size: number;
  /** Running mean of the training loss over the epoch so far; present on batches where it was read. */
  loss?: number;
  /** Running training accuracy over the epoch so far, when the model tracks accuracy and it was read. */
  accuracy?: number;
}

/** What `fit` tells `onTrainBegin`. */
export interface TrainInfo {
  epochs: number;
  initialEpoch: number;
  stepsPerEpoch: number;
  samples: number;
  batchSize: number;
}

/**
 * Hooks into `fit`, like Keras callbacks. Every hook may be async; `fit` awaits it. Reading
 * numbers back from the device costs a synchronisation, so the batch loss is only read when a
 * callback sets `batchLogInterval` (every N batches); otherwise `onBatchEnd` gets sizes only.
 * Set `model.stopTraining = true` from any hook to stop after the current batch.
 * `fit` hands each callback the model first (`setModel`, Keras's `set_model`); the callbacks of
 * this package (`EarlyStopping`, `ReduceLROnPlateau`, ...) keep it to stop training, change the
 * learning rate (`model.setLearningRate`) or save.
 */
export interface Callback {
  /** Called by `fit` before `onTrainBegin` with the model being trained. */
  setModel?(model: Model): void;
  /** Read the running loss for `onBatchEnd` every this many batches (default: never). */
  batchLogInterval?: number;
  onTrainBegin?(info: TrainInfo): void | Promise<void>;
  onEpochBegin?(epoch: number): void | Promise<void>;
  onBatchEnd?(batch: number, logs: BatchLogs): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs): void | Promise<void>;
  onTrainEnd?(history: History): void | Promise<void>;
}

/** What `fit` returns, shaped like Keras' `History`: `history.loss[e]` is epoch `epoch[e]`'s loss. */
export interface History {
  epoch: number[];
  /** Per-epoch values by name: `loss` always, then metrics, `val_*` and `seconds`. */
  history: { loss: number[]; [name: string]: number[] };
}
