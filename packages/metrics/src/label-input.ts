import * as tf from '@tensorflow/tfjs-core';

/**
 * One side of a classification metric: a Tensor (1-D labels or binary probabilities, `[N, 1]`
 * probabilities, or `[N, C]` one-hot targets, probabilities, logits or multilabel indicators), a
 * JS array of labels or binary probabilities (`number[]`, `Int32Array`, `Uint8Array`, ...), or an
 * array of rows (`number[][]`, read as `[N, C]`). Never disposed by lab.
 */
export type LabelsInput = tf.Tensor | ArrayLike<number> | readonly ArrayLike<number>[];

/** True for an array of rows (`number[][]`), which reads as a `[N, C]` matrix. */
function isRows(input: ArrayLike<number> | readonly ArrayLike<number>[]): input is readonly ArrayLike<number>[] {
  return input.length > 0 && typeof input[0] === 'object';
}

/** The shape of an input without touching its data: JS arrays are 1-D, arrays of rows 2-D. */
export function inputShape(input: LabelsInput): number[] {
  if (input instanceof tf.Tensor) return input.shape;
  return isRows(input) ? [input.length, input[0]!.length] : [input.length];
}

/** Formats a shape the way tfjs prints it, e.g. `[32, 10]`, for error messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * Checks that an input can be read as labels, from its shape and dtype alone (no data read):
 * rank 1, `[N, 1]` or `[N, C]` with C >= 1, and a numeric or bool dtype. `name` (e.g. `yPred`)
 * is used in the error message.
 */
export function checkLabelShape(input: LabelsInput, name: string): void {
  const shape = inputShape(input);
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(
      `${name} must be 1-D labels or probabilities, [N, 1] probabilities or [N, C] scores; got shape ${formatShape(shape)}`,
    );
  }
  if (shape.length === 2 && shape[1] === 0) {
    throw new Error(`${name} has no classes: shape ${formatShape(shape)}`);
  }
  if (input instanceof tf.Tensor && (input.dtype === 'string' || input.dtype === 'complex64')) {
    throw new Error(`${name} must be numeric or bool, got dtype ${input.dtype}`);
  }
}

/**
 * Copies a JS array into a 1-D tensor (the caller disposes it): int32 when every value is an
 * integer, so labels stay exact, float32 otherwise (binary probabilities). Non-finite values are
 * errors naming the first one and its index, since NaN would otherwise count as class 0.
 */
export function arrayToTensor(
  values: ArrayLike<number> | readonly ArrayLike<number>[],
  name: string,
): tf.Tensor1D | tf.Tensor2D {
  if (isRows(values)) return rowsToTensor(values, name);
  let integers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new Error(`${name}[${i}] is ${v}; labels and probabilities must be finite`);
    if (!Number.isInteger(v)) integers = false;
  }
  return tf.tensor1d(Array.from(values), integers ? 'int32' : 'float32');
}

/** As {@link arrayToTensor} for an array of rows, which must all have the same length. */
function rowsToTensor(rows: readonly ArrayLike<number>[], name: string): tf.Tensor2D {
  const columns = rows[0]!.length;
  const flat: number[] = [];
  let integers = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== columns) {
      throw new Error(`${name}[${i}] has ${row.length} values but ${name}[0] has ${columns}; rows must have the same length`);
    }
    for (let j = 0; j < columns; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new Error(`${name}[${i}][${j}] is ${v}; labels and probabilities must be finite`);
      if (!Number.isInteger(v)) integers = false;
      flat.push(v);
    }
  }
  return tf.tensor2d(flat, [rows.length, columns], integers ? 'int32' : 'float32');
}
