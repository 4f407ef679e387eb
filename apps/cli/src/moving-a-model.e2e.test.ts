import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/moving-a-model.md runs as written: the page's blocks marked `<!-- docs-test: NAME -->` are
// run with Node from a folder holding the models its paths name (an MNIST MLP trained by the
// built `lab train`, vega-datasets' penguins table model, and their `lab export` ONNX files), and
// each `// → text` comment must be what the line prints. The sample output of `lab export` on
// the page must match the command's real output (numbers aside).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const page = fs.readFileSync(path.resolve(here, '../../../docs/moving-a-model.md'), 'utf8');
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The ```js block after `<!-- docs-test: name -->`. */
function block(name: string): string {
  const match = new RegExp(`<!-- docs-test: ${name} -->\\n\`\`\`js\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!match) throw new Error(`docs/moving-a-model.md has no block marked docs-test: ${name}`);
  return match[1]!;
}

/** Runs a block as an ES module (written inside apps/cli, so its bare imports resolve from the CLI's dependencies) from `cwd`. */
function runBlock(name: string, cwd: string) {
  const code = block(name);
  const dir = path.resolve(here, '../test-artifacts/docs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.mjs`);
  fs.writeFileSync(file, code);
  try {
    const result = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd, timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    const expected = code
      .split('\n')
      .map((line) => / \/\/ → (.*)$/.exec(line)?.[1])
      .filter((line): line is string => line !== undefined);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual(expected);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('docs/moving-a-model.md', () => {
  it('its tfjs-layers and ONNX Runtime examples run as written and print what they say', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-docs-move-'));
    const train = lab(['train', '--epochs', '1', '--limit', '1000', '--seed', '1', '--out', 'runs/mnist'], cwd);
    expect(train.code, train.stderr).toBe(0);
    const exported = lab(['export', '--model', 'runs/mnist', '--out', 'mnist.onnx', '--verify'], cwd);
    expect(exported.code, exported.stderr).toBe(0);
    // The page's sample output, numbers and "…" left open.
    const sample = /```sh\nlab export --model runs\/mnist --out mnist\.onnx --verify\n((?:# .*\n)+)```/.exec(page);
    expect(sample).not.toBeNull();
    const printed = exported.stdout.trim().split('\n');
    const lines = sample![1]!.trim().split('\n').map((line) => line.slice(2).trimEnd());
    expect(printed).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      const pattern = line
        .split('…')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+(?:\\\.\d+)?/g, '[\\d.]+'))
        .join('.*');
      expect(printed[i]).toMatch(new RegExp(`^${pattern}$`));
    });

    const penguins = path.join(vega, 'penguins.json');
    const table = lab(['train', '--data', penguins, '--target', 'Species', '--missing', '.', '--epochs', '40', '--batch-size', '32', '--seed', '1', '--out', 'runs/penguins'], cwd);
    expect(table.code, table.stderr).toBe(0);
    expect(lab(['export', '--model', 'runs/penguins', '--out', 'penguins.onnx'], cwd).code).toBe(0);

    runBlock('tfjs-layers', cwd);
    runBlock('onnx-image', cwd);
    runBlock('onnx-table', cwd);
  }, 300_000);
});
