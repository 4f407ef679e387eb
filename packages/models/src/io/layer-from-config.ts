import { checkActivation } from '../activations.js';
import { BatchNormalization } from '../layers/batch-normalization.js';
import { Conv2D } from '../layers/conv2d.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import { Flatten } from '../layers/flatten.js';
import type { Layer, LayerOptions } from '../layers/layer.js';
import { AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D } from '../layers/pooling-2d.js';
import { Reshape } from '../layers/reshape.js';
import type { Padding, Size2D } from '../layers/spatial.js';

/** Reads one option of a saved layer's config, checked by the layer's constructor (which names the layer). */
class ConfigReader {
  constructor(
    private readonly config: Record<string, unknown>,
    private readonly describe: (v: unknown) => string,
  ) {}

  /** A number (numeric strings too, as some writers emit), or NaN for the constructor to refuse. */
  number(key: string): number {
    const v = this.config[key];
    return typeof v === 'number' || typeof v === 'string' ? Number(v) : Number.NaN;
  }

  /** An optional number: `undefined` when absent or null. */
  optionalNumber(key: string): number | undefined {
    return this.config[key] == null ? undefined : this.number(key);
  }

  /** An integer or `[h, w]` pair, or `undefined`. */
  size(key: string): Size2D | undefined {
    const v = this.config[key];
    if (v == null) return undefined;
    if (Array.isArray(v)) return v.map((d) => (typeof d === 'number' ? d : Number.NaN)) as [number, number];
    return typeof v === 'number' ? v : Number.NaN;
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.config[key];
    return v == null ? fallback : v !== false;
  }

  padding(): Padding | undefined {
    const v = this.config.padding;
    return v == null ? undefined : (this.describe(v) as Padding);
  }

  activation(where: string) {
    const v = this.config.activation ?? 'linear';
    return checkActivation(this.describe(v), where);
  }

  /** Refuses `data_format: channels_first`, which lab's layers do not implement. */
  channelsLast(where: string): void {
    const v = this.config.data_format;
    if (v != null && v !== 'channels_last') throw new Error(`${where}: data_format '${this.describe(v)}' is not supported; lab's layers are channels last`);
  }
}

type Factory = (read: ConfigReader, options: LayerOptions, where: string) => Layer;

/** How each layer class lab implements is rebuilt from its Keras config. */
const FACTORIES: Record<string, Factory> = {
  Flatten: (_, options) => new Flatten(options),
  Dense: (read, options, where) =>
    new Dense({ ...options, units: read.number('units'), activation: read.activation(where), useBias: read.boolean('use_bias', true) }),
  Conv2D: (read, options, where) => {
    read.channelsLast(where);
    return new Conv2D({
      ...options,
      filters: read.number('filters'),
      kernelSize: read.size('kernel_size') ?? Number.NaN,
      strides: read.size('strides'),
      padding: read.padding(),
      dilationRate: read.size('dilation_rate'),
      activation: read.activation(where),
      useBias: read.boolean('use_bias', true),
    });
  },
  MaxPooling2D: (read, options, where) => {
    read.channelsLast(where);
    return new MaxPooling2D({ ...options, poolSize: read.size('pool_size'), strides: read.size('strides'), padding: read.padding() });
  },
  AveragePooling2D: (read, options, where) => {
    read.channelsLast(where);
    return new AveragePooling2D({ ...options, poolSize: read.size('pool_size'), strides: read.size('strides'), padding: read.padding() });
  },
  GlobalAveragePooling2D: (read, options, where) => {
    read.channelsLast(where);
    return new GlobalAveragePooling2D(options);
  },
  Dropout: (read, options) => new Dropout({ ...options, rate: read.number('rate'), seed: read.optionalNumber('seed') }),
  BatchNormalization: (read, options) =>
    new BatchNormalization({
      ...options,
      axis: read.optionalNumber('axis') === 3 ? -1 : read.optionalNumber('axis'),
      momentum: read.optionalNumber('momentum'),
      epsilon: read.optionalNumber('epsilon'),
      center: read.boolean('center', true),
      scale: read.boolean('scale', true),
    }),
  Reshape: (read, options) => {
    const target = read.size('target_shape');
    return new Reshape({ ...options, targetShape: Array.isArray(target) ? target : [Number.NaN] });
  },
};

/** The layer classes a saved model may use (besides `InputLayer`). */
export const LOADABLE_LAYERS: readonly string[] = Object.keys(FACTORIES);

/**
 * Rebuilds a layer from its class name and Keras config, or returns `undefined` for a class lab
 * does not implement. `options` carries the name and, for a first layer, the input shape; the
 * layer's constructor checks every value and names the layer.
 */
export function layerFromConfig(className: string, config: Record<string, unknown>, options: LayerOptions, where: string, describe: (v: unknown) => string): Layer | undefined {
  const factory = Object.hasOwn(FACTORIES, className) ? FACTORIES[className] : undefined;
  return factory?.(new ConfigReader(config, describe), options, where);
}
