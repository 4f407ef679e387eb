import { type ActivationName, checkActivation } from '../activations.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import type { Layer } from '../layers/layer.js';

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

const GLOROT_UNIFORM = { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } };

/** The topology tfjs-layers writes for the same model, so `tf.loadLayersModel` reads ours. */
export function layersToTopology(name: string, layers: readonly Layer[], inputShape: number[]): SequentialTopology {
  return {
    class_name: 'Sequential',
    config: {
      name,
      layers: layers.map((layer, i) => {
        const first = i === 0 ? { batch_input_shape: [null, ...inputShape] } : {};
        const config: Record<string, unknown> = { name: layer.name, trainable: true, dtype: 'float32', ...first };
        if (layer instanceof Dense) {
          Object.assign(config, {
            units: layer.units,
            activation: layer.activation,
            use_bias: layer.useBias,
            kernel_initializer: GLOROT_UNIFORM,
            bias_initializer: { class_name: 'Zeros', config: {} },
          });
        }
        return { class_name: layer.className, config };
      }),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

/**
 * Rebuilds layers from a Keras / tfjs-layers topology. Supports `InputLayer`, `Flatten` and `Dense`
 * with the activations lab knows; anything else is an error naming the layer and its class.
 */
export function topologyToLayers(topology: unknown, where: string): { name: string; layers: Layer[]; inputShape: number[] } {
  const t = topology as Partial<SequentialTopology> | undefined;
  if (t?.class_name !== 'Sequential' || !Array.isArray(t.config?.layers)) {
    throw new Error(`${where}: modelTopology is not a Sequential model (class_name '${String(t?.class_name)}'); lab loads Sequential models`);
  }
  let inputShape: number[] | undefined;
  const layers: Layer[] = [];
  for (const [i, entry] of t.config.layers.entries()) {
    const config = entry.config ?? {};
    const layerName = String(config.name ?? `layer ${i}`);
    const batchShape = (config.batch_input_shape ?? config.batchInputShape) as (number | null)[] | undefined;
    if (batchShape && !inputShape) inputShape = batchShape.slice(1).map((d) => Number(d));
    const shapeOption = i === 0 && inputShape ? { inputShape } : {};
    switch (entry.class_name) {
      case 'InputLayer':
        break;
      case 'Flatten':
        layers.push(new Flatten({ name: layerName, ...shapeOption }));
        break;
      case 'Dense':
        layers.push(
          new Dense({
            name: layerName,
            units: Number(config.units),
            activation: checkActivation(String(config.activation ?? 'linear'), `${where}: layer '${layerName}'`) as ActivationName,
            useBias: config.use_bias !== false,
            ...shapeOption,
          }),
        );
        break;
      default:
        throw new Error(`${where}: layer '${layerName}' has class '${entry.class_name}', which lab cannot load (supported: InputLayer, Flatten, Dense)`);
    }
  }
  if (!inputShape) throw new Error(`${where}: the first layer has no batch_input_shape, so the input shape is unknown`);
  return { name: t.config.name ?? 'sequential', layers, inputShape };
}
