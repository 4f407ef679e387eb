import path from 'node:path';
import zlib from 'node:zlib';
import { parseIdx } from '@lab/data';
import { centerDigit } from '@lab/preprocess';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { UsageError } from './errors.js';
import { readInput } from './read-input.js';

/**
 * The most pixels `lab predict` decodes from one PNG or JPEG: 16 megapixels (4096×4096), far more
 * than a digit needs. Checked from the file's header before decoding, because the decoders
 * allocate what the header claims: a 70-byte PNG claiming 20000×20000 took pngjs 13 s and 4.8 GB,
 * and one claiming 2^31 − 1 × 1 aborted the process inside zlib.
 */
export const MAX_IMAGE_MEGAPIXELS = 16;

/** One input to predict: a name for the output and 784 pixel values in [0, 255]. */
export interface PredictInput {
  name: string;
  pixels: Float32Array;
}

/**
 * Reads the inputs of `lab predict`: PNG or JPEG images (converted to MNIST-style 28×28 digits),
 * IDX image files (every image in them), or CSV files whose rows hold 784 pixel values (an
 * optional leading label column makes 785). Errors name the file, and the line for CSV.
 */
export async function readPredictInputs(files: string[]): Promise<PredictInput[]> {
  const out: PredictInput[] = [];
  for (const file of files) {
    const bytes = await readInput(file);
    const ext = path.extname(file).toLowerCase();
    if (ext === '.png' || ext === '.jpg' || ext === '.jpeg') out.push({ name: file, pixels: decodeImage(file, bytes, ext) });
    else {
      const inputs = ext === '.csv' ? parseCsv(file, bytes.toString('utf8')) : readIdx(file, bytes);
      // Without this, zero rows reach the model and tfjs reports a shape mismatch naming no file.
      if (inputs.length === 0) throw new UsageError(`${file}: holds no inputs (${ext === '.csv' ? 'no data rows' : 'an IDX file of 0 images'})`);
      out.push(...inputs);
    }
  }
  return out;
}

function decodeImage(file: string, bytes: Buffer, ext: string): Float32Array {
  let width: number;
  let height: number;
  let rgba: Uint8Array;
  if (ext === '.png') checkPngHeader(file, bytes);
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      ({ width, height } = png);
      rgba = png.data;
    } else {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_IMAGE_MEGAPIXELS, maxMemoryUsageInMB: 512 });
      ({ width, height } = img);
      rgba = img.data;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('maxResolutionInMP') || message.startsWith('maxMemoryUsageInMB')) throw new UsageError(`${file}: the image is larger than ${MAX_IMAGE_MEGAPIXELS} megapixels; downscale it (a digit needs only 28×28)`);
    throw new UsageError(`${file}: not a valid ${ext.slice(1).toUpperCase()} image (${message})`);
  }
  if (width === 0 || height === 0) throw new UsageError(`${file}: the image has no pixels (${width}×${height})`);
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    // Transparent pixels count as white paper, as in a drawing with an alpha channel.
    const luma = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
    gray[i] = luma * a + 255 * (1 - a);
  }
  return centerDigit({ width, height, pixels: gray });
}

/**
 * Refuses a PNG whose header claims more than {@link MAX_IMAGE_MEGAPIXELS}, or no pixels, before
 * pngjs allocates for it; and, for an interlaced PNG (which pngjs inflates with no size limit),
 * image data that inflates to more than such an image can hold. Anything else malformed is left
 * to pngjs to report.
 */
function checkPngHeader(file: string, bytes: Buffer): void {
  // The IHDR chunk comes first: width and height at bytes 16–23, the interlace method at byte 28.
  if (bytes.length < 29 || bytes.toString('latin1', 12, 16) !== 'IHDR') return;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0) throw new UsageError(`${file}: the PNG header says ${width}×${height}: the image has no pixels`);
  if (width * height > MAX_IMAGE_MEGAPIXELS * 1e6) {
    throw new UsageError(`${file}: the PNG is ${width}×${height} (${((width * height) / 1e6).toFixed(0)} megapixels), above the limit of ${MAX_IMAGE_MEGAPIXELS}; downscale it (a digit needs only 28×28)`);
  }
  if (bytes[28] === 0) return;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  // At most 8 bytes a pixel (16-bit RGBA), plus a filter byte per row of each of Adam7's 7 passes.
  const most = width * height * 8 + 7 * (height + 1);
  try {
    zlib.inflateSync(Buffer.concat(data), { maxOutputLength: most });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new UsageError(`${file}: the PNG's image data inflates to more than a ${width}×${height} image holds (a decompression bomb?)`);
    }
  }
}

function parseCsv(file: string, text: string): PredictInput[] {
  const rows: PredictInput[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const texts = line.split(',').map((c) => c.trim());
    // An empty cell is missing, not 0 (Number('') is 0).
    const cells = texts.map((c) => (c === '' ? Number.NaN : Number(c)));
    // A header names columns: no cell of it is a number. A first row with some numbers and one
    // garbled cell is data, and refused below rather than skipped.
    if (i === 0 && cells.every(Number.isNaN)) return;
    if (cells.length !== 784 && cells.length !== 785) {
      throw new UsageError(`${file}:${i + 1}: expected 784 pixel values (or a label and 784), got ${cells.length}`);
    }
    const bad = cells.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new UsageError(`${file}:${i + 1}: column ${bad + 1} ${texts[bad] === '' ? 'is empty' : `is not a number (${JSON.stringify(texts[bad]!.slice(0, 20))})`}`);
    rows.push({ name: `${file}:${i + 1}`, pixels: Float32Array.from(cells.slice(cells.length - 784)) });
  });
  return rows;
}

function readIdx(file: string, bytes: Buffer): PredictInput[] {
  let idx: ReturnType<typeof parseIdx>;
  try {
    idx = parseIdx(new Uint8Array(bytes), { name: file });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (inputs are PNG, JPEG, CSV or IDX image files)`);
  }
  const [count, rows, cols] = idx.shape;
  if (idx.shape.length !== 3 || rows !== 28 || cols !== 28) {
    throw new UsageError(`${file}: IDX images must have shape [N, 28, 28], got [${idx.shape.join(', ')}]`);
  }
  return Array.from({ length: count! }, (_, i) => ({ name: `${file}[${i}]`, pixels: Float32Array.from(idx.data.subarray(i * 784, (i + 1) * 784)) }));
}
