import path from 'node:path';
import { closest } from '@lab/core';
import { writeFileAtomic } from '@lab/core/node';
import { type ColumnKind, type ColumnSpec, ColumnTransformer, type ColumnTransformerJSON, formatCsv, inferColumnKinds, Pipeline, type PipelineJSON, rowCount, type Table } from '@lab/preprocess';
import { writeTableFile } from '@lab/preprocess/node';
import { InvalidArgumentError } from 'commander';
import { UsageError } from './errors.js';
import { readInput } from './read-input.js';
import { readTableInput } from './table/table-source.js';

// `lab preprocess run` fits impute → scale → one-hot (scikit-learn's ColumnTransformer, from
// @lab/preprocess) on a table and writes the result in one command; `--save-pipeline` keeps the
// fitted pipeline and `lab preprocess apply --pipeline FILE` applies it to new rows (or applies
// the pipeline that `impute` / `scale --save-pipeline` saved).

/** The imputers `impute:STRATEGY` names (the CLI's spelling: `most-frequent`). */
export const RUN_IMPUTERS = ['mean', 'median', 'most-frequent', 'constant', 'knn'] as const;
/** The scalers `scale:METHOD` names. */
export const RUN_SCALERS = ['standard', 'minmax', 'none'] as const;

/** `--steps impute:median,scale:standard,onehot:city`, parsed. */
export interface Steps {
  /** As given, for the log and the saved pipeline. */
  text: string;
  impute?: (typeof RUN_IMPUTERS)[number];
  scale?: (typeof RUN_SCALERS)[number];
  /** `onehot` (every text column: true) or `onehot:COLUMN` (those columns, made categorical). */
  onehot?: true | string[];
}

const STEP_HELP = 'impute:mean|median|most-frequent|constant|knn, scale:standard|minmax|none, onehot (every text column) or onehot:COLUMN (repeatable)';

/** A commander parser for `--steps`: each step once, impute before scale (scikit-learn's order), known names and values. */
export function stepList(value: string): Steps {
  const steps: Steps = { text: value };
  const seen: string[] = [];
  for (const entry of value.split(',').map((s) => s.trim())) {
    const at = entry.indexOf(':');
    const [name, arg] = at < 0 ? [entry, undefined] : [entry.slice(0, at), entry.slice(at + 1)];
    const bad = (why: string) => new InvalidArgumentError(`--steps: '${entry}' ${why}; steps are ${STEP_HELP}`);
    if (name === 'onehot') {
      if (arg === '') throw bad('names no column');
      if (arg === undefined) {
        if (steps.onehot !== undefined) throw bad('is given twice');
        steps.onehot = true;
      } else {
        if (steps.onehot === true) throw bad('adds a column to a bare onehot, which already takes every text column');
        steps.onehot = [...(steps.onehot ?? []), arg];
      }
      continue;
    }
    if (name !== 'impute' && name !== 'scale') throw bad('is not a step');
    if (seen.includes(name)) throw bad('is given twice');
    if (name === 'impute' && seen.includes('scale')) throw bad('comes after scale; impute first, then scale (scikit-learn fits its pipeline in that order)');
    seen.push(name);
    const choices: readonly string[] = name === 'impute' ? RUN_IMPUTERS : RUN_SCALERS;
    if (arg === undefined || !choices.includes(arg)) throw bad(`needs one of ${choices.map((c) => `${name}:${c}`).join(', ')}`);
    if (name === 'impute') steps.impute = arg as Steps['impute'];
    else steps.scale = arg as Steps['scale'];
  }
  return steps;
}

/** Options of `lab preprocess run`. */
export interface RunOptions {
  steps: Steps;
  output: string;
  fillValue?: number;
  neighbors: number;
  savePipeline?: string;
  missing?: string[];
  kinds?: Record<string, ColumnKind>;
}

/** Options of `lab preprocess apply`. */
export interface ApplyOptions {
  pipeline: string;
  output: string;
}

/** What `lab preprocess run --save-pipeline` writes: the fitted ColumnTransformer and how the table was read. */
export interface TablePipelineJSON {
  format: 'lab-table-pipeline';
  version: 1;
  /** The `--steps` it was fitted with. */
  steps: string;
  /** The cell values read as missing besides the defaults (`--missing`). */
  missing: string[];
  transformer: ColumnTransformerJSON;
}

/** Writes `table` to `output`: a file (format from its extension, atomically) or, for `-`, CSV on stdout. */
export async function writeTableOutput(output: string, table: Table): Promise<void> {
  if (output === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(formatCsv(table), (error) => (error ? reject(error) : resolve())));
    return;
  }
  await writeTableFile(output, table).catch((error: Error) => {
    throw new UsageError(error.message);
  });
}

/** The first missing cell of `table` (a NaN or a null) as `line L, column C ("name")`, with the count. */
function missingCells(table: Table, file: string): { count: number; first?: string } {
  let count = 0;
  let first: string | undefined;
  const lineOf = (r: number) => (/\.(csv|tsv)$/i.test(file) ? `line ${r + 2}` : `row ${r + 1}`);
  table.columns.forEach((column, c) => {
    for (let r = 0; r < column.length; r++) {
      const cell = column[r];
      if (cell === null || (typeof cell === 'number' && Number.isNaN(cell))) {
        count++;
        first ??= `${lineOf(r)}, column ${c + 1} ("${table.names[c]}")`;
      }
    }
  });
  return { count, first };
}

/** `lab preprocess run`: fits the steps on `input` and writes the transformed table; returns the summary line. */
export async function runPipeline(input: string, options: RunOptions): Promise<string> {
  const { steps } = options;
  if (options.fillValue !== undefined && steps.impute !== 'constant') throw new UsageError('--fill-value applies only with impute:constant in --steps', 2);
  const read = await readTableInput(input, options.missing);
  const named = steps.onehot === true ? [] : (steps.onehot ?? []);
  for (const name of named) {
    if (read.table.names.includes(name)) continue;
    const hint = closest(name, read.table.names);
    throw new UsageError(`--steps onehot:${name}: ${input} has no column '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; its columns are ${read.table.names.join(', ')}`, 2);
  }
  const kinds = { ...options.kinds, ...Object.fromEntries(named.map((n) => [n, 'categorical' as const])) };
  let columns: ColumnSpec[];
  try {
    columns = inferColumnKinds(read.table, { kinds });
  } catch (error) {
    throw new UsageError(`${input}: ${(error as Error).message.replace(/^inferColumnKinds: kinds/, '--kinds')}`, 2);
  }
  const categorical = columns.filter((c) => c.kind === 'categorical').map((c) => c.name);
  const uncovered = steps.onehot === true ? [] : categorical.filter((c) => !named.includes(c));
  if (uncovered.length > 0) {
    throw new UsageError(
      `${input}: the column${uncovered.length > 1 ? 's' : ''} ${uncovered.map((c) => `'${c}'`).join(', ')} ${uncovered.length > 1 ? 'hold' : 'holds'} categories (text, or --kinds); ` +
        `add onehot (every such column) or onehot:${uncovered[0]} to --steps, or --kinds ${uncovered[0]}=numeric if it is a number`,
      2,
    );
  }
  if (steps.onehot === true && categorical.length === 0) throw new UsageError(`${input}: onehot in --steps, but no column holds categories; name one with onehot:COLUMN`, 2);
  const missing = missingCells(read.table, input);
  if (missing.count > 0 && steps.impute === undefined) {
    throw new UsageError(`${input}: ${missing.count} cell${missing.count > 1 ? 's are' : ' is'} missing (the first at ${missing.first}); add impute:STRATEGY to --steps (${RUN_IMPUTERS.join(', ')})`, 2);
  }
  const impute = steps.impute === 'most-frequent' ? 'most_frequent' : (steps.impute ?? 'mean');
  const transformer = new ColumnTransformer({
    columns,
    numeric: {
      impute,
      scale: steps.scale ?? 'none',
      ...(impute === 'constant' && options.fillValue !== undefined ? { fillValue: options.fillValue } : {}),
      ...(impute === 'knn' ? { nNeighbors: options.neighbors } : {}),
    },
  });
  let out: Table;
  try {
    out = transformer.fit(read.table).transformTable(read.table);
  } catch (error) {
    throw new UsageError(`${input}: ${(error as Error).message}`);
  }
  await writeTableOutput(options.output, out);
  if (options.savePipeline) {
    const saved: TablePipelineJSON = { format: 'lab-table-pipeline', version: 1, steps: steps.text, missing: options.missing ?? [], transformer: transformer.toJSON() };
    await writeFileAtomic(options.savePipeline, `${JSON.stringify(saved, null, 2)}\n`, { mkdir: true });
  }
  const where = options.output === '-' ? 'stdout' : options.output;
  const filled = missing.count > 0 ? `, ${missing.count} missing cell${missing.count > 1 ? 's' : ''} imputed` : '';
  return `${input} → ${where}: ${rowCount(read.table)} rows, ${columns.length} columns → ${out.names.length} features (${steps.text}${filled})${options.savePipeline ? `; pipeline saved to ${options.savePipeline}` : ''}`;
}

/** Reads a pipeline file: `lab preprocess run`'s, or the `Pipeline` JSON of `impute` / `scale --save-pipeline`. */
async function readPipeline(file: string): Promise<{ kind: 'table'; json: TablePipelineJSON; transformer: ColumnTransformer } | { kind: 'numeric'; pipeline: Pipeline }> {
  const text = (await readInput(file, { what: 'the --pipeline file', maxBytes: 256 * 2 ** 20 })).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`, 2);
  }
  const format = (json as { format?: unknown; type?: unknown } | null) ?? {};
  try {
    if (format.format === 'lab-table-pipeline') {
      const saved = json as TablePipelineJSON;
      if (saved.version !== 1) throw new Error(`version ${String(saved.version)} is not one this lab reads (1)`);
      if (!Array.isArray(saved.missing)) throw new Error('missing must be an array of cell values');
      return { kind: 'table', json: saved, transformer: ColumnTransformer.fromJSON(saved.transformer) };
    }
    if (format.type === 'Pipeline') return { kind: 'numeric', pipeline: Pipeline.fromJSON(json as PipelineJSON) };
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`, 2);
  }
  throw new UsageError(`${file}: not a pipeline (lab preprocess run --save-pipeline, or impute / scale --save-pipeline, write one)`, 2);
}

/** `lab preprocess apply`: transforms `input` with a saved, fitted pipeline; returns the summary line. */
export async function runApply(input: string, options: ApplyOptions): Promise<string> {
  const saved = await readPipeline(options.pipeline);
  const read = await readTableInput(input, saved.kind === 'table' ? saved.json.missing : []);
  const where = options.output === '-' ? 'stdout' : options.output;
  const table = read.table;
  let out: Table;
  let note = '';
  if (saved.kind === 'table') {
    const wanted = saved.json.transformer.columns.map((c) => c.name);
    const absent = wanted.filter((name) => !table.names.includes(name));
    if (absent.length > 0) {
      throw new UsageError(`${input}: lacks the column${absent.length > 1 ? 's' : ''} ${absent.map((n) => `'${n}'`).join(', ')} that ${path.basename(options.pipeline)} was fitted on; it takes ${wanted.join(', ')}`, 2);
    }
    const extra = table.names.filter((name) => !wanted.includes(name));
    if (extra.length > 0) note = `; left out ${extra.map((n) => `'${n}'`).join(', ')}, not in the pipeline`;
    try {
      out = saved.transformer.transformTable(table);
    } catch (error) {
      throw new UsageError(`${input}: ${(error as Error).message}`);
    }
  } else {
    const text = table.columns.findIndex((c) => !(c instanceof Float64Array));
    if (text >= 0) throw new UsageError(`${input}: column ${text + 1} ("${table.names[text]}") holds text; ${path.basename(options.pipeline)} (from impute or scale) takes numeric tables`, 2);
    out = table;
    try {
      // Each step maps a table to a table, so the names follow (an imputer drops the columns it dropped when fitted).
      for (const [, step] of saved.pipeline.steps) out = step.transform(out);
    } catch (error) {
      throw new UsageError(`${input}: ${(error as Error).message}`);
    }
  }
  await writeTableOutput(options.output, out);
  return `${input} → ${where}: ${rowCount(table)} rows → ${out.names.length} columns, with the pipeline ${options.pipeline}${note}`;
}
