import { Accuracy } from '@lab/metrics';
import type { Callback, Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs's webgl backend that compile shaders ahead of use (tfjs-backend-webgl 4.x). */
interface ParallelCompile {
  checkCompileCompletionAsync(): Promise<boolean[]>;
  getUniformLocations(): void;
  uploadToGPU(dataId: object): void;
}

// The warm-up in progress, if any: while it runs tfjs compiles programs without running them,
// so the page's other tensor work (drawing, the inside view, the denoise preview) waits for it.
let warming: Promise<unknown> | undefined;

/** Resolves once no shader warm-up is running (at once when none is). */
export async function afterWarmUp(): Promise<void> {
  while (warming) await warming.catch(() => undefined);
}

/** What a run's batches look like: its sizes, the batch size and the image shape. */
export interface RunShapes {
  train: number;
  validation: number;
  batchSize: number;
  rows: number;
  cols: number;
  classes: number;
}

/** Enough samples for one full batch and the run's last, partial one (or the one batch there is). */
export function warmUpCount(samples: number, batchSize: number): number {
  if (samples <= batchSize) return samples;
  const rest = samples % batchSize;
  return batchSize + rest;
}

/**
 * On webgl, compiles every shader a training run will use before the run starts, and off the main
 * thread where the browser offers `KHR_parallel_shader_compile` (Chrome does, also on SwiftShader):
 * `twin`, a throwaway model of the same architecture and optimizer compiled without metrics, runs
 * one epoch over a full and a partial batch and a validation pass of the same shapes with tfjs's
 * `ENGINE_COMPILE_ONLY` flag set (programs are compiled, not run; every read gives zeros), and
 * an `Accuracy` is updated twice on each batch shape (its first and later batches take different
 * kernels); then the compiles are awaited asynchronously. The run's
 * first batch, its last partial batch and its first validation then find their programs ready,
 * instead of compiling them in 100–500 ms main-thread tasks. Results of the twin are meaningless
 * and discarded; it is disposed here. Returns false, doing nothing, on other backends.
 */
export async function warmUpShaders(twin: Sequential, shapes: RunShapes): Promise<boolean> {
  await afterWarmUp();
  const done = warmUp(twin, shapes);
  warming = done;
  try {
    return await done;
  } finally {
    warming = undefined;
  }
}

async function warmUp(twin: Sequential, shapes: RunShapes): Promise<boolean> {
  const backend = tf.backend() as unknown as Partial<ParallelCompile>;
  if (tf.getBackend() !== 'webgl' || typeof backend.checkCompileCompletionAsync !== 'function' || typeof backend.getUniformLocations !== 'function') {
    twin.dispose();
    return false;
  }
  const { rows, cols, classes, batchSize } = shapes;
  const n = warmUpCount(shapes.train, batchSize);
  // The validation set whole: its batches are slices of it, and a slice's program depends on the
  // shape it is cut from. Training batches are gathered on the host, so two batches suffice.
  const v = shapes.validation;
  // Made before the flag is set (their values are uploaded when first used), float32 like the
  // run's scaled pixels and one-hot labels: a program depends on its inputs' dtypes too.
  // Uploaded from the host as the run's tensors are (tf.zeros would run a fill program on the GPU
  // and give a texture of another layout, so other programs).
  const zeros = (shape: number[]) => tf.tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);
  const x = zeros([n, rows, cols, 1]);
  const y = zeros([n, classes]);
  const held = v > 0 ? ([zeros([v, rows, cols, 1]), zeros([v, classes])] as [tf.Tensor, tf.Tensor]) : undefined;
  // The run reads its loss every batch at times: compile that read too.
  const readEveryBatch: Callback = { batchLogInterval: 1, onBatchEnd: () => {} };
  // On the GPU before the flag is set, laid out as the run's uploaded tensors are (a texture
  // uploaded in compile-only mode would get another layout, so other slice programs).
  for (const t of [x, y, ...(held ?? [])]) backend.uploadToGPU?.(t.dataId);
  tf.env().set('ENGINE_COMPILE_ONLY', true);
  // Marks for the browser's performance timeline (and the long-task measurements of the tests).
  performance.mark('lab:warm-up-start');
  try {
    await twin.fit(x, y, { epochs: 1, batchSize, shuffle: false, validationData: held, callbacks: [readEveryBatch] });
    // Training batches come from the host; validation batches are slices of the validation labels.
    const batches = (total: number) => [Math.min(batchSize, total), total % batchSize].filter((s) => s > 0);
    // (A slice at row 0 and one further on take different programs: the offset is in the shader.)
    const cases = [...new Set(batches(shapes.train))].map((size) => ({ size, from: undefined as tf.Tensor | undefined, at: 0 }));
    if (held) {
      for (const size of new Set(batches(v))) {
        cases.push({ size, from: held[1], at: 0 });
        if (v > size) cases.push({ size, from: held[1], at: v - size });
      }
    }
    for (const { size, from, at } of cases) {
      const metric = new Accuracy();
      const [labels, scores] = [from ? tf.slice(from, [at, 0], [size, classes]) : zeros([size, classes]), zeros([size, classes])];
      try {
        metric.update(labels, scores);
        metric.update(labels, scores);
        // The read of its count compiles too; with zeros read back it then refuses, as it should.
        await metric.compute().catch(() => undefined);
      } finally {
        tf.dispose([labels, scores]);
        metric.dispose();
      }
    }
  } finally {
    tf.env().set('ENGINE_COMPILE_ONLY', false);
    tf.dispose([x, y, ...(held ?? [])]);
    twin.dispose();
    // Whatever happened, the programs compiled so far get their uniform locations: without them
    // a later op on their shapes would fail.
    try {
      await backend.checkCompileCompletionAsync();
    } finally {
      backend.getUniformLocations();
    }
  }
  performance.mark('lab:warm-up-end');
  return true;
}

/** How many shader programs tfjs's webgl backend has compiled so far, or undefined on another backend. */
export function compiledPrograms(): number | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  const cache = (tf.backend() as unknown as { binaryCache?: Record<string, unknown> }).binaryCache;
  return cache ? Object.keys(cache).length : undefined;
}
