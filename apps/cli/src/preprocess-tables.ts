import { stat } from 'node:fs/promises';
import {
  DEFAULT_MISSING,
  KNNImputer,
  MinMaxScaler,
  parseCell,
  Pipeline,
  rowsToTable,
  SimpleImputer,
  StandardScaler,
  tableToRows,
  type Transformer,
} from '@lab/preprocess';
import { convertTableFile, isStreamable, readTableFile, transformTableFile } from '@lab/preprocess/node';
import { writeFileAtomic } from '@lab/core/node';
import { UsageError } from './errors.js';
import { writeTableOutput } from './preprocess-pipeline.js';

/** Options of `lab preprocess impute`. */
export interface ImputeOptions {
  strategy: 'mean' | 'median' | 'most-frequent' | 'constant' | 'knn';
  fillValue?: number;
  neighbors: number;
  weights: 'uniform' | 'distance';
  /** The output table, or `-` for CSV on stdout. */
  output: string;
  savePipeline?: string;
}

/** Options of `lab preprocess scale`. */
export interface ScaleOptions {
  method: 'standard' | 'minmax';
  /** The output table, or `-` for CSV on stdout. */
  output: string;
  savePipeline?: string;
}

/**
 * CSV/TSV/TXT files larger than this (bytes; `LAB_PREPROCESS_STREAM_BYTES` overrides it) are
 * imputed and scaled in two streaming passes over the file instead of being read whole.
 */
export const STREAM_BYTES = 32 * 1024 * 1024;

function streamBytes(): number {
  const given = process.env.LAB_PREPROCESS_STREAM_BYTES;
  if (given === undefined || given === '') return STREAM_BYTES;
  const bytes = Number(given);
  if (!(Number.isInteger(bytes) && bytes >= 0)) throw new UsageError(`LAB_PREPROCESS_STREAM_BYTES must be a whole number of bytes, got ${JSON.stringify(given)}`);
  return bytes;
}

/** Fits `transformer` on a numeric table file and writes the transformed table (atomically). */
async function transformTable(input: string, output: string, name: string, transformer: Transformer, savePipeline?: string): Promise<string> {
  const large = await largeTextTable(input);
  if (large !== undefined) return streamTable(input, output, name, transformer, large, savePipeline);
  // Text columns are told from numbers by their cells, so the message below can name them.
  const table = await readTableFile(input, { inferTypes: true }).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  const textColumn = table.columns.findIndex((column) => !(column instanceof Float64Array));
  if (textColumn >= 0) {
    const column = table.columns[textColumn] as (string | null)[];
    const r = column.findIndex((cell) => cell !== null && parseCell(cell, DEFAULT_MISSING) === undefined);
    const where = /\.(csv|tsv)$/i.test(input) ? `line ${r + 2}, column ${textColumn + 1}` : `row ${r + 1}, column ${textColumn + 1}`;
    throw new UsageError(
      `${input}: ${where} ("${clip(table.names[textColumn]!)}"): ${quoteCell(column[r]!)} is not a number; lab preprocess ${name} takes numeric tables ` +
        `(lab train --data ${input} --target COLUMN imputes, scales and one-hot encodes a table with text columns)`,
    );
  }
  const rows = tableToRows(table);
  if (rows.length === 0) throw new UsageError(`${input}: the table has no data rows (only a header, or nothing), so there is nothing to fit`);
  const cell = firstInfinite(rows);
  if (cell) {
    const [r, c] = cell;
    throw new UsageError(`${input}: data row ${r + 1}, column ${c + 1} ("${clip(table.names[c] ?? '')}") is ${rows[r]![c]}, not a finite number; fix or remove it (values beyond ±1.8e308 read as infinite)`);
  }
  const out = transformer.fitTransform(rows) as number[][];
  // NaN stays only where a value was missing (scalers pass missing values through, as scikit-learn
  // does); anything else non-finite is an overflow or a bug, never written as an empty cell.
  const made = out.findIndex((row, r) => row.some((v, c) => !Number.isFinite(v) && !(Number.isNaN(v) && Number.isNaN(rows[r]![c]!))));
  if (made >= 0) throw new UsageError(`${input}: ${name} produced a non-finite value in data row ${made + 1}; nothing was written`);
  // Imputers drop columns that were entirely missing, as scikit-learn does; drop their names too.
  const kept = out[0] && out[0].length < table.names.length ? table.names.filter((_, c) => rows.some((r) => !Number.isNaN(r[c]))) : table.names;
  await writeTableOutput(output, rowsToTable(out, kept));
  if (savePipeline) await writeFileAtomic(savePipeline, `${JSON.stringify(new Pipeline([[name, transformer]]), null, 2)}\n`, { mkdir: true });
  const dropped = table.names.length - kept.length;
  return `${input} → ${output}: ${rows.length} rows, ${kept.length} columns${dropped ? ` (${dropped} entirely missing column${dropped > 1 ? 's' : ''} dropped)` : ''}`;
}

/** The size of `input` when it is a CSV/TSV/TXT file above the streaming threshold. */
async function largeTextTable(input: string): Promise<number | undefined> {
  if (!/\.(csv|tsv|txt|dat)$/i.test(input)) return undefined;
  const info = await stat(input).catch(() => undefined);
  // Anything but a large regular file takes the whole-file path, whose reader names the problem.
  return info?.isFile() && info.size > streamBytes() ? info.size : undefined;
}

/** {@link transformTable} for a large file: two streaming passes (`transformTableFile`). */
async function streamTable(input: string, output: string, name: string, transformer: Transformer, bytes: number, savePipeline?: string): Promise<string> {
  const size = `${(bytes / 1e6).toFixed(1)} MB`;
  if (output === '-') throw new UsageError(`${input}: ${size} streams through a temporary file beside the output; -o - (stdout) takes tables up to ${(streamBytes() / 1e6).toFixed(0)} MB, so give -o FILE`, 2);
  if (!isStreamable(transformer)) {
    throw new UsageError(
      `${input}: ${size} is too large to impute with --strategy knn, which needs every row in memory at once (and time growing with the square of the rows); ` +
        'use --strategy mean, median, most-frequent or constant, which stream through a file of any size',
    );
  }
  const result = await transformTableFile(input, output, transformer).catch((error: Error) => {
    // The library names its own option; say it in this command's terms.
    throw new UsageError(
      error.message.replace(
        '; list the column in stringColumns to keep it as text',
        `; lab preprocess ${name} takes numeric tables (lab train --data ${input} --target COLUMN imputes, scales and one-hot encodes a table with text columns)`,
      ),
    );
  });
  if (savePipeline) await writeFileAtomic(savePipeline, `${JSON.stringify(new Pipeline([[name, transformer]]), null, 2)}\n`, { mkdir: true });
  const dropped = result.names.length - result.kept.length;
  return (
    `${input} → ${output}: ${result.rows} rows, ${result.kept.length} columns${dropped ? ` (${dropped} entirely missing column${dropped > 1 ? 's' : ''} dropped)` : ''}` +
    ` (${size}, streamed in two passes)`
  );
}

/** `lab preprocess impute`: SimpleImputer (mean, median, most frequent, constant) or KNNImputer. */
export async function runImpute(input: string, options: ImputeOptions): Promise<string> {
  const transformer =
    options.strategy === 'knn'
      ? new KNNImputer({ nNeighbors: options.neighbors, weights: options.weights })
      : new SimpleImputer({
          strategy: options.strategy === 'most-frequent' ? 'mostFrequent' : options.strategy,
          ...(options.fillValue === undefined ? {} : { fillValue: options.fillValue }),
        });
  return transformTable(input, options.output, 'impute', transformer, options.savePipeline);
}

/** `lab preprocess scale`: StandardScaler or MinMaxScaler. */
export async function runScale(input: string, options: ScaleOptions): Promise<string> {
  const transformer = options.method === 'standard' ? new StandardScaler() : new MinMaxScaler();
  return transformTable(input, options.output, 'scale', transformer, options.savePipeline);
}

/** `lab preprocess convert`: CSV, TSV, TXT and JSON tables into each other, by extension. */
export async function runConvert(input: string, output: string): Promise<string> {
  if (output === '-') {
    const table = await readTableFile(input).catch((error: Error) => {
      throw new UsageError(error.message);
    });
    await writeTableOutput(output, table);
    return `${input} → stdout: ${table.columns[0]?.length ?? 0} rows`;
  }
  const rows = await convertTableFile(input, output).catch((error: Error) => {
    throw new UsageError(error.message);
  });
  return `${input} → ${output}: ${rows} rows`;
}

/** The first [row, column] holding ±Infinity, if any (NaN is a missing value, and allowed). */
function firstInfinite(rows: number[][]): [number, number] | undefined {
  for (const [r, row] of rows.entries()) {
    const c = row.findIndex((v) => v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY);
    if (c >= 0) return [r, c];
  }
  return undefined;
}

/** A cell quoted for a message, cut with its length said when long (`"111…" (1000001 characters)`). */
function quoteCell(cell: string): string {
  return cell.length > 40 ? `"${cell.slice(0, 37)}… (${cell.length} characters)"` : JSON.stringify(cell);
}

/** A cell or name cut for a message. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
