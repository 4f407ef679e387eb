import { array, checkOptions, integer, number, object, oneOf, string } from '@lab/core';
import { clip } from './cells.js';
import type { ColumnKind, ColumnSpec } from './column-kinds.js';

/** How {@link ColumnTransformer} treats numeric (and boolean and date) columns: impute, then scale. */
export interface NumericColumnOptions {
  /** scikit-learn's `SimpleImputer` strategy, or `knn` for `KNNImputer`; default `mean`. */
  impute?: 'mean' | 'median' | 'most_frequent' | 'constant' | 'knn';
  /** The fill value of `impute: 'constant'`; default 0 (only with `constant`). */
  fillValue?: number;
  /** The neighbours of `impute: 'knn'`; default 5 (only with `knn`). */
  nNeighbors?: number;
  /** `standard` (`StandardScaler`, default), `minmax` (`MinMaxScaler`) or `none`. */
  scale?: 'standard' | 'minmax' | 'none';
}

/** How {@link ColumnTransformer} treats categorical columns: impute, then one-hot encode. */
export interface CategoricalColumnOptions {
  /** `most_frequent` (default; ties go to the smallest) or `constant`. */
  impute?: 'most_frequent' | 'constant';
  /** The fill value of `impute: 'constant'`; default `missing_value`, as scikit-learn's (only with `constant`). */
  fillValue?: string;
}

/** Options of {@link ColumnTransformer}. */
export interface ColumnTransformerOptions {
  /** The input columns and their kinds, in order (e.g. from `inferColumnKinds`); names distinct. */
  columns: readonly ColumnSpec[];
  /** Numeric, boolean and date columns; defaults `{ impute: 'mean', scale: 'standard' }`. */
  numeric?: NumericColumnOptions;
  /** Categorical columns; default `{ impute: 'most_frequent' }`. */
  categorical?: CategoricalColumnOptions;
}

/** Checked options with their defaults, as stored in the JSON: `fillValue` and `nNeighbors` only where they apply. */
export interface ResolvedColumnTransformerOptions {
  columns: ColumnSpec[];
  numeric: NumericColumnOptions & Required<Pick<NumericColumnOptions, 'impute' | 'scale'>>;
  categorical: CategoricalColumnOptions & Required<Pick<CategoricalColumnOptions, 'impute'>>;
}

const KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'date'];
const OWNER = 'ColumnTransformer';

/** Checks `options` (unknown names, values, options that do not apply) and fills in the defaults. */
export function resolveOptions(options: ColumnTransformerOptions): ResolvedColumnTransformerOptions {
  checkOptions(OWNER, options, { columns: array(object()), numeric: object(), categorical: object() });
  if (options?.columns === undefined) throw new Error(`${OWNER}: columns is required: the input columns and their kinds, e.g. inferColumnKinds(table)`);
  const columns = options.columns.map(({ name, kind, ...rest }, i) => {
    if (typeof name !== 'string') throw new Error(`${OWNER}: columns[${i}].name must be a string, got ${JSON.stringify(name)}`);
    if (!KINDS.includes(kind)) throw new Error(`${OWNER}: columns[${i}] ("${clip(name)}") has kind ${JSON.stringify(kind)}; the kinds are ${KINDS.join(', ')}`);
    const extra = Object.keys(rest);
    if (extra.length > 0) throw new Error(`${OWNER}: columns[${i}] ("${clip(name)}") has unknown key '${extra[0]}'; a column is { name, kind }`);
    return { name, kind };
  });
  const repeated = columns.find((c, i) => columns.findIndex((d) => d.name === c.name) !== i);
  if (repeated) throw new Error(`${OWNER}: the column "${clip(repeated.name)}" is listed more than once`);
  if (columns.length === 0) throw new Error(`${OWNER}: columns is empty; list at least one column`);

  const numeric = options.numeric ?? {};
  checkOptions(`${OWNER} numeric`, numeric, {
    impute: oneOf('mean', 'median', 'most_frequent', 'constant', 'knn'),
    fillValue: number(),
    nNeighbors: integer({ min: 1 }),
    scale: oneOf('standard', 'minmax', 'none'),
  });
  const impute = numeric.impute ?? 'mean';
  onlyWith('numeric', 'fillValue', numeric.fillValue, impute, 'constant');
  onlyWith('numeric', 'nNeighbors', numeric.nNeighbors, impute, 'knn');
  const categorical = options.categorical ?? {};
  checkOptions(`${OWNER} categorical`, categorical, { impute: oneOf('most_frequent', 'constant'), fillValue: string() });
  const catImpute = categorical.impute ?? 'most_frequent';
  onlyWith('categorical', 'fillValue', categorical.fillValue, catImpute, 'constant');
  return {
    columns,
    numeric: {
      impute,
      ...(impute === 'constant' ? { fillValue: numeric.fillValue ?? 0 } : {}),
      ...(impute === 'knn' ? { nNeighbors: numeric.nNeighbors ?? 5 } : {}),
      scale: numeric.scale ?? 'standard',
    },
    categorical: { impute: catImpute, ...(catImpute === 'constant' ? { fillValue: categorical.fillValue ?? 'missing_value' } : {}) },
  };
}

function onlyWith(block: string, option: string, value: unknown, impute: string, needed: string): void {
  if (value !== undefined && impute !== needed) throw new Error(`${OWNER} ${block}: ${option} applies only with impute: '${needed}', but impute is '${impute}'`);
}
