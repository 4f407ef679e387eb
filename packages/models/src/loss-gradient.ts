import { hasKernel, runKernel, softmaxCrossEntropy } from '@lab/core';
import { categoricalCrossentropy } from '@lab/losses';
import * as tf from '@tensorflow/tfjs-core';
import { withTapeCleanup } from './abandoned-tape.js';
import type { Compiled } from './compile.js';

/**
 * The batch's loss summed over its samples (the mean loss times the batch size, for the epoch's
 * running mean) and the gradient of the mean loss with respect to the model's output `out`.
 * With `logits` the output is the last layer's logits and the loss categorical cross-entropy from
 * them: one `LabSoftmaxCrossEntropy` where the backend has it. Otherwise the compiled loss is
 * differentiated by tfjs (a small graph: the output is [batch, classes]). The caller owns both results.
 */
export function lossGradient(compiled: Compiled, logits: boolean, y: tf.Tensor, out: tf.Tensor): { lossSum: tf.Scalar; dOut: tf.Tensor } {
  const rows = out.shape[0] ?? 1;
  const fused = logits && out.rank === 2 && y.dtype === 'float32' && tf.util.arraysEqual(y.shape, out.shape);
  if (fused && hasKernel(softmaxCrossEntropy)) {
    const [rowLoss, dOut] = runKernel(softmaxCrossEntropy, { logits: out, labels: y }, { scale: 1 / rows }) as [tf.Tensor, tf.Tensor];
    const lossSum = tf.sum(rowLoss) as tf.Scalar;
    rowLoss.dispose();
    return { lossSum, dOut };
  }
  const loss = logits ? (t: tf.Tensor, o: tf.Tensor) => categoricalCrossentropy(t, o, { fromLogits: true }) : compiled.loss;
  // A loss that throws (refusing its inputs) leaves nothing behind on the tape.
  const { value, grad } = withTapeCleanup(() => tf.valueAndGrad((o: tf.Tensor) => loss(y, o) as tf.Scalar)(out));
  const lossSum = tf.tidy(() => tf.mul(value, rows)) as tf.Scalar;
  value.dispose();
  return { lossSum, dOut: grad };
}
