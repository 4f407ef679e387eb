import type { ClassificationReport } from '@lab/metrics';
import { z } from 'zod';

// What `--json` prints, per command: one JSON object on the last line of stdout, its keys in
// snake_case, its `schema` field naming the command and the version of its shape
// (`lab.train/1`). A key is added within a version; renaming or removing one makes a new version.
// These zod schemas are the definition: json-output.e2e.test.ts checks every command's real
// output against them (strictly: a key not listed here fails), and docs/cli-json.md is generated
// from them.

const count = z.int().nonnegative();
const scores = z.record(z.string(), z.number());
const reportRow = { precision: z.number(), recall: z.number(), f1: z.number(), support: z.number() };
const averages = z.strictObject(reportRow);
/** @lab/metrics' classificationReport, its keys in snake_case: a row per class, then the averages. */
const classificationReport = z.strictObject({
  classes: z.array(z.strictObject({ label: z.number(), name: z.string(), ...reportRow })),
  accuracy: z.number().optional().describe('when it equals the micro averages'),
  micro_avg: averages.optional().describe('when it differs from accuracy'),
  macro_avg: averages,
  weighted_avg: averages,
  samples_avg: averages.optional(),
});
const confusionMatrix = z.array(z.array(count));
const testScores = {
  test_loss: z.number().describe('the loss on the test set'),
  test_accuracy: z.number().optional().describe('classification'),
  test_rmse: z.number().optional().describe('regression, in the target’s units'),
  test_mae: z.number().optional().describe('regression, in the target’s units'),
  test_r2: z.number().optional().describe('regression'),
  classification_report: classificationReport.optional().describe('classification: precision, recall, F1 and support per class and averaged, as scikit-learn’s classification_report'),
  confusion_matrix: confusionMatrix.optional().describe('classification: rows are the true classes, columns the predicted'),
  classes: z.array(z.string()).optional().describe('a table classification: the class labels, in the report’s order'),
};
const settings = {
  backend: z.string().describe('the backend that ran: native, wasm, cpu, node, node-gpu'),
  seed: count.describe('the seed (drawn at random when none was given)'),
  optimizer: z.string(),
  loss: z.string(),
  learning_rate: z.number().positive().describe('the initial learning rate'),
  learning_rate_schedule: z.string().describe('the learning rate and its schedule in words'),
};

/** An ONNX graph input or output: its name, element type, shape (`"N"` the batch) and meaning. */
const onnxValue = z.strictObject({ name: z.string(), type: z.enum(['float', 'string', 'int64']), shape: z.array(z.union([count, z.string()])), doc: z.string() });

/** The schema of each command's `--json` object, by command. */
export const JSON_SCHEMAS = {
  train: z.strictObject({
    schema: z.literal('lab.train/1'),
    ...testScores,
    ...settings,
    backend_reason: z.string().describe('why auto chose the backend, or that it was asked for'),
    train_seconds: z.number().nonnegative().describe('the seconds fit took: every epoch with its checkpoint and validation'),
    samples_per_second: z.number().nonnegative().describe('training samples × epochs / train_seconds'),
    wall_seconds: z.number().nonnegative().describe('the whole command: backend, data, training, test report, saved files'),
    epochs: count,
    epochs_run: count.describe('fewer than epochs when early stopping ended the run'),
    batch_size: count,
    model: z.string().describe('mlp, cnn or the architecture file'),
    hidden_units: count,
    train_samples: count.describe('the samples trained on (less the validation split)'),
    test_samples: count,
    data_source: z.string(),
    run_dir: z.string(),
    history: z.record(z.string(), z.array(z.number())).describe('per epoch: loss, accuracy, val_*, learning_rate, seconds'),
  }),
  cv: z.strictObject({
    schema: z.literal('lab.cv/1'),
    ...settings,
    folds: z.array(z.strictObject({ fold: count.describe('from 1'), train_size: count, test_size: count, scores, seconds: z.number().nonnegative() })),
    mean: scores,
    std: scores.describe('population std over the folds'),
    sample_std: scores.describe('sample std (ddof 1) over the folds'),
    task: z.enum(['classification', 'regression']).optional().describe('a table’s task'),
    samples: count,
    seconds: z.number().nonnegative(),
  }),
  evaluate: z.strictObject({
    schema: z.literal('lab.evaluate/1'),
    ...testScores,
    test_samples: count,
    model: z.string().describe('the model folder'),
    backend: settings.backend,
  }),
  export: z.strictObject({
    schema: z.literal('lab.export/1'),
    format: z.enum(['onnx', 'tfjs']),
    out: z.string(),
    bytes: count,
    opset: z.array(z.strictObject({ domain: z.string(), version: count })).optional().describe('ONNX: the opset of each domain (`""` is ai.onnx)'),
    inputs: z.array(onnxValue).optional().describe('ONNX: the graph’s inputs'),
    outputs: z.array(onnxValue).optional().describe('ONNX: the graph’s outputs'),
    operators: z.array(z.string()).optional().describe('ONNX: the operators used'),
    verify: z
      .strictObject({
        runtime: z.string(),
        samples: count,
        argmax_agreement: count.optional(),
        max_abs_diff: z.number(),
        max_rel_diff: z.number().optional(),
        passed: z.boolean(),
      })
      .optional()
      .describe('--verify: ONNX Runtime against lab on the same samples'),
  }),
  predict: z.strictObject({
    schema: z.literal('lab.predict/1'),
    predictions: z
      .union([
        z.array(z.strictObject({ input: z.string().describe('the file, or FILE[i] for an IDX image'), top: z.array(z.strictObject({ label: z.string(), probability: z.number() })) })),
        z.array(z.strictObject({ row: count.describe('the data row of the file, from 1'), predicted: z.union([z.string(), z.number()]), probabilities: z.record(z.string(), z.number()).optional() })),
      ])
      .describe('images: the top classes of each input, most probable first; a table: per row, the prediction (a class, or a value in the target’s units) and, for a classifier, every class’s probability'),
  }),
} as const;

/** A command that prints one `--json` object. */
export type JsonCommand = keyof typeof JSON_SCHEMAS;

/** A classification report's keys in snake_case (`macroAvg` → `macro_avg`); its rows as they are. */
function reportJson(report: ClassificationReport): Record<string, unknown> {
  const { classes, accuracy, microAvg, macroAvg, weightedAvg, samplesAvg } = report;
  return { classes, accuracy, micro_avg: microAvg, macro_avg: macroAvg, weighted_avg: weightedAvg, samples_avg: samplesAvg };
}

/** The `--json` line of `command`: `result` with its `schema` field first. */
export function jsonLine(command: JsonCommand, result: object): string {
  const report = (result as { classification_report?: ClassificationReport }).classification_report;
  const json = report ? { ...result, classification_report: reportJson(report) } : result;
  return `${JSON.stringify({ schema: `lab.${command}/1`, ...json })}\n`;
}
