/**
 * Turns a grayscale image of any size into a 28×28 MNIST-style digit, the way MNIST was made:
 * white ink on black (inverted when the background is light), the ink's bounding box scaled to fit
 * 20×20 keeping its aspect ratio (area-averaged), then placed so that its centre of mass is at the
 * centre of the 28×28 field. Input and output values are in [0, 255].
 */
export function toMnistDigit(gray: Float32Array, width: number, height: number): Float32Array {
  if (gray.length !== width * height) throw new Error(`image data has ${gray.length} values, expected ${width}×${height}`);
  const ink = invertIfLight(gray, width, height);
  const box = boundingBox(ink, width, height);
  const out = new Float32Array(28 * 28);
  if (!box) return out;
  const scale = 20 / Math.max(box.w, box.h);
  const w = Math.max(1, Math.round(box.w * scale));
  const h = Math.max(1, Math.round(box.h * scale));
  const small = resizeArea(ink, width, box, w, h);
  const [cy, cx] = centreOfMass(small, w, h);
  const top = Math.round(14 - cy);
  const left = Math.round(14 - cx);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ty = y + top;
      const tx = x + left;
      if (ty >= 0 && ty < 28 && tx >= 0 && tx < 28) out[ty * 28 + tx] = small[y * w + x]!;
    }
  }
  return out;
}

function invertIfLight(gray: Float32Array, width: number, height: number): Float32Array {
  let border = 0;
  let count = 0;
  for (let x = 0; x < width; x++) {
    border += gray[x]! + gray[(height - 1) * width + x]!;
    count += 2;
  }
  for (let y = 0; y < height; y++) {
    border += gray[y * width]! + gray[y * width + width - 1]!;
    count += 2;
  }
  return border / count > 127 ? gray.map((v) => 255 - v) : gray.slice();
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boundingBox(ink: Float32Array, width: number, height: number): Box | undefined {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! > 32) {
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

function centreOfMass(img: Float32Array, w: number, h: number): [number, number] {
  let total = 0;
  let sy = 0;
  let sx = 0;
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
