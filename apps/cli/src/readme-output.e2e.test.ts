import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REFERENCE_MARKERS } from './cli-reference.js';

// The sample outputs in the READMEs (a ```text block whose first line is `$ pnpm lab …` or
// `$ lab …`) against what the command prints now, run from the repository root with the built
// CLI: each sample line must match an output line, in order, where a decimal number (`0.9759`,
// `5.1s`) stands for any decimal number and `...` for any text (a line of only `...` skips any
// lines); whole numbers (epochs, samples, batch size) must be what the CLI prints. A sample that no longer matches
// the CLI fails here instead of going stale.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const bin = path.resolve(here, '../dist/main.js');
const readmes = ['README.md', 'apps/cli/README.md'];

interface Sample {
  readme: string;
  command: string[];
  lines: string[];
}

function samples(readme: string): Sample[] {
  let text = fs.readFileSync(path.join(root, readme), 'utf8');
  const [start, end] = REFERENCE_MARKERS;
  if (text.includes(start)) text = text.slice(0, text.indexOf(start)) + text.slice(text.indexOf(end));
  const found: Sample[] = [];
  for (const [, block] of text.matchAll(/```text\n([\s\S]*?)```/g)) {
    const [first, ...lines] = block!.trimEnd().split('\n');
    const command = /^\$ (?:pnpm )?lab (.*)$/.exec(first!)?.[1];
    if (command) found.push({ readme, command: command.split(/\s+/), lines });
  }
  return found;
}

/** A sample line as a pattern: decimal numbers match any decimal number, `...` any text. */
function pattern(line: string): RegExp {
  const parts = line.split('...').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+\\\.\d+/g, '\\d+\\.\\d+'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Where `sample` fails to match `output` in order, or undefined. */
function mismatch(sample: string[], output: string[]): string | undefined {
  let at = 0;
  let skipping = false;
  for (const line of sample) {
    if (line === '...') {
      skipping = true;
      continue;
    }
    const re = pattern(line);
    if (skipping) {
      while (at < output.length && !re.test(output[at]!)) at++;
    }
    if (at >= output.length || !re.test(output[at]!)) return `no output line matches ${JSON.stringify(line)} (at output line ${at + 1}: ${JSON.stringify(output[at])})`;
    at++;
    skipping = false;
  }
  return undefined;
}

describe('README sample outputs are what the CLI prints', () => {
  const all = readmes.flatMap(samples);
  it('there is at least the root README’s lab train sample', () => {
    expect(all.some((s) => s.readme === 'README.md' && s.command[0] === 'train')).toBe(true);
  });

  for (const sample of all) {
    it(`${sample.readme}: lab ${sample.command.join(' ')}`, () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-readme-output-'));
      const args = sample.command[0] === 'train' && !sample.command.includes('--out') ? [...sample.command, '--out', out] : sample.command;
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 });
      expect(r.status, r.stderr).toBe(0);
      const output = `${r.stdout}${r.stderr}`.split('\n');
      expect(mismatch(sample.lines, output)).toBeUndefined();
    }, 300_000);
  }

  it('the matcher fails on a changed line, a missing line and lines out of order', () => {
    const output = ['Backend: native (auto)', 'Epoch 1/5 - 0.9s - loss: 0.29', 'Epoch 2/5 - 0.8s - loss: 0.13', 'Test accuracy: 0.9759'];
    expect(mismatch(['Backend: native (auto)', '...', 'Epoch 2/5 - 5.1s - loss: 0.05', 'Test accuracy: 0.97'], output)).toBeUndefined();
    expect(mismatch(['Backend: ... (auto)', 'Epoch 3/5 - 0.9s - loss: 0.29'], output)).toMatch(/no output line matches/);
    expect(mismatch(['Backend: wasm (auto)', '...'], output)).toMatch(/no output line matches/);
    expect(mismatch(['...', 'Test loss: 0.07'], output)).toMatch(/no output line matches/);
    expect(mismatch(['Test accuracy: 0.9', 'Backend: native (auto)'], output)).toMatch(/no output line matches/);
  });
});
