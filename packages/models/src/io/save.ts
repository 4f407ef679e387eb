import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '../model.js';
import { handlerFor, type ModelTarget } from './handler.js';
import type { ModelMetadata } from './metadata.js';
import { layersToTopology } from './topology.js';

/**
 * The model in the TensorFlow.js Layers format: a Keras-style topology, a weights manifest and the
 * weights as one buffer. This is what `tf.loadLayersModel` and TensorFlow's converter read.
 */
export async function modelToArtifacts(model: Model, metadata?: ModelMetadata): Promise<tf.io.ModelArtifacts> {
  const inputShape = model.inputShape;
  if (!inputShape) throw new Error(`${model.name}: build the model (or fit it) before saving`);
  const named = Object.entries(model.savedWeights()).map(([name, tensor]) => ({ name, tensor }));
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

/** Saves `model` (topology, weights and `metadata`) in the TensorFlow.js Layers format. */
export async function saveModel(model: Model, target: ModelTarget, metadata?: ModelMetadata): Promise<tf.io.SaveResult> {
  const handler = handlerFor(target, 'save');
  if (!handler.save) throw new Error(`the handler for '${String(target)}' cannot save`);
  return handler.save(await modelToArtifacts(model, metadata));
}
