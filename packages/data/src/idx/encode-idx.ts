import { gzipSync } from 'fflate';

/**
 * Encodes unsigned bytes as an IDX file (type 0x08): images `[count, rows, cols]` give magic 2051,
 * labels `[count]` give 2049. With `gzip`, the bytes are gzip-compressed as MNIST's `.gz` files
 * are. The inverse of {@link parseIdx} for uint8 data.
 */
export function encodeIdxUint8(data: Uint8Array, shape: readonly number[], options: { gzip?: boolean } = {}): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0 || shape.length > 255 || shape.some((d) => !Number.isInteger(d) || d < 0 || d > 0xffffffff)) {
    throw new Error(`encodeIdxUint8: shape must have 1 to 255 non-negative integer dimensions, got [${shape.join(', ')}]`);
  }
  if (size !== data.length) throw new Error(`encodeIdxUint8: shape [${shape.join(', ')}] holds ${size} values, but data has ${data.length}`);
  const out = new Uint8Array(4 + 4 * shape.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = shape.length;
  for (const [i, d] of shape.entries()) view.setUint32(4 + 4 * i, d, false);
  out.set(data, 4 + 4 * shape.length);
  return options.gzip ? gzipSync(out) : out;
}
