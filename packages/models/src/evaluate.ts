import * as tf from '@tensorflow/tfjs-core';
import { categoricalCrossentropy } from '@lab/losses';
import type { Logs } from './callbacks.js';
import { checkInputShape, checkTargets } from './check-shapes.js';
import { type Compiled, makeMetrics } from './compile.js';
import type { Model } from './model.js';

/**
 * Mean loss and metrics over `x`, `y` in batches, accumulated on the device and read once.
 * The loss of each batch is weighted by its size, so the result is the mean over all samples.
 */
export async function evaluateBatches(
  model: Model,
  compiled: Compiled,
  x: tf.Tensor,
  y: tf.Tensor,
  batchSize: number,
): Promise<Logs> {
  const n = x.shape[0] ?? 0;
  if (n !== y.shape[0]) {
    throw new Error(`evaluate: inputs [${x.shape.join(', ')}] and targets [${y.shape.join(', ')}] have different numbers of samples`);
  }
  if (n === 0) throw new Error('evaluate: no samples');
  checkInputShape(model, x);
  checkTargets(model, compiled, y, 'evaluate');
  const metrics = makeMetrics(compiled);
  const useLogits = model.usesLogits();
  let lossSum: tf.Tensor = tf.scalar(0);
  try {
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const next = tf.tidy(() => {
        const xb = tf.slice(x, start, size);
        const yb = tf.slice(y, start, size);
        const out = model.forward(xb, false, useLogits);
        const loss = useLogits ? categoricalCrossentropy(yb, out, { fromLogits: true }) : compiled.loss(yb, out);
        metrics.update(yb, out, useLogits);
        return tf.add(lossSum, tf.mul(loss, size));
      });
      lossSum.dispose();
      lossSum = next;
    }
    // The loss and every metric are read together: one wait for the device.
    const [loss, values] = await Promise.all([lossSum.data(), metrics.compute()]);
    const logs: Logs = { loss: loss[0]! / n, ...values };
    return logs;
  } finally {
    lossSum.dispose();
    metrics.dispose();
  }
}
