import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { loadData, toTensors } from './mnist-tensors.js';

// `--model` of lab train and lab cv, end to end with the built executable: the Keras MNIST convnet
// on the default backend (auto), an architecture file in Keras' JSON form, and clear errors for
// files that are not one.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];

function lab(args: string[], cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cwd-'))) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

/** A saved model folder (model.json + weights.bin) as tfjs's IOHandler, for stock tfjs-layers. */
function folderHandler(dir: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
      const buffers = json.weightsManifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(dir, p))));
      const bytes = Buffer.concat(buffers);
      return { modelTopology: json.modelTopology, weightSpecs, weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy };
    },
  };
}

/**
 * The saved model, loaded by stock tfjs-layers on the default backend (auto), over the whole MNIST test
 * set: its confusion matrix and its predicted class and probability for the misclassified images.
 */
async function tfjsLayersPredictions(modelDir: string) {
  await selectBackend('auto');
  const mnist = await loadData(shared, { write: () => true } as unknown as NodeJS.WriteStream);
  const test = toTensors(mnist.test);
  const model = await tfl.loadLayersModel(folderHandler(modelDir));
  try {
    const probabilities = tf.tidy(() => model.predict(test.x) as tf.Tensor2D);
    const rows = (await probabilities.array()) as number[][];
    probabilities.dispose();
    const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    const predicted = rows.map((row, i) => {
      const best = row.indexOf(Math.max(...row));
      confusion[test.labels[i]!]![best]! += 1;
      return { predicted: best, probability: row[best]! };
    });
    return { confusion, predicted };
  } finally {
    model.dispose();
    tf.dispose([test.x, test.y]);
  }
}

const sequential = (layers: object[]) => ({ class_name: 'Sequential', config: { name: 'mine', layers } });

describe('lab train --model', () => {
  it('refuses what is not an architecture, naming the file, the layer and the problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-arch-'));
    const cases: [string[], RegExp][] = [
      [['--model', 'resnet'], /--model resnet: expected mlp or cnn, or a \.json file with a Keras model topology/],
      [['--model', path.join(dir, 'missing.json')], /missing\.json: the architecture file does not exist/],
      [['--model', writeJson(dir, 'text.json', 'x').replace('.json', '.json')], /text\.json: expected a Keras model topology object/],
      [['--model', writeJson(dir, 'lstm.json', sequential([{ class_name: 'LSTM', config: { name: 'rnn', units: 4 } }]))], /lstm\.json: layer 'rnn' has class 'LSTM', which lab cannot load \(supported: InputLayer, Flatten, Dense, Conv2D/],
      [['--model', writeJson(dir, 'five.json', sequential([{ class_name: 'Flatten', config: {} }, { class_name: 'Dense', config: { units: 5, activation: 'softmax' } }]))], /five\.json: the model's output is \(None, 5\), but MNIST has 10 classes/],
      [['--model', writeJson(dir, 'big.json', sequential([{ class_name: 'Conv2D', config: { name: 'c', filters: 2, kernel_size: 40 } }]))], /big\.json: c: a window of 40×40 does not fit a 28×28 input/],
    ];
    for (const [args, message] of cases) {
      const r = lab(['train', ...dataArgs, '--limit', '100', '--epochs', '1', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('trains the Keras MNIST convnet on the default backend, saves it, evaluates it to the same accuracy, predicts as stock tfjs-layers does, and refuses to resume it as another network', async () => {
    const r = lab(['train', ...dataArgs, '--model', 'cnn', '--limit', '2000', '--epochs', '1', '--seed', '4', '--out', 'run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    expect(out.model).toBe('cnn');
    // 31 steps of 64: far above chance (0.1), not yet the 0.99 of three full epochs.
    expect(out.test_accuracy).toBeGreaterThan(0.6);
    expect(r.stderr).toMatch(/\(Conv2D\)\s+\(None, 26, 26, 32\)\s+320/);
    expect(r.stderr).toContain('Total params: 34,826');
    const html = fs.readFileSync(path.join(r.cwd, 'run', 'report.html'), 'utf8');
    expect(html).toContain('<pre id="summary">');
    const evaluated = lab(['evaluate', '--model', path.join(r.cwd, 'run', 'model'), ...dataArgs, '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(Math.abs((lastJson(evaluated.stdout).test_accuracy as number) - (out.test_accuracy as number))).toBeLessThan(1e-6);
    // Stock tfjs-layers loads the saved convnet and predicts as lab did on the 10,000 test images
    // (a near tie could flip one: tfjs-layers' ops may sum in another order than lab's fused ones).
    const report = JSON.parse(fs.readFileSync(path.join(r.cwd, 'run', 'test-report.json'), 'utf8')) as {
      confusion_matrix: number[][];
      misclassified: { index: number; predicted: number; probability: number }[];
    };
    const theirs = await tfjsLayersPredictions(path.join(r.cwd, 'run', 'model'));
    const differing = theirs.confusion.flat().reduce((sum, n, i) => sum + Math.abs(n - report.confusion_matrix.flat()[i]!), 0) / 2;
    expect(differing).toBeLessThanOrEqual(1);
    expect(report.misclassified.length).toBeGreaterThan(0);
    for (const m of report.misclassified) {
      expect(theirs.predicted[m.index]!.predicted).toBe(m.predicted);
      expect(theirs.predicted[m.index]!.probability).toBeCloseTo(m.probability, 4);
    }
    const resumed = lab(['train', '--resume', path.join(r.cwd, 'run'), '--model', 'mlp', '--override']);
    expect(resumed.code).not.toBe(0);
    expect(resumed.stderr).toMatch(/cannot resume: the checkpoint .* is a network of input 28×28×1 → Conv2D → MaxPooling2D/);
  });

  it('trains an architecture file (tfjs/Keras modelTopology without an input shape)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-arch-'));
    const file = writeJson(dir, 'small.json', {
      modelTopology: sequential([
        { class_name: 'Reshape', config: { target_shape: [28, 28, 1] } },
        { class_name: 'Conv2D', config: { filters: 8, kernel_size: [5, 5], strides: [2, 2], activation: 'relu' } },
        { class_name: 'BatchNormalization', config: {} },
        { class_name: 'Flatten', config: {} },
        { class_name: 'Dense', config: { units: 10, activation: 'softmax' } },
      ]),
    });
    const r = lab(['train', ...dataArgs, '--model', file, '--limit', '1000', '--epochs', '1', '--seed', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout).test_accuracy).toBeGreaterThan(0.5);
    expect(r.stderr).toMatch(/\(BatchNormalization\)\s+\(None, 12, 12, 8\)\s+32/);
  });
});
