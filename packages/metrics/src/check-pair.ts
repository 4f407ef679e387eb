import { checkLabelShape, formatShape, inputShape, type LabelsInput } from './label-input.js';

/**
 * Validates a `(yTrue, yPred)` pair from shapes alone, before any tensor work, and returns the
 * number of samples. Errors start with `metric` (e.g. `accuracy`) and name both shapes: a
 * different number of samples, no samples, or two score matrices with different class counts
 * (one-hot targets for 10 classes against probabilities for 5 is a bug upstream, not a score).
 */
export function checkPair(yTrue: LabelsInput, yPred: LabelsInput, metric: string): number {
  checkLabelShape(yTrue, `${metric}: yTrue`);
  checkLabelShape(yPred, `${metric}: yPred`);
  const trueShape = inputShape(yTrue);
  const predShape = inputShape(yPred);
  const shapes = `yTrue shape ${formatShape(trueShape)}, yPred shape ${formatShape(predShape)}`;
  const samples = trueShape[0]!;
  if (samples !== predShape[0]) {
    throw new Error(`${metric}: yTrue has ${samples} samples but yPred has ${predShape[0]} (${shapes})`);
  }
  if (samples === 0) throw new Error(`${metric}: yTrue and yPred are empty (${shapes})`);
  const trueClasses = trueShape[1] ?? 1;
  const predClasses = predShape[1] ?? 1;
  if (trueClasses > 1 && predClasses > 1 && trueClasses !== predClasses) {
    throw new Error(`${metric}: yTrue has ${trueClasses} classes but yPred has ${predClasses} (${shapes})`);
  }
  return samples;
}
