import { once } from 'node:events';
import { basename, extname } from 'node:path';
import { checkOptions } from '@lab/core';
import { checkRegularFile, readRegularFile, writeFileAtomic, writeStreamAtomic } from '@lab/core/node';
import { CSV_READ_OPTIONS, type CsvReadOptions, csvLine, csvRow, formatCsv, parseCsv } from '../csv.js';
import { formatJsonTable, parseJsonTable } from '../json-table.js';
import { TABLE_FORMAT } from '../option-constraints.js';
import type { Table } from '../table.js';
import { formatTxt, parseTxt, txtRow } from '../txt.js';
import { eachTableRow } from './table-rows.js';

/** A table file's format, from its extension unless given. */
export type TableFormat = 'csv' | 'txt' | 'json';

/** Options of the table file functions. */
export interface TableFileOptions extends Omit<CsvReadOptions, 'source'> {
  /** The format; default from the extension (`.csv`, `.tsv` (tab-delimited CSV), `.txt`/`.dat`, `.json`). */
  format?: TableFormat;
}

// Every option of every table file function, as @lab/core's constraints (source comes from the path).
const { source: _source, ...CSV_FILE_OPTIONS } = CSV_READ_OPTIONS;
const FILE_OPTIONS = { ...CSV_FILE_OPTIONS, format: TABLE_FORMAT };

/** Runs a formatter, naming `path` in its error (a name TXT cannot hold, a name JSON records repeat). */
function named<T>(path: string, format: () => T): T {
  try {
    return format();
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
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
  checkOptions('readTableFile', options, FILE_OPTIONS);
  const { format: given, ...csv } = options;
  // A folder or a device is named as such before its (missing) extension is.
  await checkRegularFile(path, { what: 'the table' });
  const format = tableFormat(path, given);
  const text = new TextDecoder().decode(await readRegularFile(path, { what: 'the table' }));
  const source = basename(path);
  switch (format) {
    case 'csv':
      return parseCsv(text, { ...csv, delimiter: delimiterFor(path, options), source });
    case 'txt':
      return parseTxt(text, { missing: options.missing, source });
    case 'json':
      return parseJsonTable(text, source);
  }
}

/** Writes `table` to `path` atomically (a temporary file renamed into place), as CSV, TXT or JSON. */
export async function writeTableFile(path: string, table: Table, options: TableFileOptions = {}): Promise<void> {
  checkOptions('writeTableFile', options, FILE_OPTIONS);
  const format = tableFormat(path, options.format);
  const text = named(path, () => (format === 'csv' ? formatCsv(table, { delimiter: delimiterFor(path, options) }) : format === 'txt' ? formatTxt(table) : formatJsonTable(table)));
  await writeFileAtomic(path, text);
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
  checkOptions('convertTableFile', options, { ...FILE_OPTIONS, outputFormat: TABLE_FORMAT });
  const { outputFormat, ...readOptions } = options;
  const from = tableFormat(input, options.format);
  const to = tableFormat(output, outputFormat);
  if (from === 'json' || to === 'json') {
    const table = await readTableFile(input, readOptions);
    await writeTableFile(output, table, { format: to });
    return table.columns[0]?.length ?? 0;
  }
  if (to === 'txt' && (options.stringColumns?.length ?? 0) > 0) {
    throw new Error(`${output}: TXT holds numbers only; cannot write the text columns ${options.stringColumns!.join(', ')}`);
  }
  const outDelimiter = extname(output).toLowerCase() === '.tsv' ? '\t' : ',';
  await checkRegularFile(input, { what: 'the input table' });
  return writeStreamAtomic(output, async (out) => {
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain'); // rejects if the stream errors meanwhile
    };
    let headerWritten = false;
    const header = async (names: string[]) => {
      if (headerWritten) return;
      headerWritten = true;
      await write(to === 'csv' ? csvLine(names, outDelimiter) : named(output, () => formatTxt({ names, columns: names.map(() => new Float64Array(0)) }).trimEnd()));
    };
    let names: string[] = [];
    // A header-only CSV converts to a header-only output, not to an empty file.
    const { delimiter, header: hasHeader, stringColumns, missing } = options;
    const rows = await eachTableRow(input, from, { delimiter, header: hasHeader, stringColumns, missing }, {
      header: async (read) => {
        names = read;
        if (from === 'csv' && (options.header ?? true)) await header(names);
      },
      row: async (values) => {
        await header(names);
        const table = { names, columns: values.map((v) => (typeof v === 'number' ? Float64Array.of(v) : [v])) };
        await write(to === 'csv' ? csvLine(csvRow(table, 0), outDelimiter) : txtRow(table, 0));
      },
    });
    return rows;
  });
}

