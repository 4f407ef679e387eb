import type { ModelMetadata } from '@lab/models';
import { gaussianFilter, meanFilter, medianFilter } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';

/** A denoising filter from @lab/preprocess (scipy.ndimage's) and its one setting. */
export type DenoiseSpec = { filter: 'mean'; size: number } | { filter: 'median'; size: number } | { filter: 'gaussian'; sigma: number };

/** The filters the page offers, by the value of its select. */
export const DENOISE_CHOICES: Readonly<Record<string, DenoiseSpec | undefined>> = {
  none: undefined,
  mean: { filter: 'mean', size: 3 },
  median: { filter: 'median', size: 3 },
  gaussian: { filter: 'gaussian', sigma: 1 },
};

/** `x` filtered by `spec` (spatial axes only), as a new tensor the caller disposes; a copy when no filter. */
export function denoise(x: tf.Tensor, spec: DenoiseSpec | undefined): tf.Tensor {
  if (!spec) return tf.clone(x);
  if (spec.filter === 'mean') return meanFilter(x, { size: spec.size });
  if (spec.filter === 'median') return medianFilter(x, { size: spec.size });
  return gaussianFilter(x, { sigma: spec.sigma });
}

/**
 * The model's input from `count` raw images (uint8, 0–255): scaled to [0, 1] and denoised, shaped
 * `[count, rows, cols, 1]`. The caller disposes the result.
 *
 * The scaling is done here, on the host: each value is `pixel / 255` rounded once to float32, the
 * numbers @lab/preprocess's `scalePixels` gives on the cpu backend (and numpy). A tensor made from
 * host values keeps them in memory until an op needs them on the device: lab's `fit` assembles its
 * batches from them without reading a GPU texture back, and the full training set is never
 * uploaded to WebGL at all (only the batches are).
 */
export function modelInput(pixels: Uint8Array, count: number, rows: number, cols: number, spec: DenoiseSpec | undefined): tf.Tensor {
  const size = count * rows * cols;
  if (pixels.length !== size) {
    throw new Error(`modelInput: ${pixels.length} pixels do not make ${count} images of ${rows} × ${cols} (${size} pixels)`);
  }
  const values = new Float32Array(size);
  // A plain loop: Float32Array.from with a map function is ~25× slower (1.5 s for 10,000 images).
  for (let i = 0; i < size; i++) values[i] = pixels[i]! / 255;
  const scaled = tf.tensor4d(values, [count, rows, cols, 1]);
  if (!spec) return scaled;
  try {
    return denoise(scaled, spec);
  } finally {
    scaled.dispose();
  }
}

/** What the page saves beside a model: labels and preprocessing, in the CLI's form plus `denoise`. */
export function modelMetadata(spec: DenoiseSpec | undefined): ModelMetadata {
  return {
    labels: Array.from({ length: 10 }, (_, i) => String(i)),
    preprocessing: { scalePixels: { scale: 255 }, inputShape: [28, 28, 1], ...(spec ? { denoise: spec } : {}) },
  };
}

/** The denoising a model was trained with, from its metadata; undefined when none (or unknown). */
export function denoiseOf(metadata: ModelMetadata): DenoiseSpec | undefined {
  const preprocessing = metadata.preprocessing;
  if (typeof preprocessing !== 'object' || preprocessing === null || !('denoise' in preprocessing)) return undefined;
  const spec = preprocessing.denoise;
  if (typeof spec !== 'object' || spec === null || !('filter' in spec)) return undefined;
  const known = Object.values(DENOISE_CHOICES).find((c) => c?.filter === spec.filter);
  return known ? ({ ...known, ...spec } as DenoiseSpec) : undefined;
}
