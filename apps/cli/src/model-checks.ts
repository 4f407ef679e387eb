import type { Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { UsageError } from './errors.js';

/**
 * Refuses a model with a NaN or infinite weight (a diverged run saved, or a damaged file), naming
 * the weight: predictions from it would be NaN or garbage, printed as if they were answers. One
 * reduction per weight, read back once.
 */
export async function checkFiniteWeights(model: Sequential, where: string): Promise<void> {
  const named = Object.entries(model.namedWeights());
  const flags = tf.tidy(() => tf.stack(named.map(([, w]) => tf.all(tf.isFinite(w)))));
  const finite = await flags.data();
  flags.dispose();
  const bad = named.findIndex((_, i) => finite[i] === 0);
  if (bad >= 0) throw new UsageError(`${where}: weight '${named[bad]![0]}' holds NaN or infinite values; the model cannot predict (was it saved from a diverged run?)`);
}

/** One input to check: a name for messages and its 784 pixel values. */
interface PixelInput {
  name: string;
  pixels: Float32Array;
}

/**
 * Refuses (or, with `allow`, only reports) pixels outside the 0–255 range the model was trained
 * on: a CSV of already-scaled values, or of another sensor's units, gives confident nonsense.
 * Returns the warnings when `allow` is set.
 */
export function checkPixelRange(inputs: PixelInput[], allow: boolean): string[] {
  const warnings: string[] = [];
  for (const input of inputs) {
    const index = input.pixels.findIndex((v) => !(v >= 0 && v <= 255));
    if (index < 0) continue;
    const value = input.pixels[index]!;
    const message = `${input.name}: pixel ${index + 1} is ${value}, outside the 0–255 range the model was trained on`;
    if (!Number.isFinite(value) || !allow) throw new UsageError(`${message}${Number.isFinite(value) ? ' (pass --allow-out-of-range to predict anyway)' : ''}`);
    warnings.push(message);
  }
  return warnings;
}
