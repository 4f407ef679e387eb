import * as tf from '@tensorflow/tfjs-core';
import type { Sequential } from '../sequential.js';
import { artifactsToModel, type ModelMetadata, modelToArtifacts } from './artifacts.js';

/** Where a model goes or comes from: a tfjs IO handler, or a URL tfjs routes (`indexeddb://name`, `downloads://name`). */
export type ModelTarget = tf.io.IOHandler | string;

function handlerFor(target: ModelTarget, kind: 'save' | 'load'): tf.io.IOHandler {
  if (typeof target !== 'string') return target;
  const handlers = kind === 'save' ? tf.io.getSaveHandlers(target) : tf.io.getLoadHandlers(target);
  const handler = handlers[0];
  if (!handler) {
    throw new Error(
      `no ${kind} handler for '${target}': use 'indexeddb://NAME' or 'downloads://NAME' in a browser, ` +
        `fileSystem(DIR) from '@lab/models/node' on Node, or memory() for an in-memory copy`,
    );
  }
  return handler;
}

/** Saves `model` (topology, weights and `metadata`) in the TensorFlow.js Layers format. */
export async function saveModel(model: Sequential, target: ModelTarget, metadata?: ModelMetadata): Promise<tf.io.SaveResult> {
  const handler = handlerFor(target, 'save');
  if (!handler.save) throw new Error(`the handler for '${String(target)}' cannot save`);
  return handler.save(await modelToArtifacts(model, metadata));
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

/**
 * An in-memory model store: `save` keeps the artifacts (JSON plus an ArrayBuffer), `load` returns
 * them. For tests and for moving a model between workers.
 */
export function memory(): tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } {
  const store: tf.io.IOHandler & { artifacts?: tf.io.ModelArtifacts } = {
    async save(artifacts) {
      store.artifacts = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      if (!store.artifacts) throw new Error('memory(): nothing saved yet');
      return store.artifacts;
    },
  };
  return store;
}
