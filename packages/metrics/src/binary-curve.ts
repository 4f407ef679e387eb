/** False and true positives (weighted) at each distinct score, highest first, and those scores. */
export interface BinaryCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/**
 * scikit-learn 1.2's `_binary_clf_curve`: samples of weight 0 are dropped, the rest sorted by
 * score, descending (none left is an error); at each distinct score, the (weighted) counts of positives and negatives
 * scoring at least that much, summed in order in float64 as `stable_cumsum`.
 */
export function binaryCurve(
  positive: ArrayLike<boolean>,
  score: ArrayLike<number>,
  weight: ArrayLike<number> | undefined,
  fn: string,
): BinaryCurve {
  const order: number[] = [];
  for (let i = 0; i < score.length; i++) if (weight?.[i] !== 0) order.push(i);
  if (order.length === 0) throw new Error(`${fn}: every sample has weight 0 (sampleWeight), so there is no curve`);
  // scikit-learn reverses a stable ascending sort: among ties the later sample comes first, which
  // changes no count at a threshold, as ties share one.
  order.sort((a, b) => score[b]! - score[a]! || b - a);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    const w = weight ? weight[i]! : 1;
    if (positive[i]) tp += w;
    else fp += w;
    const next = order[k + 1];
    if (next === undefined || score[next] !== score[i]) {
      tps.push(tp);
      // Unweighted, scikit-learn counts negatives as (rank + 1) - tps, the same integers.
      fps.push(fp);
      thresholds.push(score[i]!);
    }
  });
  return { fps, tps, thresholds };
}
