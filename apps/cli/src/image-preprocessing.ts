import type { ModelMetadata } from '@lab/models';
import { type Denoise, parseDenoise } from './preprocess-images.js';

/** The preprocessing an image model saved: pixel scale (x / scale) and the run's denoising filter. */
export interface ImagePreprocessing {
  scale: number;
  denoise?: Denoise;
}

/**
 * The image preprocessing in a saved model's metadata (`preprocessing.scalePixels.scale`, default
 * 255, and `preprocessing.denoise` of a `--denoise` run); a malformed entry is an error naming it.
 */
export function imagePreprocessing(metadata: ModelMetadata, where: string): ImagePreprocessing {
  const pre = (metadata.preprocessing ?? {}) as { scalePixels?: { scale?: unknown }; denoise?: { filter?: unknown; value?: unknown } };
  const scale = pre.scalePixels?.scale ?? 255;
  if (typeof scale !== 'number' || !(scale > 0)) throw new Error(`${where}: preprocessing.scalePixels.scale must be a positive number, got ${JSON.stringify(scale)}`);
  if (pre.denoise === undefined) return { scale };
  const { filter, value } = pre.denoise;
  return { scale, denoise: parseDenoise(`${String(filter)}:${String(value)}`, `${where}: preprocessing.denoise`) };
}
