import { clip, parseCell } from './cells.js';
import type { Table } from './table.js';

/**
 * Collects rows of cells into a {@link Table}, checking each against the header: a row of the
 * wrong length or a non-numeric cell in a numeric column is an error naming `source`, the line
 * and the column. Used by every reader, streaming or not.
 */
export class TableBuilder {
  private readonly numeric: number[][];
  private readonly text: (string | null)[][];
  private readonly isText: boolean[];

  /**
   * @param names the column names
   * @param stringColumns names of the columns kept as text
   * @param missing cells read as missing
   * @param source the file name or kind, first in error messages
   */
  constructor(
    readonly names: string[],
    stringColumns: readonly string[],
    private readonly missing: readonly string[],
    private readonly source: string,
  ) {
    for (const name of stringColumns) {
      if (!names.includes(name)) throw new Error(`${source}: stringColumns names "${clip(name)}", which is not a column (${clip(names.join(', '), 200)})`);
    }
    this.isText = names.map((n) => stringColumns.includes(n));
    this.numeric = names.map(() => []);
    this.text = names.map(() => []);
  }

  /** Checks one row of cells (1-based `line` for errors) and returns it as numbers and text. */
  parseRow(cells: readonly string[], line: number): (number | string | null)[] {
    if (cells.length !== this.names.length) {
      throw new Error(`${this.source}: line ${line} has ${cells.length} fields; the header has ${this.names.length}`);
    }
    return cells.map((cell, c) => {
      if (this.isText[c]) return this.missing.includes(cell.trim()) ? null : cell;
      const value = parseCell(cell, this.missing);
      if (value === undefined) {
        throw new Error(`${this.source}: line ${line}, column ${c + 1} ("${clip(this.names[c]!)}"): ${JSON.stringify(clip(cell))} is not a number; list the column in stringColumns to keep it as text`);
      }
      return value;
    });
  }

  /** Checks and adds one row. */
  add(cells: readonly string[], line: number): void {
    this.push(this.parseRow(cells, line));
  }

  /** Adds one row that {@link TableBuilder.parseRow} returned. */
  push(values: readonly (number | string | null)[]): void {
    values.forEach((v, c) => {
      if (this.isText[c]) this.text[c]!.push(v as string | null);
      else this.numeric[c]!.push(v as number);
    });
  }

  /** The table so far. */
  build(): Table {
    return { names: [...this.names], columns: this.names.map((_, c) => (this.isText[c] ? this.text[c]! : Float64Array.from(this.numeric[c]!))) };
  }
}
