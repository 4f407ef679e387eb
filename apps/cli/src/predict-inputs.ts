import path from 'node:path';
import { parseIdx } from '@lab/data';
import { centerDigit } from '@lab/preprocess';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { UsageError } from './errors.js';
import { readInput } from './read-input.js';

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
    else if (ext === '.csv') out.push(...parseCsv(file, bytes.toString('utf8')));
    else out.push(...readIdx(file, bytes));
  }
  return out;
}

function decodeImage(file: string, bytes: Buffer, ext: string): Float32Array {
  let width: number;
  let height: number;
  let rgba: Uint8Array;
  try {
    if (ext === '.png') {
      const png = PNG.sync.read(bytes);
      ({ width, height } = png);
      rgba = png.data;
    } else {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
      ({ width, height } = img);
      rgba = img.data;
    }
  } catch (error) {
    throw new UsageError(`${file}: not a valid ${ext.slice(1).toUpperCase()} image (${(error as Error).message})`);
  }
  const gray = new Float32Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    const a = rgba[i * 4 + 3]! / 255;
    // Transparent pixels count as white paper, as in a drawing with an alpha channel.
    const luma = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
    gray[i] = luma * a + 255 * (1 - a);
  }
  return centerDigit({ width, height, pixels: gray });
}

function parseCsv(file: string, text: string): PredictInput[] {
  const rows: PredictInput[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map((c) => Number(c.trim()));
    if (i === 0 && cells.some(Number.isNaN)) return; // a header row
    if (cells.length !== 784 && cells.length !== 785) {
      throw new UsageError(`${file}:${i + 1}: expected 784 pixel values (or a label and 784), got ${cells.length}`);
    }
    const bad = cells.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new UsageError(`${file}:${i + 1}: column ${bad + 1} is not a number`);
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
