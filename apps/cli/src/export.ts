import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@lab/core/node';
import { loadModel, type Sequential } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import { checkOnnxModel, type OnnxExport, tableFeeds, toOnnx } from '@lab/onnx';
import type { TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { UsageError } from './errors.js';
import { type ImagePreprocessing, imagePreprocessing } from './image-preprocessing.js';
import { checkFiniteWeights } from './model-checks.js';
import { loadData } from './mnist-tensors.js';
import { denoiseImages } from './preprocess-images.js';
import { PREPROCESSING_FILE, readTablePreprocessing } from './table/table-preprocessing.js';
import { readTableInput } from './table/table-source.js';

/** The formats `lab export` writes. */
export const EXPORT_FORMATS = ['onnx', 'tfjs'] as const;

/** Options of `lab export`. */
export interface ExportOptions {
  model: string;
  format: (typeof EXPORT_FORMATS)[number];
  out: string;
  /** Leave the preprocessing out of an ONNX graph: it then takes the model's own (preprocessed) input. */
  preprocessing: boolean;
  /** Run the ONNX file in ONNX Runtime on a sample and compare with lab. */
  verify: boolean;
  /** `--verify`: the images (an IDX folder; default MNIST) or, for a table model, the table of raw rows. */
  data?: string;
  /** `--verify`: how many samples (default 1000). */
  samples: number;
  /** Table: more cell values read as missing. */
  missing?: string[];
  backend: BackendChoice;
  json: boolean;
}

/** What `lab export --json` prints. */
export interface ExportResult {
  format: 'onnx' | 'tfjs';
  out: string;
  bytes: number;
  opset?: OnnxExport['opset'];
  inputs?: OnnxExport['inputs'];
  outputs?: OnnxExport['outputs'];
  operators?: string[];
  verify?: Verification;
}

/** `--verify`'s comparison of ONNX Runtime with lab on the same samples. */
export interface Verification {
  runtime: string;
  samples: number;
  /** Samples whose most probable class (or, for regression, nothing) is the same in both. */
  argmax_agreement?: number;
  /** The largest |ONNX − lab| over every output value (probabilities, or predictions in the target's units). */
  max_abs_diff: number;
  /** Regression: the largest difference relative to the largest |prediction|. */
  max_rel_diff?: number;
  passed: boolean;
}

/** The tolerance of `--verify` on float32 probabilities (and on regression predictions, relative). */
export const VERIFY_TOLERANCE = 1e-5;

/**
 * `lab export`: writes a saved model as an ONNX file (preprocessing included unless
 * `--no-preprocessing`; checked structurally after writing) or as a tfjs Layers folder, and with
 * `--verify` runs the ONNX file in ONNX Runtime on a sample, comparing with lab's predictions.
 */
export async function runExport(options: ExportOptions, log: NodeJS.WriteStream): Promise<ExportResult> {
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  const model = await loadModel(fileSystem(options.model)).catch((error: Error) => {
    throw new UsageError(`cannot load the model: ${error.message}`);
  });
  try {
    await checkFiniteWeights(model, options.model);
    const table = await readTablePreprocessing(options.model).catch((error: Error) => {
      throw new UsageError(`cannot load the model: ${error.message}`);
    });
    let image: ImagePreprocessing | undefined;
    if (!table) {
      try {
        image = imagePreprocessing(model.metadata, options.model);
      } catch (error) {
        throw new UsageError(`cannot load the model: ${(error as Error).message}`);
      }
    }
    if (options.format === 'tfjs') return await exportTfjs(model, table, options, log);
    if (!options.out.toLowerCase().endsWith('.onnx')) throw new UsageError(`--out ${options.out}: an ONNX file's name ends in .onnx`, 2);
    let exported: OnnxExport;
    try {
      exported = await toOnnx(model, {
        preprocessing: !options.preprocessing ? 'none' : (table ?? (model.inputShape?.length === 3 ? image! : 'none')),
        ...(options.missing ? { missing: options.missing } : {}),
        producerVersion: '0.1.0',
      });
    } catch (error) {
      const message = (error as Error).message;
      throw new UsageError(`${message}${/without its preprocessing/.test(message) ? ' (lab export --no-preprocessing)' : ''}`, 2);
    }
    const check = checkOnnxModel(exported.bytes);
    await writeFileAtomic(options.out, exported.bytes, { mkdir: true });
    log.write(`Wrote ${options.out} (${formatSize(exported.bytes.length)}): ONNX IR ${check.irVersion}, opset ${exported.opset.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ')}; ${check.nodes} nodes, ${check.parameters.toLocaleString('en-US')} constants; structure checked\n`);
    log.write(`Inputs:\n${exported.inputs.map((v) => `  ${v.name} ${v.type} [${v.shape.join(', ')}]: ${v.doc}`).join('\n')}\n`);
    log.write(`Outputs:\n${exported.outputs.map((v) => `  ${v.name} ${v.type} [${v.shape.join(', ')}]: ${v.doc}`).join('\n')}\n`);
    log.write(`Operators: ${exported.operators.join(', ')}\n`);
    const result: ExportResult = { format: 'onnx', out: options.out, bytes: exported.bytes.length, opset: exported.opset, inputs: exported.inputs, outputs: exported.outputs, operators: exported.operators };
    if (options.verify) {
      const verification = await verify(model, exported, options, table, options.preprocessing ? image : undefined, log);
      result.verify = verification;
      if (!verification.passed) throw new UsageError(`--verify: ONNX Runtime and lab differ beyond ${VERIFY_TOLERANCE} (max |Δ| ${verification.max_abs_diff.toExponential(2)}${verification.argmax_agreement === undefined ? '' : `, argmax ${verification.argmax_agreement}/${verification.samples}`}); ${options.out} is written but not to be trusted`, 1);
    }
    return result;
  } finally {
    model.dispose();
  }
}

/** The model folder again, in the tfjs Layers format (model.json + weights, and a table's preprocessing.json). */
async function exportTfjs(model: Sequential, table: TablePreprocessing | undefined, options: ExportOptions, log: NodeJS.WriteStream): Promise<ExportResult> {
  const stat = await fs.stat(options.out).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${options.out}: the tfjs Layers format is a folder (model.json + weights); this is a file`, 2);
  await model.save(fileSystem(options.out));
  if (table) await writeFileAtomic(path.join(options.out, PREPROCESSING_FILE), `${JSON.stringify(table.toJSON(), null, 2)}\n`, { mkdir: true });
  const files = await fs.readdir(options.out);
  let bytes = 0;
  for (const f of files) bytes += (await fs.stat(path.join(options.out, f))).size;
  log.write(`Wrote ${options.out}/ (${files.sort().join(', ')}; ${formatSize(bytes)}): the tfjs Layers format; stock @tensorflow/tfjs-layers loads it with tf.loadLayersModel('file://${path.resolve(options.out)}/model.json')\n`);
  return { format: 'tfjs', out: options.out, bytes };
}

type Ort = typeof import('onnxruntime-node');

async function loadRuntime(): Promise<Ort> {
  try {
    const module = (await import('onnxruntime-node')) as Ort & { default?: Ort };
    return module.default ?? module;
  } catch (error) {
    throw new UsageError(`--verify runs the file in ONNX Runtime, which is not installed (npm i onnxruntime-node): ${(error as Error).message.split('\n')[0]}`, 2);
  }
}

/** Runs the exported file in ONNX Runtime on a sample and compares with lab's predictions on the same inputs. */
async function verify(model: Sequential, exported: OnnxExport, options: ExportOptions, table: TablePreprocessing | undefined, image: ImagePreprocessing | undefined, log: NodeJS.WriteStream): Promise<Verification> {
  const ort = await loadRuntime();
  const sample = table ? await tableSample(model, table, options) : await imageSample(model, options, image, log);
  const session = await ort.InferenceSession.create(exported.bytes);
  let outputs: Record<string, { data: unknown }>;
  try {
    const feeds = Object.fromEntries(Object.entries(sample.feeds).map(([name, f]) => [name, new ort.Tensor(f.data instanceof Float32Array ? 'float32' : 'string', f.data, f.dims)]));
    outputs = (await session.run(feeds)) as Record<string, { data: unknown }>;
  } finally {
    await session.release();
  }
  const name = exported.outputs[0]!.name;
  const got = outputs[name]!.data as Float32Array;
  const want = sample.want;
  let maxAbs = 0;
  for (let i = 0; i < want.length; i++) maxAbs = Math.max(maxAbs, Math.abs(got[i]! - want[i]!));
  const runtime = `ONNX Runtime ${ort.env.versions?.node ?? ''}`.trim();
  const count = sample.count;
  if (name === 'prediction') {
    let largest = 0;
    for (const v of want) largest = Math.max(largest, Math.abs(v));
    const maxRel = maxAbs / (largest || 1);
    const passed = maxRel <= VERIFY_TOLERANCE;
    log.write(`Verified in ${runtime} on ${count} ${sample.what}: max |Δ prediction| ${maxAbs.toExponential(2)} (${maxRel.toExponential(2)} of the largest)${passed ? '' : ' — FAILED'}\n`);
    return { runtime, samples: count, max_abs_diff: maxAbs, max_rel_diff: maxRel, passed };
  }
  const classes = want.length / count;
  let agree = 0;
  for (let r = 0; r < count; r++) if (argmax(got, r * classes, classes) === argmax(want, r * classes, classes)) agree++;
  const passed = agree === count && maxAbs <= VERIFY_TOLERANCE;
  log.write(`Verified in ${runtime} on ${count} ${sample.what}: argmax agrees ${agree}/${count}, max |Δp| ${maxAbs.toExponential(2)}${passed ? '' : ' — FAILED'}\n`);
  return { runtime, samples: count, argmax_agreement: agree, max_abs_diff: maxAbs, passed };
}

interface Sample {
  feeds: Record<string, { data: Float32Array | string[]; dims: number[] }>;
  want: Float32Array | Float64Array;
  count: number;
  what: string;
}

/** The first test images: raw pixels for the graph, and lab's predictions after its own preprocessing. */
async function imageSample(model: Sequential, options: ExportOptions, image: ImagePreprocessing | undefined, log: NodeJS.WriteStream): Promise<Sample> {
  const data = await loadData(options.data, log);
  const { rows, cols } = data.test;
  const shape = model.inputShape ?? [];
  if (shape.length !== 3 || shape[0] !== rows || shape[1] !== cols || shape[2] !== 1) throw new UsageError(`--verify: ${options.model} takes [${shape.join(', ')}] samples; the test images of ${data.name} are ${rows}×${cols}×1`, 2);
  const count = Math.min(options.samples, data.test.count);
  const pixels = Float32Array.from(data.test.images.subarray(0, count * rows * cols));
  const dims = [count, rows, cols, 1];
  // lab's side: the pixel scale and the run's denoising, then predict (as lab predict does).
  const saved = imagePreprocessing(model.metadata, options.model);
  const input = tf.tidy(() => {
    const x = tf.div(tf.tensor4d(pixels, dims as [number, number, number, number]), saved.scale);
    return saved.denoise ? denoiseImages(x, saved.denoise) : x;
  });
  const prediction = model.predict(input);
  const values = (await prediction.data()) as Float32Array;
  // Without its preprocessing the graph takes what the model takes: the scaled (and denoised) images.
  const feeds: Sample['feeds'] = image ? { pixels: { data: pixels, dims } } : { input: { data: (await input.data()) as Float32Array, dims } };
  tf.dispose([input, prediction]);
  return { feeds, want: values, count, what: `test images of ${data.name}` };
}

/** The rows of `--data`: raw cells for the graph, and lab's predictions through its preprocessing. */
async function tableSample(model: Sequential, table: TablePreprocessing, options: ExportOptions): Promise<Sample> {
  if (!options.data) throw new UsageError(`--verify on a table model needs its raw rows: --data FILE.csv|.json`, 2);
  const { table: rows } = await readTableInput(options.data, options.missing ?? []);
  let x: tf.Tensor2D;
  try {
    x = table.transform(rows);
  } catch (error) {
    throw new UsageError(`--data ${options.data}: ${(error as Error).message}`, 2);
  }
  const count = x.shape[0];
  const y = model.predict(x);
  const raw = (await y.data()) as Float32Array;
  if (!options.preprocessing) {
    const features = (await x.data()) as Float32Array;
    tf.dispose([x, y]);
    return { feeds: { input: { data: features, dims: [...x.shape] } }, want: raw, count, what: `rows of ${options.data}` };
  }
  tf.dispose([x, y]);
  const want = table.target.task === 'regression' ? table.target.decode(raw) : raw;
  // The raw file again, without lab's reading of the markers, as a user's rows would arrive.
  const { table: cells } = await readTableInput(options.data);
  return { feeds: tableFeeds(table, cells, options.missing ?? []), want, count, what: `rows of ${options.data}` };
}

function argmax(values: ArrayLike<number>, offset: number, length: number): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[offset + i]! > values[offset + best]!) best = i;
  return best;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
