import type { Layer } from '../layers/layer.js';
import { LOADABLE_LAYERS, layerFromConfig } from './layer-from-config.js';

/** A layer in Keras' JSON form: `{ class_name, config }`. */
export interface LayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

/** The Keras / tfjs-layers `modelTopology` of a Sequential model. */
export interface SequentialTopology {
  class_name: 'Sequential';
  config: { name: string; layers: LayerJson[] };
  keras_version: string;
  backend: string;
}

/** The topology tfjs-layers writes for the same model, so `tf.loadLayersModel` reads ours. */
export function layersToTopology(name: string, layers: readonly Layer[], inputShape: number[]): SequentialTopology {
  return {
    class_name: 'Sequential',
    config: {
      name,
      layers: layers.map((layer, i) => {
        const first = i === 0 ? { batch_input_shape: [null, ...inputShape] } : {};
        return { class_name: layer.className, config: { name: layer.name, trainable: true, dtype: 'float32', ...first, ...layer.getConfig() } };
      }),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

/** `text` cut to `max` characters for an error message: a forged model.json can hold megabyte names. */
export function clip(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** A JSON value as an error message shows it, without printing (or recursing into) arrays and objects. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v !== null && typeof v === 'object') return 'an object';
  return clip(String(v));
}

/**
 * Rebuilds layers from a Keras / tfjs-layers topology: `InputLayer` and the classes of
 * {@link LOADABLE_LAYERS}; anything else is an error naming the layer, its class and the supported ones.
 */
export function topologyToLayers(topology: unknown, where: string): { name: string; layers: Layer[]; inputShape: number[] } {
  const t = topology as Partial<SequentialTopology> | undefined;
  if (t?.class_name !== 'Sequential' || !Array.isArray(t.config?.layers)) {
    throw new Error(`${where}: modelTopology is not a Sequential model (class_name '${describeValue(t?.class_name)}'); lab loads Sequential models`);
  }
  let inputShape: number[] | undefined;
  const layers: Layer[] = [];
  for (const [i, entry] of (t.config.layers as unknown[]).entries()) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`${where}: layer ${i} is ${describeValue(entry)}, not { class_name, config }`);
    const { class_name: className, config: rawConfig } = entry as Partial<LayerJson>;
    const config: Record<string, unknown> = rawConfig !== null && typeof rawConfig === 'object' ? rawConfig : {};
    const layerName = typeof config.name === 'string' || typeof config.name === 'number' ? String(config.name) : `layer ${i}`;
    const batchShape = config.batch_input_shape ?? config.batchInputShape ?? config.batch_shape;
    if (batchShape != null && !inputShape) {
      const dims = Array.isArray(batchShape) ? batchShape.slice(1).map((d) => (typeof d === 'number' || typeof d === 'string' ? Number(d) : Number.NaN)) : [];
      if (!Array.isArray(batchShape) || !dims.every((d) => Number.isSafeInteger(d) && d > 0)) {
        throw new Error(`${where}: layer '${clip(layerName)}' has batch_input_shape ${Array.isArray(batchShape) ? `[${clip(batchShape.map(describeValue).join(', '))}]` : describeValue(batchShape)}; expected [null, positive integers]`);
      }
      inputShape = dims;
    }
    const shapeOption = i === 0 && inputShape ? { inputShape } : {};
    try {
      if (className !== 'InputLayer') {
        const where_ = `${where}: layer '${clip(layerName)}'`;
        const layer = layerFromConfig(String(className), config, { name: layerName, ...shapeOption }, where_, describeValue);
        if (!layer) {
          throw new Error(`${where}: layer '${clip(layerName)}' has class '${describeValue(className)}', which lab cannot load (supported: InputLayer, ${LOADABLE_LAYERS.join(', ')})`);
        }
        layers.push(layer);
      }
    } catch (error) {
      const message = clip((error as Error).message, 300);
      throw message.startsWith(`${where}: `) ? error : new Error(`${where}: layer '${clip(layerName)}': ${message}`, { cause: error });
    }
  }
  if (!inputShape) throw new Error(`${where}: the first layer has no batch_input_shape, so the input shape is unknown`);
  return { name: typeof t.config.name === 'string' ? t.config.name : 'sequential', layers, inputShape };
}
