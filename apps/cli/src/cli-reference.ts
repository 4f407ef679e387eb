import type { Command } from 'commander';
import { makeProgram } from './cli.js';

/** The width the reference is wrapped at (a terminal's help follows the terminal's width). */
const WIDTH = 100;

/** `lab`, `lab train`, `lab preprocess impute`: a command's full name. */
function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function* walk(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* walk(sub);
}

/**
 * The CLI reference of apps/cli/README.md: every command's `--help`, as the command definitions
 * print it (wrapped at 100 columns), under a heading per command. The README's copy is checked
 * against this by cli-reference.test.ts (`LAB_UPDATE_DOCS=1` rewrites it).
 */
export function cliReference(): string {
  const sections: string[] = [];
  for (const command of walk(makeProgram())) {
    command.configureHelp({ ...command.configureHelp(), helpWidth: WIDTH });
    sections.push(`### \`${fullName(command)}\`\n\n\`\`\`text\n${command.helpInformation().trimEnd()}\n\`\`\`\n`);
  }
  return sections.join('\n');
}

/** The markers around the generated reference in apps/cli/README.md. */
export const REFERENCE_MARKERS = ['<!-- cli-reference:start (generated from the command definitions: LAB_UPDATE_DOCS=1 pnpm --filter @lab/cli test cli-reference) -->', '<!-- cli-reference:end -->'] as const;

/** `readme` with the text between the markers replaced by `reference`; an error when a marker is missing. */
export function withReference(readme: string, reference: string): string {
  const [start, end] = REFERENCE_MARKERS;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the README lacks the markers ${start} … ${end}`);
  return `${readme.slice(0, from + start.length)}\n\n${reference}\n${readme.slice(to)}`;
}
