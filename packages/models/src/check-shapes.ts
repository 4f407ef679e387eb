import { binaryCrossentropy, categoricalCrossentropy, huber, meanAbsoluteError, meanSquaredError, sparseCategoricalCrossentropy } from '@lab/losses';
import type * as tf from '@tensorflow/tfjs-core';
import type { Compiled } from './compile.js';
import type { Model } from './model.js';

const shown = (shape: readonly number[]) => `[N${shape.map((d) => `, ${d}`).join('')}]`;

/**
 * Throws unless `x` holds samples of the model's input shape (the same number of values per
 * sample, and the same shape when the ranks agree), naming both. From shapes alone: `fit` checks
 * this before its first step, whose layers would otherwise fail halfway through a batch.
 */
export function checkInputShape(model: Model, x: tf.Tensor): void {
  const expected = model.inputShape;
  if (!expected) throw new Error(`${model.name}: not built`);
  const got = x.shape.slice(1);
  const sameSize = got.reduce((a, b) => a * b, 1) === expected.reduce((a, b) => a * b, 1);
  if (!sameSize || (got.length === expected.length && got.some((d, i) => d !== expected[i]))) {
    throw new Error(`${model.name}: expected input of shape [N, ${expected.join(', ')}], got [${x.shape.join(', ')}]`);
  }
}

/** The shape of one output sample of a built model, from its layers. */
export function outputShape(model: Model): number[] | undefined {
  let shape = model.inputShape;
  for (const layer of model.layers) shape = shape ? layer.outputShape(shape) : undefined;
  return shape;
}

// The losses of @lab/losses whose targets are shaped like the output.
const SAME_SHAPE: ReadonlySet<unknown> = new Set([meanSquaredError, meanAbsoluteError, huber, binaryCrossentropy, categoricalCrossentropy]);

/**
 * Throws, before any tensor work, when targets `y` cannot fit the model's output for the compiled
 * loss: the output's shape for @lab/losses' losses (one-hot targets of the wrong width, say), the
 * output without its class axis (or with it of size 1) for sparse categorical cross-entropy.
 * Custom loss functions are not checked here; they check their own inputs.
 */
export function checkTargets(model: Model, compiled: Compiled, y: tf.Tensor, where: string): void {
  const output = outputShape(model);
  const target = y.shape.slice(1);
  if (!output) return;
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  let fits = true;
  let wanted = shown(output);
  if (SAME_SHAPE.has(compiled.loss)) {
    fits = same(target, output);
  } else if (compiled.loss === sparseCategoricalCrossentropy) {
    const labels = output.slice(0, -1);
    fits = same(target, labels) || same(target, [...labels, 1]);
    wanted = `${shown(labels)} or ${shown([...labels, 1])} class labels`;
  }
  if (!fits) {
    throw new Error(
      `${where}: targets of shape [${y.shape.join(', ')}] do not fit the model's output ${shown(output)}; ` +
        `the loss needs targets of shape ${wanted}`,
    );
  }
}
