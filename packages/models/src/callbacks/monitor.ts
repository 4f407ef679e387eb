import { oneOf } from '@lab/core';
import type { Logs } from '../callbacks.js';

/** Whether the monitored quantity should go down (`min`), up (`max`), or be told by its name (`auto`). */
export type MonitorMode = 'auto' | 'min' | 'max';

/** The constraint of a `mode` option. */
export const MODE = oneOf('auto', 'min', 'max');

// Names of quantities that improve upwards: the metrics of `compile` and of @lab/metrics, and
// Keras's rule that anything with 'acc' in it is an accuracy.
const UP = /acc|precision|recall|f1|fbeta|auc|matthews|top_k/;
const DOWN = /loss|error|mse|mae|crossentropy/;

/**
 * The direction of `monitor` for `mode`: as given, or for `auto` from its name without `val_`,
 * as Keras decides: losses and errors go down, accuracies and scores up. A name it cannot place
 * is `fallback`'s direction (Keras's `ReduceLROnPlateau` and `ModelCheckpoint` take `min`) or,
 * without one, an error asking for a mode (Keras's `EarlyStopping` raises too).
 */
export function direction(owner: string, monitor: string, mode: MonitorMode, fallback?: 'min' | 'max'): 'min' | 'max' {
  if (mode !== 'auto') return mode;
  const name = monitor.replace(/^val_/, '');
  if (DOWN.test(name)) return 'min';
  if (UP.test(name)) return 'max';
  if (fallback) return fallback;
  throw new Error(`${owner}: cannot tell whether '${monitor}' should be minimized or maximized; pass mode: 'min' or 'max'`);
}

/**
 * Keras's `_is_improvement`: `current` beats `reference` by more than `minDelta` (>= 0) in the
 * monitor's direction; anything beats `undefined`. NaN never improves.
 */
export function improves(current: number, reference: number | undefined, dir: 'min' | 'max', minDelta: number): boolean {
  if (reference === undefined) return !Number.isNaN(current);
  return dir === 'min' ? current + minDelta < reference : current - minDelta > reference;
}

/**
 * The monitored value from `logs`, or `undefined` after a warning (once per `warned` holder, as
 * Python shows a repeated warning once) that names the key and those available, as Keras warns.
 */
export function monitored(owner: string, monitor: string, logs: Logs, warned: { warned: boolean }): number | undefined {
  const value = logs[monitor];
  if (value !== undefined) return value;
  if (!warned.warned) {
    warned.warned = true;
    const hint = monitor.startsWith('val_') ? ` (validation metrics need fit's validationData or validationSplit)` : '';
    console.warn(`${owner}: conditioned on '${monitor}', which is not in the logs${hint}; available: ${Object.keys(logs).join(', ')}`);
  }
  return undefined;
}
