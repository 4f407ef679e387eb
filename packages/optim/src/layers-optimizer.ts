import * as tf from '@tensorflow/tfjs-core';
import { applyUpdates } from './apply-updates.js';
import { learningRateOf } from './learning-rate-of.js';
import type { GradientTransformation, Params } from './types.js';

/**
 * A {@link GradientTransformation} as a tfjs-core `tf.Optimizer`, so that our optimizers plug into
 * tfjs-layers (`model.compile({ optimizer: new LayersOptimizer(adam()), loss })`, then
 * `model.fit`) and anything else that calls `minimize` or `applyGradients`.
 *
 * The state is created on the first `applyGradients` from the variables named there (looked up in
 * tfjs's variable registry), kept by this object (`tf.keep`, since tfjs-layers runs each batch in
 * a `tf.tidy`) and disposed by `dispose()`. Each
 * `applyGradients` runs one `update` and adds the updates to the variables in place; it disposes
 * what it makes, never the gradients (their owner, such as `minimize`, does). A gradient for a
 * variable that the first call did not see is an error naming it. Weights cannot be saved with
 * the model (`getWeights` is tfjs's default, which throws).
 */
export class LayersOptimizer<S extends tf.TensorContainer = tf.TensorContainer> extends tf.Optimizer {
  /** The name tfjs's serialization registry would know this class by. */
  static readonly className = 'LabLayersOptimizer';
  private state: S | undefined;

  /** Wraps `transformation`; nothing is allocated until the first update. */
  constructor(private readonly transformation: GradientTransformation<S>) {
    super();
  }

  /** One update of every variable named in `variableGradients`; the gradients are not disposed. */
  applyGradients(variableGradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const grads: Params = Array.isArray(variableGradients)
      ? Object.fromEntries(variableGradients.map(({ name, tensor }) => [name, tensor]))
      : variableGradients;
    const registered = tf.engine().registeredVariables;
    const variables: Record<string, tf.Variable> = {};
    for (const name of Object.keys(grads)) {
      const variable = Object.hasOwn(registered, name) ? registered[name] : undefined;
      if (variable === undefined) {
        throw new Error(`LayersOptimizer: got a gradient for "${name}", which is not a registered tfjs variable`);
      }
      variables[name] = variable;
    }
    const state = this.state ?? this.transformation.init(variables);
    const result = this.transformation.update(grads, state, variables);
    try {
      applyUpdates(variables, result.updates);
    } finally {
      tf.dispose(result.updates);
    }
    tf.dispose(state);
    // tfjs-layers calls this inside its own tf.tidy per batch; kept, the state outlives it.
    keepAll(result.state);
    this.state = result.state;
    this.incrementIterations();
  }

  /** The learning rate the next update will use (see `learningRateOf`), or `undefined`. */
  get learningRate(): number | undefined {
    return this.state === undefined ? undefined : learningRateOf(this.transformation, this.state);
  }

  /** Disposes the optimizer state; the next update starts afresh. */
  override dispose(): void {
    tf.dispose(this.state);
    this.state = undefined;
    super.dispose();
  }

  /** No configuration is serialisable: the transformation is code. */
  getConfig(): tf.serialization.ConfigDict {
    return {};
  }
}

/** `tf.keep`s every tensor in a state (nested plain objects and arrays of tensors and numbers). */
function keepAll(container: tf.TensorContainer): void {
  if (container instanceof tf.Tensor) {
    tf.keep(container);
  } else if (Array.isArray(container)) {
    for (const item of container) keepAll(item);
  } else if (typeof container === 'object' && container !== null) {
    for (const item of Object.values(container)) keepAll(item as tf.TensorContainer);
  }
}
