import path from 'node:path';
import { writeFileAtomic } from '@lab/core/node';
import type { ModelMetadata, Sequential } from '@lab/models';
import type * as tf from '@tensorflow/tfjs-core';
import { type DataShape, imageShape } from './architecture.js';
import { loadData, toTensors } from './mnist-tensors.js';
import { parseDenoise } from './preprocess-images.js';
import { renderReportHtml } from './report-html.js';
import { formatTestReport, scoreTestSet } from './test-report.js';

/** What a scored test split gives: fields for `--json`, lines for the log. */
export interface TestScores {
  json: Record<string, unknown>;
  text: string;
}

/**
 * The data of a training run, ready for the model: the train and test splits as tensors, what the
 * model must take and give, what is saved with it, and how its test split is scored and reported.
 * MNIST ({@link loadMnistTraining}) and tables (`loadTableTraining`) implement it.
 */
export interface TrainingData {
  shape: DataShape;
  train: { x: tf.Tensor; y: tf.Tensor; count: number };
  test: { x: tf.Tensor; y: tf.Tensor; count: number };
  /** The loss when `--loss` is not given. */
  defaultLoss: string;
  /** The metrics the run logs every epoch. */
  metrics: string[];
  /** Where the data came from, for `--json`'s `data_source`. */
  source: string;
  /** Saves the model with everything needed to predict from raw inputs (labels, preprocessing). */
  saveModel(model: Sequential, dir: string): Promise<void>;
  /** Scores the trained model on the test split and writes `test-report.json` and `report.html` into `runDir`. */
  score(model: Sequential, runDir: string, history: Record<string, number[]>, settings?: Record<string, string | number>): Promise<TestScores>;
  dispose(): void;
}

/** What the MNIST data needs from the options. */
export interface MnistDataOptions {
  data?: string;
  limit?: number;
  denoise?: string;
}

/** An IDX image set (MNIST by default) as a run's data: pixels / 255 (optionally denoised) as rows×cols×1 images, one-hot classes. */
export async function loadMnistTraining(options: MnistDataOptions, log: NodeJS.WriteStream): Promise<TrainingData> {
  const mnist = await loadData(options.data, log);
  const denoise = options.denoise ? parseDenoise(options.denoise) : undefined;
  const train = toTensors(mnist.train, options.limit, denoise, mnist.classes);
  const test = toTensors(mnist.test, undefined, denoise, mnist.classes);
  const shape = imageShape(mnist);
  if (denoise) log.write(`Denoised the images with a ${denoise.filter} filter (${denoise.filter === 'gaussian' ? 'sigma' : 'size'} ${denoise.value})\n`);
  const metadata: ModelMetadata = {
    labels: [...mnist.classNames],
    // Everything the run did to the raw pixels, applied again by evaluate, predict and the loaders.
    preprocessing: { scalePixels: { scale: 255 }, inputShape: shape.inputShape, ...(denoise ? { denoise } : {}) },
  };
  return {
    shape,
    train,
    test,
    defaultLoss: 'categorical-crossentropy',
    metrics: ['accuracy'],
    source: `${mnist.source.kind}:${mnist.source.location}`,
    async saveModel(model, dir) {
      const { fileSystem } = await import('@lab/models/node');
      await model.save(fileSystem(dir), metadata);
    },
    async score(model, runDir, history, settings) {
      const report = await scoreTestSet(model, test.x, test.y, test.labels, mnist.classNames);
      await writeFileAtomic(path.join(runDir, 'test-report.json'), `${JSON.stringify(report, null, 2)}\n`, { mkdir: true });
      const size = mnist.test.rows * mnist.test.cols;
      const digits = report.misclassified.map((m) => mnist.test.images.slice(m.index * size, (m.index + 1) * size));
      const html = await renderReportHtml({ title: `lab run ${runDir}`, history, test: report, digits, imageSize: [mnist.test.rows, mnist.test.cols], summary: model.summary(), ...(settings ? { settings } : {}) });
      await writeFileAtomic(path.join(runDir, 'report.html'), html, { mkdir: true });
      return {
        json: { test_accuracy: report.accuracy, test_loss: report.loss, classification_report: report.classification_report, confusion_matrix: report.confusion_matrix },
        text: formatTestReport(report, mnist.name === 'MNIST' ? 'digit' : 'class'),
      };
    },
    dispose() {
      for (const t of [train.x, train.y, test.x, test.y]) t.dispose();
    },
  };
}
