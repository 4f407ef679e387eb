import type { Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { IMAGE_SHAPE } from './lesson-model.js';
import { denoiseOf, modelInput } from './preprocess/denoise.js';

/** What the model says about one image. */
export interface DigitPrediction {
  /** Probability of each class 0–9; sums to 1. */
  probabilities: number[];
  /** The most probable class. */
  argmax: number;
  /** `tf.memory().numTensors` before and after the prediction; equal when nothing leaked. */
  numTensorsBefore: number;
  numTensorsAfter: number;
}

/**
 * Runs one `model.predict` on a 28 × 28 grey image (values 0–255, row by row), scaled to [0, 1]
 * and denoised as in training (the model's metadata says how). Every tensor it makes is disposed before it returns; the read-back is
 * asynchronous so the page never blocks on the GPU.
 */
export async function predictDigit(model: Sequential, pixels: Uint8Array): Promise<DigitPrediction> {
  const numTensorsBefore = tf.memory().numTensors;
  const [rows, cols] = IMAGE_SHAPE;
  if (pixels.length !== rows * cols) throw new Error(`predictDigit: expected ${rows * cols} pixels, got ${pixels.length}`);
  const x = modelInput(pixels, 1, rows, cols, denoiseOf(model.metadata));
  let probabilities: number[];
  try {
    const y = model.predict(x);
    try {
      probabilities = Array.from(await y.data());
    } finally {
      y.dispose();
    }
  } finally {
    x.dispose();
  }
  return { probabilities, argmax: argmax(probabilities), numTensorsBefore, numTensorsAfter: tf.memory().numTensors };
}

/** Index of the largest value (the first one on ties). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
