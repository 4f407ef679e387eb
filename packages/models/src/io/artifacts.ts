import * as tf from '@tensorflow/tfjs-core';
import { Sequential } from '../sequential.js';
import { layersToTopology, topologyToLayers } from './topology.js';

/** What lab keeps beside a model so that a loaded model predicts from raw inputs. */
export interface ModelMetadata {
  /** Class names in output order (e.g. `['0', ..., '9']`). */
  labels?: string[];
  /** The preprocessing applied to raw inputs, in a JSON form its package can rebuild. */
  preprocessing?: unknown;
  [key: string]: unknown;
}

/**
 * The model in the TensorFlow.js Layers format: a Keras-style topology, a weights manifest and the
 * weights as one buffer. This is what `tf.loadLayersModel` and TensorFlow's converter read.
 */
export async function modelToArtifacts(model: Sequential, metadata?: ModelMetadata): Promise<tf.io.ModelArtifacts> {
  const inputShape = model.inputShape;
  if (!inputShape) throw new Error(`${model.name}: build the model (or fit it) before saving`);
  const named = Object.entries(model.namedWeights()).map(([name, tensor]) => ({ name, tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  return {
    modelTopology: layersToTopology(model.name, model.layers, inputShape) as unknown as tf.io.ModelJSON['modelTopology'],
    format: 'layers-model',
    generatedBy: 'lab @lab/models 0.1.0',
    convertedBy: null,
    weightSpecs: specs,
    weightData: data,
    ...(metadata ? { userDefinedMetadata: { lab: metadata } } : {}),
  };
}

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
