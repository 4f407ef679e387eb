/**
 * The sufficient statistics of every metric here except accuracy and top-k: integer counts,
 * small enough to read back once and turn into scores in float64 on the host, as scikit-learn does.
 */
export type Counts = ClassCounts | MultilabelCounts;

/** Binary and multiclass data: a confusion matrix. */
export interface ClassCounts {
  kind: 'classes';
  /** Class values, ascending: every class in the data plus any named in a `labels` option. */
  classes: number[];
  /** `classes.length²` counts, row-major; row = true class, column = predicted class. */
  matrix: Float64Array;
  /** The classes in the data, when weights of 0 may hide some from the matrix. */
  occurring?: ReadonlySet<number>;
  /** The classes in yTrue, likewise. */
  trueClasses?: ReadonlySet<number>;
}

/**
 * Multilabel data: per column, how many samples (their summed weights) have it predicted, true,
 * and both.
 */
export interface MultilabelCounts {
  kind: 'multilabel';
  truePositives: Float64Array;
  predicted: Float64Array;
  actual: Float64Array;
  /** Number of samples (rows), or the sum of their weights. */
  samples: number;
  /** Per-row counts over the scored labels, for `average: 'samples'`; absent when not needed. */
  rows?: SampleRows;
}

/**
 * Rows of a multilabel matrix for `average: 'samples'`, over the labels scored: each entry's true
 * positives, predicted and true label counts (unweighted), and its weight (the sample's, or the
 * summed weights of identical rows, as the streaming metrics keep them).
 */
export interface SampleRows {
  truePositives: number[];
  predicted: number[];
  actual: number[];
  weight: number[];
  /** Whether the weights are scikit-learn's `sample_weight` (which also scales each row's counts). */
  weighted: boolean;
}

/**
 * Counts pairs of labels read from the data into a confusion matrix over their classes and `extra`,
 * each pair adding its `weight` (default 1) in float64.
 */
export function countClasses(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  extra: readonly number[] = [],
  weight?: ArrayLike<number>,
): ClassCounts {
  const set = new Set<number>(extra);
  for (let i = 0; i < yTrue.length; i++) set.add(yTrue[i]!).add(yPred[i]!);
  const classes = [...set].sort((a, b) => a - b);
  const index = new Map(classes.map((c, i) => [c, i]));
  const n = classes.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < yTrue.length; i++) matrix[index.get(yTrue[i]!)! * n + index.get(yPred[i]!)!]! += weight ? weight[i]! : 1;
  if (!weight) return { kind: 'classes', classes, matrix };
  const occurring = new Set<number>();
  const trueClasses = new Set<number>();
  for (let i = 0; i < yTrue.length; i++) {
    occurring.add(yTrue[i]!).add(yPred[i]!);
    trueClasses.add(yTrue[i]!);
  }
  return { kind: 'classes', classes, matrix, occurring, trueClasses };
}

/**
 * Keeps the classes of a `[C, C]` confusion matrix over labels `0..C-1` that occur (a non-zero row
 * or column) or are named in `extra`, so that it equals what {@link countClasses} gives on the
 * same samples.
 */
export function trimClasses(full: ArrayLike<number>, size: number, extra: readonly number[] = []): ClassCounts {
  const set = new Set<number>(extra);
  for (let c = 0; c < size; c++) {
    let total = 0;
    for (let j = 0; j < size; j++) total += full[c * size + j]! + full[j * size + c]!;
    if (total > 0) set.add(c);
  }
  const classes = [...set].sort((a, b) => a - b);
  const n = classes.length;
  const matrix = new Float64Array(n * n);
  classes.forEach((r, i) => {
    if (r < 0 || r >= size) return;
    classes.forEach((c, j) => {
      if (c >= 0 && c < size) matrix[i * n + j] = full[r * size + c]!;
    });
  });
  return { kind: 'classes', classes, matrix };
}

/** Row sums (true counts) and column sums (predicted counts) of a confusion matrix. */
export function marginals(counts: ClassCounts): { actual: Float64Array; predicted: Float64Array } {
  const n = counts.classes.length;
  const actual = new Float64Array(n);
  const predicted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = counts.matrix[i * n + j]!;
      actual[i]! += v;
      predicted[j]! += v;
    }
  }
  return { actual, predicted };
}

/**
 * The classes that occur in yTrue or yPred: every class the data holds (`countClasses` lists
 * exactly those and `extra`), less any `extra` with an empty row and column. Classes whose
 * samples all weigh 0 still occur, as in scikit-learn (`unique_labels` ignores weights).
 */
export function presentClasses(counts: ClassCounts): number[] {
  const { actual, predicted } = marginals(counts);
  const occurring = counts.occurring;
  return counts.classes.filter((c, i) => (occurring ? occurring.has(c) : actual[i]! > 0 || predicted[i]! > 0));
}
