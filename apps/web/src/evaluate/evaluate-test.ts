import type { MnistSplit } from '@lab/data';
import type { Sequential } from '@lab/models';
import { NUM_CLASSES } from '../lesson-model.js';
import { denoiseOf, modelInput } from '../preprocess/denoise.js';
import { yieldToPage } from '../train/yield-to-page.js';
import { type ClassScores, testScores } from './scores.js';

/** The model's results on the test split. */
export interface Evaluation {
  /** `count × 10` class probabilities, sample after sample. */
  probabilities: Float32Array;
  /** The most probable class of each sample. */
  predictions: Uint8Array;
  /** `matrix[true][predicted]`. */
  matrix: number[][];
  scores: ClassScores[];
  accuracy: number;
}

// Samples per forward pass and read-back: big enough to keep the GPU busy, small enough to
// give the page the thread back often.
const CHUNK = 1000;

/** Predicts every test image (preprocessed as the model's metadata says) and derives the confusion matrix and per-class scores. Leaks no tensor. */
export async function evaluateTest(model: Sequential, test: MnistSplit): Promise<Evaluation> {
  const size = test.rows * test.cols;
  const probabilities = new Float32Array(test.count * NUM_CLASSES);
  const spec = denoiseOf(model.metadata);
  for (let start = 0; start < test.count; start += CHUNK) {
    const n = Math.min(CHUNK, test.count - start);
    const x = modelInput(test.images.subarray(start * size, (start + n) * size), n, test.rows, test.cols, spec);
    try {
      const y = model.predict(x, { batchSize: 256 });
      try {
        probabilities.set((await y.data()) as Float32Array, start * NUM_CLASSES);
      } finally {
        y.dispose();
      }
    } finally {
      x.dispose();
    }
    await yieldToPage();
  }
  const predictions = argmaxRows(probabilities, NUM_CLASSES);
  return { probabilities, predictions, ...testScores(test.labels, predictions) };
}

/** The index of each row's largest value (the first on ties). */
export function argmaxRows(values: Float32Array, columns: number): Uint8Array {
  const out = new Uint8Array(values.length / columns);
  for (let r = 0; r < out.length; r++) {
    let best = 0;
    for (let c = 1; c < columns; c++) if (values[r * columns + c]! > values[r * columns + best]!) best = c;
    out[r] = best;
  }
  return out;
}

/** Indices of the misclassified samples, the most confidently wrong first. */
export function misclassified(evaluation: Evaluation, labels: Uint8Array): number[] {
  const wrong: number[] = [];
  evaluation.predictions.forEach((p, i) => {
    if (p !== labels[i]) wrong.push(i);
  });
  const confidence = (i: number): number => evaluation.probabilities[i * NUM_CLASSES + evaluation.predictions[i]!]!;
  return wrong.sort((a, b) => confidence(b) - confidence(a));
}

/** Indices of the samples of true class `label` predicted as `predicted`. */
export function cellSamples(evaluation: Evaluation, labels: Uint8Array, label: number, predicted: number): number[] {
  const out: number[] = [];
  evaluation.predictions.forEach((p, i) => {
    if (p === predicted && labels[i] === label) out.push(i);
  });
  return out;
}
