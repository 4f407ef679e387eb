import { type HostBatch, HostBatchMetric } from './host-batch-metric.js';
import type { ValuesInput } from './host-values.js';

/** What a streaming ranking score computes for options `O`: one number per label for `average: 'none'`. */
export type RankingValue<O extends { average?: string }> = O['average'] extends 'none' ? number[] : number;

/**
 * The base of the streaming ranking scores (ROC AUC, average precision): as torchmetrics does,
 * it keeps every label, score and weight (float64, on the host once `compute` has read them) and
 * `compute` runs the functional twin on them all, so the value is that function's on the
 * concatenated batches, exactly. Memory grows with the samples: 8 bytes per label, score and
 * weight. See {@link HostBatchMetric} for reads and ownership.
 */
export abstract class ScoreListMetric<Value> extends HostBatchMetric<Value> {
  private batches: HostBatch[] = [];

  /** @param name starts every error message */
  protected constructor(name: string) {
    super(name, 'yScore');
  }

  /** The functional twin on every sample (`sampleWeight` undefined when no batch had weights). */
  protected abstract score(yTrue: ValuesInput, yScore: ValuesInput, sampleWeight: Float64Array | undefined): Value;

  protected accumulate(batch: HostBatch): void {
    this.batches.push(batch);
  }

  protected result(fn: string): Value {
    const rows = this.samples;
    const weighted = this.batches.some((b) => b.weight);
    const weight = weighted ? new Float64Array(rows) : undefined;
    let offset = 0;
    for (const b of this.batches) {
      if (weight) weight.set(b.weight ?? new Float64Array(b.yTrue.rows).fill(1), offset);
      offset += b.yTrue.rows;
    }
    try {
      return this.score(concatenate(this.batches, 'yTrue', rows), concatenate(this.batches, 'yPred', rows), weight);
    } catch (error) {
      // The function names itself; the message should name the metric and method.
      if (error instanceof Error) throw new Error(error.message.replace(/^\w+: /, `${fn}: `));
      throw error;
    }
  }

  protected clear(): void {
    this.batches = [];
  }
}

/** One side of every batch as one input: 1-D for one column, else rows. */
function concatenate(batches: HostBatch[], side: 'yTrue' | 'yPred', rows: number): ValuesInput {
  const columns = batches[0]![side].columns;
  const data = new Float64Array(rows * columns);
  let offset = 0;
  for (const b of batches) {
    data.set(b[side].data, offset);
    offset += b[side].data.length;
  }
  if (columns === 1) return data;
  return Array.from({ length: rows }, (_, i) => data.subarray(i * columns, (i + 1) * columns));
}
