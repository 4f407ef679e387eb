import type { Callback } from '../callbacks.js';
import type { Model } from '../model.js';

/**
 * The base of this package's callbacks, as Keras's `Callback`: `fit` calls `setModel` before
 * `onTrainBegin`, and the callback keeps the model to stop training, set the learning rate or save.
 * Extend it for a callback that needs the model.
 */
export abstract class ModelCallback implements Callback {
  /** The model being trained, once `fit` (or a test) has called {@link setModel}. */
  model: Model | undefined;

  setModel(model: Model): void {
    this.model = model;
  }

  /** The model; throws, naming `owner`, when no `fit` has set it. */
  protected requireModel(owner: string): Model {
    if (!this.model) throw new Error(`${owner}: no model; pass the callback to fit() (or call setModel(model))`);
    return this.model;
  }
}
