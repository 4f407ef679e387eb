import { any, checkOptions, string } from '@lab/core';
import type { Sequential } from '@lab/models';
import { TablePreprocessing } from '@lab/preprocess';
import { type DimSpec, GraphBuilder, ML_DOMAIN } from './graph-builder.js';
import { appendImagePreprocessing, type ImagePreprocessing } from './image-to-onnx.js';
import { appendLayer, channelsLast, type FlowingValue, type LayerWeights } from './layers-to-onnx.js';
import { DataType, encodeModel, type ModelProto } from './onnx-proto.js';
import { appendTablePreprocessing } from './table-to-onnx.js';

/** The ONNX operator sets lab writes: the default domain at 13 and ONNX-ML at 2 (LabelEncoder 2). */
export const OPSET = { onnx: 13, onnxMl: 2 } as const;

/** Options of {@link toOnnx}. */
export interface ToOnnxOptions {
  /**
   * What to put in front of the model so that the graph takes raw data: an image model's
   * {@link ImagePreprocessing} (raw pixels in), a table model's `TablePreprocessing` (one input
   * per raw column), or `'none'` (the graph takes the model's own input). Default `'none'`.
   */
  preprocessing?: ImagePreprocessing | TablePreprocessing | 'none';
  /** A table model: more cells read as missing in categorical columns (the CLI's `--missing`). */
  missing?: readonly string[];
  /** Class labels in output order; with a softmax output the graph adds a `label` output. Default: a table's target labels, else the model's saved labels. */
  labels?: readonly string[];
  /** The graph's name. Default the model's. */
  name?: string;
  /** Written as the producer version. */
  producerVersion?: string;
}

/** One graph input or output of an export. */
export interface OnnxValue {
  name: string;
  type: 'float' | 'string' | 'int64';
  /** Dimensions; `N` is the dynamic batch. */
  shape: DimSpec[];
  /** What it holds. */
  doc: string;
}

/** {@link toOnnx}'s result: the file's bytes and what it holds. */
export interface OnnxExport {
  /** The `.onnx` file's content (an ONNX `ModelProto`, IR version 8). */
  bytes: Uint8Array;
  /** Operator sets imported (`''` is ai.onnx). */
  opset: { domain: string; version: number }[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  /** The distinct operators the graph uses, `domain:Op` for ONNX-ML. */
  operators: string[];
}

const OPTIONS = { preprocessing: any(), missing: any(), labels: any(), name: string(), producerVersion: string() };

/**
 * Writes a built lab `Sequential` model as an ONNX model (opset 13, ONNX-ML 2, dynamic batch
 * `N`): every lab layer as standard operators (see `LAYER_OPERATORS`), channels-last images
 * transposed to ONNX's channels-first around convolution and pooling, dropout left out (it is
 * the identity at inference), batch norm with its moving statistics. With `preprocessing`, the
 * graph starts from raw data: `pixels` (0–255) for an image model, one input per column for a
 * table model. Outputs: `probabilities` (a softmax model; plus `label`, the most probable
 * class's name, when labels are known), a table regression's `prediction` in the target's units,
 * else `output`. A layer, preprocessing step or shape ONNX cannot express exactly is an error
 * naming it. Reads the weights; changes nothing.
 *
 * @example
 * const { bytes } = await toOnnx(model, { preprocessing: { scale: 255 } });
 * await fs.writeFile('model.onnx', bytes);
 */
export async function toOnnx(model: Sequential, options: ToOnnxOptions = {}): Promise<OnnxExport> {
  checkOptions('toOnnx', options, OPTIONS);
  const preprocessing = options.preprocessing ?? 'none';
  if (preprocessing !== 'none' && !(preprocessing instanceof TablePreprocessing) && !(typeof preprocessing === 'object' && typeof preprocessing.scale === 'number')) {
    throw new Error("toOnnx: preprocessing must be an image's { scale, denoise? }, a TablePreprocessing or 'none'");
  }
  const sampleShape = model.inputShape;
  if (!sampleShape) throw new Error('toOnnx: the model is not built (no input shape); build, fit or load it first');
  const g = new GraphBuilder(options.name ?? model.name);
  const inputs: OnnxValue[] = [];
  let x: FlowingValue;
  const table = preprocessing instanceof TablePreprocessing ? preprocessing : undefined;
  if (table) {
    const { features, inputs: columns, width } = appendTablePreprocessing(g, table, options.missing ?? []);
    if (sampleShape.length !== 1 || sampleShape[0] !== width) throw new Error(`toOnnx: the table preprocessing makes ${width} features but the model takes samples of shape [${sampleShape.join(', ')}]`);
    for (const c of columns) inputs.push({ name: c.name, type: c.type, shape: ['N', 1], doc: c.doc });
    x = { name: features, shape: [width], layout: 'channelsLast' };
  } else if (preprocessing !== 'none') {
    const image = preprocessing as ImagePreprocessing;
    if (sampleShape.length !== 3) throw new Error(`toOnnx: image preprocessing needs a model of images [height, width, channels]; this one takes [${sampleShape.join(', ')}]`);
    const shape: DimSpec[] = ['N', ...sampleShape];
    g.input('pixels', DataType.FLOAT, shape, 'raw pixels (0–255), channels last');
    inputs.push({ name: 'pixels', type: 'float', shape, doc: `raw pixels, divided by ${image.scale} in the graph${image.denoise ? `, then ${image.denoise.filter} filtered (${image.denoise.value})` : ''}` });
    x = { name: appendImagePreprocessing(g, 'pixels', sampleShape, image), shape: [...sampleShape], layout: 'channelsLast' };
  } else {
    const shape: DimSpec[] = ['N', ...sampleShape];
    g.input('input', DataType.FLOAT, shape, "the model's input, as lab's predict takes it");
    inputs.push({ name: 'input', type: 'float', shape, doc: "the model's input (preprocessed as in training)" });
    x = { name: 'input', shape: [...sampleShape], layout: 'channelsLast' };
  }

  for (const layer of model.layers) {
    const values = await Promise.all(layer.allWeights.map((w) => w.data() as Promise<Float32Array>));
    const weights: LayerWeights = Object.fromEntries(layer.weightNames.map((n, i) => [n, values[i]!]));
    x = appendLayer(g, layer, weights, x);
  }
  x = channelsLast(g, x, 'output');

  const outputs: OnnxValue[] = [];
  const last = model.layers[model.layers.length - 1] as { activation?: string } | undefined;
  const softmax = last?.activation === 'softmax';
  const shape: DimSpec[] = ['N', ...x.shape];
  if (table?.target.task === 'regression') {
    const { mean, scale } = table.target;
    const value = g.op('Add', [g.op('Mul', [x.name, g.scalar(scale)], {}, { base: 'prediction/scaled' }), g.scalar(mean)], {}, { base: 'prediction/value' });
    const doc = `'${table.target.name}' in its own units (the model's output × ${scale} + ${mean})`;
    g.output(value, 'prediction', DataType.FLOAT, shape, doc);
    outputs.push({ name: 'prediction', type: 'float', shape, doc });
  } else if (softmax) {
    g.output(x.name, 'probabilities', DataType.FLOAT, shape, 'class probabilities (softmax)');
    outputs.push({ name: 'probabilities', type: 'float', shape, doc: 'class probabilities (softmax)' });
    const labels = options.labels ?? table?.target.labels ?? model.metadata.labels;
    if (labels) {
      const classes = x.shape[x.shape.length - 1]!;
      if (x.shape.length !== 1 || labels.length !== classes) throw new Error(`toOnnx: ${labels.length} labels for a model with ${classes} outputs of shape [${x.shape.join(', ')}]`);
      const index = g.op('ArgMax', [x.name], { axis: { int: 1 }, keepdims: { int: 0 } }, { base: 'label/index' });
      const label = g.op('LabelEncoder', [index], { keys_int64s: { ints: labels.map((_, i) => i) }, values_strings: { strings: [...labels] }, default_string: { string: '' } }, { domain: ML_DOMAIN, base: 'label/name', type: { elemType: DataType.STRING, dims: ['N'] } });
      g.output(label, 'label', DataType.STRING, ['N'], 'the most probable class');
      outputs.push({ name: 'label', type: 'string', shape: ['N'], doc: 'the most probable class' });
    }
  } else {
    g.output(x.name, 'output', DataType.FLOAT, shape, "the model's output");
    outputs.push({ name: 'output', type: 'float', shape, doc: "the model's output" });
  }

  const graph = g.build(`lab model '${model.name}'`);
  const opset = [{ domain: '', version: OPSET.onnx }, ...(g.domains.has(ML_DOMAIN) ? [{ domain: ML_DOMAIN, version: OPSET.onnxMl }] : [])];
  const proto: ModelProto = {
    irVersion: 8,
    opsetImport: opset,
    producerName: 'lab',
    producerVersion: options.producerVersion ?? '',
    docString: `Exported by lab from a ${model.layers.map((l) => l.className).join(' → ')} model.`,
    graph,
    metadataProps: [],
  };
  const operators = [...new Set(graph.node.map((n) => (n.domain ? `${n.domain}:${n.opType}` : n.opType)))].sort();
  return { bytes: encodeModel(proto), opset, inputs, outputs, operators };
}
