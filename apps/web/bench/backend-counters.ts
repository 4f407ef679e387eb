import * as tf from '@tensorflow/tfjs-core';

/** What the webgl backend did while counting, and the main-thread time spent in each kind of call. */
export interface BackendCounters {
  /** WebGL programs run, by program class (shader kind). */
  programs: Record<string, number>;
  /** Programs compiled (shader-cache misses). */
  compiles: number;
  compileMs: number;
  /** Host → GPU texture uploads, their bytes and time. */
  uploads: number;
  uploadBytes: number;
  uploadMs: number;
  /** GPU → host reads: synchronous (`dataSync`) and asynchronous (`data()`, time to resolve). */
  syncReads: number;
  syncReadMs: number;
  asyncReads: number;
  asyncReadMs: number;
  /** Main-thread time inside `runWebGLProgram` (recording and issuing draw calls). */
  programMs: number;
}

/** The webgl backend's methods wrapped here (names of its JavaScript class, not a public API). */
interface WebGLInternals {
  runWebGLProgram(program: { constructor: { name: string } }, ...rest: unknown[]): unknown;
  getAndSaveBinary(key: string, make: () => unknown): unknown;
  uploadToGPU(dataId: object): void;
  readSync(dataId: object): unknown;
  read(dataId: object): Promise<unknown>;
  texData: { get(dataId: object): { values?: ArrayLike<number> | null; texture?: unknown } };
  binaryCache: Record<string, unknown>;
}

/**
 * Starts counting the active webgl backend's work by wrapping its instance methods; `stop()`
 * restores them and returns the counts. For profiling the benchmark only: the method names are
 * tfjs-backend-webgl 4.22's internals.
 */
export function countBackendWork(): { stop(): BackendCounters } {
  const backend = tf.backend() as unknown as WebGLInternals;
  const counters: BackendCounters = {
    programs: {},
    compiles: 0,
    compileMs: 0,
    uploads: 0,
    uploadBytes: 0,
    uploadMs: 0,
    syncReads: 0,
    syncReadMs: 0,
    asyncReads: 0,
    asyncReadMs: 0,
    programMs: 0,
  };
  const original = {
    runWebGLProgram: backend.runWebGLProgram,
    getAndSaveBinary: backend.getAndSaveBinary,
    uploadToGPU: backend.uploadToGPU,
    readSync: backend.readSync,
    read: backend.read,
  };
  let depth = 0;
  backend.runWebGLProgram = function (program, ...rest) {
    const name = program.constructor.name;
    counters.programs[name] = (counters.programs[name] ?? 0) + 1;
    const start = performance.now();
    depth++;
    try {
      return original.runWebGLProgram.call(this, program, ...rest);
    } finally {
      depth--;
      // Nested programs (packing, uploads' encoders) are counted once, in the outermost call.
      if (depth === 0) counters.programMs += performance.now() - start;
    }
  };
  backend.getAndSaveBinary = function (key, make) {
    if (key in this.binaryCache) return original.getAndSaveBinary.call(this, key, make);
    counters.compiles++;
    const start = performance.now();
    try {
      return original.getAndSaveBinary.call(this, key, make);
    } finally {
      counters.compileMs += performance.now() - start;
    }
  };
  backend.uploadToGPU = function (dataId) {
    const data = this.texData.get(dataId);
    if (data.texture == null && data.values != null) {
      counters.uploads++;
      counters.uploadBytes += data.values.length * 4;
      const start = performance.now();
      try {
        return original.uploadToGPU.call(this, dataId);
      } finally {
        counters.uploadMs += performance.now() - start;
      }
    }
    return original.uploadToGPU.call(this, dataId);
  };
  backend.readSync = function (dataId) {
    counters.syncReads++;
    const start = performance.now();
    try {
      return original.readSync.call(this, dataId);
    } finally {
      counters.syncReadMs += performance.now() - start;
    }
  };
  backend.read = async function (dataId) {
    counters.asyncReads++;
    const start = performance.now();
    try {
      return await original.read.call(this, dataId);
    } finally {
      counters.asyncReadMs += performance.now() - start;
    }
  };
  return {
    stop() {
      // The wrappers are own properties shadowing the class's methods: removing them restores those.
      for (const name of Object.keys(original)) delete (backend as unknown as Record<string, unknown>)[name];
      return counters;
    },
  };
}
