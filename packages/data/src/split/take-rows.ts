/** A typed array of numbers (what IDX files and tensors' data hold). */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * The rows `indices` of `values`, in that order, where each row is `rowLength` consecutive values
 * (e.g. 784 for 28x28 MNIST images, 1 for labels): a new array of the same type.
 *
 * @example
 * const { train, test } = trainTestSplit(mnist.train.count);
 * const images = takeRows(mnist.train.images, train, 28 * 28); // Uint8Array
 * const labels = takeRows(mnist.train.labels, train);
 */
export function takeRows<A extends TypedArray>(values: A, indices: ArrayLike<number>, rowLength?: number): A;
export function takeRows<T>(values: readonly T[], indices: ArrayLike<number>, rowLength?: number): T[];
export function takeRows<T>(values: TypedArray | readonly T[], indices: ArrayLike<number>, rowLength = 1): TypedArray | T[] {
  if (!Number.isInteger(rowLength) || rowLength < 1) throw new Error(`takeRows: rowLength must be a positive integer; got ${rowLength}`);
  const rows = values.length / rowLength;
  if (!Number.isInteger(rows)) throw new Error(`takeRows: ${values.length} values are not whole rows of ${rowLength}`);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= rows) throw new Error(`takeRows: indices[${k}] is ${i}, outside 0..${rows - 1}`);
  }
  if (Array.isArray(values)) {
    const out: T[] = [];
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      for (let j = 0; j < rowLength; j++) out.push(values[i * rowLength + j] as T);
    }
    return out;
  }
  const typed = values as TypedArray;
  const out = new (typed.constructor as new (length: number) => TypedArray)(indices.length * rowLength);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    out.set(typed.subarray(i * rowLength, (i + 1) * rowLength), k * rowLength);
  }
  return out;
}
