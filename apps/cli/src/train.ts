import path from 'node:path';
import type { Callback, Sequential } from '@lab/models';
import { loadCheckpoint } from '@lab/models/node';
import { type ArchitectureChoice, architectureSignature, buildArchitecture } from './architecture.js';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { seedLine } from './common-options.js';
import { chooseLoss } from './loss-choice.js';
import { Interrupted, UsageError } from './errors.js';
import { describeLearningRate, initialLearningRate, makeOptimizer, type OptimizerFlags, withModelLearningRate } from './optimizer-options.js';
import { progressCallback } from './progress.js';
import { RunFolder } from './run-folder.js';
import { TABLE_CONFIG_KEYS, type TableFlags } from './table/table-options.js';
import { isTableFile } from './table/table-source.js';
import { loadTableTraining } from './table/table-training-data.js';
import type { TestReport } from './test-report.js';
import { loadMnistTraining, type TrainingData } from './training-data.js';
import { type CallbackFlags, type CallbackState, earlyStopNote, trainingCallbacks } from './train-callbacks.js';

/** Options of `lab train` (the CLI flags, parsed). */
export interface TrainOptions extends OptimizerFlags, CallbackFlags, TableFlags {
  data?: string;
  epochs: number;
  batchSize: number;
  /** A loss name from @lab/losses (`categorical-crossentropy`, `mse`, ...). */
  loss: string;
  /** The architecture: `mlp`, `cnn` or a JSON file (see `buildArchitecture`). */
  model: string;
  hidden: number;
  seed: number;
  /** False when the seed was drawn at random (the log then says how to repeat the run). Default true. */
  seedGiven?: boolean;
  backend: BackendChoice;
  validationSplit: number;
  limit?: number;
  json: boolean;
  out?: string;
  resume?: string;
  /** Denoise the images before training and testing, e.g. `gaussian:1.0` or `median:3`. */
  denoise?: string;
  /** Also checkpoint every this many steps (default: only at the end of each epoch). */
  checkpointEvery?: number;
  /** The options the user set (on the command line or in --config), as opposed to defaults. */
  explicit?: readonly string[];
  /** With `resume`: let the options the user set replace the saved run's. Default false: a conflict is an error. */
  override?: boolean;
}

/** The options a run folder's config.json keeps: everything that decides the numbers. */
const CONFIG_KEYS = ['epochs', 'batchSize', 'optimizer', 'learningRate', 'lrSchedule', 'decayRate', 'decaySteps', 'staircase', 'loss', 'model', 'hidden', 'seed', 'validationSplit', 'limit', 'checkpointEvery', 'denoise', 'backend', 'earlyStopping', 'reduceLrOnPlateau', 'plateauFactor', 'data', ...TABLE_CONFIG_KEYS] as const;

/** The run folder's file of the callbacks' counts, written at each epoch's end before the checkpoint. */
const CALLBACK_STATE = 'callbacks.json';

/** The summary `lab train --json` prints as its last line. */
export interface TrainResult {
  /** Classification. */
  test_accuracy?: number;
  test_loss: number;
  /** Regression, in the target's units. */
  test_rmse?: number;
  test_mae?: number;
  test_r2?: number;
  /** The seconds fit took (every epoch, with its checkpoint and validation). */
  train_seconds: number;
  samples_per_second: number;
  /** The whole command: backend, data loading, training, the test report and the saved files. */
  wall_seconds: number;
  backend: string;
  backend_reason: string;
  epochs: number;
  /** Epochs trained in all (fewer than `epochs` when early stopping ended the run). */
  epochs_run: number;
  batch_size: number;
  optimizer: string;
  loss: string;
  /** The initial learning rate. */
  learning_rate: number;
  /** The learning rate and its schedule in words: `0.005, decaying ×0.5 every 1000 steps`. */
  learning_rate_schedule: string;
  model: string;
  hidden_units: number;
  seed: number;
  train_samples: number;
  test_samples: number;
  data_source: string;
  run_dir: string;
  history: Record<string, number[]>;
  classification_report?: TestReport['classification_report'];
  confusion_matrix?: number[][];
}

/** The loss of a run: `--loss` when given, else the data's (see {@link chooseLoss}). */
function lossFor(options: TrainOptions, data: TrainingData): string {
  return chooseLoss(options, { task: data.shape.task, name: data.shape.name, defaultLoss: data.defaultLoss });
}

/** Stops training cleanly on SIGINT/SIGTERM: the current step finishes, then `fit` returns. */
function stopOnSignals(model: Sequential, log: NodeJS.WriteStream): { interrupted: () => boolean; release: () => void } {
  let interrupted = false;
  const handler = (signal: string) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    model.stopTraining = true;
    log.write(`\n${signal}: finishing the current step and writing a checkpoint (press again to quit at once)\n`);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    interrupted: () => interrupted,
    release: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * The lesson's program, in a run folder: trains with Adam on categorical cross-entropy, writes a
 * checkpoint every epoch (and on Ctrl-C), saves the final model and the test report, and returns
 * the summary. `--resume DIR` continues a run from its checkpoint with its saved options.
 */
export async function runTrain(flags: TrainOptions, log: NodeJS.WriteStream): Promise<TrainResult> {
  const commandStarted = performance.now();
  const run = new RunFolder(flags.resume ?? flags.out ?? RunFolder.defaultDir());
  // A new run takes its architecture's default learning rate (saved in config.json with the rest);
  // a resumed one keeps the saved run's.
  const options: TrainOptions & { modelDefault?: boolean } = flags.resume ? resumedOptions(flags, run.dir, await run.readConfig()) : withModelLearningRate(flags);
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  log.write(seedLine(options.seed, flags.resume !== undefined || flags.seedGiven !== false));
  // A bad architecture file is reported before the default MNIST is loaded (the shape of a table or
  // of an IDX folder given with --data is known only after reading it).
  if (!flags.resume && options.data === undefined) (await buildArchitecture(options)).dispose();
  const data = isTableFile(options.data) ? await loadTableTraining(options, log) : await loadMnistTraining(options, log);
  const { train, test } = data;
  // As Keras says it: the validation split comes off the end of the training samples.
  const trainedOn = Math.floor(train.count * (1 - options.validationSplit));
  if (options.validationSplit > 0 && (trainedOn === 0 || trainedOn === train.count)) {
    data.dispose();
    throw new UsageError(`--validation-split ${options.validationSplit} of ${train.count} samples leaves none to ${trainedOn === 0 ? 'train on' : 'validate on'}`, 2);
  }
  const loss = lossFor(options, data);
  const architecture = { ...options, shape: data.shape };
  let model: Sequential | undefined;
  let signals: ReturnType<typeof stopOnSignals> | undefined;
  try {
    let start = { epoch: 0, step: 0 };
    let savedCallbacks: CallbackState = {};
    const compile = { optimizer: makeOptimizer(options), loss, metrics: data.metrics };
    if (flags.resume) {
      const checkpoint = await loadCheckpoint(run.checkpointDir).catch((error: Error) => {
        throw new UsageError(`cannot resume '${run.dir}': ${error.message}`);
      });
      model = checkpoint.model;
      await checkArchitecture(model, architecture, run.checkpointDir);
      model.compile(compile);
      model.optimizerState = checkpoint.optimizerState;
      start = { epoch: checkpoint.info.epoch, step: checkpoint.info.step };
      const saved = (await run.readJson(CALLBACK_STATE)) as (CallbackState & { epochs?: number }) | undefined;
      // The counts belong to the checkpoint when they were written after the same number of epochs.
      if (saved && saved.epochs === start.epoch) savedCallbacks = saved;
      else if (saved) log.write(`Note: ${CALLBACK_STATE} was written after epoch ${saved.epochs}, the checkpoint after ${start.epoch}; the callbacks start counting afresh\n`);
      log.write(`Resuming ${run.dir} at epoch ${start.epoch + 1}, step ${start.step}\n`);
    } else {
      model = await buildArchitecture(architecture);
      model.compile(compile);
      // The data path is kept absolute, so that --resume finds it from any folder.
      await run.writeConfig({ ...Object.fromEntries(CONFIG_KEYS.map((k) => [k, options[k]])), data: options.data && path.resolve(options.data) });
    }
    log.write(`Run folder: ${run.dir}\n${model.summary()}\n`);
    const validation = options.validationSplit > 0 ? `, validating on ${train.count - trainedOn}` : '';
    const epochs = `${options.epochs} epoch${options.epochs === 1 ? '' : 's'}`;
    log.write(`Training on ${trainedOn} samples${validation} for ${epochs}, batch size ${options.batchSize}, ${options.optimizer} (learning rate ${describeLearningRate(options)}), loss ${loss}\n`);
    const extra = trainingCallbacks(options, savedCallbacks);
    const watching = extra.describe();
    if (watching) log.write(`Callbacks: ${watching}\n`);
    signals = stopOnSignals(model, log);
    const current = model;
    const stopped = signals;
    const everySteps = options.checkpointEvery ?? 0;
    let steps = 0;
    const keeper: Callback = {
      // The running loss is read every `everySteps` (or 50) steps to catch a diverging run early.
      batchLogInterval: everySteps || 50,
      async onBatchEnd(batch, logs) {
        steps += 1;
        if (logs.loss !== undefined && !Number.isFinite(logs.loss)) {
          current.stopTraining = true;
          throw new UsageError(
            `the training loss became ${logs.loss} by epoch ${current.position.epoch + 1}, step ${batch + 1}; ` +
              `training stopped and the last good checkpoint is in ${run.checkpointDir}`,
          );
        }
        if (everySteps > 0 && steps % everySteps === 0) await run.checkpoint(current, options.seed);
      },
      async onEpochEnd(epoch, logs) {
        if (!Number.isFinite(logs.loss)) {
          current.stopTraining = true;
          throw new UsageError(`the training loss became ${logs.loss} in epoch ${epoch + 1}; the last good checkpoint is in ${run.checkpointDir}`);
        }
        // An epoch cut short by Ctrl-C is logged as partial; its remainder is logged on resume.
        // (Early stopping also sets stopTraining, after a whole epoch.)
        const partial = stopped.interrupted();
        await run.appendMetrics(epoch, partial ? { ...logs, partial: 1 } : logs);
        if (!partial) await run.writeJson(CALLBACK_STATE, { epochs: epoch + 1, ...extra.state() });
        await run.checkpoint(current, options.seed);
      },
    };
    const started = performance.now();
    const history = await model.fit(train.x, train.y, {
      epochs: options.epochs,
      batchSize: options.batchSize,
      seed: options.seed,
      validationSplit: options.validationSplit,
      initialEpoch: start.epoch,
      initialStep: start.step,
      callbacks: [progressCallback(log, options.epochs, { interrupted: stopped.interrupted }), ...extra.callbacks, keeper],
    });
    const trainSeconds = (performance.now() - started) / 1000;
    if (signals.interrupted()) {
      await run.checkpoint(model, options.seed);
      throw new Interrupted(`interrupted at epoch ${model.position.epoch + 1}, step ${model.position.step}; checkpoint saved. Resume with: lab train --resume ${run.dir}`);
    }
    const stopNote = earlyStopNote(extra.state(), options.epochs);
    if (stopNote) log.write(`${stopNote}\n`);
    await data.saveModel(model, run.modelDir);
    const settings = {
      architecture: options.model === 'mlp' ? `mlp (hidden ${options.hidden})` : options.model,
      optimizer: options.optimizer,
      'learning rate': describeLearningRate(options),
      loss,
      'batch size': options.batchSize,
      epochs: options.epochs,
      seed: options.seed,
      backend: backend.summary,
      data: data.source,
    };
    const scores = await data.score(model, run.dir, await run.readHistory(), settings);
    log.write(`${scores.text}\nModel saved to ${run.modelDir}\nReport: ${path.join(run.dir, 'report.html')}\n`);
    const trained = trainedOn;
    const epochsRun = history.epoch.length;
    return {
      ...(scores.json as Pick<TrainResult, 'test_loss'>),
      train_seconds: trainSeconds,
      samples_per_second: (trained * epochsRun) / trainSeconds,
      wall_seconds: (performance.now() - commandStarted) / 1000,
      backend: backend.name,
      backend_reason: backend.reason,
      epochs: options.epochs,
      epochs_run: history.epoch.length + start.epoch,
      batch_size: options.batchSize,
      optimizer: options.optimizer,
      loss,
      learning_rate: initialLearningRate(options),
      learning_rate_schedule: describeLearningRate(options),
      model: options.model,
      hidden_units: options.hidden,
      seed: options.seed,
      train_samples: trained,
      test_samples: test.count,
      data_source: data.source,
      run_dir: run.dir,
      history: history.history,
      ...scores.json,
    };
  } finally {
    signals?.release();
    model?.dispose();
    data.dispose();
  }
}

/** The kebab-case flag of an option name: `batchSize` → `--batch-size`. */
function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The options of a resumed run: the saved ones, which decide the numbers. An option the user set
 * that differs from the saved run's is an error naming both values, unless `override` is given
 * (then the user's value wins); `--out` elsewhere than the run folder is always an error.
 */
export function resumedOptions(flags: TrainOptions, dir: string, saved: Record<string, unknown>): TrainOptions {
  const explicit = (flags.explicit ?? []).filter((k) => !['resume', 'override', 'json', 'config'].includes(k));
  if (flags.out !== undefined && path.resolve(flags.out) !== path.resolve(dir)) {
    throw new UsageError(`--resume ${dir}: --out ${flags.out} cannot move a run; its folder is ${dir}`, 2);
  }
  const flagValues = { ...flags, data: flags.data && path.resolve(flags.data) } as unknown as Record<string, unknown>;
  // config.json leaves out options that were unset (undefined): those are compared as null.
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const conflicts = explicit.filter((k) => (CONFIG_KEYS as readonly string[]).includes(k) && !same(saved[k], flagValues[k]));
  if (conflicts.length > 0 && !flags.override) {
    const what = conflicts.map((k) => `${flagOf(k)} ${JSON.stringify(flagValues[k])} differs from the saved ${JSON.stringify(saved[k] ?? null)}`).join('; ');
    throw new UsageError(`--resume ${dir}: ${what}; drop the flag to continue the run as it was, or add --override to continue with it`, 2);
  }
  const mine = flags.override ? Object.fromEntries(explicit.map((k) => [k, flagValues[k]])) : {};
  return { ...flags, ...(saved as Partial<TrainOptions>), ...mine };
}

/**
 * Refuses a checkpoint whose network is not the run's: the architecture the saved options build
 * (`--model`, `--hidden`) is compared layer by layer, options and input shape included.
 */
async function checkArchitecture(model: Sequential, options: TrainOptions & ArchitectureChoice, where: string): Promise<void> {
  const expected = await buildArchitecture(options);
  try {
    if (architectureSignature(expected) !== architectureSignature(model)) {
      const describe = (m: Sequential) => `${m.inputShape?.join('×') ?? '?'} → ${m.layers.map((l) => l.className).join(' → ')} (${m.countParams().toLocaleString('en-US')} parameters)`;
      throw new UsageError(`cannot resume: the checkpoint in ${where} is a network of input ${describe(model)}, but the run's config (--model ${options.model}, --hidden ${options.hidden}) builds ${describe(expected)}`);
    }
  } finally {
    expected.dispose();
  }
}
