import type * as tf from '@tensorflow/tfjs-core';

/** The geometry of a channels-last 2-D convolution (a subset of tfjs's `Conv2DInfo`). */
export interface ConvGeometry {
  batchSize: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  filterHeight: number;
  filterWidth: number;
  padInfo: { top: number; left: number };
}

/** The geometry of tfjs's `Conv2DInfo`, or undefined for a layout the native kernels leave to the cpu ones. */
export function convGeometry(info: tf.backend_util.Conv2DInfo): ConvGeometry | undefined {
  return info.dataFormat === 'channelsLast' ? info : undefined;
}

let scratch = new Float32Array(0);

/**
 * A scratch array of at least `size` elements, reused across calls (the kernels run one at a
 * time on the JavaScript thread); its contents are arbitrary.
 */
export function scratchArray(size: number): Float32Array {
  if (scratch.length < size) scratch = new Float32Array(Math.max(size, Math.ceil(scratch.length * 1.5)));
  return scratch.subarray(0, size);
}

/**
 * im2col for NHWC: row `(b, oy, ox)` of `cols` (`[batch·outHeight·outWidth, filterHeight·filterWidth·inChannels]`)
 * holds the input window the filter sees at that output position, taps in `(ky, kx, channel)` order
 * (the layout of a tfjs/Keras filter `[kh, kw, in, out]` read as a matrix), zeros where it hangs over the padding.
 */
export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  const K = KH * KW * C;
  let row = 0;
  for (let b = 0; b < g.batchSize; b++) {
    const image = b * H * W * C;
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * g.strideHeight - g.padInfo.top;
      for (let ox = 0; ox < OW; ox++, row++) {
        const x0 = ox * g.strideWidth - g.padInfo.left;
        let dst = row * K;
        for (let ky = 0; ky < KH; ky++) {
          const iy = y0 + ky * g.dilationHeight;
          const rowInside = iy >= 0 && iy < H;
          for (let kx = 0; kx < KW; kx++, dst += C) {
            const ix = x0 + kx * g.dilationWidth;
            if (!rowInside || ix < 0 || ix >= W) {
              cols.fill(0, dst, dst + C);
            } else if (C === 1) {
              cols[dst] = x[image + iy * W + ix]!;
            } else {
              const src = image + (iy * W + ix) * C;
              cols.set(x.subarray(src, src + C), dst);
            }
          }
        }
      }
    }
  }
}

/** The adjoint of {@link im2col}: adds every row of `cols` back into the window of `dx` it came from. `dx` must start zeroed. */
export function col2im(cols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  const K = KH * KW * C;
  let row = 0;
  for (let b = 0; b < g.batchSize; b++) {
    const image = b * H * W * C;
    for (let oy = 0; oy < OH; oy++) {
      const y0 = oy * g.strideHeight - g.padInfo.top;
      for (let ox = 0; ox < OW; ox++, row++) {
        const x0 = ox * g.strideWidth - g.padInfo.left;
        let src = row * K;
        for (let ky = 0; ky < KH; ky++) {
          const iy = y0 + ky * g.dilationHeight;
          if (iy < 0 || iy >= H) {
            src += KW * C;
            continue;
          }
          for (let kx = 0; kx < KW; kx++, src += C) {
            const ix = x0 + kx * g.dilationWidth;
            if (ix < 0 || ix >= W) continue;
            const dst = image + (iy * W + ix) * C;
            for (let c = 0; c < C; c++) dx[dst + c]! += cols[src + c]!;
          }
        }
      }
    }
  }
}
