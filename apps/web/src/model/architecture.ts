import {
  type ActivationName,
  ACTIVATIONS,
  AveragePooling2D,
  BatchNormalization,
  Conv2D,
  Dense,
  Dropout,
  Flatten,
  GlobalAveragePooling2D,
  type Layer,
  MaxPooling2D,
  Sequential,
} from '@lab/models';
import { IMAGE_SHAPE, NUM_CLASSES } from '../lesson-model.js';

/**
 * One layer of an architecture, as the editor and the URL hold it. Every stack ends in the output
 * layer, Dense(10, softmax), which is not listed: the digits are always ten classes.
 */
export type LayerSpec =
  | { kind: 'dense'; units: number; activation: ActivationName }
  | { kind: 'conv'; filters: number; kernel: number; activation: ActivationName; padding: 'valid' | 'same'; strides: number }
  | { kind: 'maxpool' | 'avgpool'; pool: number }
  | { kind: 'dropout'; rate: number }
  | { kind: 'gap' | 'batchnorm' | 'flatten' };

/** The layer kinds, in the order the editor offers them, with what each is in Keras' words. */
export const LAYER_KINDS = {
  conv: 'Conv2D',
  maxpool: 'MaxPooling2D',
  avgpool: 'AveragePooling2D',
  batchnorm: 'BatchNormalization',
  dropout: 'Dropout',
  flatten: 'Flatten',
  gap: 'GlobalAveragePooling2D',
  dense: 'Dense',
} as const satisfies Record<LayerSpec['kind'], string>;

export type LayerKind = keyof typeof LAYER_KINDS;

/** The two ready-made stacks: the lesson's MLP and the Keras MNIST convnet (keras.io/examples/vision/mnist_convnet). */
export const PRESETS = {
  mlp: 'flatten,dense:128:relu',
  cnn: 'conv:32:3:relu,maxpool:2,conv:64:3:relu,maxpool:2,flatten,dropout:0.5',
} as const;

/** A new layer of `kind` with Keras-like defaults, for the editor's "Add layer". */
export function defaultLayer(kind: LayerKind): LayerSpec {
  switch (kind) {
    case 'dense':
      return { kind, units: 64, activation: 'relu' };
    case 'conv':
      return { kind, filters: 16, kernel: 3, activation: 'relu', padding: 'valid', strides: 1 };
    case 'maxpool':
    case 'avgpool':
      return { kind, pool: 2 };
    case 'dropout':
      return { kind, rate: 0.25 };
    default:
      return { kind };
  }
}

const LIMITS = { units: 4096, filters: 512, kernel: 28, pool: 28, strides: 28 };

function integer(text: string | undefined, field: keyof typeof LIMITS, fallback: number | undefined, where: string): number {
  if (text === undefined || text === '') {
    if (fallback === undefined) throw new Error(`${where}: ${field} is missing`);
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > LIMITS[field]) throw new Error(`${where}: ${field} must be an integer from 1 to ${LIMITS[field]}, got '${text}'`);
  return value;
}

function activation(text: string | undefined, where: string): ActivationName {
  if (text === undefined || text === '') return 'relu';
  if (!(ACTIVATIONS as readonly string[]).includes(text)) throw new Error(`${where}: activation must be one of ${ACTIVATIONS.join(', ')}, got '${text}'`);
  return text as ActivationName;
}

/**
 * Reads an architecture written as layers separated by commas, each `kind:param:param…`:
 * `dense:UNITS[:ACTIVATION]`, `conv:FILTERS:KERNEL[:ACTIVATION[:PADDING[:STRIDES]]]`,
 * `maxpool:POOL`, `avgpool:POOL`, `dropout:RATE`, `batchnorm`, `flatten`, `gap` (e.g.
 * {@link PRESETS}). Throws naming the layer (1-based) and the field at fault.
 */
export function parseArchitecture(text: string): LayerSpec[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 1 && parts[0] === '') throw new Error('architecture: no layers; start from a preset, e.g. flatten,dense:128:relu');
  return parts.map((part, i): LayerSpec => {
    const [kind = '', ...args] = part.split(':').map((a) => a.trim());
    const where = `layer ${i + 1} (${part === '' ? 'empty' : kind})`;
    const extra = (n: number) => {
      if (args.length > n) throw new Error(`${where}: takes at most ${n} parameter${n === 1 ? '' : 's'}, got ${args.length} (${part})`);
    };
    switch (kind) {
      case 'dense':
        extra(2);
        return { kind, units: integer(args[0], 'units', undefined, where), activation: activation(args[1], where) };
      case 'conv': {
        extra(5);
        const padding = args[3] === undefined || args[3] === '' ? 'valid' : args[3];
        if (padding !== 'valid' && padding !== 'same') throw new Error(`${where}: padding must be valid or same, got '${padding}'`);
        return { kind, filters: integer(args[0], 'filters', undefined, where), kernel: integer(args[1], 'kernel', 3, where), activation: activation(args[2], where), padding, strides: integer(args[4], 'strides', 1, where) };
      }
      case 'maxpool':
      case 'avgpool':
        extra(1);
        return { kind, pool: integer(args[0], 'pool', 2, where) };
      case 'dropout': {
        extra(1);
        const rate = Number(args[0]);
        if (args[0] === undefined || args[0] === '' || !(rate >= 0 && rate < 1)) throw new Error(`${where}: rate must be a number in [0, 1), got '${args[0] ?? ''}'`);
        return { kind, rate };
      }
      case 'gap':
      case 'batchnorm':
      case 'flatten':
        extra(0);
        return { kind };
      default:
        throw new Error(`${where}: unknown layer '${kind}'; the layers are ${Object.keys(LAYER_KINDS).join(', ')}`);
    }
  });
}

/** The text form of `layers`, as {@link parseArchitecture} reads it (defaults left out). */
export function formatArchitecture(layers: readonly LayerSpec[]): string {
  return layers
    .map((l) => {
      switch (l.kind) {
        case 'dense':
          return `dense:${l.units}:${l.activation}`;
        case 'conv': {
          const tail = l.strides !== 1 ? `:${l.padding}:${l.strides}` : l.padding !== 'valid' ? `:${l.padding}` : '';
          return `conv:${l.filters}:${l.kernel}:${l.activation}${tail}`;
        }
        case 'maxpool':
        case 'avgpool':
          return `${l.kind}:${l.pool}`;
        case 'dropout':
          return `dropout:${l.rate}`;
        default:
          return l.kind;
      }
    })
    .join(',');
}

/** One row of an architecture's summary: what the layer is, its output per sample and its weights. */
export interface LayerRow {
  label: string;
  outputShape: number[];
  params: number;
}

function makeLayer(spec: LayerSpec, inputShape: number[] | undefined): Layer {
  const first = inputShape ? { inputShape } : {};
  switch (spec.kind) {
    case 'dense':
      return new Dense({ ...first, units: spec.units, activation: spec.activation });
    case 'conv':
      return new Conv2D({ ...first, filters: spec.filters, kernelSize: spec.kernel, activation: spec.activation, padding: spec.padding, strides: spec.strides });
    case 'maxpool':
      return new MaxPooling2D({ ...first, poolSize: spec.pool });
    case 'avgpool':
      return new AveragePooling2D({ ...first, poolSize: spec.pool });
    case 'dropout':
      return new Dropout({ ...first, rate: spec.rate });
    case 'batchnorm':
      return new BatchNormalization(first);
    case 'gap':
      return new GlobalAveragePooling2D(first);
    case 'flatten':
      return new Flatten(first);
  }
}

function describe(spec: LayerSpec): string {
  switch (spec.kind) {
    case 'dense':
      return `Dense ${spec.units}, ${spec.activation}`;
    case 'conv':
      return `Conv2D ${spec.filters} × ${spec.kernel}×${spec.kernel}, ${spec.activation}${spec.padding === 'same' ? ', same' : ''}${spec.strides > 1 ? `, stride ${spec.strides}` : ''}`;
    case 'maxpool':
    case 'avgpool':
      return `${LAYER_KINDS[spec.kind]} ${spec.pool}×${spec.pool}`;
    case 'dropout':
      return `Dropout ${spec.rate}`;
    default:
      return LAYER_KINDS[spec.kind];
  }
}

/**
 * The output shape of every layer of `layers` on 28 × 28 × 1 digits, then the output layer,
 * checked as Keras would refuse the stack: convolution and pooling need an image (height × width
 * × channels), a window may not be larger than what it slides over, and the output layer needs a
 * flat input. Throws naming the layer at fault. Makes no tensors.
 */
export function architectureShapes(layers: readonly LayerSpec[]): LayerRow[] {
  let shape = [...IMAGE_SHAPE];
  const rows: LayerRow[] = [];
  layers.forEach((spec, i) => {
    const where = `layer ${i + 1} (${describe(spec)})`;
    const spatial = spec.kind === 'conv' || spec.kind === 'maxpool' || spec.kind === 'avgpool' || spec.kind === 'gap';
    if (spatial && shape.length !== 3) throw new Error(`${where}: needs an image (height × width × channels), but gets ${shape.join(' × ')}; put it before flatten`);
    const window = spec.kind === 'conv' ? spec.kernel : spec.kind === 'maxpool' || spec.kind === 'avgpool' ? spec.pool : 0;
    const padded = spec.kind === 'conv' && spec.padding === 'same';
    if (window > 0 && !padded && (window > shape[0]! || window > shape[1]!)) {
      throw new Error(`${where}: a ${window}×${window} window does not fit its ${shape[0]} × ${shape[1]} input; use a smaller window, 'same' padding, or fewer layers before it`);
    }
    const layer = makeLayer(spec, i === 0 ? shape : undefined);
    const out = layer.outputShape(shape);
    rows.push({ label: describe(spec), outputShape: out, params: paramsOf(spec, shape) });
    shape = out;
  });
  if (shape.length !== 1) throw new Error(`the output layer (Dense ${NUM_CLASSES}, softmax) needs a flat input, but the last layer gives ${shape.join(' × ')}: end with flatten or gap`);
  rows.push({ label: `Dense ${NUM_CLASSES}, softmax (output)`, outputShape: [NUM_CLASSES], params: (shape[0]! + 1) * NUM_CLASSES });
  return rows;
}

/** Weights of a layer on `input` (per sample), trainable or not, as Keras' summary counts them. */
function paramsOf(spec: LayerSpec, input: readonly number[]): number {
  const last = input[input.length - 1]!;
  switch (spec.kind) {
    case 'dense':
      return (last + 1) * spec.units;
    case 'conv':
      return (spec.kernel * spec.kernel * last + 1) * spec.filters;
    case 'batchnorm':
      return 4 * last;
    default:
      return 0;
  }
}

/**
 * The model for `layers` (checked by {@link architectureShapes}) and the output layer, seeded by
 * `seed`, built, not compiled. The caller owns it and calls `dispose()`.
 */
export function buildArchitecture(layers: readonly LayerSpec[], seed: number): Sequential {
  architectureShapes(layers);
  const stack = layers.map((spec, i) => makeLayer(spec, i === 0 ? [...IMAGE_SHAPE] : undefined));
  const model = new Sequential([...stack, new Dense({ units: NUM_CLASSES, activation: 'softmax' })], { seed, name: 'workbench' });
  model.build();
  return model;
}
