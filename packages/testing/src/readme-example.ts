import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { vi } from 'vitest';

/** What {@link runReadmeExample} runs, and from where. */
export interface ReadmeExampleOptions {
  /** The README: a path or a `file:` URL, e.g. `new URL('../README.md', import.meta.url)`. */
  readme: string | URL;
  /**
   * Module specifiers to point elsewhere, each to a path or `file:` URL: the package's own name to
   * its sources (`{ '@lab/losses': new URL('./index.ts', import.meta.url) }`). A specifier is
   * matched exactly: `'@lab/data'` leaves `'@lab/data/node'` alone. Every other import resolves
   * as it would for a user of the package.
   */
  replace?: Record<string, string | URL>;
  /** Which ```ts block of the README to run, counting from 0. Default 0, the first. */
  block?: number;
  /**
   * The folder the example is written to and run from. Default `node_modules/.readme` beside the
   * README: inside the package, so that bare imports (`@tensorflow/tfjs-core`, other lab
   * packages) resolve from the package's own dependencies, as they would for a user.
   */
  dir?: string;
}

/** What a README example did, from {@link runReadmeExample}. */
export interface ReadmeExampleResult {
  /** The code that ran: the README block with the `replace` specifiers substituted. */
  code: string;
  /** Every line that `console.log` printed (each call formatted as Node prints it, split at newlines). */
  printed: string[];
  /** The lines its `// → text` comments say it prints, in order. */
  expected: string[];
  /** Tensors live after the example that were not before: 0 when it disposed all it made. */
  leakedTensors: number;
}

const BLOCK = /```ts\n([\s\S]*?)```/g;
// `console.log(x); // → text` says the call prints `text`; a line holding only `// → text` (or
// `// →` for an empty line) is a further line of the same print, for output of several lines.
const OUTPUT = /\/\/ →(?: (.*))?$/;

const asPath = (location: string | URL): string => (location instanceof URL ? fileURLToPath(location) : location);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let runs = 0;

/**
 * Runs a README's ```ts example as written, as a module of its own (top-level await and all),
 * with `console.log` captured, and returns what it printed next to what its `// → text` comments
 * say. Only the `replace` specifiers are changed, so the README shows exactly the code that ran.
 * The caller asserts, usually `expect(printed).toEqual(expected)` and `expect(leakedTensors).toBe(0)`.
 * Throws when the README has no such block, and whatever the example throws. The example's
 * temporary file is removed afterwards.
 */
export async function runReadmeExample(options: ReadmeExampleOptions): Promise<ReadmeExampleResult> {
  const readme = asPath(options.readme);
  const block = options.block ?? 0;
  const source = [...(await readFile(readme, 'utf8')).matchAll(BLOCK)][block]?.[1];
  if (source === undefined) throw new Error(`${readme} has no \`\`\`ts block number ${block} (counting from 0)`);
  let code = source;
  for (const [specifier, target] of Object.entries(options.replace ?? {})) {
    const pattern = new RegExp(`(\\bfrom\\s*|\\bimport\\s*\\(?\\s*)(['"])${escapeRegExp(specifier)}\\2`, 'g');
    code = code.replace(pattern, (_match, keyword: string, quote: string) => `${keyword}${quote}${asPath(target)}${quote}`);
  }
  const expected = code.split('\n').flatMap((line) => {
    const match = OUTPUT.exec(line);
    return match ? [match[1] ?? ''] : [];
  });
  const dir = options.dir ?? join(dirname(readme), 'node_modules/.readme');
  await mkdir(dir, { recursive: true });
  // A fresh name per run: a module is evaluated once per path, and runs in parallel never share a file.
  const file = join(dir, `example-${block}-${process.pid}-${runs++}.ts`);
  await writeFile(file, code);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(...format(...args).split('\n'));
  });
  const before = tf.memory().numTensors;
  try {
    await import(file);
  } finally {
    log.mockRestore();
    await rm(file, { force: true });
  }
  return { code, printed, expected, leakedTensors: tf.memory().numTensors - before };
}
