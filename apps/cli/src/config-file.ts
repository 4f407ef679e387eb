import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { UsageError } from './errors.js';
import { readInput } from './read-input.js';

/**
 * Reads a run configuration (JSON, or YAML for `.yaml`/`.yml`) and applies it to a command's
 * options: values given on the command line win; keys may be camelCase (`batchSize`, as in a run's
 * `config.json`) or the flag's kebab-case (`batch-size`). Values go through the same validation as
 * the flags. An unknown key or a bad value is an error naming the file and the key.
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
  for (const [rawKey, value] of Object.entries(config)) {
    if (value === null || value === undefined) continue;
    const key = rawKey.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const option = command.options.find((o) => o.attributeName() === key);
    if (!option || ['config', 'resume', 'json'].includes(key)) {
      throw new UsageError(`${file}: unknown option '${rawKey}' (run 'lab ${command.name()} --help' for the options)`);
    }
    if (command.getOptionValueSource(key) === 'cli') continue;
    let parsed: unknown = value;
    if (option.parseArg && typeof value !== 'boolean') {
      try {
        parsed = option.parseArg(String(value), undefined as unknown as never);
      } catch (error) {
        throw new UsageError(`${file}: ${rawKey}: ${(error as Error).message}`);
      }
    }
    if (option.argChoices && !option.argChoices.includes(String(value))) {
      throw new UsageError(`${file}: ${rawKey} must be one of ${option.argChoices.join(', ')}, got '${String(value)}'`);
    }
    command.setOptionValueWithSource(key, parsed, 'config');
  }
}
