/**
 * scikit-learn's `nan_euclidean_distances` between row `a` of `x` and row `b` of `y` (both
 * `cols` wide, missing cells given by the masks): `sqrt(cols / present · d²)` over the
 * coordinates present in both, NaN when none is. `d²` is expanded as scikit-learn computes it,
 * `Σx² − 2Σxy + Σy²` minus the squares facing a missing cell, clipped at 0, so that its ties
 * are scikit-learn's ties.
 */
export function nanEuclidean(
  x: Float64Array,
  xMask: Uint8Array,
  a: number,
  y: Float64Array,
  yMask: Uint8Array,
  b: number,
  cols: number,
): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  let xxFacingMissing = 0;
  let yyFacingMissing = 0;
  let present = 0;
  for (let c = 0; c < cols; c++) {
    const i = a * cols + c;
    const j = b * cols + c;
    const xv = xMask[i] ? 0 : x[i]!;
    const yv = yMask[j] ? 0 : y[j]!;
    xx += xv * xv;
    yy += yv * yv;
    xy += xv * yv;
    if (yMask[j]) xxFacingMissing += xv * xv;
    if (xMask[i]) yyFacingMissing += yv * yv;
    if (!xMask[i] && !yMask[j]) present++;
  }
  if (present === 0) return Number.NaN;
  let d2 = -2 * xy + xx + yy;
  d2 = Math.max(d2, 0);
  d2 -= xxFacingMissing;
  d2 -= yyFacingMissing;
  d2 = Math.max(d2, 0);
  return Math.sqrt((d2 / present) * cols);
}
