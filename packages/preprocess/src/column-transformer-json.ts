import { type ResolvedColumnTransformerOptions, resolveOptions } from './column-transformer-options.js';
import type { ColumnTransformerJSON } from './column-transformer-types.js';

const OWNER = 'ColumnTransformer.fromJSON';

/** The state arrays of each transformer type, one value per column it was fitted on. */
const STATE_ARRAYS: Record<string, readonly string[]> = {
  SimpleImputer: ['statistics'],
  StandardScaler: ['mean', 'var', 'scale', 'nSamplesSeen'],
  MinMaxScaler: ['dataMin', 'dataMax', 'scale', 'min'],
};

/**
 * Checks a {@link ColumnTransformerJSON} as far as a reader can: its format and version, its
 * options (as the constructor checks them), and that the fitted state fits them (one entry per
 * column, the imputer and scaler types the options name). Errors name the field at fault.
 */
export function readColumnTransformerJSON(json: ColumnTransformerJSON): { options: ResolvedColumnTransformerOptions; fitted: ColumnTransformerJSON['fitted'] } {
  if (!isRecord(json) || json.format !== 'lab-column-transformer') throw new Error(`${OWNER}: not a column transformer (expected format 'lab-column-transformer', got ${describe(isRecord(json) ? json.format : json)})`);
  if (json.version !== 1) throw new Error(`${OWNER}: unsupported version ${describe(json.version)}; this reader knows version 1`);
  const options = resolveOptions({ columns: json.columns, numeric: json.numeric, categorical: json.categorical });
  const fitted = json.fitted;
  if (fitted === null) return { options, fitted };
  if (!isRecord(fitted)) throw new Error(`${OWNER}: fitted must be an object or null, got ${describe(fitted)}`);
  const { rows } = fitted;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`${OWNER}: fitted.rows must be an integer >= 1, got ${describe(rows)}`);
  const nNumeric = options.columns.filter((c) => c.kind !== 'categorical').length;
  const nCategorical = options.columns.length - nNumeric;
  present('fitted.numeric', fitted.numeric, nNumeric > 0);
  present('fitted.categorical', fitted.categorical, nCategorical > 0);
  if (fitted.numeric) {
    const { missing, imputer, scaler } = fitted.numeric;
    counts('fitted.numeric.missing', missing, nNumeric, rows);
    const { impute, scale } = options.numeric;
    const kept = impute === 'constant' ? nNumeric : missing.filter((m) => m < rows).length;
    transformerJSON('fitted.numeric.imputer', imputer, impute === 'knn' ? 'KNNImputer' : 'SimpleImputer', nNumeric);
    if (imputer.type === 'SimpleImputer') {
      const strategy = impute === 'most_frequent' ? 'mostFrequent' : impute;
      if (imputer.params.strategy !== strategy) throw new Error(`${OWNER}: fitted.numeric.imputer has strategy ${describe(imputer.params.strategy)}, but numeric.impute is '${impute}'`);
    } else if (imputer.params.nNeighbors !== options.numeric.nNeighbors) {
      throw new Error(`${OWNER}: fitted.numeric.imputer has nNeighbors ${describe(imputer.params.nNeighbors)}, but numeric.nNeighbors is ${options.numeric.nNeighbors}`);
    }
    if (scale === 'none') present('fitted.numeric.scaler', scaler, false);
    else transformerJSON('fitted.numeric.scaler', scaler, scale === 'minmax' ? 'MinMaxScaler' : 'StandardScaler', kept);
  }
  if (fitted.categorical) {
    const { missing, fill, categories } = fitted.categorical;
    counts('fitted.categorical.missing', missing, nCategorical, rows);
    if (!Array.isArray(fill) || fill.length !== nCategorical || !fill.every((f) => f === null || typeof f === 'string')) {
      throw new Error(`${OWNER}: fitted.categorical.fill must hold ${nCategorical} strings or nulls, got ${describe(fill)}`);
    }
    const kept = fill.filter((f) => f !== null).length;
    const sorted = (c: unknown) => Array.isArray(c) && c.length > 0 && c.every((v, i) => typeof v === 'string' && (i === 0 || c[i - 1] < v));
    if (!Array.isArray(categories) || categories.length !== kept || !categories.every(sorted)) {
      throw new Error(`${OWNER}: fitted.categorical.categories must hold ${kept} non-empty sorted lists of distinct strings (one per column with a fill value), got ${describe(categories)}`);
    }
  }
  return { options, fitted };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function present(field: string, value: unknown, wanted: boolean): void {
  if (wanted && !isRecord(value)) throw new Error(`${OWNER}: ${field} must be an object (the columns have that kind), got ${describe(value)}`);
  if (!wanted && value !== null) throw new Error(`${OWNER}: ${field} must be null (no column needs it), got ${describe(value)}`);
}

function counts(field: string, value: unknown, length: number, rows: number): asserts value is number[] {
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => Number.isInteger(v) && v >= 0 && v <= rows)) {
    throw new Error(`${OWNER}: ${field} must hold ${length} integers from 0 to ${rows} (fitted.rows), got ${describe(value)}`);
  }
}

/** Checks a transformer's JSON: its type, a fitted state, and `columns` entries in its state arrays. */
function transformerJSON(field: string, value: unknown, type: string, columns: number): void {
  if (!isRecord(value) || value.type !== type) throw new Error(`${OWNER}: ${field} must be a fitted ${type}, got ${describe(isRecord(value) ? value.type : value)}`);
  if (!isRecord(value.params) || !isRecord(value.state)) throw new Error(`${OWNER}: ${field} must have params and a fitted state, got ${describe(value)}`);
  const state = value.state;
  const arrays = type === 'KNNImputer' ? [] : STATE_ARRAYS[type]!;
  for (const key of arrays) {
    const a = state[key];
    if (!Array.isArray(a) || a.length !== columns || !a.every((v) => v === null || typeof v === 'number')) {
      throw new Error(`${OWNER}: ${field}.state.${key} must hold ${columns} numbers, got ${describe(a)}`);
    }
  }
  if (type === 'KNNImputer') {
    const rowsOk = Array.isArray(state.fitX) && state.fitX.length > 0 && state.fitX.every((r) => Array.isArray(r) && r.length === columns && r.every((v) => v === null || typeof v === 'number'));
    if (state.nFeaturesIn !== columns || !rowsOk) throw new Error(`${OWNER}: ${field}.state must hold nFeaturesIn ${columns} and fitX, rows of ${columns} numbers or nulls`);
  }
}
