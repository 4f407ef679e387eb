/** Formats a shape the way tfjs prints it, e.g. `[28, 28]`, for error messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * The number of elements of `shape`, after checking that every dimension is a non-negative
 * integer. `context` (e.g. `scalePixels: shape`) starts the error message.
 */
export function shapeSize(shape: readonly number[], context: string): number {
  const bad = shape.findIndex((d) => !Number.isInteger(d) || d < 0);
  if (bad >= 0) {
    throw new Error(`${context} ${formatShape(shape)} has dimension ${shape[bad]} at axis ${bad}; dimensions are integers >= 0`);
  }
  return shape.reduce((size, d) => size * d, 1);
}
