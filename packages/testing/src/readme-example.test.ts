import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadmeExample } from './readme-example.js';

// A README inside this package's node_modules, so that the example's bare imports resolve from
// this package's dependencies, as a package's own README example does.
const root = join(dirname(fileURLToPath(import.meta.url)), '../node_modules/.readme-test');
const readme = join(root, 'README.md');
const fence = '```';
const README = `# example

${fence}ts
import * as tf from '@tensorflow/tfjs-core';
import type { Double } from '@lab/example/types';
import { double } from '@lab/example';

const twice: Double = double;
console.log(twice(2)); // → 4
console.log('a\\nb');
// → a
// → b
const t = tf.tensor1d([1, 2]);
console.log(Array.from(t.dataSync()), 'items'); // → [ 1, 2 ] items
t.dispose();
console.log(''); // →
${fence}

${fence}ts
import * as tf from '@tensorflow/tfjs-core';

export const kept = tf.scalar(3);
console.log(await Promise.resolve('done')); // → done
${fence}
`;

beforeAll(async () => {
  await mkdir(root, { recursive: true });
  await writeFile(readme, README);
  await writeFile(join(root, 'double.ts'), 'export const double = (x: number): number => 2 * x;\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('runReadmeExample', () => {
  it("runs the first block with the replaced imports and returns what it printed and what its '// →' comments say", async () => {
    const result = await runReadmeExample({ readme, replace: { '@lab/example': join(root, 'double.ts') } });
    expect(result.expected).toEqual(['4', 'a', 'b', '[ 1, 2 ] items', '']);
    expect(result.printed).toEqual(result.expected);
    expect(result.leakedTensors).toBe(0);
    // Exact specifiers only: the subpath import stays as written.
    expect(result.code).toContain(`from '${join(root, 'double.ts')}'`);
    expect(result.code).toContain("from '@lab/example/types'");
    expect(result.code).toContain("from '@tensorflow/tfjs-core'");
  });

  it('runs another block on request, from a file URL, and counts the tensors it leaves', async () => {
    const before = tf.memory().numTensors;
    const result = await runReadmeExample({ readme: pathToFileURL(readme), block: 1 });
    expect(result.printed).toEqual(['done']);
    expect(result.expected).toEqual(['done']);
    expect(result.leakedTensors).toBe(1);
    expect(tf.memory().numTensors).toBe(before + 1);
  });

  it('removes its temporary file and restores console.log', async () => {
    const log = console.log;
    await runReadmeExample({ readme, replace: { '@lab/example': join(root, 'double.ts') } });
    expect(console.log).toBe(log);
    expect(await readdir(join(root, 'node_modules/.readme'))).toEqual([]);
  });

  it('says when the README has no such block, and passes on what the example throws', async () => {
    await expect(runReadmeExample({ readme, block: 2 })).rejects.toThrow('has no ```ts block number 2');
    await writeFile(join(root, 'THROWS.md'), `${fence}ts\nthrow new Error('from the example');\n${fence}\n`);
    await expect(runReadmeExample({ readme: join(root, 'THROWS.md') })).rejects.toThrow('from the example');
  });
});
