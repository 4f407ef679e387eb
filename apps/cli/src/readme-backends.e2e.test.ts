import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '@lab/backend-native';
import '@lab/backend-wasm';
import { runReadmeExample } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';

// Every ```ts example of the root README and of each Node package's README, run as a user runs it
// (imports resolved from this app's dependencies: the built packages) on each backend that loads
// here: as written (the backend its imports pick), then with native, wasm and cpu made active
// first. Each must print what its `// → text` comments say and leave no tensor behind, on every
// backend. (@lab/backend-webgl's examples need a browser: its own Chromium test runs them.)
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const readmes = [
  path.join(root, 'README.md'),
  ...readdirSync(path.join(root, 'packages'))
    .filter((name) => name !== 'backend-webgl' && name !== 'testing')
    .map((name) => path.join(root, 'packages', name, 'README.md')),
];
const dir = path.resolve(here, '../node_modules/.readme-backends');

/**
 * What `code` says it prints, in order: the text of each `// → text` line (less those printing the
 * engine-wide tensor count: absolute, so true only in a fresh process; leaks are checked as a
 * difference instead); in an example with no such line, the trailing comment of each
 * `console.log(…); // text` line, where `...` stands for digits that follow
 * (`{ loss: 0.07..., accuracy: 0.97... }`).
 */
function claims(code: string): RegExp[] {
  const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const arrows = code.includes('// →');
  return code.split('\n').flatMap((line) => {
    if (line.includes('numTensors')) return [];
    const arrow = /\/\/ →(?: (.*))?$/.exec(line);
    if (arrow) return [exact(arrow[1] ?? '')];
    const trailing = /console\.log\(.*\);\s*\/\/ (.+)$/.exec(line);
    if (!trailing || arrows) return [];
    const parts = trailing[1]!.trim().split('...').map((part) => exact(part).source.slice(1, -1));
    return [new RegExp(`^${parts.join('\\d*')}$`)];
  });
}

/** Whether `wanted` matches lines of `lines` in order (other lines, printed without a comment, may come between). */
function inOrder(wanted: readonly RegExp[], lines: readonly string[]): boolean {
  let at = 0;
  for (const line of lines) if (at < wanted.length && wanted[at]!.test(line)) at++;
  return at === wanted.length;
}

describe('README examples on every backend that loads here', () => {
  // The first ```ts block of each README is its example; later blocks are fragments that continue it.
  for (const readme of readmes) {
    const name = path.relative(root, readme);
    it(`${name}: as written, then on native, wasm and cpu`, async () => {
      const ran: string[] = [];
      for (const backend of ['as written', 'native', 'wasm', 'cpu']) {
        if (backend !== 'as written') expect(await tf.setBackend(backend)).toBe(true);
        const { code, printed, leakedTensors } = await runReadmeExample({ readme, dir });
        const wanted = claims(code);
        expect(wanted.length, `${name} says nothing about what it prints`).toBeGreaterThan(0);
        expect(inOrder(wanted, printed), `${name} on ${backend}: printed\n${printed.join('\n')}\nnot\n${wanted.join('\n')}`).toBe(true);
        expect({ backend, leakedTensors }).toEqual({ backend, leakedTensors: 0 });
        ran.push(`${backend} → ${tf.getBackend()}`);
        // An example that picks its backend itself runs there whatever was active.
        if (/setBackend\(/.test(code)) break;
      }
      console.log(`${name}: ${ran.join(', ')}`);
      if (ran.length > 1) expect(ran.slice(1)).toEqual(['native → native', 'wasm → wasm', 'cpu → cpu']);
    });
  }
});
