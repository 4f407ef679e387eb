import { closest } from '@lab/core';
import type { Command, Option } from 'commander';
import { z } from 'zod';

/** Options a config file may not set: they say where the config comes from or how output looks. */
const NOT_IN_CONFIG = new Set(['config', 'resume', 'json']);

/**
 * The schema of a config file for `command`, derived from its options so that the two never
 * disagree: a boolean flag takes `true`/`false` (not `"false"`, not 1), an option with choices one
 * of them, a numeric or text option a number or a string (then checked by the flag's own parser),
 * and nothing else (unknown keys are errors). Keys are the options' camelCase names.
 */
export function configSchema(command: Command): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const option of command.options as Option[]) {
    const key = option.attributeName();
    if (NOT_IN_CONFIG.has(key)) continue;
    let type: z.ZodType;
    if (option.isBoolean()) type = z.boolean();
    else if (option.argChoices) type = z.enum(option.argChoices as [string, ...string[]]);
    else if (option.parseArg) type = z.union([z.number(), z.string()]);
    else type = z.string();
    shape[key] = type.nullable().optional();
  }
  return z.strictObject(shape);
}

/** The names a config file may use for `command`'s options (camelCase). */
export function configKeys(command: Command): string[] {
  return (command.options as Option[]).map((o) => o.attributeName()).filter((k) => !NOT_IN_CONFIG.has(k));
}

/**
 * One line per problem zod found, naming the key, what it must be and what it got; an unknown key
 * gets the closest option name as a hint.
 */
export function describeIssues(error: z.ZodError, command: Command, rawKeys: Map<string, string>, values: Record<string, unknown>): string[] {
  const known = configKeys(command);
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const raw = rawKeys.get(key) ?? key;
        const hint = closest(key, known);
        lines.push(`unknown option '${raw}'${hint ? ` (did you mean '${hint}'?)` : ''}; run 'lab ${command.name()} --help' for the options`);
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    const raw = rawKeys.get(key) ?? key;
    const option = (command.options as Option[]).find((o) => o.attributeName() === key);
    const wants = option?.isBoolean()
      ? 'true or false'
      : option?.argChoices
        ? `one of ${option.argChoices.join(', ')}`
        : option?.parseArg
          ? 'a number'
          : 'a string';
    const got = values[key];
    lines.push(`${raw} must be ${wants}, got ${JSON.stringify(got)?.slice(0, 60) ?? String(got)}`);
  }
  return lines;
}
