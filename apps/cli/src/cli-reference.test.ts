import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeProgram } from './cli.js';
import { cliReference, withReference } from './cli-reference.js';

// The README's CLI reference is generated from the command definitions, so it cannot drift from
// what `lab … --help` prints. LAB_UPDATE_DOCS=1 rewrites it.
const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');

describe('the CLI reference in apps/cli/README.md', () => {
  it('is every command’s help, as the commands print it', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    const generated = withReference(readme, cliReference());
    if (process.env.LAB_UPDATE_DOCS === '1' && generated !== readme) fs.writeFileSync(readmePath, generated);
    else expect(readme, 'the README is stale: LAB_UPDATE_DOCS=1 pnpm --filter @lab/cli test cli-reference').toBe(generated);
  });

  it('covers every command and option, the required ones marked and every default shown', () => {
    const reference = cliReference();
    const all = (command: ReturnType<typeof makeProgram>): ReturnType<typeof makeProgram>[] => [command, ...command.commands.flatMap(all)];
    const commands = all(makeProgram());
    expect(commands.map((c) => c.name())).toEqual(expect.arrayContaining(['train', 'cv', 'evaluate', 'predict', 'export', 'preprocess', 'impute', 'scale', 'convert', 'denoise']));
    for (const command of commands) {
      const help = command.helpInformation();
      for (const option of command.options) {
        expect(reference, `${command.name()} ${option.long}`).toContain(option.long!);
        const description = command.createHelp().optionDescription(option);
        expect(help.replace(/\s+/g, ' ')).toContain(description.replace(/\s+/g, ' '));
        if (option.mandatory) expect(description).toMatch(/^required: /);
        // Every option that takes a value and has a default says what it is.
        if (option.defaultValue !== undefined && !option.isBoolean()) expect(description, `${command.name()} ${option.long}`).toMatch(/default: /);
      }
    }
  });
});
