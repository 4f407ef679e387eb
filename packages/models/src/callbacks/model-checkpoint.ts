import { any, boolean, checkOptions, func, number, string } from '@lab/core';
import type { Logs } from '../callbacks.js';
import type { ModelTarget } from '../io/handler.js';
import { formatFilepath } from './format-filepath.js';
import { ModelCallback } from './model-callback.js';
import { direction, improves, MODE, type MonitorMode, monitored } from './monitor.js';

/** Options of {@link ModelCheckpoint}, with Keras's names (camelCase) and defaults. */
export interface ModelCheckpointOptions {
  /**
   * Where each save goes. A string is a Keras path template, `'ckpt/epoch-{epoch:02d}-{val_loss:.4f}'`,
   * filled with `epoch` (counted from 1, as Keras) and the epoch's logs, then passed to `handler`
   * (else used as a URL tfjs routes, `indexeddb://...`, `downloads://...`). An IO handler
   * (`memory()`, `fileSystem(dir)`) is saved to every time. A function gets the epoch (0-based) and
   * the logs and returns either. Required.
   */
  filepath: ModelTarget | ((epoch: number, logs: Logs) => ModelTarget);
  /** Turns a filled string template into an IO handler: `fileSystem` from `@lab/models/node` on Node. */
  handler?: (path: string) => ModelTarget;
  /** The logged quantity `saveBestOnly` compares (default `'val_loss'`). */
  monitor?: string;
  /** `'min'`, `'max'`, or `'auto'` (default): from the monitor's name; a name it cannot place is `'min'`. */
  mode?: MonitorMode;
  /** Save only when the monitor improves on the best so far (default false: every epoch). */
  saveBestOnly?: boolean;
  /** The value the first save must beat, with `saveBestOnly` (default none). */
  initialValueThreshold?: number;
}

const OPTIONS = {
  filepath: any(),
  handler: func(),
  monitor: string(),
  mode: MODE,
  saveBestOnly: boolean(),
  initialValueThreshold: number(),
};

/**
 * Saves the model at the end of every epoch, or only of the best ones, as Keras's
 * `ModelCheckpoint` (`save_freq='epoch'`): through the model's `save(target)`, in the Layers
 * format with the model's metadata, so it works with any IO handler, in browsers too. With
 * `saveBestOnly` a monitor missing from the logs is warned about once and the epoch saved (as
 * Keras does). `lastSaved` holds the epoch and the target of the last save; `best` the best value.
 *
 * @example
 * import { fileSystem } from '@lab/models/node';
 * new ModelCheckpoint({ filepath: 'runs/best', handler: fileSystem, saveBestOnly: true })
 */
export class ModelCheckpoint extends ModelCallback {
  readonly monitor: string;
  readonly saveBestOnly: boolean;
  /** Whether the monitor should go down or up, resolved from `mode`. */
  readonly direction: 'min' | 'max';
  /** The best monitored value so far (with `saveBestOnly`). */
  best: number | undefined;
  /** The last save: its epoch (0-based) and where it went. */
  lastSaved: { epoch: number; target: ModelTarget } | undefined;
  private readonly filepath: ModelCheckpointOptions['filepath'];
  private readonly handler: ((path: string) => ModelTarget) | undefined;
  private readonly initialValueThreshold: number | undefined;
  private readonly warning = { warned: false };

  /** @param options see {@link ModelCheckpointOptions}; unknown options are errors with a hint */
  constructor(options: ModelCheckpointOptions) {
    super();
    checkOptions('ModelCheckpoint', options, OPTIONS);
    const target = options?.filepath;
    if (typeof target !== 'string' && typeof target !== 'function' && typeof (target as { save?: unknown } | undefined)?.save !== 'function') {
      throw new Error('ModelCheckpoint: filepath must be a path template, an IO handler with save(), or a function (epoch, logs) => target');
    }
    this.filepath = target;
    this.handler = options.handler;
    this.monitor = options.monitor ?? 'val_loss';
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.initialValueThreshold = options.initialValueThreshold;
    this.best = this.initialValueThreshold;
    this.direction = direction('ModelCheckpoint', this.monitor, options.mode ?? 'auto', 'min');
  }

  onTrainBegin(): void {
    this.warning.warned = false;
  }

  async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (this.saveBestOnly) {
      const current = monitored('ModelCheckpoint', this.monitor, logs, this.warning);
      if (current !== undefined) {
        if (!improves(current, this.best, this.direction, 0)) return;
        this.best = current;
      }
    }
    const target = this.targetFor(epoch, logs);
    await this.requireModel('ModelCheckpoint').save(target);
    this.lastSaved = { epoch, target };
  }

  private targetFor(epoch: number, logs: Logs): ModelTarget {
    const t = this.filepath;
    const resolved = typeof t === 'function' ? t(epoch, logs) : t;
    if (typeof resolved !== 'string' || typeof t === 'function') return resolved;
    const path = formatFilepath(resolved, { ...logs, epoch: epoch + 1 });
    return this.handler ? this.handler(path) : path;
  }
}
