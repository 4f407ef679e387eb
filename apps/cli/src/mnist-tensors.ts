import { loadMnist, type Mnist } from '@lab/data/node';
import { scalePixels, toCategorical } from '@lab/preprocess';
import type * as tf from '@tensorflow/tfjs-core';
import { downloadProgress } from './download-progress.js';
import { type Denoise, denoiseImages } from './preprocess-images.js';

/** One MNIST split as model-ready tensors: pixels / 255 as [N, 28, 28, 1], one-hot labels. */
export interface SplitTensors {
  x: tf.Tensor;
  y: tf.Tensor;
  labels: Uint8Array;
  count: number;
}

/** Loads MNIST (reporting where it came from on `log`) and returns the raw splits. */
export async function loadData(dataDir: string | undefined, log: NodeJS.WritableStream & { isTTY?: boolean }): Promise<Mnist> {
  const mnist = await loadMnist({ dataDir, onProgress: downloadProgress(log as NodeJS.WriteStream) });
  log.write(`Data: MNIST from ${mnist.source.kind} (${mnist.source.location})\n`);
  return mnist;
}

/** The first `limit` samples of a split as tensors, optionally denoised; the caller disposes `x` and `y`. */
export function toTensors(split: Mnist['train'], limit = split.count, denoise?: Denoise): SplitTensors {
  const n = Math.min(limit, split.count);
  const pixels = split.rows * split.cols;
  const labels = split.labels.subarray(0, n);
  let x = scalePixels(split.images.subarray(0, n * pixels), { shape: [n, split.rows, split.cols, 1] });
  if (denoise) {
    const filtered = denoiseImages(x, denoise);
    x.dispose();
    x = filtered;
  }
  return {
    x,
    y: toCategorical(labels, 10),
    labels,
    count: n,
  };
}
