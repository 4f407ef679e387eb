import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import { Sequential } from '../sequential.js';
import { handlerFor, type ModelTarget } from './handler.js';
import type { ModelMetadata } from './metadata.js';
import { clip, describeValue, topologyToLayers } from './topology.js';

/**
 * Rebuilds a model from Layers-format artifacts. Errors name `where` (a file or URL), the layer and
 * the weight at fault: unknown layers, missing weights, wrong shapes. The manifest is checked
 * against the layers before any weight is allocated, so a forged size costs nothing.
 */
export function artifactsToModel(artifacts: tf.io.ModelArtifacts, where: string): { model: Sequential; metadata: ModelMetadata } {
  const { name, layers, inputShape } = topologyToLayers(artifacts.modelTopology, where);
  const specs = artifacts.weightSpecs ?? [];
  if (!artifacts.weightData) throw new Error(`${where}: the model has no weight data`);
  const order = checkManifest(layers, inputShape, specs, new tf.io.CompositeArrayBuffer(artifacts.weightData).byteLength, where);
  const model = new Sequential(layers, { name, seed: 0 });
  let decoded: tf.NamedTensorMap = {};
  try {
    model.build(inputShape);
    decoded = tf.io.decodeWeights(artifacts.weightData, specs);
    let next = 0;
    for (const layer of model.layers) {
      for (const [i, variable] of layer.allWeights.entries()) {
        const what = `layer '${layer.name}' weight ${layer.weightNames[i]}`;
        const spec = order[next++];
        if (!spec) throw new Error(`${where}: the weights manifest has no entry for ${what}`);
        const value = decoded[spec.name];
        if (!value || !tf.util.arraysEqual(value.shape, variable.shape)) {
          throw new Error(`${where}: ${what} has shape [${spec.shape.join(', ')}] in the file ('${spec.name}'), but the layer needs [${variable.shape.join(', ')}]`);
        }
        variable.assign(value);
      }
    }
    if (next !== specs.length) throw new Error(`${where}: the weights manifest has ${specs.length} weights, the layers use ${next}`);
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose(Object.values(decoded));
  }
  const extra = artifacts.userDefinedMetadata as { lab?: ModelMetadata } | undefined;
  return { model, metadata: extra?.lab ?? {} };
}

/**
 * Checks the weights manifest against the weights the layers will make (shape, float32, one entry
 * each, unique names) and the weight data's length against the manifest, before anything is
 * allocated: building initialises every weight, and a forged model.json can claim any size.
 * Returns the manifest entry of each weight in layer order: matched by name (`layer/kernel`) when
 * the manifest names every weight so (tfjs-layers lists all trainable weights before all moving
 * statistics), else by position.
 */
function checkManifest(layers: readonly Layer[], inputShape: number[], specs: readonly tf.io.WeightsManifestEntry[], bytes: number, where: string): tf.io.WeightsManifestEntry[] {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`${where}: the weights manifest names '${clip(String(spec.name))}' twice`);
    names.add(spec.name);
  }
  const wanted: { layer: string; weight: string; shape: number[] }[] = [];
  let shape = inputShape;
  for (const layer of layers) {
    for (const [weight, need] of withLayer(where, () => layer.weightShapes(shape))) wanted.push({ layer: layer.name, weight, shape: need });
    shape = withLayer(where, () => layer.outputShape(shape));
  }
  const byName = new Map(specs.map((s) => [s.name, s]));
  const named = wanted.length === specs.length && wanted.every((w) => byName.has(`${w.layer}/${w.weight}`));
  const order: tf.io.WeightsManifestEntry[] = [];
  for (const [i, { layer, weight, shape: need }] of wanted.entries()) {
    const what = `layer '${clip(layer)}' weight ${weight}`;
    const spec = named ? byName.get(`${layer}/${weight}`) : specs[i];
    if (!spec) throw new Error(`${where}: the weights manifest has no entry for ${what}`);
    const found = Array.isArray(spec.shape) ? `[${clip(spec.shape.map(describeValue).join(', '))}]` : describeValue(spec.shape);
    if (!Array.isArray(spec.shape) || !tf.util.arraysEqual(spec.shape, need)) {
      throw new Error(`${where}: ${what} has shape ${found} in the file ('${clip(String(spec.name))}'), but the layer needs [${need.join(', ')}]`);
    }
    if ('quantization' in spec) throw new Error(`${where}: ${what} ('${clip(String(spec.name))}') is quantized, which lab does not load`);
    if (spec.dtype !== 'float32') throw new Error(`${where}: ${what} ('${clip(String(spec.name))}') has dtype '${describeValue(spec.dtype)}', but the layer needs float32`);
    order.push(spec);
  }
  if (wanted.length !== specs.length) throw new Error(`${where}: the weights manifest has ${specs.length} weights, the layers use ${wanted.length}`);
  const needed = specs.reduce((n, s) => n + tf.util.sizeFromShape(s.shape) * 4, 0);
  if (bytes !== needed) throw new Error(`${where}: the weight data holds ${bytes} bytes, but the manifest needs ${needed}`);
  return order;
}

/** Runs a layer's shape check, prefixing its error with the file: a saved layer that cannot take its input. */
function withLayer<T>(where: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(`${where}: ${clip((error as Error).message, 300)}`, { cause: error });
  }
}

/**
 * Loads a Sequential model saved by lab or by tfjs-layers (the layers of `LOADABLE_LAYERS`, and InputLayer). The model
 * comes back built, with `metadata` holding what was saved beside it. The caller disposes it.
 */
export async function loadModel(source: ModelTarget): Promise<Sequential> {
  const handler = handlerFor(source, 'load');
  if (!handler.load) throw new Error(`the handler for '${String(source)}' cannot load`);
  // A handler that reads a file says which (tfjs' own file and HTTP handlers keep it in `path`, as fileSystem does).
  const path = (handler as { path?: unknown }).path;
  const { model, metadata } = artifactsToModel(await handler.load(), typeof source === 'string' ? source : typeof path === 'string' ? path : 'model');
  model.metadata = metadata;
  return model;
}
