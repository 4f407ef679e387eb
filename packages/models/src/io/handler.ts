import * as tf from '@tensorflow/tfjs-core';

/** Where a model goes or comes from: a tfjs IO handler, or a URL tfjs routes (`indexeddb://name`, `downloads://name`). */
export type ModelTarget = tf.io.IOHandler | string;

/** The IO handler for `target`: itself, or the one tfjs routes the URL to; the error lists what works. */
export function handlerFor(target: ModelTarget, kind: 'save' | 'load'): tf.io.IOHandler {
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
