import { checkOptions } from '@lab/core';
import { type HostBatch, HostBatchMetric } from './host-batch-metric.js';
import {
  checkOutputs,
  STREAMING_VARIANCE_SCORE_OPTIONS,
  type StreamingVarianceScoreOptions,
} from './regression-options.js';

/** Running sums of one output, shifted by its first value so that they do not cancel. */
interface OutputSums {
  /** yTrue's first value, and Σw(yTrue - it), Σw(yTrue - it)². */
  shiftTrue: number;
  sumTrue: number;
  sumTrue2: number;
  /** The first residual yTrue - yPred, and the same sums of residuals. */
  shiftResidual: number;
  sumResidual: number;
  sumResidual2: number;
  /** Σw(yTrue - yPred)², R²'s numerator, summed as the functional twin sums it. */
  squaredErrors: number;
}

/**
 * The base of the streaming R² and explained variance: per output, running weighted sums of the
 * targets and of the residuals and their squares (shifted by the first value, so a large mean
 * does not cancel the variance away) and the summed weights, in float64 on the host. `compute`
 * equals the functional twin on the concatenated batches to float64 rounding (about 1e-15
 * relative; a constant target gives exactly zero variance, as there). See {@link HostBatchMetric}
 * for reads and ownership.
 */
export abstract class VarianceScoreMetric<Value extends number | number[]> extends HostBatchMetric<Value> {
  /** The checked options. */
  protected readonly options: StreamingVarianceScoreOptions;
  /** Per output sums, created by the first batch. */
  protected outputs: OutputSums[] | null = null;
  /** Σw over every sample. */
  protected totalWeight = 0;

  /** `options` are checked (@lab/core), errors starting with `name`. */
  protected constructor(name: string, options: StreamingVarianceScoreOptions) {
    super(name);
    checkOptions(name, options, STREAMING_VARIANCE_SCORE_OPTIONS);
    this.options = { multioutput: options.multioutput, forceFinite: options.forceFinite };
  }

  protected override checkColumns(trueColumns: number, predColumns: number, shapes: string, fn: string): void {
    checkOutputs(trueColumns, predColumns, this.options.multioutput, shapes, fn);
  }

  protected accumulate({ yTrue, yPred, weight }: HostBatch): void {
    const k = yTrue.columns;
    // The first batch's first row gives the shifts.
    this.outputs ??= Array.from({ length: k }, (_, j) => {
      const t = yTrue.data[j]!;
      const shiftResidual = t - yPred.data[j]!;
      return { shiftTrue: t, sumTrue: 0, sumTrue2: 0, shiftResidual, sumResidual: 0, sumResidual2: 0, squaredErrors: 0 };
    });
    const outputs = this.outputs;
    for (let i = 0; i < yTrue.rows; i++) {
      const w = weight ? weight[i]! : 1;
      this.totalWeight += w;
      for (let j = 0; j < k; j++) {
        const o = outputs[j]!;
        const t = yTrue.data[i * k + j]!;
        const residual = t - yPred.data[i * k + j]!;
        const dt = t - o.shiftTrue;
        const dr = residual - o.shiftResidual;
        o.sumTrue += w * dt;
        o.sumTrue2 += w * dt * dt;
        o.sumResidual += w * dr;
        o.sumResidual2 += w * dr * dr;
        o.squaredErrors += w * residual ** 2;
      }
    }
  }

  /** Σw(x - x̄)² of the targets (`'true'`) or residuals of each output; the weights must not sum to 0. */
  protected sumsOfSquares(of: 'true' | 'residual', fn: string): number[] {
    if (this.totalWeight === 0) throw new Error(`${fn}: the weights (sampleWeight) sum to zero, so the average is undefined`);
    return this.outputs!.map((o) =>
      of === 'true' ? o.sumTrue2 - (o.sumTrue * o.sumTrue) / this.totalWeight : o.sumResidual2 - (o.sumResidual * o.sumResidual) / this.totalWeight,
    );
  }

  protected clear(): void {
    this.outputs = null;
    this.totalWeight = 0;
  }
}
