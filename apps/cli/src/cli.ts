import { Command, CommanderError, Help, Option } from 'commander';
import { backendLine, parseBackend, selectBackend, setVerbose } from './backend.js';
import { backendOption, dataOption, jsonOption, randomSeed, runOptionGroups, tableOptions } from './common-options.js';
import { Interrupted, UsageError } from './errors.js';
import { finiteNumber, fraction, intInRange, MAX_FILTER_SIZE, MAX_SIGMA, nonNegativeInt, openUnitInterval, positiveInt, positiveNumberUpTo } from './options.js';
import { applyConfigFile } from './config-file.js';
import { type CvOptions, runCv } from './cv.js';
import { runEvaluate } from './evaluate.js';
import { inCliTerms } from './cli-terms.js';
import { humanLog, isQuiet, setQuiet } from './human-output.js';
import { jsonLine } from './json-output.js';
import { EXPORT_FORMATS, runExport } from './export.js';
import { resolveModelDir } from './model-dir.js';
import { kindList, markerList } from './table/table-options.js';
import { type Denoise, runDenoiseFile } from './preprocess-images.js';
import { type ApplyOptions, type RunOptions, runApply, runPipeline, stepList } from './preprocess-pipeline.js';
import { type ImputeOptions, runConvert, runImpute, runScale, type ScaleOptions } from './preprocess-tables.js';
import { runPredict } from './predict.js';
import { runTrain, type TrainOptions } from './train.js';

/** Applies `--config FILE` (when given) to a command's options before its action runs. */
async function applyConfigHook(command: Command): Promise<void> {
  const file = command.opts().config as string | undefined;
  if (file) await applyConfigFile(file, command);
}

/** The options the user set (on the command line or in --config), as opposed to defaults. */
function explicitOptions(raw: object, command: Command): string[] {
  return Object.keys(raw).filter((k) => ['cli', 'config'].includes(command.getOptionValueSource(k) ?? ''));
}

/** Builds the `lab` command line; exported for tests. */
export function makeProgram(): Command {
  const program = new Command('lab')
    .description('lab: machine learning on TensorFlow.js — train, cross-validate, evaluate, predict and export on IDX image data (MNIST) or tables, and preprocess both')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Inherited by every command: an option the command cannot run without says so first.
    .configureHelp({
      optionDescription(this: Help, option: Option) {
        const text = Help.prototype.optionDescription.call(this, option);
        return option.mandatory ? `required: ${text}` : text;
      },
    })
    // Commander's own errors start as lab's do ('lab: error: …') and, since they quote the value
    // given, which can be any length, each line is cut as lab's own messages are.
    .configureOutput({ writeErr: (text) => process.stderr.write(text.replace(/^error: /, 'lab: error: ').split('\n').map((line) => shorten(line)).join('\n')) })
    .option('--verbose', 'say why the backend was chosen (what auto skipped and why)', false)
    .addOption(new Option('--quiet', 'print only results (test scores, predictions, --json), warnings and errors: no settings, progress or summaries').default(false).conflicts('verbose'))
    .hook('preAction', (program) => {
      setVerbose(program.opts().verbose === true);
      setQuiet(program.opts().quiet === true);
    })
    .exitOverride();

  const train = program
    .command('train')
    .description(
      'Train a network on MNIST and print the test accuracy: by default the lesson\'s (Flatten → Dense(128, relu) →\n' +
        'Dense(10, softmax), Adam, categorical cross-entropy); --model cnn for the Keras MNIST convnet, or an architecture file.',
    );
  for (const option of runOptionGroups()) train.addOption(option);
  train
    .option('--early-stopping <patience>', 'stop after this many epochs (an integer ≥ 0) without improvement of val_loss (loss without --validation-split), as Keras EarlyStopping', nonNegativeInt('--early-stopping'))
    .option('--reduce-lr-on-plateau <patience>', 'multiply the learning rate by --plateau-factor after this many epochs (an integer ≥ 0) without improvement (Keras ReduceLROnPlateau)', nonNegativeInt('--reduce-lr-on-plateau'))
    .option('--plateau-factor <f>', 'with --reduce-lr-on-plateau: the factor, in (0, 1)', openUnitInterval('--plateau-factor'), 0.1)
    .option('--test-size <f>', 'table: the share of rows, in [0, 1), held out for the test score (stratified for classification)', fraction('--test-size'), 0.3)
    .option('--out <dir>', 'run folder for config, metrics, checkpoints, model and report (default: runs/<timestamp>)')
    .option('--checkpoint-every <steps>', 'also write a checkpoint every N steps, an integer ≥ 1 (default: every epoch)', positiveInt('--checkpoint-every'))
    .option('--resume <dir>', 'continue an interrupted run from its last checkpoint, with its saved options')
    .option('--override', 'with --resume: continue with the options given instead of refusing those that differ from the saved run', false)
    .addOption(jsonOption())
    .hook('preAction', applyConfigHook)
    .action(async (raw: Omit<TrainOptions, 'seed'> & { seed?: number; backend: string }, command: Command) => {
      const options: TrainOptions = {
        ...raw,
        backend: parseBackend(raw.backend),
        seed: raw.seed ?? randomSeed(),
        seedGiven: raw.seed !== undefined,
        explicit: explicitOptions(raw, command),
      };
      const result = await runTrain(options, humanLog(options.json));
      if (options.json) process.stdout.write(jsonLine('train', result));
      else if (isQuiet()) process.stdout.write(testScoreLine(result));
    });
  for (const option of tableOptions()) train.addOption(option);
  const preprocess = program.command('preprocess').description('Clean data: fit a table pipeline (run) and apply it to new rows (apply); impute, scale and convert tables; denoise IDX images.');
  // The summary line goes to stdout, or to stderr when the table itself goes to stdout (-o -).
  const done = (message: string, output?: string) => void humanLog(output === '-').write(`${message}\n`);
  const outputHelp = 'the output table (CSV, TSV, TXT or JSON by extension), or - for CSV on stdout';
  preprocess
    .command('run')
    .description(
      "Fit a preprocessing pipeline on a table and write the transformed table in one command: impute, then scale numeric columns, one-hot encode categorical ones (scikit-learn's ColumnTransformer, float64). --save-pipeline keeps it for lab preprocess apply.",
    )
    .argument('<input>', 'a CSV, TSV, TXT or JSON table')
    .requiredOption('--steps <list>', 'comma-separated, in this order: impute:mean|median|most-frequent|constant|knn, scale:standard|minmax|none, onehot (every text column) or onehot:COLUMN (repeatable); categorical columns are imputed with their most frequent value', stepList)
    .requiredOption('-o, --output <file>', outputHelp)
    .option('--fill-value <v>', 'the value for impute:constant (default: 0)', finiteNumber('--fill-value'))
    .option('--neighbors <k>', 'donors for impute:knn, an integer ≥ 1', positiveInt('--neighbors'), 5)
    .option('--save-pipeline <file>', 'also save the fitted pipeline (JSON) for lab preprocess apply')
    .option('--missing <values>', 'more cell values read as missing, comma-separated (empty, NA, NaN, null, N/A always are)', markerList('--missing'))
    .option('--kinds <column=kind,...>', 'column kinds instead of the inferred ones (numeric, categorical, boolean, date), e.g. zip=categorical', kindList('--kinds'))
    .action(async (input: string, raw: RunOptions) => done(await runPipeline(input, raw), raw.output));
  preprocess
    .command('apply')
    .description('Transform a table with a saved, fitted pipeline (from lab preprocess run, impute or scale --save-pipeline), as it was fitted: new rows get the training statistics.')
    .argument('<input>', 'a CSV, TSV, TXT or JSON table with the columns the pipeline was fitted on')
    .requiredOption('--pipeline <file>', 'the pipeline JSON that --save-pipeline wrote')
    .requiredOption('-o, --output <file>', outputHelp)
    .action(async (input: string, raw: ApplyOptions) => done(await runApply(input, raw), raw.output));
  preprocess
    .command('impute')
    .description('Fill missing cells (empty, NA, NaN) of a numeric table, as scikit-learn 1.2 does.')
    .argument('<input>', 'a CSV, TSV, TXT or JSON table')
    .requiredOption('-o, --output <file>', outputHelp)
    .addOption(new Option('--strategy <s>', 'how to fill').choices(['mean', 'median', 'most-frequent', 'constant', 'knn']).default('mean'))
    .option('--fill-value <v>', 'the value for --strategy constant', finiteNumber('--fill-value'))
    .option('--neighbors <k>', 'donors for --strategy knn', positiveInt('--neighbors'), 5)
    .addOption(new Option('--weights <w>', 'donor weights for --strategy knn').choices(['uniform', 'distance']).default('uniform'))
    .option('--save-pipeline <file>', 'also save the fitted imputer as a JSON pipeline (Pipeline.fromJSON)')
    .action(async (input: string, raw: ImputeOptions) => done(await runImpute(input, raw), raw.output));
  preprocess
    .command('scale')
    .description('Standardize (zero mean, unit variance) or min-max scale each column of a numeric table.')
    .argument('<input>', 'a CSV, TSV, TXT or JSON table')
    .requiredOption('-o, --output <file>', outputHelp)
    .addOption(new Option('--method <m>', 'scaler').choices(['standard', 'minmax']).default('standard'))
    .option('--save-pipeline <file>', 'also save the fitted scaler as a JSON pipeline')
    .action(async (input: string, raw: ScaleOptions) => done(await runScale(input, raw), raw.output));
  preprocess
    .command('convert')
    .description('Convert a table between CSV, TSV, TXT (numpy.savetxt style) and JSON, row by row; formats from the extensions.')
    .argument('<input>', 'the input table')
    .requiredOption('-o, --output <file>', outputHelp)
    .action(async (input: string, raw: { output: string }) => done(await runConvert(input, raw.output), raw.output));
  preprocess
    .command('denoise')
    .description('Filter every image of an IDX image file (raw or .gz) with a mean, median or Gaussian filter (scipy.ndimage, reflect mode).')
    .argument('<input>', 'an IDX image file, e.g. train-images-idx3-ubyte.gz')
    .requiredOption('-o, --output <file>', 'the output IDX file (.gz to compress)')
    .addOption(new Option('--filter <f>', 'the filter').choices(['mean', 'median', 'gaussian']).default('median'))
    .option('--size <n>', 'window size for mean and median', intInRange('--size', 1, MAX_FILTER_SIZE), 3)
    .option('--sigma <s>', 'standard deviation for gaussian', positiveNumberUpTo('--sigma', MAX_SIGMA), 1)
    .addOption(backendOption())
    .action(async (input: string, raw: { output: string; filter: Denoise['filter']; size: number; sigma: number; backend: string }) => {
      const backend = await selectBackend(parseBackend(raw.backend));
      humanLog(true).write(backendLine(backend));
      const denoise = { filter: raw.filter, value: raw.filter === 'gaussian' ? raw.sigma : raw.size };
      done(await runDenoiseFile(input, raw.output, denoise));
    });

  const cv = program
    .command('cv')
    .description(
      "Cross-validate a model (default: the lesson's; --model cnn or a file) on the MNIST training set or a table: per-fold accuracy and macro precision, recall, F1 (a regression: RMSE, MAE, R²), with mean ± std. Takes the options of train that decide a run's numbers.",
    )
    .option('--folds <k>', 'number of stratified folds, 2 to 1000', intInRange('--folds', 2, 1000, 'cross-validation needs two folds or more'), 5);
  for (const option of runOptionGroups()) cv.addOption(option);
  cv.addOption(jsonOption())
    .hook('preAction', applyConfigHook)
    .action(async (raw: Omit<CvOptions, 'backend' | 'seed'> & { seed?: number; backend: string }, command: Command) => {
      const log = humanLog(raw.json);
      const options: CvOptions = { ...raw, backend: parseBackend(raw.backend), seed: raw.seed ?? randomSeed(), seedGiven: raw.seed !== undefined, explicit: explicitOptions(raw, command) };
      const result = await runCv(options, log);
      if (raw.json) process.stdout.write(jsonLine('cv', result));
      else if (isQuiet()) process.stdout.write(`${Object.keys(result.mean).map((k) => `${k} ${result.mean[k]!.toFixed(4)} ± ${result.std[k]!.toFixed(4)}`).join(', ')}\n`);
    });
  for (const option of tableOptions()) cv.addOption(option);

  program
    .command('evaluate')
    .description('Score a saved model on the MNIST test set (or --data: an IDX folder, a table): loss and accuracy, a classification report and confusion matrix; for a regression RMSE, MAE and R².')
    .requiredOption('--model <dir>', 'a saved model: its folder (runs/NAME/model), its run folder (runs/NAME) or its model.json')
    .addOption(dataOption())
    .addOption(backendOption())
    .addOption(jsonOption())
    .option('--missing <values>', 'table: more cell values read as missing, comma-separated', markerList('--missing'))
    .action(async (raw: { model: string; data?: string; backend: string; json: boolean; missing?: string[] }) => {
      const log = humanLog(raw.json);
      const result = await runEvaluate({ ...raw, model: resolveModelDir(raw.model), backend: parseBackend(raw.backend) }, log);
      if (raw.json) process.stdout.write(jsonLine('evaluate', result));
      else if (isQuiet()) process.stdout.write(testScoreLine(result));
    });
  program
    .command('predict')
    .description('Predict with a saved model: PNG/JPEG digits (any size; converted like MNIST), IDX image files or CSV rows of pixels; for a table model, its raw rows (CSV, TSV, JSON).')
    .requiredOption('--model <dir>', 'a saved model: its folder (runs/NAME/model), its run folder (runs/NAME) or its model.json')
    .argument('[inputs...]', 'image, IDX or CSV pixel files (image models)')
    .option('--data <file>', 'table models: a CSV/TSV/JSON table of raw rows to predict (missing values are imputed as in training)')
    .option('--missing <values>', 'table: more cell values read as missing, comma-separated', markerList('--missing'))
    .option('--top-k <k>', 'how many classes to print per input', positiveInt('--top-k'), 3)
    .option('--allow-out-of-range', 'predict for pixels outside 0–255 with a warning instead of refusing them', false)
    .addOption(backendOption())
    .addOption(jsonOption('one JSON object: { schema, predictions }'))
    .action(async (inputs: string[], raw: { model: string; topK: number; backend: string; json: boolean; allowOutOfRange: boolean; data?: string; missing?: string[] }) => {
      // A table's predictions are CSV on stdout, so everything else goes to stderr.
      const log = humanLog(raw.json || raw.data !== undefined);
      const predictions = await runPredict({ ...raw, model: resolveModelDir(raw.model), inputs, backend: parseBackend(raw.backend) }, log);
      if (!Array.isArray(predictions)) {
        // A table model: the predictions as CSV on stdout (one JSON object with --json).
        process.stdout.write(raw.json ? jsonLine('predict', { predictions: predictions.rows }) : predictions.csv);
        return;
      }
      if (raw.json) process.stdout.write(jsonLine('predict', { predictions }));
      else {
        // The predictions are the result: they are printed with --quiet too.
        const out = isQuiet() ? process.stdout : log;
        for (const p of predictions) {
          out.write(`${p.input}: ${p.top.map((t) => `${t.label} (${(t.probability * 100).toFixed(1)}%)`).join(', ')}\n`);
        }
      }
    });
  program
    .command('export')
    .description('Write a saved model for another runtime: ONNX (preprocessing inside the graph: raw pixels or raw table rows in; ONNX Runtime, Triton, C#, Java, Python) or the tfjs Layers format.')
    .requiredOption('--model <dir>', 'a saved model: its folder (runs/NAME/model), its run folder (runs/NAME) or its model.json')
    .addOption(new Option('--format <format>', 'what to write').choices(EXPORT_FORMATS).default('onnx'))
    .requiredOption('--out <file>', 'the file to write (FILE.onnx), or the folder for --format tfjs')
    .option('--no-preprocessing', "ONNX: leave the pixel scaling, denoising or table transformer out; the graph then takes the model's own input")
    .option('--verify', 'ONNX: run the file in ONNX Runtime (onnxruntime-node) on a sample and compare with lab (argmax and max |Δp| ≤ 1e-5)', false)
    .option('--data <dir|file>', '--verify: an IDX image folder (default MNIST test images) or, for a table model, a table of raw rows')
    .option('--samples <n>', '--verify: how many test images', positiveInt('--samples'), 1000)
    .option('--missing <values>', 'table: more cell values read as missing, comma-separated', markerList('--missing'))
    .addOption(backendOption())
    .addOption(jsonOption())
    .action(async (raw: { model: string; format: 'onnx' | 'tfjs'; out: string; preprocessing: boolean; verify: boolean; data?: string; samples: number; missing?: string[]; backend: string; json: boolean }) => {
      const log = humanLog(raw.json);
      const result = await runExport({ ...raw, model: resolveModelDir(raw.model), backend: parseBackend(raw.backend) }, log);
      if (raw.json) process.stdout.write(jsonLine('export', result));
    });
  return program;
}

/** `--quiet`'s result line for train and evaluate: the test accuracy, or a regression's RMSE. */
function testScoreLine(result: { test_accuracy?: number; test_rmse?: number; test_loss: number }): string {
  if (result.test_accuracy !== undefined) return `Test accuracy: ${result.test_accuracy.toFixed(4)}\n`;
  if (result.test_rmse !== undefined) return `Test RMSE: ${result.test_rmse.toFixed(4)}\n`;
  return `Test loss: ${result.test_loss.toFixed(4)}\n`;
}

/** Runs the CLI: user errors print one line and exit non-zero; no stack trace unless LAB_DEBUG is set. */
export async function main(argv: string[]): Promise<number> {
  // The command that runs: a library's error is put in its flags' terms.
  let running: Command | undefined;
  try {
    await makeProgram()
      .hook('preAction', (_program, action) => {
        running = action;
      })
      .parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UsageError) {
      process.stderr.write(`lab: ${error instanceof Interrupted ? '' : 'error: '}${shorten(error.message)}\n`);
      return error.exitCode;
    }
    const message = shorten(inCliTerms(error instanceof Error ? error.message : String(error), running));
    process.stderr.write(`lab: error: ${message}\n`);
    if (process.env.LAB_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}

/**
 * An error message cut to a few hundred characters and one line: a message may quote a cell or a
 * file's content, which can be megabytes long.
 */
export function shorten(message: string, max = 400): string {
  const line = message.replace(/\s*\n\s*/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 40)} … (${line.length - max + 40} more characters)`;
}
