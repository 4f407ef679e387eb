import { UsageError } from './errors.js';

/**
 * The loss of a run (train or a cv fold): `--loss` when the user set it (a cross-entropy for a
 * regression is refused, naming the target), else the data's default (categorical cross-entropy
 * for classes, mean squared error for a regression).
 */
export function chooseLoss(flags: { loss: string; explicit?: readonly string[]; target?: string }, data: { task: string; name: string; defaultLoss: string }): string {
  if (!flags.explicit?.includes('loss')) return data.defaultLoss;
  if (data.task === 'regression' && /crossentropy/.test(flags.loss)) {
    throw new UsageError(`--loss ${flags.loss}: ${data.name} is a regression (target '${flags.target}'); use mse, mae or huber`, 2);
  }
  return flags.loss;
}
