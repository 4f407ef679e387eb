import { readRegularFile } from '@lab/core/node';
import { Dense, layersToTopology, mnistCnn, mnistMlp, modelFromTopology, Sequential } from '@lab/models';
import { UsageError } from './errors.js';

/** The architectures `--model` names; anything else is a JSON file. */
export const ARCHITECTURES = ['mlp', 'cnn'] as const;

/** What `--model` selects, with what it needs. */
export interface ArchitectureChoice {
  /** `mlp` (the lesson's network), `cnn` (the Keras MNIST convnet) or a path to a JSON architecture. */
  model: string;
  /** Hidden units of `mlp`. */
  hidden: number;
  seed: number;
  /** What the data gives and asks for; default MNIST's (28×28×1 images, 10 classes). */
  shape?: DataShape;
}

/** The sample shape a model takes and the outputs it gives. */
export interface DataShape {
  inputShape: number[];
  /** Classes, or 1 for regression. */
  outputs: number;
  task: 'classification' | 'regression';
  /** What the data is, for errors: `MNIST`, `penguins.json`. */
  name: string;
}

/** MNIST: 28×28×1 images, 10 classes. */
export const MNIST_SHAPE: DataShape = { inputShape: [28, 28, 1], outputs: 10, task: 'classification', name: 'MNIST' };

/** The shape of an IDX image set: rows×cols×1 images and its classes. */
export function imageShape(data: { name: string; classes: number; train: { rows: number; cols: number } }): DataShape {
  return { inputShape: [data.train.rows, data.train.cols, 1], outputs: data.classes, task: 'classification', name: data.name };
}

/**
 * The MLP for a table: Dense(hidden, relu) on the transformed features → Dense(classes, softmax)
 * for classification, Dense(1) (linear) for regression.
 */
function tableMlp(shape: DataShape, hidden: number, seed: number): Sequential {
  const head = shape.task === 'classification' ? new Dense({ units: shape.outputs, activation: 'softmax' }) : new Dense({ units: 1 });
  return new Sequential([new Dense({ units: hidden, activation: 'relu', inputShape: shape.inputShape }), head], { seed });
}

/**
 * A fresh, built model for `--model`: `mlp` (Flatten → Dense(hidden, relu) → Dense(10, softmax)),
 * `cnn` (the Keras MNIST convnet), or a JSON file holding an architecture in Keras' form — the
 * `modelTopology` that tfjs-layers' and Keras' `model.toJSON()` write, bare or inside a model.json.
 * A file's first layer may leave out its input shape (28×28×1 is assumed); its output must be the
 * 10 digit classes. Errors name the file and the layer; the caller disposes the model.
 */
export async function buildArchitecture(choice: ArchitectureChoice): Promise<Sequential> {
  const shape = choice.shape ?? MNIST_SHAPE;
  const images = shape.inputShape.length === 3;
  if (!images && choice.model === 'cnn') throw new UsageError(`--model cnn: a convnet takes images; ${shape.name} is a table (use mlp or a .json architecture)`, 2);
  if (!images && choice.model === 'mlp') {
    const model = tableMlp(shape, choice.hidden, choice.seed);
    model.build();
    return model;
  }
  if (choice.model === 'mlp' || choice.model === 'cnn') {
    const sized = { inputShape: shape.inputShape, classes: shape.outputs };
    const model = choice.model === 'mlp' ? mnistMlp({ hidden: choice.hidden, seed: choice.seed, ...sized }) : mnistCnn({ seed: choice.seed, ...sized });
    model.build();
    return model;
  }
  const file = choice.model;
  if (!file.toLowerCase().endsWith('.json')) {
    throw new UsageError(`--model ${file}: expected ${ARCHITECTURES.join(' or ')}, or a .json file with a Keras model topology`, 2);
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(file, { what: 'the architecture file', maxBytes: 16 * 2 ** 20 }));
  } catch (error) {
    throw new UsageError((error as Error).message, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--model ${file}: not valid JSON (${(error as Error).message})`, 2);
  }
  let model: Sequential;
  try {
    model = modelFromTopology(json, file, { seed: choice.seed, inputShape: shape.inputShape });
  } catch (error) {
    throw new UsageError((error as Error).message, 2);
  }
  const sample = model.inputShape!;
  const size = sample.reduce((a, b) => a * b, 1);
  const out = outputShape(model);
  const expected = shape.inputShape.reduce((a, b) => a * b, 1);
  if (size !== expected) {
    model.dispose();
    const what = images ? `${shape.name} images are ${shape.inputShape.join('×')} (${expected} values)` : `${shape.name} gives ${expected} features after preprocessing`;
    throw new UsageError(`--model ${file}: the model takes samples of shape [${sample.join(', ')}], but ${what}`, 2);
  }
  if (out.length !== 1 || out[0] !== shape.outputs) {
    model.dispose();
    const wants = shape.task === 'regression' ? `${shape.name} is a regression; end it with Dense(1)` : `${shape.name} has ${shape.outputs} classes; end it with Dense(${shape.outputs}, softmax)`;
    throw new UsageError(`--model ${file}: the model's output is (None, ${out.join(', ')}), but ${wants}`, 2);
  }
  return model;
}

function outputShape(model: Sequential): number[] {
  let shape = model.inputShape!;
  for (const layer of model.layers) shape = layer.outputShape(shape);
  return shape;
}

/**
 * The architecture of a model as a comparable string: each layer's class and options (not its
 * name, which depends on how many layers the process made) and the input shape. Two models with
 * the same signature have the same weights' shapes and the same forward pass.
 */
export function architectureSignature(model: Sequential): string {
  const topology = layersToTopology(model.name, model.layers, model.inputShape ?? []);
  return JSON.stringify([model.inputShape, topology.config.layers.map(({ class_name, config }) => [class_name, { ...config, name: undefined, batch_input_shape: undefined }])]);
}
