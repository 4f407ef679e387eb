import { column, type HostMatrix, readMatrix, type ValuesInput } from './host-values.js';
import { formatShape, inputShape } from './label-input.js';
import { readSampleWeight, type SampleWeight } from './sample-weight.js';

/** A checked `(yTrue, yScore)` pair of a ranking metric, read to the host in float64. */
export interface ScorePair {
  yTrue: HostMatrix;
  yScore: HostMatrix;
  weight: Float64Array | undefined;
}

/**
 * Reads a `(yTrue, yScore)` pair and `sampleWeight` back (one synchronous read per tensor) and
 * checks it as scikit-learn does: the same number of samples (at least 1), finite scores, integer
 * labels, one finite weight per sample.
 */
export function readScorePair(yTrue: ValuesInput, yScore: ValuesInput, sampleWeight: SampleWeight | undefined, fn: string): ScorePair {
  const trueShape = inputShape(yTrue);
  const scoreShape = inputShape(yScore);
  const shapes = `yTrue shape ${formatShape(trueShape)}, yScore shape ${formatShape(scoreShape)}`;
  if (trueShape[0] !== scoreShape[0]) throw new Error(`${fn}: yTrue has ${trueShape[0]} samples but yScore has ${scoreShape[0]} (${shapes})`);
  if (trueShape[0] === 0) throw new Error(`${fn}: yTrue and yScore are empty (${shapes})`);
  const t = readMatrix(yTrue, fn, 'yTrue');
  const s = readMatrix(yScore, fn, 'yScore');
  for (let i = 0; i < t.data.length; i++) {
    if (!Number.isInteger(t.data[i]!)) throw new Error(`${fn}: yTrue must hold class labels (integers); element ${i} is ${t.data[i]}`);
  }
  return { yTrue: t, yScore: s, weight: readSampleWeight(sampleWeight, t.rows, fn) };
}

/** The distinct values of `xs`, ascending. */
export function uniqueSorted(xs: ArrayLike<number>): number[] {
  return [...new Set(Array.from(xs))].sort((a, b) => a - b);
}

/** A `[N]` or `[N, 1]` side as its one column; `[N, C]` with C > 1 is an error naming `name`. */
export function vector(m: HostMatrix, fn: string, name: string, why: string): Float64Array {
  if (m.columns !== 1) throw new Error(`${fn}: ${name} must be 1-D (${why}); got shape [${m.rows}, ${m.columns}]`);
  return m.data;
}

/** A 2-D yTrue with several columns must be a 0/1 indicator matrix (scikit-learn's multilabel-indicator). */
export function checkIndicatorMatrix(m: HostMatrix, fn: string): void {
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i]!;
    if (v !== 0 && v !== 1) {
      throw new Error(`${fn}: a 2-D yTrue must be a 0/1 multilabel indicator matrix; yTrue[${Math.floor(i / m.columns)}][${i % m.columns}] is ${v}`);
    }
  }
}

/**
 * The positive class of binary labels, as scikit-learn's `_check_pos_label_consistency`: `posLabel`
 * when given, else 1, which needs labels in {0, 1} or {-1, 1} (or one of 0, -1, 1 alone).
 */
export function resolvePosLabel(yTrue: ArrayLike<number>, posLabel: number | undefined, fn: string): number {
  if (posLabel !== undefined) return posLabel;
  const classes = uniqueSorted(yTrue);
  const ok = [[0, 1], [-1, 1], [0], [-1], [1]].some((set) => set.length === classes.length && set.every((c, i) => classes[i] === c));
  if (!ok) {
    throw new Error(`${fn}: yTrue takes values {${classes.join(', ')}} and posLabel is not given: make yTrue take values in {0, 1} or {-1, 1}, or pass posLabel`);
  }
  return 1;
}

export { column };
