import { Dense, Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import type { TableTask } from '@lab/preprocess';

/** The table MLP's shape and its training settings. */
export interface TableModelOptions {
  /** Features after preprocessing. */
  inputs: number;
  /** Classes, or 1 for regression. */
  outputs: number;
  task: TableTask;
  /** Units of the hidden layer (`--hidden`, default 128). */
  hiddenUnits: number;
  /** Adam's learning rate (`--learning-rate`, default 0.001). */
  learningRate: number;
  /** Seed of the initial weights (`--seed`). */
  seed: number;
}

/**
 * `lab train --data FILE --target COL`'s network for a table, built and compiled as apps/cli's
 * architecture.ts and train.ts make it: Dense(hidden, relu) → Dense(classes, softmax) with
 * categorical cross-entropy and accuracy, or Dense(1) with MSE on the standardized target; Adam.
 * The same seed gives the CLI's initial weights. The caller disposes it.
 */
export function createTableModel(options: TableModelOptions): Sequential {
  const classification = options.task === 'classification';
  const head = classification ? new Dense({ units: options.outputs, activation: 'softmax' }) : new Dense({ units: 1 });
  const model = new Sequential([new Dense({ units: options.hiddenUnits, activation: 'relu', inputShape: [options.inputs] }), head], { seed: options.seed });
  model.build();
  model.compile({
    optimizer: adam({ learningRate: options.learningRate }),
    loss: classification ? 'categorical-crossentropy' : 'mse',
    metrics: classification ? ['accuracy'] : [],
  });
  return model;
}
