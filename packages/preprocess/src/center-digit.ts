import { checkOptions, number, oneOf, boolean as bool } from '@lab/core';

/** A grey image: `width × height` values, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: ArrayLike<number>;
}

/** Options of {@link centerDigit}. */
export interface CenterDigitOptions {
  /**
   * Make the ink white on black: `'auto'` (default) inverts when the border is light (mean above
   * 127, as for black ink on white paper), `true` always, `false` never (a drawing pad's ink).
   */
  invert?: 'auto' | boolean;
  /** Pixels above this value (after inversion) count as ink for the bounding box. Default 32. */
  threshold?: number;
  /** Scale the result so that its brightest pixel is 255. Default false. */
  normalize?: boolean;
}

/**
 * Turns a grey image of any size (values 0–255) into a 28×28 MNIST-style digit, the way MNIST's
 * digits were made (LeCun et al.): the ink's bounding box is scaled to fit 20×20 keeping its
 * aspect ratio (each output pixel the area-weighted mean of the input it covers), then placed in
 * the 28×28 frame so that its centre of mass lands on the frame's centre. Returns 784 values in
 * [0, 255]; an image without ink gives all zeros. Used by `lab predict` for PNG/JPEG files and by
 * the web app's drawing pad.
 */
export function centerDigit(image: GreyImage, options: CenterDigitOptions = {}): Float32Array {
  checkOptions('centerDigit', options, { invert: [oneOf('auto'), bool()], threshold: number(), normalize: bool() });
  const { width, height, pixels } = image;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) {
    throw new Error(`centerDigit: width and height must be positive integers, got ${width}×${height}`);
  }
  if (pixels.length !== width * height) throw new Error(`centerDigit: image data has ${pixels.length} values, expected ${width}×${height}`);
  const { invert = 'auto', threshold = 32, normalize = false } = options;
  const ink = invert === true || (invert === 'auto' && borderMean(pixels, width, height) > 127) ? Float32Array.from(pixels, (v) => 255 - v) : Float32Array.from(pixels);
  const out = new Float32Array(28 * 28);
  const box = boundingBox(ink, width, height, threshold);
  if (!box) return out;
  const scale = 20 / Math.max(box.w, box.h);
  const w = Math.max(1, Math.round(box.w * scale));
  const h = Math.max(1, Math.round(box.h * scale));
  const small = resizeArea(ink, width, box, w, h);
  const [cy, cx] = centreOfMass(small, w, h);
  const top = Math.round(14 - cy);
  const left = Math.round(14 - cx);
  let peak = 0;
  for (const v of small) peak = Math.max(peak, v);
  const gain = normalize && peak > 0 ? 255 / peak : 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [ty, tx] = [y + top, x + left];
      if (ty >= 0 && ty < 28 && tx >= 0 && tx < 28) out[ty * 28 + tx] = small[y * w + x]! * gain;
    }
  }
  return out;
}

function borderMean(gray: ArrayLike<number>, width: number, height: number): number {
  let sum = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    sum += gray[x]! + gray[(height - 1) * width + x]!;
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    sum += gray[y * width]! + gray[y * width + width - 1]!;
    count += 2;
  }
  return sum / count;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boundingBox(ink: Float32Array, width: number, height: number, threshold: number): Box | undefined {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

/** Area-averaging resize of the box to w×h (each output pixel is the mean of the input area it covers). */
function resizeArea(ink: Float32Array, width: number, box: Box, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const sy = box.h / h;
  const sx = box.w / w;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let area = 0;
      for (let yy = Math.floor(y * sy); yy < Math.min(box.h, Math.ceil((y + 1) * sy)); yy++) {
        const wy = Math.min(yy + 1, (y + 1) * sy) - Math.max(yy, y * sy);
        for (let xx = Math.floor(x * sx); xx < Math.min(box.w, Math.ceil((x + 1) * sx)); xx++) {
          const wx = Math.min(xx + 1, (x + 1) * sx) - Math.max(xx, x * sx);
          sum += ink[(box.y + yy) * width + box.x + xx]! * wx * wy;
          area += wx * wy;
        }
      }
      out[y * w + x] = area > 0 ? sum / area : 0;
    }
  }
  return out;
}

/** Centre of mass `[y, x]` with pixel centres at +0.5. */
function centreOfMass(img: Float32Array, w: number, h: number): [number, number] {
  let [total, sy, sx] = [0, 0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x]!;
      total += v;
      sy += v * (y + 0.5);
      sx += v * (x + 0.5);
    }
  }
  return total > 0 ? [sy / total, sx / total] : [h / 2, w / 2];
}
