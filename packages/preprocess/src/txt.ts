import { array, checkOptions, string } from '@lab/core';
import { clip, DEFAULT_MISSING, formatCell } from './cells.js';
import { MARKER } from './option-constraints.js';
import type { Table } from './table.js';
import { rowCount } from './table.js';
import { TableBuilder } from './table-builder.js';

/** Options of {@link parseTxt}. */
export interface TxtReadOptions {
  /** Starts a comment, to the end of the line; default `#`, as `numpy.loadtxt`. */
  comments?: string;
  /** Column names; default: the words of the last comment line before the data when there are as many as columns (what `formatTxt` and `savetxt(header=…)` write), else `x0`, `x1`, …. */
  names?: readonly string[];
  /** Cells read as missing; default `''`, `NA`, `NaN`, `nan`, `N/A`. */
  missing?: readonly string[];
  /** Name of the file, first in error messages; default `TXT`. */
  source?: string;
}

/**
 * Whitespace-delimited numbers, as `numpy.loadtxt` reads them, into a numeric {@link Table}:
 * comments and blank lines skipped, every data line with the same count of numbers. Errors name
 * the line and column.
 */
export function parseTxt(text: string, options: TxtReadOptions = {}): Table {
  checkOptions('parseTxt', options, { comments: MARKER, names: array(string()), missing: array(string()), source: string() });
  const reader = new TxtReader(options);
  // A lone CR ends a line too, as in numpy.loadtxt and in the streaming reader (node:readline).
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) reader.line(line);
  return reader.table();
}

/** Reads TXT line by line, for {@link parseTxt} and streaming readers. */
export class TxtReader {
  private builder: TableBuilder | undefined;
  private lastComment: string[] = [];
  private lineNumber = 0;

  /**
   * @param options as {@link parseTxt}
   * @param collect keep the rows for {@link TxtReader.table} (default true); a streaming reader
   *   passes false, so that memory does not grow with the file
   */
  constructor(
    private readonly options: TxtReadOptions = {},
    private readonly collect = true,
  ) {}

  /** The 1-based number of the last line read. */
  get lastLine(): number {
    return this.lineNumber;
  }

  /** The table's column names, once the first data line is read. */
  get names(): string[] | undefined {
    return this.builder?.names;
  }

  /** Reads one line (without its line break); returns its numbers when it is a data line. */
  line(line: string): number[] | undefined {
    this.lineNumber++;
    const comments = this.options.comments ?? '#';
    const at = line.indexOf(comments);
    const data = (at >= 0 ? line.slice(0, at) : line).trim();
    if (data === '') {
      if (at >= 0) this.lastComment = line.slice(at + comments.length).trim().split(/\s+/).filter(Boolean);
      return undefined;
    }
    const cells = data.split(/\s+/);
    if (!this.builder) {
      const names = this.options.names ? [...this.options.names] : this.lastComment.length === cells.length ? this.lastComment : cells.map((_, c) => `x${c}`);
      this.builder = new TableBuilder(names, [], this.options.missing ?? DEFAULT_MISSING, this.options.source ?? 'TXT');
    }
    const row = this.builder.parseRow(cells, this.lineNumber) as number[];
    if (this.collect) this.builder.push(row);
    return row;
  }

  /** Everything read so far. */
  table(): Table {
    return this.builder?.build() ?? { names: [...(this.options.names ?? [])], columns: (this.options.names ?? []).map(() => new Float64Array(0)) };
  }
}

/**
 * A numeric {@link Table} as `numpy.savetxt`-style text: a `# name name …` header line, then one
 * line of space-separated numbers per row, each printed so that it parses back to the same
 * float64; missing as `nan`. Text columns are an error naming them (TXT holds numbers only).
 */
export function formatTxt(table: Table): string {
  table.columns.forEach((column, c) => {
    if (!(column instanceof Float64Array)) throw new Error(`formatTxt: column ${c} ("${clip(table.names[c]!)}") holds text; TXT holds numbers only`);
    if (/\s/.test(table.names[c]!)) throw new Error(`formatTxt: column name ${JSON.stringify(clip(table.names[c]!))} has whitespace, which TXT headers cannot hold`);
  });
  const lines = [`# ${table.names.join(' ')}`];
  for (let r = 0; r < rowCount(table); r++) lines.push(txtRow(table, r));
  return lines.map((l) => `${l}\n`).join('');
}

/** Row `r` of a numeric table as one TXT line. */
export function txtRow(table: Table, r: number): string {
  return table.columns.map((column) => formatCell((column as Float64Array)[r]!, 'nan')).join(' ');
}
