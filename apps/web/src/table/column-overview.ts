import { type ColumnKind, inferColumnKinds, KIND_MISSING, type Table } from '@lab/preprocess';

/** What the page shows of one column before training. */
export interface ColumnOverview {
  name: string;
  /** The kind `TablePreprocessing.fit` gives the column (inferColumnKinds, without overrides). */
  kind: ColumnKind;
  /** Missing cells: NaN, null, or one of inferColumnKinds' own markers. */
  missing: number;
  /** Distinct present values. */
  distinct: number;
  /** Up to three distinct present values, as text, in order of first appearance. */
  examples: string[];
}

/**
 * Each column of `table` (as `readTableText` read it, the user's missing markers already
 * null) with the kind the column transformer will give it, its missing count and a few values.
 */
export function columnOverview(table: Table): ColumnOverview[] {
  const kinds = inferColumnKinds(table);
  const markers = new Set(KIND_MISSING);
  return table.names.map((name, c) => {
    const column = table.columns[c]!;
    const present: string[] = [];
    for (const v of column) {
      if (v === null || (typeof v === 'number' && Number.isNaN(v)) || (typeof v === 'string' && markers.has(v.trim()))) continue;
      present.push(String(v));
    }
    const distinct = [...new Set(present)];
    return { name, kind: kinds[c]!.kind, missing: column.length - present.length, distinct: distinct.length, examples: distinct.slice(0, 3) };
  });
}
