import * as tf from '@tensorflow/tfjs-core';
import { Sequential } from '../sequential.js';
import { handlerFor, type ModelTarget } from './handler.js';
import type { ModelMetadata } from './metadata.js';
import { topologyToLayers } from './topology.js';

/**
 * Rebuilds a model from Layers-format artifacts. Errors name `where` (a file or URL), the layer and
 * the weight at fault: unknown layers, missing weights, wrong shapes.
 */
export function artifactsToModel(artifacts: tf.io.ModelArtifacts, where: string): { model: Sequential; metadata: ModelMetadata } {
  const { name, layers, inputShape } = topologyToLayers(artifacts.modelTopology, where);
  const specs = artifacts.weightSpecs ?? [];
  if (!artifacts.weightData) throw new Error(`${where}: the model has no weight data`);
  const model = new Sequential(layers, { name, seed: 0 });
  model.build(inputShape);
  const decoded = tf.io.decodeWeights(artifacts.weightData, specs);
  try {
    let next = 0;
    for (const layer of model.layers) {
      for (const [i, variable] of layer.weights.entries()) {
        const what = `layer '${layer.name}' weight ${i === 0 ? 'kernel' : 'bias'}`;
        const spec = specs[next++];
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
 * Loads a Sequential model saved by lab or by tfjs-layers (Flatten, Dense, InputLayer). The model
 * comes back built, with `metadata` holding what was saved beside it. The caller disposes it.
 */
export async function loadModel(source: ModelTarget): Promise<Sequential> {
  const handler = handlerFor(source, 'load');
  if (!handler.load) throw new Error(`the handler for '${String(source)}' cannot load`);
  const { model, metadata } = artifactsToModel(await handler.load(), typeof source === 'string' ? source : 'model');
  model.metadata = metadata;
  return model;
}
