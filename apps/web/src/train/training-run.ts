import type { MnistSplit } from '@lab/data';
import type { Callback, History, Logs, Sequential } from '@lab/models';
import { toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { NUM_CLASSES } from '../lesson-model.js';
import { denoiseOf, modelInput } from '../preprocess/denoise.js';
import { splitSizes } from './split-sizes.js';
import { Throughput } from './throughput.js';
import type { TrainingConfig } from './training-config.js';
import { compiledPrograms, warmUpShaders } from './warm-up-shaders.js';
import { yieldToPage } from './yield-to-page.js';

/** Progress after a batch whose running loss and accuracy were read. */
export interface BatchProgress {
  /** Epochs done, fractional: 1.5 is halfway through the second epoch. */
  position: number;
  /** Running mean over the epoch so far. */
  loss: number;
  accuracy: number;
  samplesPerSecond: number;
  /** Undefined until the pace is known. */
  secondsLeft: number | undefined;
}

/** What a run reports to the page. */
export interface TrainingEvents {
  onBatch(progress: BatchProgress): void;
  /**
   * `logs` holds loss, accuracy, val_loss, val_accuracy and seconds. `partial` is set when the run
   * was stopped inside the epoch: its logs cover the images trained on before the stop.
   */
  onEpoch(epoch: number, logs: Logs, partial?: { images: number; of: number }): void;
  /** The run has just paused after a batch (Pause or Step): a time to look inside the model. */
  onPaused?(): void;
}

/** The states of a run. */
export type RunState = 'running' | 'paused' | 'stopping' | 'finished';

// The page stays responsive when it gets the thread back this often.
const YIELD_EVERY_MS = 25;

/**
 * One training run of `model` on `data` with `config`, started at once: pause, resume and stop
 * at batch boundaries, and a page that keeps responding (the loop yields to it between
 * batches). The input tensors are made here and disposed when the run ends; the model stays
 * the caller's.
 */
export class TrainingRun {
  state: RunState = 'running';
  /** Resolves with Keras-style history when the run ends, stopped or not. */
  readonly finished: Promise<History>;
  readonly sizes: { train: number; validation: number };
  /**
   * On webgl: the shader programs compiled ahead by the warm-up, and those the first epoch still
   * had to compile (0 when the warm-up covered them all). Set once the first epoch ends.
   */
  shaders: { warmedUp: number; compiledInFirstEpoch: number } | undefined;
  private programsAtStart: number | undefined;
  private warmedUp: number | undefined;
  private readonly throughput = new Throughput();
  private resumeRun: (() => void) | undefined;
  // Step: train one batch, then pause again; while stepping every batch's loss is read.
  private stepping = false;
  private stepMode = false;

  constructor(
    private readonly model: Sequential,
    data: MnistSplit,
    config: TrainingConfig,
    events: TrainingEvents,
    /**
     * A throwaway model of the same architecture and optimizer: on webgl its shaders are
     * compiled before the run starts (see `warmUpShaders`), so the run's main thread is not
     * blocked by compiles. Without it, the run compiles as it goes.
     */
    private readonly twin?: () => Sequential,
  ) {
    this.sizes = splitSizes(data.count, config.validationSplit);
    const steps = Math.ceil(this.sizes.train / config.batchSize);
    const totalSamples = this.sizes.train * config.epochs;
    let done = 0;
    let lastYield = performance.now();
    // Reading the loss back costs a GPU sync: about 50 points per epoch, at most every batch;
    // every batch when stepping, so each step shows its loss.
    const interval = Math.max(1, Math.min(20, Math.ceil(steps / 50)));
    const isStepping = (): boolean => this.stepMode;
    const callback: Callback = {
      get batchLogInterval() {
        return isStepping() ? 1 : interval;
      },
      onEpochBegin: (epoch) => {
        done = epoch * this.sizes.train;
      },
      onBatchEnd: async (step, logs) => {
        done += logs.size;
        if (logs.loss !== undefined) {
          this.throughput.mark(performance.now(), done);
          events.onBatch({
            position: done / this.sizes.train,
            loss: logs.loss,
            accuracy: logs.accuracy ?? Number.NaN,
            samplesPerSecond: this.throughput.samplesPerSecond(),
            secondsLeft: this.throughput.secondsLeft(totalSamples),
          });
        }
        if (this.stepping) {
          this.stepping = false;
          if (this.state === 'running') this.state = 'paused';
        }
        if (this.state === 'paused') {
          events.onPaused?.();
          await new Promise<void>((resolve) => (this.resumeRun = resolve));
        }
        // fit clears stopTraining when it starts; a stop pressed before the first batch lands here.
        if (this.state === 'stopping') this.model.stopTraining = true;
        if (performance.now() - lastYield > YIELD_EVERY_MS || step === steps - 1) {
          await yieldToPage();
          lastYield = performance.now();
        }
      },
      onEpochEnd: (epoch, logs) => {
        const programs = compiledPrograms();
        if (this.shaders === undefined && this.warmedUp !== undefined && programs !== undefined && this.programsAtStart !== undefined) {
          this.shaders = { warmedUp: this.warmedUp, compiledInFirstEpoch: programs - this.programsAtStart };
        }
        const images = done - epoch * this.sizes.train;
        events.onEpoch(epoch, logs, images < this.sizes.train ? { images, of: this.sizes.train } : undefined);
      },
    };
    this.finished = this.run(data, config, callback);
  }

  /** Pauses after the current batch. */
  pause(): void {
    if (this.state === 'running') this.state = 'paused';
  }

  /** Continues a paused run; the pause does not count against the pace. */
  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.stepMode = false;
    this.throughput.reset();
    this.resumeRun?.();
  }

  /** Before the first batch: trains it, reads its loss, and pauses (Step pressed with no run). */
  stepFirst(): void {
    if (this.state !== 'running') return;
    this.stepMode = true;
    this.stepping = true;
  }

  /** From a pause, trains one more batch and pauses again (TensorFlow Playground's step). */
  step(): void {
    if (this.state !== 'paused') return;
    this.stepMode = true;
    this.stepping = true;
    this.state = 'running';
    this.resumeRun?.();
  }

  /** Ends the run after the current batch (the epoch's logs are still reported). */
  stop(): void {
    if (this.state === 'finished') return;
    const wasPaused = this.state === 'paused';
    this.state = 'stopping';
    this.model.stopTraining = true;
    if (wasPaused) this.resumeRun?.();
  }

  private async run(data: MnistSplit, config: TrainingConfig, callback: Callback): Promise<History> {
    const { rows, cols } = data;
    const size = rows * cols;
    const { train, validation } = this.sizes;
    // The filter the model was set up with (its metadata), so training, evaluation and drawing agree.
    const spec = denoiseOf(this.model.metadata);
    // Held out as Keras' validationSplit does (the last images, before shuffling), but made as
    // separate tensors so the full set is never on the GPU twice. Each is made in a task of its
    // own, after the click that started the run has returned, so the page keeps answering.
    const made: tf.Tensor[] = [];
    const keep = <T extends tf.Tensor>(t: T): T => {
      made.push(t);
      return t;
    };
    try {
      await yieldToPage();
      const x = keep(modelInput(data.images.subarray(0, train * size), train, rows, cols, spec));
      await yieldToPage();
      const y = keep(toCategorical(data.labels.subarray(0, train), NUM_CLASSES));
      const held =
        validation > 0
          ? ([keep(modelInput(data.images.subarray(train * size), validation, rows, cols, spec)), keep(toCategorical(data.labels.subarray(train), NUM_CLASSES))] as [tf.Tensor, tf.Tensor])
          : undefined;
      await yieldToPage();
      // A warm-up that fails costs only speed: the run then compiles as it goes.
      if (this.twin && tf.getBackend() === 'webgl') {
        const before = compiledPrograms();
        try {
          if (await warmUpShaders(this.twin(), { train, validation, batchSize: config.batchSize, rows, cols, classes: NUM_CLASSES })) {
            this.programsAtStart = compiledPrograms();
            this.warmedUp = (this.programsAtStart ?? 0) - (before ?? 0);
          }
        } catch (error) {
          console.warn(`lab: the shader warm-up failed, training compiles as it goes: ${error instanceof Error ? error.message : String(error)}`);
        }
        await yieldToPage();
      }
      return await this.model.fit(x, y, {
        epochs: config.epochs,
        batchSize: config.batchSize,
        validationData: held,
        callbacks: [callback],
      });
    } finally {
      tf.dispose(made);
      this.state = 'finished';
    }
  }
}
