import { Random } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
// Registers tfjs-core's gradients wherever a model trains (Node's tfjs-core bundle has none).
import '@lab/core/register-gradients';
import { categoricalCrossentropy } from '@lab/losses';
import { applyGradients, learningRateOf } from '@lab/optim';
import { freeAbandonedTape } from './abandoned-tape.js';
import { backpropStep, type StepGradients } from './backprop.js';
import type { BatchLogs, Callback, History, Logs } from './callbacks.js';
import { checkInputShape, checkTargets } from './check-shapes.js';
import { type Compiled, makeMetrics } from './compile.js';
import { evaluateBatches } from './evaluate.js';
import { HostBatches } from './host-batches.js';
import { checkBatchSize } from './check-batch-size.js';
import type { FitOptions } from './fit-options.js';
import type { Model } from './model.js';
import { splitValidation } from './validation.js';

/**
 * Keras' training loop over pre-shuffled mini-batches. Per batch it runs one forward and backward
 * pass and one optimizer update, and accumulates the loss and metrics on the device: nothing is
 * read back synchronously unless a callback asks for batch logs. Input and target shapes are
 * checked before the first step; whatever throws (a layer, the loss, the optimizer, a metric, a
 * callback), every tensor the loop made is freed: the model's weights and optimizer state stay
 * the model's.
 */
export async function fitLoop(
  model: Model,
  compiled: Compiled,
  x: tf.Tensor,
  y: tf.Tensor,
  options: FitOptions & { seed: number },
): Promise<History> {
  const epochs = options.epochs ?? 1;
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(epochs) || epochs < 0) throw new Error(`fit: epochs must be a non-negative integer, got ${epochs}`);
  const batchSize = checkBatchSize(options.batchSize ?? 32, 'fit');
  checkInputShape(model, x);
  checkTargets(model, compiled, y, 'fit');
  if (options.validationData) {
    checkInputShape(model, options.validationData[0]);
    checkTargets(model, compiled, options.validationData[1], 'fit: validationData');
  }
  const data = splitValidation(x, y, options);
  const callbacks = options.callbacks ?? [];
  const params = model.namedWeights();
  const keys = Object.keys(params);
  const vars = Object.values(params);
  const metrics = makeMetrics(compiled);
  const random = new Random(options.seed);
  const useLogits = model.usesLogits();
  const n = data.x.shape[0] ?? 0;
  const steps = Math.ceil(n / batchSize);
  const history: History = { epoch: [], history: { loss: [] } };
  // The epoch's running loss, freed when an epoch ends and in `finally` when something throws.
  let lossSum: tf.Tensor | undefined;
  try {
    const host = await HostBatches.from(data.x, data.y);
    let state = model.optimizerState ?? compiled.optimizer.init(params);
    model.optimizerState = state;
    for (let e = 0; e < initialEpoch && options.shuffle !== false; e++) random.permutation(n);
    model.stopTraining = false;
    let analytic = true;
    let lastYield = performance.now();
    // Keras's `set_model`: callbacks that stop training, change the learning rate or save get the model.
    for (const cb of callbacks) cb.setModel?.(model);
    for (const cb of callbacks) await cb.onTrainBegin?.({ epochs, initialEpoch, stepsPerEpoch: steps, samples: n, batchSize });
    for (let epoch = initialEpoch; epoch < epochs && !model.stopTraining; epoch++) {
      for (const cb of callbacks) await cb.onEpochBegin?.(epoch);
      const started = performance.now();
      const order = options.shuffle === false ? identity(n) : random.permutation(n);
      lossSum = tf.scalar(0);
      let seen = 0;
      metrics.reset();
      const firstStep = epoch === initialEpoch ? (options.initialStep ?? 0) : 0;
      for (let step = firstStep; step < steps && !model.stopTraining; step++) {
        const indices = order.subarray(step * batchSize, Math.min(n, (step + 1) * batchSize));
        const [xb, yb] = host.batch(indices);
        const size = indices.length;
        let result: StepGradients | undefined;
        try {
          // Analytic backpropagation through the layers when they all have it, else tfjs's autodiff.
          result = analytic ? backpropStep(model, compiled, xb, yb, useLogits, keys) : undefined;
          if (result === undefined) {
            analytic = false;
            result = autodiffStep(model, compiled, xb, yb, useLogits, keys, vars, `${options.seed}/${epoch}/${step}`);
          }
          // A callback may have replaced the state (a new learning rate, see Model.setLearningRate).
          state = model.optimizerState ?? state;
          try {
            state = applyGradients(compiled.optimizer, result.grads, state, params);
          } finally {
            tf.dispose(result.grads);
          }
          model.optimizerState = state;
          model.position = step + 1 === steps ? { epoch: epoch + 1, step: 0 } : { epoch, step: step + 1 };
          const nextSum: tf.Tensor = tf.add(lossSum, result.lossSum);
          lossSum.dispose();
          lossSum = nextSum;
          seen += size;
          metrics.update(yb, result.out, useLogits);
        } finally {
          // The batch, the output and the batch's loss, whether the step finished or threw.
          tf.dispose([xb, yb, ...(result ? [result.out, result.lossSum] : [])]);
        }
        await batchEnd(callbacks, step, size, lossSum, seen, metrics);
        // Let timers, signals (Ctrl-C) and, in browsers, rendering run every ~100 ms of training.
        if (performance.now() - lastYield > 100) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          lastYield = performance.now();
        }
      }
      // The loss and every metric are read together, once per epoch: one wait for the device.
      const [loss, values] = await Promise.all([lossSum.data(), metrics.compute()]);
      const logs: Logs = { loss: loss[0]! / Math.max(seen, 1), ...values };
      lossSum.dispose();
      lossSum = undefined;
      if (data.validation) {
        const val = await evaluateBatches(model, compiled, data.validation[0], data.validation[1], batchSize);
        for (const [k, v] of Object.entries(val)) logs[`val_${k}`] = v;
      }
      // The rate the schedule gives at the end of the epoch, as Keras logs `learning_rate`.
      state = model.optimizerState ?? state;
      const rate = learningRateOf(compiled.optimizer, state);
      if (rate !== undefined) logs.learning_rate = rate;
      logs.seconds = (performance.now() - started) / 1000;
      for (const cb of callbacks) await cb.onEpochEnd?.(epoch, logs);
      // After the callbacks, as Keras's History (the last callback): what they add to logs is kept.
      history.epoch.push(epoch);
      for (const [k, v] of Object.entries(logs)) {
        history.history[k] ??= [];
        history.history[k].push(v);
      }
    }
    for (const cb of callbacks) await cb.onTrainEnd?.(history);
    return history;
  } finally {
    lossSum?.dispose();
    metrics.dispose();
    data.dispose();
  }
}

/**
 * One batch's gradients with tfjs's tape (`tf.variableGrads`), for models with a layer that has no
 * analytic backward pass. Same results as {@link backpropStep}; the caller owns them. `seed`, a
 * function of the run's seed, the epoch and the step, seeds dropout, so a resumed run is exact.
 */
function autodiffStep(model: Model, compiled: Compiled, xb: tf.Tensor, yb: tf.Tensor, useLogits: boolean, keys: string[], vars: tf.Variable[], seed: string): StepGradients {
  let out: tf.Tensor | undefined;
  let value: tf.Scalar;
  let grads: tf.NamedTensorMap;
  try {
    ({ value, grads } = tf.variableGrads(() => {
      const o = model.forward(xb, true, useLogits, seed);
      out = tf.keep(o);
      return (useLogits ? categoricalCrossentropy(yb, o, { fromLogits: true }) : compiled.loss(yb, o)) as tf.Scalar;
    }, vars));
  } catch (error) {
    // Kept for the metrics, so nothing else frees it when the loss throws; and the forward pass's
    // recorded tensors, which only the backward pass that never ran would free.
    out?.dispose();
    freeAbandonedTape();
    throw error;
  }
  const lossSum = tf.tidy(() => tf.mul(value, xb.shape[0] ?? 0)) as tf.Scalar;
  value.dispose();
  // variableGrads keys gradients by tfjs variable names; the optimizer uses stable names.
  return { grads: Object.fromEntries(keys.map((k, i) => [k, grads[vars[i]!.name]!])), lossSum, out: out! };
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

async function batchEnd(
  callbacks: Callback[],
  step: number,
  size: number,
  lossSum: tf.Tensor,
  seen: number,
  metrics: ReturnType<typeof makeMetrics>,
): Promise<void> {
  for (const cb of callbacks) {
    if (!cb.onBatchEnd) continue;
    const logs: BatchLogs = { size };
    const every = cb.batchLogInterval ?? 0;
    if (every > 0 && (step + 1) % every === 0) {
      // Both reads are issued before either is awaited: on webgl one wait for the GPU, not two.
      const acc = metrics.get('accuracy');
      const [loss, accuracy] = await Promise.all([lossSum.data(), acc?.compute()]);
      logs.loss = loss[0]! / seen;
      if (accuracy !== undefined) logs.accuracy = accuracy;
    }
    await cb.onBatchEnd(step, logs);
  }
}
