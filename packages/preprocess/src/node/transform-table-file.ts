import { once } from 'node:events';
import { basename, extname } from 'node:path';
import { array, checkOptions, integer, string } from '@lab/core';
import { writeStreamAtomic } from '@lab/core/node';
import { clip, DEFAULT_MISSING, formatCell } from '../cells.js';
import { csvLine } from '../csv.js';
import { missingTest } from '../matrix.js';
import { MaxAbsScaler } from '../max-abs-scaler.js';
import { MinMaxScaler } from '../min-max-scaler.js';
import { MARKER } from '../option-constraints.js';
import { SimpleImputer, median, mostFrequent } from '../simple-imputer.js';
import { StandardScaler } from '../standard-scaler.js';
import { formatTxt } from '../txt.js';
import { eachTableRow } from './table-rows.js';
import { tableFormat } from './table-file.js';

/** What {@link transformTableFile} can fit in two passes over a file. */
export type StreamableTransformer = SimpleImputer | StandardScaler | MinMaxScaler | MaxAbsScaler;

/** Options of {@link transformTableFile}. */
export interface TransformTableFileOptions {
  /** Field separator of a CSV; default by extension (`,`, or tab for `.tsv`). */
  delimiter?: string;
  /** Cells read as missing; default `''`, `NA`, `NaN`, `nan`, `N/A`. */
  missing?: readonly string[];
  /** Rows handed to the transformer at a time; default 16,384. Memory grows with it, never with the file. */
  chunkRows?: number;
}

/** What {@link transformTableFile} did. */
export interface TransformTableFileResult {
  /** Data rows read and written. */
  rows: number;
  /** The input's column names. */
  names: string[];
  /** The output's column names: the input's, less the entirely missing columns an imputer drops. */
  kept: string[];
}

/** Whether {@link transformTableFile} can fit `transformer` (KNN imputation and robust scaling need every row at once). */
export function isStreamable(transformer: unknown): transformer is StreamableTransformer {
  return transformer instanceof SimpleImputer || transformer instanceof StandardScaler || transformer instanceof MinMaxScaler || transformer instanceof MaxAbsScaler;
}

/**
 * Fits `transformer` on a numeric CSV/TSV or TXT file and writes the transformed table, in two
 * streaming passes over the input, so a file of any size goes through in memory that does not
 * grow with its row count: the first pass fits, the second transforms `chunkRows` rows at a time.
 *
 * The fit equals `transformer.fit` on the whole table: `SimpleImputer`'s mean sums in row order
 * as it does (bit-equal), median and most-frequent keep each column's present values (8 bytes a
 * cell, the one strategy whose memory grows with the file); the scalers fit by `partialFit` over
 * the chunks, scikit-learn's incremental rules (`MinMaxScaler`, `MaxAbsScaler` bit-equal,
 * `StandardScaler` to rounding). ±Infinity in the input is an error naming the line and column;
 * so is an output that is not finite where the input was, and a file that changes between the
 * passes. The output is written to a temporary file and renamed into place, so a failure leaves
 * nothing behind. Resolves to the counts and names.
 */
export async function transformTableFile(
  input: string,
  output: string,
  transformer: StreamableTransformer,
  options: TransformTableFileOptions = {},
): Promise<TransformTableFileResult> {
  checkOptions('transformTableFile', options, TRANSFORM_OPTIONS);
  if (!isStreamable(transformer)) {
    throw new Error(`transformTableFile: ${(transformer as object)?.constructor?.name ?? typeof transformer} cannot be fitted in two passes; read the table with readTableFile and use fit`);
  }
  const from = tableFormat(input);
  const to = tableFormat(output);
  if (from === 'json' || to === 'json') throw new Error(`transformTableFile: JSON tables are not streamed (${from === 'json' ? input : output}); use readTableFile and writeTableFile`);
  const chunkRows = options.chunkRows ?? 16_384;
  const read = { delimiter: options.delimiter, missing: options.missing ?? DEFAULT_MISSING };
  const source = basename(input);

  // Pass 1: fit.
  let names: string[] = [];
  let cols = 0;
  let fit: ColumnFit | undefined;
  const chunk = new Chunk(chunkRows);
  const rows = await eachTableRow(input, from, read, {
    header: (read) => {
      names = read;
      cols = names.length;
      chunk.reset(cols);
      fit =
        transformer instanceof SimpleImputer
          ? new ImputerFit(transformer, cols)
          : transformer instanceof StandardScaler
            ? new ScalerFit(transformer)
            : new RangeFit(transformer, cols);
    },
    row: (values, line) => {
      chunk.add(values as number[], (c) => `${source}: line ${line}, column ${c + 1} ("${clip(names[c]!)}")`);
      if (chunk.full) fit!.add(chunk.flush());
    },
  });
  if (rows === 0) throw new Error(`${source}: the table has no data rows (only a header, or nothing), so there is nothing to fit`);
  if (chunk.count > 0) fit!.add(chunk.flush());
  const fitted = fit!.done();

  // Pass 2: transform and write.
  const keep = fitted instanceof SimpleImputer ? Array.from(fitted.statistics_!, (s) => !Number.isNaN(s)) : names.map(() => true);
  const kept = names.filter((_, c) => keep[c]);
  const delimiter = extname(output).toLowerCase() === '.tsv' ? '\t' : ',';
  await writeStreamAtomic(output, async (out) => {
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain'); // rejects if the stream errors meanwhile
    };
    await write(to === 'csv' ? `${csvLine(kept, delimiter)}\n` : formatTxt({ names: kept, columns: kept.map(() => new Float64Array(0)) }));
    let written = 0;
    const flush = async () => {
      const first = written;
      const x = chunk.flush();
      const y = fitted.transform(x) as { data: Float64Array; shape: readonly [number, number] };
      const width = y.shape[1];
      let text = '';
      for (let r = 0; r < y.shape[0]; r++) {
        const fields: string[] = new Array(width);
        for (let c = 0; c < width; c++) {
          const v = y.data[r * width + c]!;
          // NaN only where a value was missing (scalers pass missing values through, as
          // scikit-learn does); anything else non-finite is an overflow, never an empty cell.
          if (!Number.isFinite(v) && !(Number.isNaN(v) && Number.isNaN(x.data[r * cols + originalColumn(keep, c)]!))) {
            throw new Error(`${source}: ${fitted.constructor.name} produced ${v} in data row ${first + r + 1}, column ${originalColumn(keep, c) + 1}; nothing was written`);
          }
          fields[c] = formatCell(v, to === 'csv' ? '' : 'nan');
        }
        text += to === 'csv' ? `${csvLine(fields, delimiter)}\n` : `${fields.join(' ')}\n`;
      }
      written += y.shape[0];
      await write(text);
    };
    chunk.reset(cols);
    const again = await eachTableRow(input, from, read, {
      header: (read) => {
        if (read.length !== cols || read.some((n, c) => n !== names[c])) throw new Error(`${source}: the file changed while it was read (its header is not the one read first)`);
      },
      row: async (values, line) => {
        chunk.add(values as number[], (c) => `${source}: line ${line}, column ${c + 1} ("${clip(names[c]!)}")`);
        if (chunk.full) await flush();
      },
    });
    if (chunk.count > 0) await flush();
    if (again !== rows) throw new Error(`${source}: the file changed while it was read (${rows} data rows, then ${again})`);
  });
  return { rows, names, kept };
}

const TRANSFORM_OPTIONS = { delimiter: MARKER, missing: array(string()), chunkRows: integer({ min: 1 }) };

/** The input column of output column `c` when `keep` drops some. */
function originalColumn(keep: readonly boolean[], c: number): number {
  for (let i = 0, seen = -1; i < keep.length; i++) if (keep[i] && ++seen === c) return i;
  return c;
}

/** Rows gathered into one row-major float64 block. */
class Chunk {
  private data = new Float64Array(0);
  private cols = 0;
  count = 0;

  constructor(private readonly capacity: number) {}

  reset(cols: number): void {
    this.cols = cols;
    this.count = 0;
    if (this.data.length !== this.capacity * cols) this.data = new Float64Array(this.capacity * cols);
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Adds a row, refusing ±Infinity (`where(c)` names the cell). */
  add(values: readonly number[], where: (c: number) => string): void {
    const offset = this.count * this.cols;
    for (let c = 0; c < this.cols; c++) {
      const v = values[c]!;
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new Error(`${where(c)}: ${v} is not a finite number; fix or remove it (values beyond ±1.8e308 read as infinite)`);
      }
      this.data[offset + c] = v;
    }
    this.count++;
  }

  /** The rows so far as a matrix (a view, valid until the next `add`), and empties the chunk. */
  flush(): { data: Float64Array; shape: [number, number] } {
    const rows = this.count;
    this.count = 0;
    return { data: this.data.subarray(0, rows * this.cols), shape: [rows, this.cols] };
  }
}

/** Fits a transformer from chunks of rows. */
interface ColumnFit {
  add(x: { data: Float64Array; shape: [number, number] }): void;
  done(): StreamableTransformer;
}

/** `StandardScaler` fit by `partialFit`, chunk by chunk (scikit-learn's NaN-aware incremental mean and variance). */
class ScalerFit implements ColumnFit {
  constructor(private readonly scaler: StandardScaler) {}

  add(x: { data: Float64Array; shape: [number, number] }): void {
    this.scaler.partialFit(x);
  }

  done(): StreamableTransformer {
    return this.scaler;
  }
}

/** `SimpleImputer`'s statistics as its `fit` computes them, from rows seen once, in order. */
class ImputerFit implements ColumnFit {
  private readonly sums: Float64Array;
  private readonly counts: Float64Array;
  private readonly present: Float64Array[];
  private readonly lengths: number[];
  private rowsSeen = 0;

  constructor(
    private readonly imputer: SimpleImputer,
    private readonly cols: number,
  ) {
    this.sums = new Float64Array(cols);
    this.counts = new Float64Array(cols);
    const keepValues = imputer.options.strategy === 'median' || imputer.options.strategy === 'mostFrequent';
    this.present = Array.from({ length: keepValues ? cols : 0 }, () => new Float64Array(1024));
    this.lengths = new Array(cols).fill(0);
  }

  add(x: { data: Float64Array; shape: [number, number] }): void {
    const { missingValues } = this.imputer.options;
    const missing = missingTest(missingValues);
    for (let i = 0; i < x.data.length; i++) {
      const v = x.data[i]!;
      if (missing(v)) continue;
      if (Number.isNaN(v)) {
        const row = this.rowsSeen + Math.floor(i / this.cols);
        throw new Error(`SimpleImputer.fit: X has NaN at row ${row}, column ${i % this.cols}; only finite values and the missingValues marker (${missingValues}) are allowed`);
      }
      const c = i % this.cols;
      this.sums[c]! += v;
      this.counts[c]! += 1;
      const values = this.present[c];
      if (values) {
        if (this.lengths[c] === values.length) {
          const grown = new Float64Array(values.length * 2);
          grown.set(values);
          this.present[c] = grown;
        }
        this.present[c]![this.lengths[c]!++] = v;
      }
    }
    this.rowsSeen += x.shape[0];
  }

  done(): StreamableTransformer {
    const { strategy, keepEmptyFeatures, fillValue } = this.imputer.options;
    const statistics = Array.from({ length: this.cols }, (_, c) => {
      if (strategy === 'constant') return fillValue;
      if (this.counts[c] === 0) return keepEmptyFeatures ? 0 : Number.NaN;
      if (strategy === 'mean') return this.sums[c]! / this.counts[c]!;
      const values = this.present[c]!.subarray(0, this.lengths[c]);
      return strategy === 'median' ? median(values) : mostFrequent(values);
    });
    // The imputer itself is fitted, as `fit` leaves it (the caller may save it).
    this.imputer.statistics_ = Float64Array.from(statistics);
    this.imputer.nFeaturesIn_ = this.cols;
    this.imputer.featureNamesIn_ = undefined;
    return this.imputer;
  }
}

/**
 * `MinMaxScaler` and `MaxAbsScaler` from each column's NaN-ignoring minimum and maximum over all
 * rows, which is all their `fit` reads. Not `partialFit`: scikit-learn's combines batches with
 * numpy's `minimum`, so a batch whose column is all missing would make that column's range NaN.
 */
class RangeFit implements ColumnFit {
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private rows = 0;

  constructor(
    private readonly scaler: MinMaxScaler | MaxAbsScaler,
    private readonly cols: number,
  ) {
    this.low = new Float64Array(cols).fill(Number.NaN);
    this.high = new Float64Array(cols).fill(Number.NaN);
  }

  add(x: { data: Float64Array; shape: [number, number] }): void {
    for (let i = 0; i < x.data.length; i++) {
      const v = x.data[i]!;
      if (Number.isNaN(v)) continue;
      const c = i % this.cols;
      if (!(v >= this.low[c]!)) this.low[c] = v;
      if (!(v <= this.high[c]!)) this.high[c] = v;
    }
    this.rows += x.shape[0];
  }

  done(): StreamableTransformer {
    // The extremes as the rows of a matrix: fit derives the same statistics from them as from
    // the whole table; only the count of samples seen is the table's.
    const extremes = new Float64Array(2 * this.cols);
    extremes.set(this.low, 0);
    extremes.set(this.high, this.cols);
    this.scaler.fit({ data: extremes, shape: [2, this.cols] });
    this.scaler.nSamplesSeen_ = this.rows;
    return this.scaler;
  }
}
