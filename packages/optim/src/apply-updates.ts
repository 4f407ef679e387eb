import * as tf from '@tensorflow/tfjs-core';
import type { Params } from './types.js';

/**
 * Adds each update to the variable of the same name, in place: `variable.assign(variable + update)`
 * (optax's `apply_updates`, with tfjs variables).
 *
 * Every name and shape is checked before any variable changes, so a bad update leaves all
 * variables as they were; the error names the parameter. Variables without an update are left
 * alone. The sums are disposed; `updates` is not (the caller disposes it).
 */
export function applyUpdates(variables: Record<string, tf.Variable>, updates: Params): void {
  checkUpdates('applyUpdates', variables, updates, 'update');
  tf.tidy(() => {
    for (const [name, update] of Object.entries(updates)) {
      const variable = variables[name] as tf.Variable;
      variable.assign(tf.add(variable, update));
    }
  });
}

/**
 * Throws unless every tensor of `updates` has a variable of the same name and shape; the error
 * names `owner`, the parameter and both shapes (`what` says what the tensors are).
 */
export function checkUpdates(owner: string, variables: Record<string, tf.Variable>, updates: Params, what: string): void {
  for (const [name, update] of Object.entries(updates)) {
    const variable = variables[name];
    if (variable === undefined || !Object.hasOwn(variables, name)) {
      const known = Object.keys(variables).join(', ') || 'none';
      throw new Error(`${owner}: no variable named "${name}"; the variables are: ${known}`);
    }
    if (!tf.util.arraysEqual(variable.shape, update.shape)) {
      throw new Error(
        `${owner}: the ${what} for "${name}" has shape [${update.shape.join(', ')}], ` +
          `its variable [${variable.shape.join(', ')}]`,
      );
    }
  }
}
