import { Sequential } from '../sequential.js';
import { describeValue, topologyToLayers } from './topology.js';

/** Options of {@link modelFromTopology}. */
export interface FromTopologyOptions {
  /** Seeds the fresh weights (and, unless `fit` gets its own, the shuffles and dropout). */
  seed?: number;
  /** The input shape when the first layer has no `batch_input_shape` (e.g. `[28, 28, 1]`). */
  inputShape?: number[];
}

/**
 * A new, untrained Sequential model from an architecture in Keras' JSON form: the
 * `modelTopology` of a saved model.json (what tfjs-layers' and Keras' `model.toJSON()` write),
 * either bare (`{ class_name: 'Sequential', config: { layers } }`) or inside a model.json
 * (`{ modelTopology: ... }`; its weights are not read). Layers are those of `LOADABLE_LAYERS`;
 * any other class, a bad option or a shape that does not fit is an error naming `where`, the
 * layer and the problem. The model comes back built; the caller disposes it.
 */
export function modelFromTopology(json: unknown, where: string, options: FromTopologyOptions = {}): Sequential {
  const record = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  if (!record) throw new Error(`${where}: expected a Keras model topology object ({ "class_name": "Sequential", "config": { "layers": [...] } }), got ${describeValue(json)}`);
  const topology = 'modelTopology' in record ? record.modelTopology : record;
  const withShape = options.inputShape ? ensureInputShape(topology, options.inputShape) : topology;
  const { name, layers, inputShape } = topologyToLayers(withShape, where);
  const model = new Sequential(layers, { name, ...(options.seed === undefined ? {} : { seed: options.seed }) });
  try {
    model.build(inputShape);
  } catch (error) {
    model.dispose();
    throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
  }
  return model;
}

/** The topology with `batch_input_shape` on its first layer when no layer gives one. */
function ensureInputShape(topology: unknown, inputShape: number[]): unknown {
  const t = topology as { config?: { layers?: unknown } } | undefined;
  const layers = t?.config?.layers;
  if (!Array.isArray(layers) || layers.length === 0) return topology;
  const given = layers.some((l) => {
    const c = (l as { config?: Record<string, unknown> } | null)?.config;
    return c != null && (c.batch_input_shape != null || c.batchInputShape != null || c.batch_shape != null);
  });
  if (given) return topology;
  const [first, ...rest] = layers as { class_name?: unknown; config?: Record<string, unknown> }[];
  const config = { ...(first?.config ?? {}), batch_input_shape: [null, ...inputShape] };
  return { ...t, config: { ...t!.config, layers: [{ ...first, config }, ...rest] } };
}
