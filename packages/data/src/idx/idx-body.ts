import type { IdxTensor } from './idx-dtype.js';
import type { IdxHeader } from './idx-header.js';

interface NumberArray {
  [index: number]: number;
}

/**
 * Decodes the big-endian elements after an IDX header into a new typed array that shares no
 * memory with `bytes`. The caller has already checked that `bytes` holds exactly the elements the
 * header announces.
 */
export function decodeIdxBody(bytes: Uint8Array, header: IdxHeader): IdxTensor {
  const { dtype, shape, dataOffset: start, elementBytes } = header;
  const count = shape.reduce((a, b) => a * b, 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fill = <T extends NumberArray>(out: T, read: (offset: number) => number): T => {
    for (let i = 0; i < count; i++) out[i] = read(start + i * elementBytes);
    return out;
  };
  switch (dtype) {
    case 'uint8':
      return { dtype, shape, data: bytes.slice(start, start + count) };
    case 'int8':
      return { dtype, shape, data: new Int8Array(bytes.slice(start, start + count).buffer) };
    case 'int16':
      return { dtype, shape, data: fill(new Int16Array(count), (o) => view.getInt16(o)) };
    case 'int32':
      return { dtype, shape, data: fill(new Int32Array(count), (o) => view.getInt32(o)) };
    case 'float32':
      return { dtype, shape, data: fill(new Float32Array(count), (o) => view.getFloat32(o)) };
    case 'float64':
      return { dtype, shape, data: fill(new Float64Array(count), (o) => view.getFloat64(o)) };
  }
}
