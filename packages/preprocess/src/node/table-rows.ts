import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import { checkRegularFile } from '@lab/core/node';
import { CsvError, parse } from 'csv-parse';
import { DEFAULT_MISSING } from '../cells.js';
import { type CsvReadOptions, csvError } from '../csv.js';
import { TableBuilder } from '../table-builder.js';
import { TxtReader } from '../txt.js';

/** What {@link eachTableRow} calls, in file order, awaiting each call before it reads on. */
export interface TableRowVisitor {
  /** Once, with the column names, before any row (for a CSV with a header, also when it has no rows). */
  header(names: string[]): void | Promise<void>;
  /** Each data row: a number (NaN when missing) per numeric column, text or null per text column, and its 1-based line. */
  row(values: (number | string | null)[], line: number): void | Promise<void>;
}

/** Options of {@link eachTableRow}: the CSV reading options (the delimiter defaults by extension). */
export type TableRowOptions = Omit<CsvReadOptions, 'source' | 'inferTypes'>;

/**
 * Reads a CSV/TSV or TXT file row by row, streaming: memory stays the same whatever the file's
 * size. Rows are checked as the whole-file readers check them (field count, numbers, errors naming
 * the file, line and column). Resolves to the number of data rows.
 */
export async function eachTableRow(path: string, format: 'csv' | 'txt', options: TableRowOptions, visit: TableRowVisitor): Promise<number> {
  await checkRegularFile(path, { what: 'the table' });
  const source = basename(path);
  let rows = 0;
  if (format === 'txt') {
    const reader = new TxtReader({ missing: options.missing, source }, false);
    // Decoded by the stream, not by readline: readline drops a trailing incomplete UTF-8 sequence
    // (the whole-file reader reads it as U+FFFD).
    for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY })) {
      const values = reader.line(line);
      if (!values) continue;
      if (rows === 0) await visit.header(reader.names!);
      rows++;
      await visit.row(values, reader.lastLine);
    }
    return rows;
  }
  const delimiter = options.delimiter ?? (extname(path).toLowerCase() === '.tsv' ? '\t' : ',');
  const parser = createReadStream(path).pipe(parse({ bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true }));
  let builder: TableBuilder | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!builder) {
        const header = options.header ?? true;
        const names = header ? record : record.map((_, c) => `x${c}`);
        builder = new TableBuilder(names, options.stringColumns ?? [], options.missing ?? DEFAULT_MISSING, source);
        await visit.header(builder.names);
        if (header) continue;
      }
      rows++;
      await visit.row(builder.parseRow(record, info.lines), info.lines);
    }
  } catch (error) {
    // Every csv-parse error, whatever its code (INVALID_OPENING_QUOTE has no CSV_ prefix).
    throw error instanceof CsvError || (error as { code?: string }).code?.startsWith('CSV_') ? csvError(error, source) : error;
  }
  return rows;
}
