import type { HostMatrix } from './host-values.js';

/** How per-label scores of a ranking metric are averaged, as scikit-learn's `average` (`'none'` for None). */
export type RankingAverage = 'micro' | 'macro' | 'weighted' | 'samples' | 'none';

/** A binary metric of one column: 0/1 truth, scores, optional weights. */
export type BinaryMetric = (truth: Float64Array, score: Float64Array, weight: Float64Array | undefined) => number;

function take(m: HostMatrix, index: number, byColumn: boolean): Float64Array {
  const n = byColumn ? m.rows : m.columns;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = byColumn ? m.data[k * m.columns + index]! : m.data[index * m.columns + k]!;
  return out;
}

/**
 * scikit-learn 1.2's `_average_binary_score` for `[N, L]` indicator targets: the binary metric per
 * column (per row for `'samples'`, on the raveled matrix for `'micro'`), averaged uniformly,
 * by positive (weighted) support for `'weighted'` (0 when there is none), or by sample weight for
 * `'samples'`; scores of weight 0 count as 0.
 */
export function averageBinaryScore(
  metric: BinaryMetric,
  truth: HostMatrix,
  score: HostMatrix,
  weight: Float64Array | undefined,
  average: RankingAverage,
  fn: string,
): number | number[] {
  if (average === 'micro') {
    const repeated = weight ? Float64Array.from({ length: truth.data.length }, (_, i) => weight[Math.floor(i / truth.columns)]!) : undefined;
    return metric(truth.data, score.data, repeated);
  }
  const bySample = average === 'samples';
  const count = bySample ? truth.rows : truth.columns;
  const scores = Array.from({ length: count }, (_, c) => metric(take(truth, c, !bySample), take(score, c, !bySample), bySample ? undefined : weight));
  if (average === 'none') return scores;
  let averageWeight: ArrayLike<number> | undefined;
  if (average === 'weighted') {
    averageWeight = Array.from({ length: truth.columns }, (_, c) => {
      let s = 0;
      for (let i = 0; i < truth.rows; i++) s += truth.data[i * truth.columns + c]! * (weight ? weight[i]! : 1);
      return s;
    });
    const total = Array.from(averageWeight).reduce((a, b) => a + b, 0);
    // numpy's isclose(total, 0): within 1e-8.
    if (Math.abs(total) <= 1e-8) return 0;
  } else if (bySample) {
    averageWeight = weight;
  }
  if (!averageWeight) return scores.reduce((a, b) => a + b, 0) / scores.length;
  let sum = 0;
  let total = 0;
  scores.forEach((s, i) => {
    const w = averageWeight[i]!;
    sum += (w === 0 ? 0 : s) * w;
    total += w;
  });
  if (total === 0) throw new Error(`${fn}: the weights of the average (sampleWeight) sum to zero`);
  return sum / total;
}
