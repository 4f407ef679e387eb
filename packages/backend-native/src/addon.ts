import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The instruction sets the addon's kernels are compiled for, best last. */
export type NativeIsa = 'generic' | 'avx2' | 'avx512';

/** What the addon reports about itself. */
export interface NativeInfo {
  /** The instruction set in use. */
  isa: NativeIsa;
  /** The best instruction set this CPU supports. */
  detectedIsa: NativeIsa;
  /** Threads used for large matmuls, the calling thread included. */
  threads: number;
}

/**
 * The functions the N-API addon exports (see addon/src/addon.cc). They write into the output
 * arrays they are given and throw a TypeError when an array is too short.
 */
export interface NativeAddon {
  matmul(
    a: Float32Array,
    b: Float32Array,
    out: Float32Array,
    batch: number,
    m: number,
    n: number,
    k: number,
    transposeA: boolean,
    transposeB: boolean,
    batchA: number,
    batchB: number,
    bias: Float32Array | null,
    activation: number,
  ): void;
  denseBackward(
    x: Float32Array,
    w: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    rows: number,
    inputs: number,
    outputs: number,
    activation: number,
    dw: Float32Array,
    db: Float32Array | null,
    dx: Float32Array | null,
  ): void;
  softmaxCrossEntropy(logits: Float32Array, labels: Float32Array, rows: number, cols: number, loss: Float32Array, grad: Float32Array, scale?: number): void;
  adamUpdate(
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    param: Float32Array | null,
    out: Float32Array,
    mOut: Float32Array,
    vOut: Float32Array,
    beta1: number,
    beta2: number,
    stepScale: number,
    epsHat: number,
    scale: number,
    weightDecay: number,
  ): void;
  momentumUpdate(
    g: Float32Array,
    trace: Float32Array,
    param: Float32Array | null,
    out: Float32Array,
    traceOut: Float32Array,
    decay: number,
    nesterov: boolean,
    scale: number,
  ): void;
  rmspropUpdate(
    g: Float32Array,
    nu: Float32Array,
    mu: Float32Array | null,
    param: Float32Array | null,
    out: Float32Array,
    nuOut: Float32Array,
    muOut: Float32Array | null,
    decay: number,
    epsilon: number,
    epsInSqrt: boolean,
    scale: number,
  ): void;
  sgdUpdate(g: Float32Array, param: Float32Array | null, out: Float32Array, scale: number): void;
  binary(op: number, a: Float32Array, b: Float32Array, out: Float32Array): void;
  info(): NativeInfo;
  setIsa(isa: NativeIsa): boolean;
  setThreads(threads: number): void;
}

/** The addon, or why it could not be loaded. */
export type AddonResult = { addon: NativeAddon } | { reason: string };

/** Where the build puts the addon: dist/native/ (next to this file once compiled). */
export function defaultAddonPath(): string {
  const here = import.meta.url;
  const compiled = fileURLToPath(new URL('./native/lab_native.node', here));
  // Run from source (vitest), the addon is in ../dist/native/.
  return fs.existsSync(compiled) ? compiled : fileURLToPath(new URL('../dist/native/lab_native.node', here));
}

/**
 * Loads the compiled addon from `file` (default {@link defaultAddonPath}). Never throws: a
 * missing or broken addon gives the reason, including the build's own error when it failed.
 */
export function loadAddon(file: string = defaultAddonPath()): AddonResult {
  if (!fs.existsSync(file)) {
    const buildError = path.join(path.dirname(file), 'build-error.txt');
    const why = fs.existsSync(buildError) ? fs.readFileSync(buildError, 'utf8').trim() : 'run `pnpm build` in packages/backend-native';
    return { reason: `the native addon is not built (${file} is missing): ${why}` };
  }
  try {
    const loaded: unknown = createRequire(import.meta.url)(file);
    if (typeof loaded !== 'object' || loaded === null || typeof (loaded as { matmul?: unknown }).matmul !== 'function') {
      return { reason: `${file} is not the lab native addon` };
    }
    return { addon: loaded as NativeAddon };
  } catch (error) {
    return { reason: `the native addon failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
}
