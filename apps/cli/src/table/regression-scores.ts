/**
 * RMSE, MAE and R² of predictions, as scikit-learn's `mean_squared_error(squared=False)`,
 * `mean_absolute_error` and `r2_score` compute them (R² of a constant target: 1 when the
 * predictions are exact, else 0, as scikit-learn's default `force_finite`).
 */
export function regressionScores(actual: readonly number[], predicted: readonly number[]): { rmse: number; mae: number; r2: number } {
  const n = actual.length;
  if (n === 0 || predicted.length !== n) throw new Error(`regressionScores: ${n} actual values and ${predicted.length} predictions`);
  let squares = 0;
  let absolute = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i]! - actual[i]!;
    squares += e * e;
    absolute += Math.abs(e);
    mean += actual[i]!;
  }
  mean /= n;
  let total = 0;
  for (const a of actual) total += (a - mean) ** 2;
  const r2 = total === 0 ? (squares === 0 ? 1 : 0) : 1 - squares / total;
  return { rmse: Math.sqrt(squares / n), mae: absolute / n, r2 };
}
