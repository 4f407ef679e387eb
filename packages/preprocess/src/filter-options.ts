import * as tf from '@tensorflow/tfjs-core';
import { BOUNDARY_MODES, type BoundaryMode } from './boundary-mode.js';
import { formatShape } from './shape.js';

/** Boundary options shared by every filter. */
export interface BoundaryOptions {
  /** How values past the edges are made up; default `reflect`. See {@link BoundaryMode}. */
  mode?: BoundaryMode;
  /** The value past the edges in `constant` mode; default 0. */
  cval?: number;
}

/** A filter's input seen as `[batch, height, width, channels]`: the spatial axes are 1 and 2. */
export interface FilterLayout {
  /** The input's shape, which the result keeps. */
  shape: number[];
  /** `[batch, height, width, channels]`, of the same size. */
  nhwc: [number, number, number, number];
  /** How many spatial axes the caller sees: 1 for a 1-D signal, else 2. */
  spatialAxes: 1 | 2;
}

/**
 * Checks a filter's input and lays it out as NHWC: `[L]` is a 1×L image, `[H, W]` one image,
 * `[N, H, W]` a batch, `[N, H, W, C]` a batch with channels (filtered channel by channel).
 */
export function filterLayout(x: tf.Tensor, name: string): FilterLayout {
  if (!(x instanceof tf.Tensor)) throw new Error(`${name}: x must be a tf.Tensor`);
  if (x.dtype === 'string' || x.dtype === 'complex64') {
    throw new Error(`${name}: x must be a numeric tensor, got dtype ${x.dtype}`);
  }
  const s = x.shape;
  if (s.some((d) => d === 0)) throw new Error(`${name}: x must not be empty, got shape ${formatShape(s)}`);
  switch (s.length) {
    case 1:
      return { shape: s, nhwc: [1, 1, s[0]!, 1], spatialAxes: 1 };
    case 2:
      return { shape: s, nhwc: [1, s[0]!, s[1]!, 1], spatialAxes: 2 };
    case 3:
      return { shape: s, nhwc: [s[0]!, s[1]!, s[2]!, 1], spatialAxes: 2 };
    case 4:
      return { shape: s, nhwc: [s[0]!, s[1]!, s[2]!, s[3]!], spatialAxes: 2 };
    default:
      throw new Error(`${name}: x must be [L], [H, W], [N, H, W] or [N, H, W, C], got shape ${formatShape(s)}`);
  }
}

/**
 * One value per spatial axis, as `[height, width]` (a 1-D signal has height 1: `[fill, value]`).
 * `value` is one number for all axes or one per axis; `check` says whether a number is allowed.
 */
export function perAxis(
  value: number | readonly number[],
  layout: FilterLayout,
  option: string,
  fill: number,
  check: (v: number) => boolean,
  allowed: string,
): [number, number] {
  const values = typeof value === 'number' ? Array<number>(layout.spatialAxes).fill(value) : [...value];
  if (values.length !== layout.spatialAxes || !values.every((v) => typeof v === 'number' && check(v))) {
    const shown = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    throw new Error(
      `${option} must be ${allowed}, one number or ${layout.spatialAxes} (one per spatial axis of shape ${formatShape(layout.shape)}), got ${shown}`,
    );
  }
  return layout.spatialAxes === 1 ? [fill, values[0]!] : [values[0]!, values[1]!];
}

/**
 * The longest window a filter takes along one axis (a mean or median `size`, a gaussian kernel's
 * `2·radius + 1`): 4097 values reach 2048 pixels each side, beyond any image's use; a longer one
 * would allocate and loop for a size nobody means (a `size` of 1e6, a `sigma` of 1e9) instead of
 * saying so.
 */
export const MAX_FILTER_WINDOW = 4097;

/** Refuses a window longer than {@link MAX_FILTER_WINDOW} along an axis, naming the option. */
export function checkWindow(lengths: readonly number[], option: string, what: (length: number) => string): void {
  for (const length of lengths) {
    if (length > MAX_FILTER_WINDOW) throw new Error(`${option}: ${what(length)}, above the limit of ${MAX_FILTER_WINDOW} values per axis`);
  }
}

/** The checked boundary mode and cval, with errors naming the allowed values. */
export function boundaryOptions(options: BoundaryOptions, name: string): { mode: BoundaryMode; cval: number } {
  const mode = options.mode ?? 'reflect';
  if (!BOUNDARY_MODES.includes(mode)) {
    throw new Error(`${name}: mode must be one of ${BOUNDARY_MODES.join(', ')}, got ${String(mode)}`);
  }
  // cval (a number) is checked with the filter's other options (BOUNDARY_OPTIONS).
  return { mode, cval: options.cval ?? 0 };
}
