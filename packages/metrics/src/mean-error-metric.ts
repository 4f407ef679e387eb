import { type Constraints, checkOptions } from '@lab/core';
import { type HostBatch, HostBatchMetric } from './host-batch-metric.js';
import { checkOutputs, combineOutputs, type Multioutput } from './regression-options.js';

/**
 * The base of the streaming mean errors (MSE, RMSE, MAE, MAPE): per output the weighted sum of a
 * per-sample error, and the summed weights, in float64 on the host, added sample by sample in
 * `update` order, which is the functional twin's order on the concatenated batches: `compute`
 * gives its result to the last bit. See {@link HostBatchMetric} for reads and ownership.
 */
export abstract class MeanErrorMetric<Value extends number | number[]> extends HostBatchMetric<Value> {
  private sums: Float64Array | null = null;
  private total = 0;
  private readonly multioutput: Multioutput | undefined;

  /** `options` are checked against `constraints` (@lab/core), errors starting with `name`. */
  protected constructor(name: string, options: { multioutput?: Multioutput }, constraints: Constraints) {
    super(name);
    checkOptions(name, options, constraints);
    this.multioutput = options.multioutput;
  }

  /** One sample's error. */
  protected abstract error(yTrue: number, yPred: number): number;

  /** An output's mean error as reported (the RMSE takes its square root). */
  protected finishOutput(mean: number): number {
    return mean;
  }

  protected override checkColumns(trueColumns: number, predColumns: number, shapes: string, fn: string): void {
    checkOutputs(trueColumns, predColumns, this.multioutput, shapes, fn);
  }

  protected accumulate({ yTrue, yPred, weight }: HostBatch): void {
    const k = yTrue.columns;
    this.sums ??= new Float64Array(k);
    const sums = this.sums;
    for (let j = 0; j < k; j++) {
      let sum = sums[j]!;
      for (let i = 0; i < yTrue.rows; i++) sum += this.error(yTrue.data[i * k + j]!, yPred.data[i * k + j]!) * (weight ? weight[i]! : 1);
      sums[j] = sum;
    }
    for (let i = 0; i < yTrue.rows; i++) this.total += weight ? weight[i]! : 1;
  }

  protected result(fn: string): Value {
    if (this.total === 0) throw new Error(`${fn}: the weights (sampleWeight) sum to zero, so the average is undefined`);
    const errors = Array.from(this.sums!, (sum) => this.finishOutput(sum / this.total));
    return combineOutputs(errors, this.multioutput, fn) as Value;
  }

  protected clear(): void {
    this.sums = null;
    this.total = 0;
  }
}
