import { encodeIdxUint8, readIdxImages } from '@lab/data';
import { cast, gaussianFilter, meanFilter, medianFilter } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from '@lab/core/node';
import { UsageError } from './errors.js';
import { MAX_FILTER_SIZE, MAX_SIGMA } from './options.js';
import { readInput } from './read-input.js';

/** A denoising filter and its parameter: a window size (mean, median) or sigma (gaussian). */
export interface Denoise {
  filter: 'mean' | 'median' | 'gaussian';
  value: number;
}

/** Parses `gaussian:1.0`, `median:3`, `mean:3` (the `--denoise` flag). */
export function parseDenoise(text: string, flag = '--denoise'): Denoise {
  const [filter, raw] = text.split(':');
  const value = Number(raw ?? (filter === 'gaussian' ? 1 : 3));
  if (filter !== 'mean' && filter !== 'median' && filter !== 'gaussian') {
    throw new UsageError(`${flag} must be mean:SIZE, median:SIZE or gaussian:SIGMA, got '${text}'`, 2);
  }
  if (!(value > 0) || (filter !== 'gaussian' && !Number.isInteger(value))) {
    throw new UsageError(`${flag}: ${filter === 'gaussian' ? 'sigma must be a positive number' : 'size must be a positive integer'}, got '${raw}'`, 2);
  }
  const max = filter === 'gaussian' ? MAX_SIGMA : MAX_FILTER_SIZE;
  if (value > max) throw new UsageError(`${flag}: ${filter === 'gaussian' ? 'sigma' : 'size'} ${raw} is above the limit of ${max}`, 2);
  return { filter, value };
}

/** Filters the spatial axes of images `[N, H, W]` or `[N, H, W, C]` (scipy.ndimage semantics, reflect mode). */
export function denoiseImages(images: tf.Tensor, denoise: Denoise): tf.Tensor {
  if (denoise.filter === 'gaussian') return gaussianFilter(images, { sigma: denoise.value });
  if (denoise.filter === 'median') return medianFilter(images, { size: denoise.value });
  return meanFilter(images, { size: denoise.value });
}

/** `lab preprocess denoise`: an IDX image file (raw or .gz) in, a filtered IDX image file out (uint8, rounded half to even, clipped). */
export async function runDenoiseFile(input: string, output: string, denoise: Denoise): Promise<string> {
  const bytes = await readInput(input, { what: 'the IDX image file' });
  let images: ReturnType<typeof readIdxImages>;
  try {
    images = readIdxImages(new Uint8Array(bytes), { name: input });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const pixels = tf.tidy(() => {
    const x = tf.tensor3d(images.pixels, [images.count, images.rows, images.cols], 'float32');
    return cast(denoiseImages(x, denoise), 'uint8', { rounding: 'round', overflow: 'clip' });
  });
  const data = Uint8Array.from(await pixels.data());
  pixels.dispose();
  const encoded = encodeIdxUint8(data, [images.count, images.rows, images.cols], { gzip: output.endsWith('.gz') });
  await writeFileAtomic(output, encoded, { mkdir: true });
  return `${input} → ${output}: ${images.count} images ${images.rows}×${images.cols}, ${denoise.filter} filter (${denoise.filter === 'gaussian' ? 'sigma' : 'size'} ${denoise.value})`;
}
