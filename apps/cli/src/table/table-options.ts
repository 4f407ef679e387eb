import type { ColumnKind } from '@lab/preprocess';
import { InvalidArgumentError } from 'commander';

/** How numeric columns' missing values are filled (`--impute`). */
export const IMPUTE_STRATEGIES = ['mean', 'median', 'most_frequent', 'knn'] as const;
/** How numeric columns are scaled (`--scale`). */
export const SCALERS = ['standard', 'minmax', 'none'] as const;
/** What a table's target asks for (`--task`). */
export const TASKS = ['auto', 'classification', 'regression'] as const;

/** The table flags of `lab train` and `lab cv`. */
export interface TableFlags {
  /** `--target COLUMN`: the column to predict; given with a table file as `--data`. */
  target?: string;
  /** `--ignore COL,COL`: columns left out of the features. */
  ignore?: string[];
  task?: (typeof TASKS)[number];
  impute?: (typeof IMPUTE_STRATEGIES)[number];
  scale?: (typeof SCALERS)[number];
  /** `--test-size F`: the held-out share of a table (default 0.3, the lesson's 70/30). */
  testSize?: number;
  /** `--missing M,M`: more cell values read as missing (besides empty, NA, NaN, null, N/A). */
  missing?: string[];
  /** `--kinds COL=KIND,…`: column kinds instead of the inferred ones. */
  kinds?: Record<string, ColumnKind>;
}

/** The column kinds `--kinds` takes. */
export const COLUMN_KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'date'];

/** A commander parser for `--kinds Year=categorical,Cylinders=categorical`. */
export function kindList(flag: string) {
  return (value: string): Record<string, ColumnKind> => {
    const kinds: Record<string, ColumnKind> = {};
    for (const entry of value.split(',')) {
      const at = entry.lastIndexOf('=');
      const [name, kind] = [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
      if (at <= 0 || !(COLUMN_KINDS as readonly string[]).includes(kind)) {
        throw new InvalidArgumentError(`${flag} takes COLUMN=KIND pairs, comma-separated, KIND one of ${COLUMN_KINDS.join(', ')}; got '${entry}'`);
      }
      kinds[name] = kind as ColumnKind;
    }
    return kinds;
  };
}

/** The table options a run folder's config.json keeps. */
export const TABLE_CONFIG_KEYS = ['target', 'ignore', 'task', 'impute', 'scale', 'testSize', 'missing', 'kinds'] as const;

/** A commander parser for a comma-separated list of names (`Name,Year`), each non-empty. */
export function nameList(flag: string) {
  return (value: string): string[] => {
    const names = value.split(',').map((n) => n.trim());
    if (names.some((n) => n === '')) throw new InvalidArgumentError(`${flag} takes comma-separated column names, got '${value}'`);
    return names;
  };
}

/** A commander parser for a comma-separated list of cell values (`.,?`); empty entries are kept out. */
export function markerList(flag: string) {
  return (value: string): string[] => {
    const markers = value.split(',').filter((m) => m !== '');
    if (markers.length === 0) throw new InvalidArgumentError(`${flag} takes comma-separated cell values read as missing, got '${value}'`);
    return markers;
  };
}
