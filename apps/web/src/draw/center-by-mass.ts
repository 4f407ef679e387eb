/** A grey image: `width × height` values, row by row, 0 = background, larger = ink. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: ArrayLike<number>;
}

/** MNIST's frame (28) and the box its digits were scaled to fit (20). */
export const FRAME = 28;
export const BOX = 20;

/**
 * Turns a drawing into a 28 × 28 MNIST-style input, the way MNIST's digits were made: the ink's
 * bounding box is scaled (aspect ratio kept, averaging the pixels each output pixel covers) to
 * fit a 20 × 20 box, then placed in the 28 × 28 frame so that its centre of mass is at the
 * frame's centre; the darkest pixel becomes 255. An empty drawing gives all zeros.
 */
export function centerByMass(image: GreyImage): Uint8Array {
  const out = new Uint8Array(FRAME * FRAME);
  const box = inkBox(image);
  if (!box) return out;
  const scale = BOX / Math.max(box.width, box.height);
  const width = Math.max(1, Math.round(box.width * scale));
  const height = Math.max(1, Math.round(box.height * scale));
  const small = resample(image, box, width, height);
  let mass = 0;
  let mx = 0;
  let my = 0;
  let peak = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = small[y * width + x]!;
      mass += v;
      mx += x * v;
      my += y * v;
      peak = Math.max(peak, v);
    }
  }
  // Shift so the centre of mass lands on the frame's centre (13.5 in pixel indices).
  const dx = Math.round((FRAME - 1) / 2 - mx / mass);
  const dy = Math.round((FRAME - 1) / 2 - my / mass);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [tx, ty] = [x + dx, y + dy];
      if (tx < 0 || ty < 0 || tx >= FRAME || ty >= FRAME) continue;
      out[ty * FRAME + tx] = Math.round((small[y * width + x]! / peak) * 255);
    }
  }
  return out;
}

/** Bounding box of the ink (pixels > 0), or undefined when there is none. */
export function inkBox(image: GreyImage): { x: number; y: number; width: number; height: number } | undefined {
  let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.pixels[y * image.width + x]! <= 0) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? undefined : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Area-averages `box` of `image` down (or up, by nearest pixel) to `width × height`. */
function resample(
  image: GreyImage,
  box: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
): Float64Array {
  const out = new Float64Array(width * height);
  const [sx, sy] = [box.width / width, box.height / height];
  for (let y = 0; y < height; y++) {
    const [ya, yb] = span(y, sy, box.height);
    for (let x = 0; x < width; x++) {
      const [xa, xb] = span(x, sx, box.width);
      let sum = 0;
      for (let v = ya; v < yb; v++) {
        for (let u = xa; u < xb; u++) sum += image.pixels[(box.y + v) * image.width + box.x + u]!;
      }
      out[y * width + x] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}

/** Source pixels [start, end) covered by output pixel `i` at `step` source pixels each; at least one. */
function span(i: number, step: number, size: number): [number, number] {
  const start = Math.min(size - 1, Math.floor(i * step));
  return [start, Math.max(start + 1, Math.min(size, Math.floor((i + 1) * step)))];
}
