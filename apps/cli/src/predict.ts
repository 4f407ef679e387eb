import { loadModel } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import * as tf from '@tensorflow/tfjs-core';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { UsageError } from './errors.js';
import { checkFiniteWeights, checkPixelRange } from './model-checks.js';
import { imagePreprocessing } from './image-preprocessing.js';
import { readPredictInputs } from './predict-inputs.js';
import { denoiseImages } from './preprocess-images.js';
import { predictionsCsv, predictTableFile, type TableRowPrediction } from './table/table-predict.js';
import { readTablePreprocessing } from './table/table-preprocessing.js';

/** Options of `lab predict`. */
export interface PredictOptions {
  model: string;
  inputs: string[];
  topK: number;
  backend: BackendChoice;
  json: boolean;
  /** Predict for pixels outside 0–255 with a warning instead of refusing them. Default false. */
  allowOutOfRange?: boolean;
  /** A table model: the table of raw rows to predict (instead of `inputs`). */
  data?: string;
  /** Table: more cell values read as missing. */
  missing?: string[];
}

/** What `lab predict` gives for a table model: one prediction per row, and the same as CSV. */
export interface TablePredictions {
  rows: TableRowPrediction[];
  csv: string;
}

/** One prediction: the input's name and its top classes, most probable first. */
export interface Prediction {
  input: string;
  top: { label: string; probability: number }[];
}

/** Loads a saved model, turns the inputs into 28×28 digits scaled like training, and ranks the classes. */
export async function runPredict(options: PredictOptions, log: NodeJS.WriteStream): Promise<Prediction[] | TablePredictions> {
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  const model = await loadModel(fileSystem(options.model)).catch((error: Error) => {
    throw new UsageError(`cannot load the model: ${error.message}`);
  });
  try {
    await checkFiniteWeights(model, options.model);
    const pre = await readTablePreprocessing(options.model).catch((error: Error) => {
      throw new UsageError(`cannot load the model: ${error.message}`);
    });
    if (pre) {
      const file = options.data ?? options.inputs[0];
      if (!file || options.inputs.length > (options.data ? 0 : 1)) throw new UsageError(`${options.model} is a table model (target '${pre.target.name}'): pass one table of rows with --data FILE.csv|.json`, 2);
      const rows = await predictTableFile(model, pre, file, options.missing);
      return { rows, csv: predictionsCsv(pre, rows) };
    }
    if (options.data) throw new UsageError(`--data is for table models; ${options.model} is an image model: pass images, IDX or CSV pixel files as arguments`, 2);
    if (options.inputs.length === 0) throw new UsageError('lab predict: pass image, IDX or CSV pixel files to predict', 2);
    const takes = model.inputShape ?? [28, 28, 1];
    if (takes.reduce((a, b) => a * b, 1) !== 784) {
      throw new UsageError(`${options.model} takes ${takes.join('×')} images; lab predict reads 28×28 digits (PNG, JPEG, IDX, CSV) — score such a model with lab evaluate --data DIR`, 2);
    }
    const inputs = await readPredictInputs(options.inputs);
    for (const warning of checkPixelRange(inputs, options.allowOutOfRange ?? false)) log.write(`warning: ${warning}\n`);
    const labels = model.metadata.labels ?? Array.from({ length: 10 }, (_, i) => String(i));
    let image: ReturnType<typeof imagePreprocessing>;
    try {
      image = imagePreprocessing(model.metadata, options.model);
    } catch (error) {
      throw new UsageError(`cannot load the model: ${(error as Error).message}`);
    }
    const { scale, denoise } = image;
    const flat = new Float32Array(inputs.length * 784);
    for (const [i, input] of inputs.entries()) flat.set(input.pixels, i * 784);
    // The inputs go through what training did to its images: the pixel scale, then the denoising.
    const probabilities = tf.tidy(() => {
      const scaled = tf.div(tf.tensor4d(flat, [inputs.length, 28, 28, 1]), scale);
      return model.predict(denoise ? denoiseImages(scaled, denoise) : scaled);
    });
    const values = await probabilities.data();
    probabilities.dispose();
    if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`${options.model}: the model gave NaN or infinite outputs for these inputs`);
    const classes = values.length / Math.max(inputs.length, 1);
    return inputs.map((input, i) => {
      const row = Array.from(values.subarray(i * classes, (i + 1) * classes));
      const top = row
        .map((probability, c) => ({ label: labels[c] ?? String(c), probability }))
        .sort((a, b) => b.probability - a.probability)
        .slice(0, options.topK);
      return { input: input.name, top };
    });
  } finally {
    model.dispose();
  }
}
