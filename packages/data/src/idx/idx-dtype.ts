/** The typed array that holds each IDX element type. */
export interface IdxArrays {
  uint8: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/** An IDX element type: `uint8` (code 0x08), `int8` (0x09), `int16` (0x0B), `int32` (0x0C), `float32` (0x0D) or `float64` (0x0E). */
export type IdxDtype = keyof IdxArrays;

/** An IDX element type and its size in bytes. */
export interface IdxType {
  dtype: IdxDtype;
  /** Size of one element in bytes. */
  bytes: number;
}

/** The IDX type codes (third header byte) and what they mean. */
export const IDX_TYPES: ReadonlyMap<number, IdxType> = new Map([
  [0x08, { dtype: 'uint8', bytes: 1 }],
  [0x09, { dtype: 'int8', bytes: 1 }],
  [0x0b, { dtype: 'int16', bytes: 2 }],
  [0x0c, { dtype: 'int32', bytes: 4 }],
  [0x0d, { dtype: 'float32', bytes: 4 }],
  [0x0e, { dtype: 'float64', bytes: 8 }],
]);

/** `0x0B (int16)`: a type code as error messages show it. */
export function describeTypeCode(code: number): string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  const type = IDX_TYPES.get(code);
  return type === undefined ? hex : `${hex} (${type.dtype})`;
}

/**
 * A decoded IDX file: element type, shape (outermost first) and the elements in row-major order,
 * in native byte order. `dtype` tells which typed array `data` is.
 */
export type IdxTensor = {
  [D in IdxDtype]: { dtype: D; shape: number[]; data: IdxArrays[D] };
}[IdxDtype];
