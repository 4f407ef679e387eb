import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { configSchema, describeIssues } from './config-schema.js';
import { UsageError } from './errors.js';
import { readInput } from './read-input.js';

/**
 * Reads a run configuration (JSON, or YAML for `.yaml`/`.yml`) and applies it to a command's
 * options: values given on the command line win; keys are camelCase (`batchSize`, as in a run's
 * `config.json`); the flag's kebab-case (`batch-size`) is still read, with a deprecation note on
 * stderr naming the camelCase key. Values go through the same validation as
 * the flags. The file is checked against one schema derived from the command's options
 * ({@link configSchema}, with zod): types, choices, unknown keys (with a did-you-mean hint); then
 * each value goes through its flag's parser (ranges). An error names the file and the key.
 */
export async function applyConfigFile(file: string, command: Command): Promise<void> {
  // A config is a few lines: 1 MB is far more than any real one.
  const text = (await readInput(file, { what: 'the --config file', maxBytes: 2 ** 20 })).toString('utf8');
  let config: unknown;
  try {
    config = ['.yaml', '.yml'].includes(path.extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid ${path.extname(file).slice(1).toUpperCase() || 'JSON'} (${(error as Error).message.split('\n')[0]})`);
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new UsageError(`${file}: expected an object of options`);
  // Keys are camelCase; the flag's kebab-case is read with a deprecation note; both spellings of
  // one option is an error.
  const values: Record<string, unknown> = {};
  const rawKeys = new Map<string, string>();
  const deprecated: string[] = [];
  for (const [rawKey, value] of Object.entries(config)) {
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (rawKeys.has(key)) throw new UsageError(`${file}: '${rawKeys.get(key)}' and '${rawKey}' set the same option`);
    if (key !== rawKey) deprecated.push(`'${rawKey}' → '${key}'`);
    rawKeys.set(key, rawKey);
    values[key] = value;
  }
  const checked = configSchema(command).safeParse(values);
  if (!checked.success) throw new UsageError(`${file}: ${describeIssues(checked.error, command, rawKeys, values).join('; ')}`);
  if (deprecated.length > 0) {
    process.stderr.write(`lab: note: ${file}: kebab-case keys are deprecated in config files (a later release refuses them); write them camelCase as config.json does: ${deprecated.join(', ')}\n`);
  }
  for (const [key, value] of Object.entries(checked.data)) {
    if (value === null || value === undefined) continue;
    if (command.getOptionValueSource(key) === 'cli') continue;
    const option = command.options.find((o) => o.attributeName() === key)!;
    let parsed: unknown = value;
    if (option.parseArg && !option.isBoolean() && !option.argChoices) {
      try {
        parsed = option.parseArg(String(value), undefined as unknown as never);
      } catch (error) {
        throw new UsageError(`${file}: ${rawKeys.get(key)}: ${(error as Error).message}`);
      }
    }
    command.setOptionValueWithSource(key, parsed, 'config');
  }
}
