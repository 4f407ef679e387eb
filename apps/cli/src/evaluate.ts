import { loadModel } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import * as tf from '@tensorflow/tfjs-core';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { UsageError } from './errors.js';
import { checkFiniteWeights } from './model-checks.js';
import { imagePreprocessing } from './image-preprocessing.js';
import { loadData, toTensors } from './mnist-tensors.js';
import { evaluateTableFile } from './table/table-predict.js';
import { readTablePreprocessing } from './table/table-preprocessing.js';
import { isTableFile } from './table/table-source.js';
import { formatTestReport, scoreTestSet, type TestReport } from './test-report.js';

/** Options of `lab evaluate`. */
export interface EvaluateOptions {
  model: string;
  data?: string;
  backend: BackendChoice;
  json: boolean;
  /** Table: more cell values read as missing. */
  missing?: string[];
}

/** The summary `lab evaluate --json` prints. */
export interface EvaluateResult {
  test_loss: number;
  test_accuracy?: number;
  /** A table model's regression scores, in the target's units. */
  test_rmse?: number;
  test_mae?: number;
  test_r2?: number;
  test_samples: number;
  model: string;
  backend: string;
  classification_report?: TestReport['classification_report'];
  confusion_matrix?: number[][];
}

/** Loads a saved model and scores it on the MNIST test set with categorical cross-entropy. */
export async function runEvaluate(options: EvaluateOptions, log: NodeJS.WriteStream): Promise<EvaluateResult> {
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  const model = await loadModel(fileSystem(options.model)).catch((error: Error) => {
    throw new UsageError(`cannot load the model: ${error.message}`);
  });
  const pre = await readTablePreprocessing(options.model).catch((error: Error) => {
    model.dispose();
    throw new UsageError(`cannot load the model: ${error.message}`);
  });
  if (pre || isTableFile(options.data)) {
    try {
      if (!pre) throw new UsageError(`--data ${options.data} is a table, but ${options.model} is an image model (it has no preprocessing.json)`, 2);
      if (!isTableFile(options.data)) throw new UsageError(`${options.model} is a table model (target '${pre.target.name}'): pass its table with --data FILE.csv|.json`, 2);
      await checkFiniteWeights(model, options.model);
      const scores = await evaluateTableFile(model, pre, options.data, options.missing);
      if (scores.dropped > 0) log.write(`${scores.dropped} rows without a '${pre.target.name}' value left out\n`);
      log.write(`${scores.text}\n`);
      return { ...(scores.json as { test_loss: number }), test_samples: scores.report.samples as number, model: options.model, backend: backend.name };
    } finally {
      model.dispose();
    }
  }
  let image: ReturnType<typeof imagePreprocessing>;
  try {
    image = imagePreprocessing(model.metadata, options.model);
  } catch (error) {
    model.dispose();
    throw new UsageError(`cannot load the model: ${(error as Error).message}`);
  }
  let mnist: Awaited<ReturnType<typeof loadData>>;
  let test: ReturnType<typeof toTensors>;
  try {
    mnist = await loadData(options.data, log);
    const want = model.inputShape ?? [];
    const have = [mnist.test.rows, mnist.test.cols, 1];
    if (want.reduce((a, b) => a * b, 1) !== have.reduce((a, b) => a * b, 1)) {
      throw new UsageError(`${options.model} takes images of shape ${want.join('×')}, but the test images of ${mnist.name} are ${have.join('×')}`, 2);
    }
    const outputs = model.metadata.labels?.length ?? 10;
    if (outputs !== mnist.classes) throw new UsageError(`${options.model} predicts ${outputs} classes, but ${mnist.name} has ${mnist.classes}`, 2);
    // The images go through what training did to them: the pixel scale and the run's denoising.
    test = toTensors(mnist.test, undefined, image.denoise, mnist.classes);
  } catch (error) {
    model.dispose();
    throw error;
  }
  if (image.denoise) log.write(`Denoising the test images as the model was trained: ${image.denoise.filter} ${image.denoise.value}\n`);
  try {
    await checkFiniteWeights(model, options.model);
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const report = await scoreTestSet(model, test.x, test.y, test.labels, mnist.classNames);
    log.write(formatTestReport(report, mnist.name === 'MNIST' ? 'digit' : 'class'));
    return {
      test_loss: report.loss,
      test_accuracy: report.accuracy,
      test_samples: test.count,
      model: options.model,
      backend: backend.name,
      classification_report: report.classification_report,
      confusion_matrix: report.confusion_matrix,
    };
  } finally {
    model.dispose();
    tf.dispose([test.x, test.y]);
  }
}
