// Fuzzes what the `lab` command reads from the user: the `lab predict` input readers (PNG via
// pngjs, JPEG via jpeg-js, CSV rows, IDX) and `lab preprocess` on random and corrupted files,
// through the built CLI (a crash, a signal or a hang past the spawn limit fails; every error is
// one line naming the file), with the same readers fuzzed in-process for more cases; and the
// option parsing, in-process: makeProgram() with random argv arrays (flags from the real option
// list, hostile values) and the command actions replaced, and the option parsers themselves.
// Seeds are fixed and run counts small: each spawn is a fresh Node process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { Dense, Flatten, Sequential } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeProgram } from './cli.js';
import { UsageError } from './errors.js';
import { finiteNumber, fraction, intInRange, MAX_FILTER_SIZE, MAX_HIDDEN, MAX_SIGMA, nonNegativeInt, positiveInt, positiveNumber, positiveNumberUpTo } from './options.js';
import { MAX_IMAGE_MEGAPIXELS, readPredictInputs } from './predict-inputs.js';

const SEED = 20_261_203;
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-inputs-fuzz-'));
const modelDir = path.join(root, 'model');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A spawn that runs longer than this is a hang: it is killed and the test fails. */
const SPAWN_MS = 30_000;

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: SPAWN_MS, env: { ...process.env, LAB_DEBUG: undefined } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 0, or a non-zero exit with one error line naming `names[0]` (or another of `names`); never a signal, a hang or a stack trace. */
function expectCleanOutcome(r: ReturnType<typeof lab>, names: string[]): boolean {
  expect(r.code, `killed by ${r.signal} (SIGTERM: it hung past ${SPAWN_MS} ms; SIGABRT/SIGSEGV: it crashed)\n${r.stderr.slice(0, 2000)}`).not.toBeNull();
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.length, r.stderr.slice(0, 300)).toBeLessThan(2_000);
  if (r.code === 0) return true;
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Backend:') && !l.startsWith('Data:') && l !== '(run with --help for usage)');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^lab: error: /);
  expect(names.some((n) => lines[0]!.includes(n)), `the error names none of ${names.join(', ')}: ${lines[0]}`).toBe(true);
  return false;
}

// ---- Valid inputs to corrupt ----

function digitPng(): Buffer {
  const png = new PNG({ width: 28, height: 28 });
  png.data.fill(255);
  for (let y = 6; y < 22; y++) for (let x = 12; x < 16; x++) png.data.fill(0, (y * 28 + x) * 4, (y * 28 + x) * 4 + 3);
  return PNG.sync.write(png);
}

function digitJpeg(): Buffer {
  const data = Buffer.alloc(28 * 28 * 4, 255);
  for (let y = 6; y < 22; y++) for (let x = 12; x < 16; x++) data.fill(0, (y * 28 + x) * 4, (y * 28 + x) * 4 + 3);
  return Buffer.from(jpeg.encode({ width: 28, height: 28, data }, 90).data);
}

function digitCsv(): Buffer {
  const row = Array.from({ length: 784 }, (_, i) => (i % 28 > 11 && i % 28 < 16 ? 255 : 0));
  return Buffer.from(`${Array.from({ length: 784 }, (_, i) => `p${i}`).join(',')}\n${row.join(',')}\n7,${row.join(',')}\n`);
}

function digitIdx(count = 2): Buffer {
  const out = Buffer.alloc(16 + count * 784);
  out.set([0, 0, 8, 3]);
  out.writeUInt32BE(count, 4);
  out.writeUInt32BE(28, 8);
  out.writeUInt32BE(28, 12);
  for (let i = 16; i < out.length; i++) out[i] = (i * 7) % 256;
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A PNG whose IHDR says `width`×`height` (CRC fixed, so the decoder believes it). */
function forgePng(width: number, height: number, interlace = 0): Buffer {
  const b = Buffer.from(digitPng());
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[28] = interlace;
  b.writeUInt32BE(crc32(b.subarray(12, 29)), 29);
  return b;
}

/** A JPEG whose SOF0 says `width`×`height`. */
function forgeJpeg(width: number, height: number): Buffer {
  const b = Buffer.from(digitJpeg());
  for (let i = 0; i + 9 < b.length; i++) {
    if (b[i] === 0xff && b[i + 1] === 0xc0) {
      b.writeUInt16BE(height, i + 5);
      b.writeUInt16BE(width, i + 7);
      return b;
    }
  }
  throw new Error('no SOF0 marker');
}

type Kind = 'png' | 'jpg' | 'csv' | 'idx';
const EXT: Record<Kind, string> = { png: '.png', jpg: '.jpg', csv: '.csv', idx: '' };
let valid: Record<Kind, Buffer>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = new Sequential([new Flatten({ inputShape: [28, 28, 1] }), new Dense({ units: 10, activation: 'softmax' })], { seed: 1 });
  model.build();
  await model.save(fileSystem(modelDir));
  model.dispose();
  valid = { png: digitPng(), jpg: digitJpeg(), csv: digitCsv(), idx: digitIdx() };
});

// ---- Corruptions ----

const corruption = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 100 }) }),
  fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 300 }), keepMagic: fc.boolean() }),
  fc.record({
    kind: fc.constant('dims' as const),
    width: fc.oneof(fc.constantFrom(0, 1, 28, 65_535, 2 ** 31 - 1, 2 ** 32 - 1), fc.integer({ min: 0, max: 5_000 })),
    height: fc.oneof(fc.constantFrom(0, 1, 28, 65_535), fc.integer({ min: 0, max: 5_000 })),
  }),
  fc.record({ kind: fc.constant('text' as const), text: fc.array(fc.constantFrom('1', '255', '-1', '1e999', 'NaN', '', ',', '\n', '\r\n', '"', 'x', ' ', '\0', '\uFEFF', '9'.repeat(400)), { maxLength: 60 }).map((t) => t.join('')) }),
);
type Corruption = typeof corruption extends fc.Arbitrary<infer T> ? T : never;

function corrupt(kind: Kind, c: Corruption): Buffer {
  const b = Buffer.from(valid[kind]);
  switch (c.kind) {
    case 'flip':
      for (const [at, mask] of c.at) b[at % b.length]! ^= mask;
      return b;
    case 'cut':
      return b.subarray(0, c.at % b.length);
    case 'extend':
      return Buffer.concat([b, c.extra]);
    case 'random':
      return c.keepMagic ? Buffer.concat([b.subarray(0, 8), c.bytes]) : Buffer.from(c.bytes);
    case 'dims':
      if (kind === 'png') return forgePng(c.width, c.height);
      if (kind === 'jpg') return forgeJpeg(c.width & 0xffff, c.height & 0xffff);
      if (kind === 'idx') {
        b.writeUInt32BE(c.width >>> 0, 4);
        b.writeUInt32BE(c.height >>> 0, 8);
        return b;
      }
      return Buffer.from(`${Array.from({ length: c.width % 2000 }, () => '1').join(',')}\n`);
    case 'text':
      return kind === 'csv' ? Buffer.from(c.text) : Buffer.concat([b.subarray(0, 16), Buffer.from(c.text)]);
  }
}

let n = 0;
function write(kind: Kind, bytes: Buffer, ext = EXT[kind]): string {
  const file = path.join(root, `in-${++n}${ext}`);
  fs.writeFileSync(file, bytes);
  return file;
}

const kind = fc.constantFrom<Kind>('png', 'jpg', 'csv', 'idx');
// Sometimes the content does not match the extension.
const ext = fc.option(fc.constantFrom('.png', '.jpg', '.jpeg', '.csv', '.gz', ''), { freq: 4, nil: undefined });

// ---- predict's readers ----

describe('lab predict inputs under fuzzing', () => {
  it('in-process: readPredictInputs gives 784 pixels per input or a UsageError naming the file, fast', async () => {
    await fc.assert(
      fc.asyncProperty(kind, corruption, ext, async (k, c, e) => {
        const file = write(k, corrupt(k, c), e ?? EXT[k]);
        const started = performance.now();
        try {
          const inputs = await readPredictInputs([file]);
          for (const input of inputs) {
            expect(input.pixels).toHaveLength(784);
            expect(input.name.startsWith(file)).toBe(true);
          }
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(UsageError);
          const { message } = error as Error;
          expect(message).toContain(file);
          expect(message.length, message.slice(0, 300)).toBeLessThan(1_000);
        }
        expect(performance.now() - started, 'read time').toBeLessThan(5_000);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('through the CLI: corrupted PNG, JPEG, CSV and IDX files give predictions or one line naming the file', () => {
    fc.assert(
      fc.property(kind, corruption, ext, (k, c, e) => {
        const file = write(k, corrupt(k, c), e ?? EXT[k]);
        const r = lab(['predict', '--model', modelDir, '--backend', 'cpu', file]);
        if (expectCleanOutcome(r, [path.basename(file)])) expect(r.stdout).toContain(`${file}`);
      }),
      { seed: SEED, numRuns: 14 },
    );
  });
});

// ---- preprocess ----

describe('lab preprocess under fuzzing', () => {
  const table = fc.oneof(
    fc.array(fc.constantFrom('a', 'b', ',', '\t', ' ', '"', '\n', '\r', '1', '-2.5', 'NA', '', '1e999', '# x', '[', ']', '{', '}', ':', 'null', '\0', '\uFEFF', '7'.repeat(300)), { maxLength: 50 }).map((t) => t.join('')),
    fc.constant('a,b\n1,2\n3,\n5,6\n'),
    fc.constant('[{"a": 1, "b": null}, {"a": 2, "b": 3}]'),
  );
  const command = fc.oneof(
    fc.record({ cmd: fc.constantFrom('impute', 'scale', 'convert'), input: fc.constantFrom('.csv', '.tsv', '.txt', '.json'), output: fc.constantFrom('.csv', '.txt', '.json'), text: table }),
    fc.record({ cmd: fc.constant('denoise'), input: fc.constantFrom('', '.gz'), output: fc.constantFrom('.idx', '.gz'), text: fc.constant(''), c: corruption }),
  );

  it('through the CLI: random tables and corrupted IDX files give an output file or one line naming the input, and nothing half-written', () => {
    fc.assert(
      fc.property(command, (p) => {
        const bytes = p.cmd === 'denoise' ? corrupt('idx', (p as { c: Corruption }).c) : Buffer.from(p.text);
        const input = path.join(root, `table-${++n}${p.input}`);
        const output = path.join(root, `out-${n}${p.output}`);
        fs.writeFileSync(input, p.cmd === 'denoise' && p.input === '.gz' ? zlib.gzipSync(bytes) : bytes);
        const args = ['preprocess', p.cmd, input, '-o', output, ...(p.cmd === 'denoise' ? ['--backend', 'cpu'] : [])];
        const ok = expectCleanOutcome(lab(args), [path.basename(input), path.basename(output)]);
        expect(fs.existsSync(output), `exit ${ok ? 0 : 'non-zero'} but the output ${ok ? 'is missing' : 'exists'}`).toBe(ok);
        expect(fs.readdirSync(root).filter((f) => f.startsWith(`out-${n}.`) && f !== path.basename(output))).toEqual([]);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});

// ---- Regressions, through the CLI ----

describe('inputs regressions: the nastiest files, by hand', () => {
  const predict = (file: string) => lab(['predict', '--model', modelDir, '--backend', 'cpu', file]);
  const refused = (r: ReturnType<typeof lab>, file: string, pattern: RegExp) => {
    expect(expectCleanOutcome(r, [path.basename(file)])).toBe(false);
    expect(r.stderr).toMatch(pattern);
  };

  it('a PNG claiming 2^31 − 1 × 1 (pngjs made zlib abort the process) and one claiming 20000×20000 (13 s, 4.8 GB)', () => {
    const wide = write('png', forgePng(2 ** 31 - 1, 1));
    refused(predict(wide), wide, new RegExp(`above the limit of ${MAX_IMAGE_MEGAPIXELS}`));
    const big = write('png', forgePng(20_000, 20_000));
    const started = Date.now();
    refused(predict(big), big, /20000×20000 \(400 megapixels\), above the limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
    const empty = write('png', forgePng(0, 28));
    refused(predict(empty), empty, /the image has no pixels/);
  });

  it('an interlaced PNG whose 64 KB of image data inflate to 64 MB', () => {
    const b = forgePng(100, 100, 1);
    // Replace the IDAT chunk (the first chunk after IHDR) with a bomb.
    const idatAt = 33;
    const len = b.readUInt32BE(idatAt);
    const bomb = zlib.deflateSync(Buffer.alloc(64 * 2 ** 20));
    const chunk = Buffer.alloc(12 + bomb.length);
    chunk.writeUInt32BE(bomb.length, 0);
    chunk.write('IDAT', 4, 'latin1');
    bomb.copy(chunk, 8);
    chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + bomb.length)), 8 + bomb.length);
    const file = write('png', Buffer.concat([b.subarray(0, idatAt), chunk, b.subarray(idatAt + 12 + len)]));
    refused(predict(file), file, /inflates to more than a 100×100 image holds/);
  });

  it('a CSV with no data rows and an IDX file of 0 images (tfjs used to fail on a 0-row batch, naming no file)', () => {
    const csv = write('csv', Buffer.from('p0,p1,p2\n'));
    refused(predict(csv), csv, /holds no inputs \(no data rows\)/);
    const idx = write('idx', digitIdx(0));
    refused(predict(idx), idx, /holds no inputs \(an IDX file of 0 images\)/);
  });

  it('a JPEG claiming 65535×65535', () => {
    const file = write('jpg', forgeJpeg(65_535, 65_535));
    refused(predict(file), file, new RegExp(`larger than ${MAX_IMAGE_MEGAPIXELS} megapixels`));
  });

  it('a CSV row with a 1 MB cell, for predict and for preprocess', () => {
    const file = write('csv', Buffer.from(`${'9'.repeat(1_000_000)},${'1,'.repeat(783)}\n`));
    refused(predict(file), file, /in-\d+\.csv:1: /);
    const table = path.join(root, 'long.csv');
    fs.writeFileSync(table, `a\n${'1'.repeat(1_000_000)}x\n`);
    const started = Date.now();
    refused(lab(['preprocess', 'scale', table, '-o', path.join(root, 'long-out.csv')]), table, /long\.csv: line 2, column 1 \("a"\): "1+… \(1000001 characters\)" is not a number/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('preprocess convert names the file for a quote inside an unquoted field (csv-parse INVALID_OPENING_QUOTE)', () => {
    const table = path.join(root, 'quote.csv');
    fs.writeFileSync(table, 'a,b\n1,2"3\n');
    refused(lab(['preprocess', 'convert', table, '-o', path.join(root, 'quote.txt')]), table, /quote\.csv: Invalid Opening Quote: .* at line 2/);
    expect(fs.existsSync(path.join(root, 'quote.txt'))).toBe(false);
  });
});

// ---- Option parsing, in-process ----

/** Every command that has an action, with its path from the root (`preprocess impute`). */
function leaves(program: Command): { path: string[]; command: Command }[] {
  const out: { path: string[]; command: Command }[] = [];
  const walk = (c: Command, at: string[]) => {
    for (const sub of c.commands) {
      if (sub.commands.length > 0) walk(sub, [...at, sub.name()]);
      else out.push({ path: [...at, sub.name()], command: sub });
    }
  };
  walk(program, []);
  return out;
}

/** What each numeric flag must hold when parsing succeeds. */
const RANGES: Record<string, (v: number) => boolean> = {
  '--epochs': (v) => Number.isSafeInteger(v) && v > 0,
  '--batch-size': (v) => Number.isSafeInteger(v) && v > 0,
  '--decay-steps': (v) => Number.isSafeInteger(v) && v > 0,
  '--limit': (v) => Number.isSafeInteger(v) && v > 0,
  '--checkpoint-every': (v) => Number.isSafeInteger(v) && v > 0,
  '--neighbors': (v) => Number.isSafeInteger(v) && v > 0,
  '--top-k': (v) => Number.isSafeInteger(v) && v > 0,
  '--hidden': (v) => Number.isSafeInteger(v) && v >= 1 && v <= MAX_HIDDEN,
  '--size': (v) => Number.isSafeInteger(v) && v >= 1 && v <= MAX_FILTER_SIZE,
  '--folds': (v) => Number.isSafeInteger(v) && v >= 2 && v <= 1000,
  '--seed': (v) => Number.isSafeInteger(v) && v >= 0,
  '--learning-rate': (v) => Number.isFinite(v) && v > 0,
  '--decay-rate': (v) => Number.isFinite(v) && v > 0,
  '--sigma': (v) => Number.isFinite(v) && v > 0 && v <= MAX_SIGMA,
  '--validation-split': (v) => v >= 0 && v < 1,
  '--fill-value': (v) => Number.isFinite(v),
};

const VALUES = ['', ' ', '-1', '0', '1', '2', '7', '-0', '0.5', '1.5', '1e3', '1e999', '-1e999', 'NaN', 'Infinity', '0x10', '1_000', ' 3 ', '99', '100', '65536', '65537', '9007199254740993', '9'.repeat(400), 'x'.repeat(10_000), '--epochs', '-o', 'adam', 'cpu', 'mean', 'gaussian', 'exponential', 'a.csv'];

describe('CLI option parsing under fuzzing (in-process, actions not run)', () => {
  it('random argv arrays: parsed options are finite and in range, or a CommanderError names the flag', async () => {
    const program0 = makeProgram();
    const commands = leaves(program0).map((l) => l.path);
    const argv = fc
      .record({
        path: fc.constantFrom(...commands),
        flags: fc.array(
          fc.record({
            pick: fc.nat(),
            value: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('1', '2', '7', '0.5', '25', '99', 'adam', 'cpu', 'median', 'a.csv') }, { weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }),
            joined: fc.boolean(),
            bogus: fc.nat({ max: 19 }),
          }),
          { maxLength: 6 },
        ),
        positional: fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(fc.constantFrom('in.csv', 'x.png', '', '-', '--', 'a b'), { maxLength: 3 }) }),
        // Usually give the required options and arguments, so that parses get past them to the values.
        required: fc.nat({ max: 9 }),
      })
      .map(({ path: at, flags, positional, required }) => {
        const leaf = leaves(program0).find((l) => l.path.join(' ') === at.join(' '))!.command;
        const options = leaf.options.filter((o) => o.long !== '--config' && o.long !== '--resume');
        const args: string[] = [...at];
        if (required > 2) {
          for (const o of leaf.options) if (o.mandatory) args.push(o.long!, 'out.csv');
          for (const a of leaf.registeredArguments) if (a.required) args.push('in.csv');
        }
        for (const f of flags) {
          const option = options[f.pick % options.length]!;
          const flag = f.bogus === 0 ? '--no-such-flag' : f.bogus === 1 && option.short ? option.short : option.long!;
          if (!option.required && !option.optional) args.push(flag);
          else if (f.joined && flag.startsWith('--')) args.push(`${flag}=${f.value}`);
          else args.push(flag, f.value);
        }
        return [...args, ...positional];
      });
    let parsed = 0;
    let refused = 0;
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const program = makeProgram();
        let seen: { command: Command; opts: Record<string, unknown> } | undefined;
        const silence = { writeOut: () => {}, writeErr: () => {}, outputError: () => {} };
        program.configureOutput(silence);
        for (const { command } of leaves(program)) {
          command.configureOutput(silence);
          command.action(function (this: Command) {
            seen = { command: this, opts: this.opts() };
          });
        }
        for (const c of program.commands) c.configureOutput(silence);
        try {
          await program.parseAsync(args, { from: 'user' });
        } catch (error) {
          expect(error, `${args.join(' ').slice(0, 200)} threw ${String(error).slice(0, 200)}`).toBeInstanceOf(CommanderError);
          const e = error as CommanderError;
          if (e.code === 'commander.invalidArgument') {
            const flag = /^error: option '(-\w, )?(--[\w-]+)/.exec(e.message)?.[2];
            expect(flag, e.message.slice(0, 200)).toBeDefined();
            // commander quotes the value, and so does the parser: a 10,000-character value makes a 20,000-character message.
            if (RANGES[flag!]) expect(e.message).toContain(`is invalid. ${flag} must be `);
          }
          refused++;
          codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
          return;
        }
        parsed++;
        expect(seen, `${args.join(' ').slice(0, 200)}: parsed but no action ran`).toBeDefined();
        for (const option of seen!.command.options) {
          const value = seen!.opts[option.attributeName()];
          const inRange = RANGES[option.long!];
          if (inRange && value !== undefined) expect(inRange(value as number), `${option.long} = ${String(value)}`).toBe(true);
          if (option.argChoices && value !== undefined) expect(option.argChoices).toContain(value);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
    console.log(`option fuzz (seed ${SEED}): ${parsed} parsed / ${refused} refused (${[...codes].map(([c, k]) => `${c} ${k}`).join(', ')})`);
    expect(parsed).toBeGreaterThan(10);
  });

  it('each option parser returns a finite number in range or throws InvalidArgumentError naming the flag', () => {
    const parsers: [string, (v: string) => number, (v: number) => boolean][] = [
      ['--epochs', positiveInt('--epochs'), RANGES['--epochs']!],
      ['--seed', nonNegativeInt('--seed'), RANGES['--seed']!],
      ['--learning-rate', positiveNumber('--learning-rate'), RANGES['--learning-rate']!],
      ['--validation-split', fraction('--validation-split'), RANGES['--validation-split']!],
      ['--hidden', intInRange('--hidden', 1, MAX_HIDDEN, 'why'), RANGES['--hidden']!],
      ['--folds', intInRange('--folds', 2, 1000), RANGES['--folds']!],
      ['--sigma', positiveNumberUpTo('--sigma', MAX_SIGMA), RANGES['--sigma']!],
      ['--fill-value', finiteNumber('--fill-value'), RANGES['--fill-value']!],
    ];
    const value = fc.oneof(
      fc.constantFrom(...VALUES),
      fc.string({ maxLength: 12 }),
      fc.double().map(String),
      fc.integer().map(String),
      fc.bigInt().map(String),
      fc.tuple(fc.constantFrom('', ' ', '\t', '\n', '+', '-', '0'), fc.nat(), fc.constantFrom('', ' ', '.', '.0', 'e2', 'n', '\u00a0')).map(([a, b, c]) => `${a}${b}${c}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...parsers), value, ([flag, parse, inRange], v) => {
        let n: number;
        try {
          n = parse(v);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect((error as Error).message.startsWith(`${flag} must be `)).toBe(true);
          return;
        }
        expect(typeof n).toBe('number');
        expect(inRange(n), `${flag} '${v}' → ${n}`).toBe(true);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });
});
