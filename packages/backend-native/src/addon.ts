import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActivationCode, type BinaryOpCode, enumsMismatch, type IsaCode, type NativeEnums, type NativeIsa } from './native-enums.js';

export type { NativeIsa } from './native-enums.js';

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
 * Sizes and options of {@link NativeAddon.matmul}: `batch` products `op(A_i) · op(B_i)` of
 * `m × k` by `k × n`, where A holds `batchA` matrices and B `batchB` (product i reads
 * `i % batchA` and `i % batchB`), then the bias and the activation.
 */
export interface MatMulArgs {
  batch: number;
  m: number;
  n: number;
  k: number;
  transposeA: boolean;
  transposeB: boolean;
  /** At least 1. */
  batchA: number;
  /** At least 1. */
  batchB: number;
  activation: ActivationCode;
}

/** Sizes of {@link NativeAddon.denseBackward}: `x [rows, inputs]`, `w [inputs, outputs]`. */
export interface DenseBackwardArgs {
  rows: number;
  inputs: number;
  outputs: number;
  activation: ActivationCode;
}

/** Sizes of {@link NativeAddon.softmaxCrossEntropy}; `scale` multiplies the gradient (default 1). */
export interface SoftmaxCrossEntropyArgs {
  rows: number;
  cols: number;
  scale?: number;
}

/**
 * Adam's numbers with the bias corrections folded in: `stepScale = sqrt(1 − β2^t) / (1 − β1^t)`,
 * `epsHat = ε sqrt(1 − β2^t)`; `weightDecay` other than 0 needs `param`.
 */
export interface AdamUpdateArgs {
  beta1: number;
  beta2: number;
  stepScale: number;
  epsHat: number;
  scale: number;
  weightDecay: number;
}

/** Options of {@link NativeAddon.momentumUpdate}. */
export interface MomentumUpdateArgs {
  decay: number;
  nesterov: boolean;
  scale: number;
}

/** Options of {@link NativeAddon.rmspropUpdate}. */
export interface RmspropUpdateArgs {
  decay: number;
  epsilon: number;
  epsInSqrt: boolean;
  scale: number;
}

/** Options of {@link NativeAddon.sgdUpdate}. */
export interface SgdUpdateArgs {
  scale: number;
}

/** Options of {@link NativeAddon.binary}. */
export interface BinaryArgs {
  op: BinaryOpCode;
}

/**
 * Sizes of a channels-last convolution (NHWC input, filter `[filterHeight, filterWidth, inChannels,
 * outChannels]`): output pixel `(oy, ox)` sees input rows `oy · strideHeight − padTop + ky · dilationHeight`
 * (and likewise columns), zeros outside the input. Filter sizes, strides and dilations are at least 1.
 */
export interface ConvArgs {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

/** {@link ConvArgs} and the forward pass's activation. */
export interface Conv2DArgs extends ConvArgs {
  activation: ActivationCode;
}

/**
 * Sizes of a channels-last pool: output pixel `(oy, ox)` pools input rows
 * `[oy · strideHeight − padTop, + filterHeight)` clipped to the input (and likewise columns).
 */
/** The sizes of a line filter: lines along the middle axis of `[outer, length, inner]`, and the value index −1 reads. */
export interface LineFilterArgs {
  outer: number;
  length: number;
  inner: number;
  cval: number;
}

export interface PoolArgs {
  batch: number;
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/**
 * The functions the N-API addon exports (see addon/src/addon.cc). Each takes its arrays
 * positionally (inputs, then the outputs it writes; `null` for an optional one) and its sizes and
 * options as one object, last. The addon checks everything it is given (the argument count,
 * Float32Arrays, sizes that are integers in [0, 2^31 − 1], booleans, enum codes, that every array
 * holds what the sizes ask for) and throws a TypeError or RangeError naming the function and the
 * argument, "lab_native.matmul: attrs.m must be ...", before touching any memory.
 */
export interface NativeAddon {
  /** `out[i] = act(op(a_i) · op(b_i) + bias)`; bias has n values or 1. */
  matmul(a: Float32Array, b: Float32Array, out: Float32Array, bias: Float32Array | null, args: MatMulArgs): void;
  /** The gradients of `y = act(x · w + b)` into dw, db and dx (db and dx when not null). */
  denseBackward(
    x: Float32Array,
    w: Float32Array,
    y: Float32Array,
    dy: Float32Array,
    dw: Float32Array,
    db: Float32Array | null,
    dx: Float32Array | null,
    args: DenseBackwardArgs,
  ): void;
  /** Per-row loss and the gradient of the logits. */
  softmaxCrossEntropy(logits: Float32Array, labels: Float32Array, loss: Float32Array, grad: Float32Array, args: SoftmaxCrossEntropyArgs): void;
  /** One Adam step over g's length; outputs may be the inputs themselves (in place). */
  adamUpdate(
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    param: Float32Array | null,
    out: Float32Array,
    mOut: Float32Array,
    vOut: Float32Array,
    args: AdamUpdateArgs,
  ): void;
  /** One momentum step over g's length. */
  momentumUpdate(g: Float32Array, trace: Float32Array, param: Float32Array | null, out: Float32Array, traceOut: Float32Array, args: MomentumUpdateArgs): void;
  /** One RMSProp step over g's length; centered when mu and muOut are given. */
  rmspropUpdate(
    g: Float32Array,
    nu: Float32Array,
    mu: Float32Array | null,
    param: Float32Array | null,
    out: Float32Array,
    nuOut: Float32Array,
    muOut: Float32Array | null,
    args: RmspropUpdateArgs,
  ): void;
  /** `out = param + scale · g` (or `scale · g`). */
  sgdUpdate(g: Float32Array, param: Float32Array | null, out: Float32Array, args: SgdUpdateArgs): void;
  /** `out[i] = op(a[i % a.length], b[i % b.length])`; both lengths divide out's. */
  binary(a: Float32Array, b: Float32Array, out: Float32Array, args: BinaryArgs): void;
  /** `out = act(conv(x, filter) + bias)`, NHWC; bias has outChannels values or 1. */
  conv2d(x: Float32Array, filter: Float32Array, bias: Float32Array | null, out: Float32Array, args: Conv2DArgs): void;
  /** The input's gradient `dx` of a convolution for the output gradient `dy`. */
  conv2dBackpropInput(dy: Float32Array, filter: Float32Array, dx: Float32Array, args: ConvArgs): void;
  /** The filter's gradient `dfilter` of a convolution of `x` for the output gradient `dy`. */
  conv2dBackpropFilter(x: Float32Array, dy: Float32Array, dfilter: Float32Array, args: ConvArgs): void;
  /** Each window's maximum (NaN never wins; −∞ for an all-NaN window), as tfjs-cpu. */
  maxPool(x: Float32Array, out: Float32Array, args: PoolArgs): void;
  /** `dx`: each window's `dy` added at its first maximum in row-major order, as tfjs-cpu. */
  maxPoolGrad(x: Float32Array, dy: Float32Array, dx: Float32Array, args: PoolArgs): void;
  /** Each window's mean over the pixels inside the input. */
  avgPool(x: Float32Array, out: Float32Array, args: PoolArgs): void;
  /** `dx`: the sum of `dy` over the windows holding each pixel, over `filterHeight · filterWidth` (tfjs-cpu's rule). */
  avgPoolGrad(dy: Float32Array, dx: Float32Array, args: PoolArgs): void;
  /** `out[i] = x[i] < 0 ? 0 : x[i]` over x's length (tfjs's relu: NaN and −0 stay). */
  relu(x: Float32Array, out: Float32Array, args: Record<string, never>): void;
  /** `out[i] = x[i] > 0 ? 1 : (NaN ? NaN : alpha)` over x's length (tfjs's step). */
  step(x: Float32Array, out: Float32Array, args: { alpha: number }): void;
  /** `out[j] = Σ_i x[i · cols + j]`, summed in float64 in row order and rounded once. */
  columnSums(x: Float32Array, out: Float32Array, args: { rows: number; cols: number }): void;
  /** scipy's `correlate1d` along the middle axis of `[outer, length, inner]`, in float64 in scipy's order; `indices` extend each line (−1 reads `cval`). */
  correlate1d(x: Float32Array, out: Float32Array, weights: Float64Array, indices: Float64Array, args: LineFilterArgs): void;
  /** scipy's `uniform_filter1d` along the middle axis: a float64 running sum over `size` values, divided by `size`. */
  uniform1d(x: Float32Array, out: Float32Array, indices: Float64Array, args: LineFilterArgs & { size: number }): void;
  info(): NativeInfo;
  /** Forces an instruction set no better than the CPU's; false (changing nothing) otherwise. */
  setIsa(isa: IsaCode): boolean;
  /** Threads for large matmuls, at least 1 (more than 64 means 64). */
  setThreads(threads: number): void;
  /** The shared enums, as addon/src/enums.h defines them. */
  readonly enums: NativeEnums;
}

/** The addon, or why it could not be loaded. */
export type AddonResult = { addon: NativeAddon } | { reason: string };

/** The package's root folder (this file is in src/ or dist/). */
const packageRoot = () => fileURLToPath(new URL('..', import.meta.url));

/**
 * The addon to load: one built from source on this machine (dist/native/lab_native.node, by
 * `pnpm build` or by the install script when no prebuild fits), else the package's prebuilt one
 * for this platform (prebuilds/<platform>-<arch>/, chosen by node-gyp-build), else the source
 * build's path, whose absence {@link loadAddon} explains.
 */
export function defaultAddonPath(): string {
  const built = fileURLToPath(new URL('../dist/native/lab_native.node', import.meta.url));
  if (fs.existsSync(built)) return built;
  return prebuiltAddonPath() ?? built;
}

/** The prebuilt addon node-gyp-build picks for this platform from prebuilds/, or undefined. */
export function prebuiltAddonPath(root: string = packageRoot()): string | undefined {
  try {
    return (createRequire(import.meta.url)('node-gyp-build') as { path(dir: string): string }).path(root);
  } catch {
    return undefined;
  }
}

/**
 * Loads the compiled addon from `file` (default {@link defaultAddonPath}). Never throws: a
 * missing or broken addon gives the reason, including the build's own error when it failed.
 */
export function loadAddon(file: string = defaultAddonPath()): AddonResult {
  if (!fs.existsSync(file)) {
    const buildError = path.join(path.dirname(file), 'build-error.txt');
    const why = fs.existsSync(buildError) ? fs.readFileSync(buildError, 'utf8').trim() : 'run `pnpm build` in packages/backend-native, or `npm rebuild @lab/backend-native` where it is installed';
    return { reason: `no prebuilt addon for ${process.platform}-${process.arch} and none built from source (${file} is missing): ${why}` };
  }
  try {
    const loaded: unknown = createRequire(import.meta.url)(file);
    if (typeof loaded !== 'object' || loaded === null || typeof (loaded as { matmul?: unknown }).matmul !== 'function') {
      return { reason: `${file} is not the lab native addon` };
    }
    // An addon built from other sources (an older calling convention) would misread every call.
    const mismatch = enumsMismatch((loaded as { enums?: unknown }).enums);
    if (mismatch) return { reason: `${file} does not match this package's sources (${mismatch}): rebuild it with \`pnpm build\`` };
    return { addon: loaded as NativeAddon };
  } catch (error) {
    return { reason: `the native addon failed to load: ${error instanceof Error ? error.message : String(error)}` };
  }
}
