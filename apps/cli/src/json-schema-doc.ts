import type { Command, Option } from 'commander';
import { z } from 'zod';
import { makeProgram } from './cli.js';
import { configKeys } from './config-schema.js';
import { JSON_SCHEMAS } from './json-output.js';

/**
 * JSON keys that echo an option under another name than its snake_case, by command; `null`: the
 * snake_case key exists but holds something else (cv's `folds` is the per-fold results).
 */
const ECHOED_AS: Record<string, Record<string, string | null>> = { train: { hidden: 'hidden_units' }, cv: { folds: null } };

/** `batchSize` → `batch_size`. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * One row per option of `command`: its flag, its config-file key and the `--json` key that echoes
 * its value (if any).
 */
function vocabulary(command: Command, schema: z.ZodObject): string[] {
  const keys = new Set(configKeys(command));
  const renamed = ECHOED_AS[command.name()] ?? {};
  const rows = ['| flag | config key | `--json` key |', '|---|---|---|'];
  for (const option of command.options as Option[]) {
    const key = option.attributeName();
    const json = key in renamed ? renamed[key] : snake(key);
    rows.push(`| \`${option.long}\` | ${keys.has(key) ? `\`${key}\`` : '(not in a config)'} | ${json && json in schema.shape ? `\`${json}\`` : ''} |`);
  }
  return rows;
}

interface Property {
  type?: string | string[];
  properties?: Record<string, Property>;
  anyOf?: Property[];
  const?: unknown;
  enum?: unknown[];
  items?: Property;
  description?: string;
}

/** A JSON Schema property's type in a few words: `integer`, `array of number`, `"lab.cv/1"`. */
function typeOf(p: Property): string {
  if (p.const !== undefined) return `\`${JSON.stringify(p.const)}\``;
  if (p.enum) return p.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (p.anyOf) return p.anyOf.map(typeOf).join(' or ');
  if (p.type === 'array') return `array of ${p.items ? typeOf(p.items) : 'values'}`;
  if (p.type === 'object' && p.properties) return `\`{ ${Object.keys(p.properties).join(', ')} }\``;
  return Array.isArray(p.type) ? p.type.join(' or ') : (p.type ?? 'any');
}

/**
 * docs/cli-json.md: each command's `--json` keys, their types and meaning, generated from the
 * zod schemas in json-output.ts (checked by json-output.e2e.test.ts).
 */
export function jsonSchemaDoc(): string {
  const parts = [
    '# What `lab … --json` prints',
    '',
    '<!-- generated from apps/cli/src/json-output.ts by json-output.e2e.test.ts (LAB_UPDATE_DOCS=1 rewrites it) -->',
    '',
    'With `--json`, `lab train`, `cv`, `evaluate`, `predict` and `export` print their human output on',
    'stderr and one JSON object as the only line of stdout. Keys are snake_case (flags are kebab-case,',
    "config keys camelCase as in a run's config.json). The `schema` field names the command and the",
    'version of its shape: keys may be added within a version; a key renamed or removed makes a new',
    'version.',
    '',
  ];
  for (const [command, schema] of Object.entries(JSON_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as { properties: Record<string, Property>; required?: string[] };
    parts.push(`## \`lab ${command} --json\``, '', '| key | type | always | meaning |', '|---|---|---|---|');
    for (const [key, p] of Object.entries(json.properties)) {
      parts.push(`| \`${key}\` | ${typeOf(p)} | ${json.required?.includes(key) ? 'yes' : ''} | ${(p.description ?? '').replace(/\|/g, '\\|')} |`);
    }
    parts.push('');
  }
  parts.push(
    '## Flags, config keys and JSON keys',
    '',
    'One name, three spellings: the flag is kebab-case, the config key (`--config FILE`, and a run’s',
    '`config.json`) camelCase, the `--json` key snake_case. A config file’s kebab-case keys are still read,',
    'with a deprecation note on stderr; a later release refuses them.',
    '',
  );
  const program = makeProgram();
  for (const name of ['train', 'cv'] as const) {
    parts.push(`### \`lab ${name}\``, '', ...vocabulary(program.commands.find((c) => c.name() === name)!, JSON_SCHEMAS[name]), '');
  }
  return `${parts.join('\n')}`;
}
