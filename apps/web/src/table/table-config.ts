/** The table training form's settings: `lab train`'s `--hidden`, `--epochs`, `--batch-size`, `--learning-rate`, `--seed`. */
export interface TableTrainingConfig {
  hiddenUnits: number;
  epochs: number;
  batchSize: number;
  /** Adam's learning rate. */
  learningRate: number;
  /** Seed of the split, the initial weights and the shuffles. */
  seed: number;
}

/**
 * The form's defaults: the CLI's network (128 hidden units, Adam 0.001) with the epochs, batch
 * size and seed of its table tests (`--epochs 40 --batch-size 32 --seed 1`), enough for a few
 * hundred rows (the CLI's own defaults, 5 epochs of 64, suit MNIST's 60,000).
 */
export const TABLE_DEFAULTS: Readonly<TableTrainingConfig> = { hiddenUnits: 128, epochs: 40, batchSize: 32, learningRate: 0.001, seed: 1 };

const integer = (min: number, max: number) => (v: number) => Number.isInteger(v) && v >= min && v <= max;
const RULES: Record<keyof TableTrainingConfig, [(v: number) => boolean, string]> = {
  hiddenUnits: [integer(1, 4096), 'an integer from 1 to 4096'],
  epochs: [integer(1, 1000), 'an integer from 1 to 1000'],
  batchSize: [integer(1, 4096), 'an integer from 1 to 4096'],
  learningRate: [(v) => v > 0 && v <= 10, 'a number in (0, 10]'],
  seed: [integer(0, 2 ** 31 - 1), 'an integer from 0 to 2147483647'],
};

/**
 * The form's values (strings; an empty or absent field takes its default) as a config. Throws
 * naming the first field out of range, and any field the form should not have.
 */
export function parseTableConfig(values: Readonly<Record<string, string | undefined>>): TableTrainingConfig {
  const config = { ...TABLE_DEFAULTS };
  const unknown = Object.keys(values).filter((k) => !(k in RULES));
  if (unknown.length > 0) throw new Error(`unknown training field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the fields are ${Object.keys(RULES).join(', ')}`);
  for (const [field, [valid, expected]] of Object.entries(RULES) as [keyof TableTrainingConfig, [(v: number) => boolean, string]][]) {
    const raw = values[field];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || !valid(value)) throw new Error(`${field}: must be ${expected}, got '${raw}'`);
    config[field] = value;
  }
  return config;
}
