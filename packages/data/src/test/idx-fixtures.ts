// Builds IDX files in memory so tests need no data on disk.

interface Writer {
  bytes: number;
  write: (view: DataView, offset: number, value: number) => void;
}

const WRITERS = new Map<number, Writer>([
  [0x08, { bytes: 1, write: (v, o, x) => v.setUint8(o, x) }],
  [0x09, { bytes: 1, write: (v, o, x) => v.setInt8(o, x) }],
  [0x0b, { bytes: 2, write: (v, o, x) => v.setInt16(o, x) }],
  [0x0c, { bytes: 4, write: (v, o, x) => v.setInt32(o, x) }],
  [0x0d, { bytes: 4, write: (v, o, x) => v.setFloat32(o, x) }],
  [0x0e, { bytes: 8, write: (v, o, x) => v.setFloat64(o, x) }],
]);

/** An IDX file of type `code` (0x08 uint8 ... 0x0E float64), big-endian as the format requires. */
export function idxBytes(code: number, shape: number[], values: ArrayLike<number>): Uint8Array {
  const writer = WRITERS.get(code);
  if (writer === undefined) throw new Error(`no writer for type code ${code}`);
  const offset = 4 + 4 * shape.length;
  const out = new Uint8Array(offset + values.length * writer.bytes);
  const view = new DataView(out.buffer);
  view.setUint8(2, code);
  view.setUint8(3, shape.length);
  for (const [i, dim] of shape.entries()) view.setUint32(4 + 4 * i, dim);
  for (let i = 0; i < values.length; i++) writer.write(view, offset + i * writer.bytes, values[i]!);
  return out;
}

/** A uint8 image file (magic 2051) of `count` images of `rows` x `cols`, pixel i = i mod 256. */
export function imagesIdx(count: number, rows: number, cols: number): Uint8Array {
  const pixels = Array.from({ length: count * rows * cols }, (_, i) => i % 256);
  return idxBytes(0x08, [count, rows, cols], pixels);
}

/** A uint8 label file (magic 2049). */
export function labelsIdx(labels: number[]): Uint8Array {
  return idxBytes(0x08, [labels.length], labels);
}
