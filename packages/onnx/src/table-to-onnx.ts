import { coerceTable, KIND_MISSING, rowCount, type Table, type TablePreprocessing } from '@lab/preprocess';
import { type GraphBuilder, ML_DOMAIN } from './graph-builder.js';
import { DataType } from './onnx-proto.js';

/** How one raw table column enters the exported graph. */
export interface TableInput {
  /** The graph input's name: the column's name. */
  name: string;
  /** `float` ([N, 1], NaN = missing) for numeric and date columns, `string` ([N, 1]) for categorical and boolean ones. */
  type: 'float' | 'string';
  /** What the input holds, for the export's summary. */
  doc: string;
}

/** Boolean cells, lower-cased, as lab reads them (see `parseBoolean`). */
const BOOLEANS: [string, number][] = [
  ['true', 1],
  ['yes', 1],
  ['1', 1],
  ['false', 0],
  ['no', 0],
  ['0', 0],
];

/**
 * Appends a table model's preprocessing: one graph input per feature column, named as the
 * column, and the nodes that turn raw cells into the model's features exactly as
 * `TablePreprocessing.transform` does — numeric block `Concat → Imputer → Scaler` (ai.onnx.ml),
 * each categorical column `LabelEncoder` (category → index, missing markers → the fill's index,
 * unknown → −1) `→ OneHotEncoder(zeros = 1)` (unknown → all zeros, scikit-learn's
 * `handle_unknown='ignore'`), joined by `Concat` in `getFeatureNamesOut()` order. Boolean cells go
 * through a LabelEncoder to 0/1 (true/yes/1, false/no/0 in any case; anything else reads as
 * missing); a date column takes lab's reading of the date, the fractional UTC year (ONNX has no
 * date parser). `missing` adds cells read as missing in categorical columns (the CLI's
 * `--missing`), besides lab's own markers. KNN imputation has no ONNX operator: it is an error
 * naming the step. Returns the features' name (`[N, features]`, float) and the inputs made.
 */
export function appendTablePreprocessing(g: GraphBuilder, pre: TablePreprocessing, missing: readonly string[] = []): { features: string; inputs: TableInput[]; width: number } {
  const json = pre.transformer.toJSON();
  const { numeric: numericOptions } = json;
  const summary = pre.transformer.summary();
  const inputs: TableInput[] = pre.columns.map((c) => ({
    name: c.name,
    type: c.kind === 'categorical' || c.kind === 'boolean' ? 'string' : 'float',
    doc:
      c.kind === 'categorical'
        ? `text; missing: ${[...KIND_MISSING, ...missing].map((m) => (m === '' ? 'empty' : m)).join(', ')}`
        : c.kind === 'boolean'
          ? 'text true/yes/1 or false/no/0, any case; anything else is missing'
          : c.kind === 'date'
            ? "the date as a fractional UTC year (lab's reading of ISO dates: 1970-07-02T12:00 → 1970.5); NaN = missing"
            : 'number; NaN = missing',
  }));
  for (const input of inputs) g.input(input.name, input.type === 'float' ? DataType.FLOAT : DataType.STRING, ['N', 1], `${input.name}: ${input.doc}`);

  const numeric = summary.columns.filter((c) => c.kind !== 'categorical' && !c.dropped);
  const categorical = summary.columns.filter((c) => c.kind === 'categorical' && !c.dropped);
  const blocks: string[] = [];
  if (numeric.length > 0) {
    if (numericOptions.impute === 'knn') {
      throw new Error(
        "ONNX export: the table's numeric imputer is k-nearest neighbours (impute 'knn'), which no ONNX operator computes; retrain with impute 'mean', 'median' or 'most_frequent', or export the model without its preprocessing (it then takes the transformed features)",
      );
    }
    const values = numeric.map((c) => (c.kind === 'boolean' ? booleanToFloat(g, c.name) : c.name));
    const joined = values.length === 1 ? values[0]! : g.op('Concat', values, { axis: { int: 1 } }, { base: 'numeric/concat' });
    let block = g.op('Imputer', [joined], { imputed_value_floats: { floats: numeric.map((c) => Number(c.fill)) }, replaced_value_float: { float: Number.NaN } }, {
      domain: ML_DOMAIN,
      base: 'numeric/imputer',
      type: { elemType: DataType.FLOAT, dims: ['N', numeric.length] },
    });
    if (numericOptions.scale === 'standard') {
      block = g.op('Scaler', [block], { offset: { floats: numeric.map((c) => c.mean!) }, scale: { floats: numeric.map((c) => 1 / c.scale!) } }, { domain: ML_DOMAIN, base: 'numeric/scaler', type: { elemType: DataType.FLOAT, dims: ['N', numeric.length] } });
    } else if (numericOptions.scale === 'minmax') {
      // MinMaxScaler computes x·scale_ + min_, i.e. (x − (−min_ / scale_))·scale_.
      const state = json.fitted?.numeric?.scaler?.state as { scale: number[]; min: number[] };
      block = g.op('Scaler', [block], { offset: { floats: state.min.map((m, k) => -m / state.scale[k]!) }, scale: { floats: state.scale } }, { domain: ML_DOMAIN, base: 'numeric/scaler', type: { elemType: DataType.FLOAT, dims: ['N', numeric.length] } });
    }
    blocks.push(block);
  }
  for (const c of categorical) {
    const categories = c.categories!;
    const fillIndex = categories.indexOf(String(c.fill));
    const markers = [...new Set([...KIND_MISSING, ...missing])].filter((m) => !categories.includes(m));
    const keys = [...categories, ...markers];
    const index = g.op(
      'LabelEncoder',
      [c.name],
      { keys_strings: { strings: keys }, values_int64s: { ints: keys.map((k, i) => (i < categories.length ? i : fillIndex)) }, default_int64: { int: -1 } },
      { domain: ML_DOMAIN, base: `${c.name}/index`, type: { elemType: DataType.INT64, dims: ['N', 1] } },
    );
    const hot = g.op('OneHotEncoder', [index], { cats_int64s: { ints: categories.map((_, i) => i) }, zeros: { int: 1 } }, { domain: ML_DOMAIN, base: `${c.name}/one_hot`, type: { elemType: DataType.FLOAT, dims: ['N', 1, categories.length] } });
    blocks.push(g.op('Reshape', [hot, g.int64s(`${c.name}/shape`, [0, categories.length])], {}, { base: `${c.name}/features` }));
  }
  if (blocks.length === 0) throw new Error('ONNX export: the table preprocessing keeps no feature (every column was entirely missing at fit)');
  const features = blocks.length === 1 ? blocks[0]! : g.op('Concat', blocks, { axis: { int: 1 } }, { base: 'features' });
  return { features, inputs, width: summary.features };
}

/** Every upper/lower-case spelling of `word` (`no`, `No`, `nO`, `NO`). */
function caseVariants(word: string): string[] {
  return [...word].reduce<string[]>((acc, ch) => acc.flatMap((prefix) => [...new Set([prefix + ch.toLowerCase(), prefix + ch.toUpperCase()])]), ['']);
}

/**
 * A boolean column's text cells as 1, 0 or NaN (missing), `[N, 1]` float: a LabelEncoder over
 * every case spelling of lab's boolean words (ONNX's StringNormalizer would need the machine to
 * have an en_US locale, so the spellings are listed instead).
 */
function booleanToFloat(g: GraphBuilder, column: string): string {
  const pairs = BOOLEANS.flatMap(([word, v]) => caseVariants(word).map((k) => [k, v] as const));
  return g.op(
    'LabelEncoder',
    [column],
    { keys_strings: { strings: pairs.map(([k]) => k) }, values_floats: { floats: pairs.map(([, v]) => v) }, default_float: { float: Number.NaN } },
    { domain: ML_DOMAIN, base: `${column}/value`, type: { elemType: DataType.FLOAT, dims: ['N', 1] } },
  );
}

/**
 * The graph inputs of an exported table model for the rows of `table` (raw cells, as read from a
 * CSV or JSON file): numeric and date columns as lab reads them (float32, NaN = missing; a date
 * as its fractional UTC year), categorical and boolean ones as their text (`''` for a missing
 * cell), each `[rows, 1]`; `missing` adds missing markers, as for the export. What to give ONNX Runtime (`new ort.Tensor(type, data, dims)`).
 */
export function tableFeeds(pre: TablePreprocessing, table: Table, missing: readonly string[] = []): Record<string, { type: 'float32' | 'string'; data: Float32Array | string[]; dims: [number, number] }> {
  const rows = rowCount(table);
  const feeds: ReturnType<typeof tableFeeds> = {};
  for (const spec of pre.columns) {
    const index = table.names.indexOf(spec.name);
    if (index < 0) throw new Error(`tableFeeds: the table lacks the column '${spec.name}' that the model needs`);
    const column = table.columns[index]!;
    if (spec.kind === 'categorical' || spec.kind === 'boolean') {
      const text = Array.from(column as ArrayLike<number | string | null>, (v) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v)));
      feeds[spec.name] = { type: 'string', data: text, dims: [rows, 1] };
    } else {
      const coerced = coerceTable({ names: [spec.name], columns: [column] }, [spec], { missing: { [spec.name]: missing } }).columns[0] as Float64Array;
      feeds[spec.name] = { type: 'float32', data: Float32Array.from(coerced), dims: [rows, 1] };
    }
  }
  return feeds;
}
