import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { DEFAULT_MISSING } from '../cells.js';
import { type CsvReadOptions, csvError, csvLine, csvRow, formatCsv, parseCsv } from '../csv.js';
import { formatJsonTable, parseJsonTable } from '../json-table.js';
import type { Table } from '../table.js';
import { TableBuilder } from '../table-builder.js';
import { formatTxt, parseTxt, TxtReader, txtRow } from '../txt.js';

/** A table file's format, from its extension unless given. */
export type TableFormat = 'csv' | 'txt' | 'json';

/** Options of the table file functions. */
export interface TableFileOptions extends Omit<CsvReadOptions, 'source'> {
  /** The format; default from the extension (`.csv`, `.tsv` (tab-delimited CSV), `.txt`/`.dat`, `.json`). */
  format?: TableFormat;
}

/** The format of `path`, or an error naming it. */
export function tableFormat(path: string, format?: TableFormat): TableFormat {
  if (format) return format;
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.txt' || ext === '.dat') return 'txt';
  if (ext === '.json') return 'json';
  throw new Error(`${path}: cannot tell the table format from the extension "${ext}"; use .csv, .tsv, .txt or .json, or pass format`);
}

function delimiterFor(path: string, options: TableFileOptions): string {
  return options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ',');
}

/** Reads a whole CSV, TXT or JSON file into a {@link Table}. Errors name the file, line and column. */
export async function readTableFile(path: string, options: TableFileOptions = {}): Promise<Table> {
  const format = tableFormat(path, options.format);
  const text = await readFile(path, 'utf8');
  const source = basename(path);
  switch (format) {
    case 'csv':
      return parseCsv(text, { ...options, delimiter: delimiterFor(path, options), source });
    case 'txt':
      return parseTxt(text, { missing: options.missing, source });
    case 'json':
      return parseJsonTable(text, source);
  }
}

/** Writes `table` to `path` atomically (a temporary file renamed into place), as CSV, TXT or JSON. */
export async function writeTableFile(path: string, table: Table, options: TableFileOptions = {}): Promise<void> {
  const format = tableFormat(path, options.format);
  const text = format === 'csv' ? formatCsv(table, { delimiter: delimiterFor(path, options) }) : format === 'txt' ? formatTxt(table) : formatJsonTable(table);
  const temp = tempPath(path);
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Options of {@link convertTableFile}. */
export interface ConvertTableOptions extends TableFileOptions {
  /** Format of the output; default from its extension. */
  outputFormat?: TableFormat;
}

/**
 * Converts a CSV or TXT file to CSV or TXT row by row, so files larger than memory stream through;
 * values are kept exactly (numbers printed in their shortest round-trip form). The output appears
 * only when the whole input converted: it is written to a temporary file and renamed, and a bad
 * row (named by file, line and column) leaves nothing behind. JSON goes through
 * {@link readTableFile} / {@link writeTableFile} (not streamed). Resolves to the row count.
 */
export async function convertTableFile(input: string, output: string, options: ConvertTableOptions = {}): Promise<number> {
  const from = tableFormat(input, options.format);
  const to = tableFormat(output, options.outputFormat);
  if (from === 'json' || to === 'json') {
    const table = await readTableFile(input, options);
    await writeTableFile(output, table, { ...options, format: to, delimiter: undefined });
    return table.columns[0]?.length ?? 0;
  }
  if (to === 'txt' && (options.stringColumns?.length ?? 0) > 0) {
    throw new Error(`${output}: TXT holds numbers only; cannot write the text columns ${options.stringColumns!.join(', ')}`);
  }
  const temp = tempPath(output);
  const out = createWriteStream(temp);
  // Write errors (a missing folder, a full disk) reject the awaits below through 'error'.
  let writeError: unknown;
  out.on('error', (error) => {
    writeError ??= error;
  });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  const outDelimiter = extname(output).toLowerCase() === '.tsv' ? '\t' : ',';
  const source = basename(input);
  let rows = 0;
  let builder: TableBuilder | undefined;
  const emit = async (names: string[], values: (number | string | null)[]) => {
    if (rows === 0) await write(to === 'csv' ? csvLine(names, outDelimiter) : formatTxt({ names, columns: names.map(() => new Float64Array(0)) }).trimEnd());
    const table = { names, columns: values.map((v) => (typeof v === 'number' ? Float64Array.of(v) : [v])) };
    await write(to === 'csv' ? csvLine(csvRow(table, 0), outDelimiter) : txtRow(table, 0));
    rows++;
  };
  try {
    if (from === 'csv') {
      const parser = createReadStream(input).pipe(parse({ bom: true, delimiter: delimiterFor(input, options), info: true, relax_column_count: true, skip_empty_lines: true }));
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          if (!builder) {
            const header = options.header ?? true;
            const names = header ? record : record.map((_, c) => `x${c}`);
            builder = new TableBuilder(names, options.stringColumns ?? [], options.missing ?? DEFAULT_MISSING, source);
            if (header) continue;
          }
          await emit(builder.names, builder.parseRow(record, info.lines));
        }
      } catch (error) {
        throw (error as { code?: string }).code?.startsWith('CSV_') ? csvError(error, source) : error;
      }
    } else {
      const reader = new TxtReader({ missing: options.missing, source });
      for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Number.POSITIVE_INFINITY })) {
        const values = reader.line(line);
        if (values) await emit(reader.names!, values);
      }
    }
    out.end();
    if (!out.writableFinished) await once(out, 'finish');
    if (writeError) throw writeError;
    await rename(temp, output);
    return rows;
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

function tempPath(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}
