// Fuzzes the IDX readers (parseIdx, readIdxImages, readIdxLabels; gzip through parseIdx) with
// random bytes, valid files cut short or extended, random headers (any type code, rank 0–255,
// dims up to 2^32 − 1 whose product overflows or dwarfs the data) and forged gzip streams. Every
// call must return a well-formed result or throw a DataError whose message starts with the file
// name; never another exception, never a hang (each call is timed), never an allocation the
// input cannot pay for (a header claiming billions of elements on a few bytes must fail at once).
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../data-error.js';
import { idxBytes } from '../test/idx-fixtures.js';
import { IDX_TYPES } from './idx-dtype.js';
import { parseIdx } from './parse-idx.js';
import { readIdxImages, readIdxLabels } from './read-idx.js';

const SEED = 20_261_203;
const RUNS = 1000;
/** Far above what any of these small inputs needs; a call that takes longer is treated as a hang. */
const CALL_MS = 1_000;
/** A message names the file, the dims (a rank-255 header shows 7 of them) and the sizes: a few hundred characters. */
const MAX_MESSAGE = 600;

const TYPED = { uint8: Uint8Array, int8: Int8Array, int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array } as const;
const CODES = [...IDX_TYPES.keys()];
const NAMES = ['f.idx', 'train-images-idx3-ubyte.gz', 'dir with spaces/ä.idx', 'x'];

type Reader = 'parseIdx' | 'readIdxImages' | 'readIdxLabels';
const READERS: Reader[] = ['parseIdx', 'readIdxImages', 'readIdxLabels'];

/** Copies `bytes` into a larger buffer at an odd offset, so readers that ignore byteOffset show it. */
function atOffset(bytes: Uint8Array, offset: number): Uint8Array {
  const buffer = new Uint8Array(bytes.length + offset + 3).fill(0xa5);
  buffer.set(bytes, offset);
  return buffer.subarray(offset, offset + bytes.length);
}

/** Per reader: how many calls returned and how many threw (printed at the end, to show the fuzzing reached both). */
const tally = new Map<Reader, { returned: number; threw: number }>(READERS.map((r) => [r, { returned: 0, threw: 0 }]));
afterAll(() => {
  console.log(`IDX fuzz (seed ${SEED}, ${RUNS} runs per property): ${[...tally].map(([r, t]) => `${r} ${t.returned} returned / ${t.threw} threw`).join(', ')}`);
});

/** Runs one reader on `bytes`; checks that it returns a well-formed result or throws a named DataError, in bounded time. */
function check(reader: Reader, bytes: Uint8Array, name: string): { ok: true; value: unknown } | { ok: false; error: DataError } {
  const before = Uint8Array.from(bytes);
  const started = performance.now();
  let outcome: { ok: true; value: unknown } | { ok: false; error: DataError };
  try {
    const value = reader === 'parseIdx' ? parseIdx(bytes, { name }) : reader === 'readIdxImages' ? readIdxImages(bytes, { name }) : readIdxLabels(bytes, { name });
    outcome = { ok: true, value };
  } catch (error) {
    expect(error, `${reader} threw a non-DataError: ${String(error)}`).toBeInstanceOf(DataError);
    const e = error as DataError;
    expect(e.message.startsWith(`${name}: `), e.message).toBe(true);
    expect(e.file).toBe(name);
    expect(e.message.length, e.message.slice(0, 300)).toBeLessThan(MAX_MESSAGE);
    outcome = { ok: false, error: e };
  }
  expect(performance.now() - started, `${reader} on ${bytes.length} bytes`).toBeLessThan(CALL_MS);
  expect(bytes, 'the reader modified its input').toEqual(before);
  if (outcome.ok) wellFormed(reader, outcome.value, bytes);
  tally.get(reader)![outcome.ok ? 'returned' : 'threw']++;
  return outcome;
}

/** A successful result has the structure the header announces and shares no memory with the input. */
function wellFormed(reader: Reader, value: unknown, bytes: Uint8Array): void {
  if (reader === 'parseIdx') {
    const t = value as ReturnType<typeof parseIdx>;
    expect(Object.keys(TYPED)).toContain(t.dtype);
    expect(t.data).toBeInstanceOf(TYPED[t.dtype]);
    expect(t.shape.every((d) => Number.isInteger(d) && d >= 0 && d < 2 ** 32)).toBe(true);
    expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
    expect(t.data.buffer).not.toBe(bytes.buffer);
  } else if (reader === 'readIdxImages') {
    const im = value as ReturnType<typeof readIdxImages>;
    expect(im.pixels).toBeInstanceOf(Uint8Array);
    expect(im.pixels.length).toBe(im.count * im.rows * im.cols);
    expect(im.pixels.buffer).not.toBe(bytes.buffer);
  } else {
    const labels = value as Uint8Array;
    expect(labels).toBeInstanceOf(Uint8Array);
    expect(labels.buffer).not.toBe(bytes.buffer);
  }
}

// ---- Arbitraries ----

const name = fc.constantFrom(...NAMES);
const reader = fc.constantFrom(...READERS);
const offset = fc.integer({ min: 0, max: 7 });

/** A dimension: usually small, sometimes 0, 2^31, 2^32 − 1 or anything in between. */
const dim = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 28, 60_000, 2 ** 16, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 32 - 1 }) },
);

/** A valid IDX file of any type, with a small shape and random (finite) values. */
const validIdx = fc
  .record({ code: fc.constantFrom(...CODES), shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }) })
  .chain(({ code, shape }) => {
    const count = shape.reduce((a, b) => a * b, 1);
    const dtype = IDX_TYPES.get(code)!.dtype;
    const values =
      dtype === 'float32'
        ? fc.float({ noDefaultInfinity: true, noNaN: true })
        : dtype === 'float64'
          ? fc.double({ noDefaultInfinity: true, noNaN: true })
          : dtype === 'uint8'
            ? fc.integer({ min: 0, max: 255 })
            : dtype === 'int8'
              ? fc.integer({ min: -128, max: 127 })
              : dtype === 'int16'
                ? fc.integer({ min: -32768, max: 32767 })
                : fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    return fc.record({ code: fc.constant(code), shape: fc.constant(shape), values: fc.array(values, { minLength: count, maxLength: count }) });
  });

/** A random header: any type code (valid or not), rank 0–255, random dims, then 0–64 random data bytes. */
const randomHeader = fc
  .record({
    lead: fc.oneof({ weight: 9, arbitrary: fc.constant([0, 0]) }, { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })) }),
    code: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CODES) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }),
    rank: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 255 }) }),
    data: fc.uint8Array({ maxLength: 64 }),
    cut: fc.integer({ min: 0, max: 8 }),
  })
  .chain((h) => fc.record({ h: fc.constant(h), dims: fc.array(dim, { minLength: h.rank, maxLength: h.rank }) }))
  .map(({ h, dims }) => {
    const header = new Uint8Array(4 + 4 * dims.length);
    const view = new DataView(header.buffer);
    header.set([...h.lead, h.code, h.rank]);
    for (const [i, d] of dims.entries()) view.setUint32(4 + 4 * i, d);
    const all = new Uint8Array(header.length + h.data.length);
    all.set(header);
    all.set(h.data, header.length);
    // Sometimes cut into the header itself.
    return h.cut === 0 ? all.subarray(0, Math.max(0, header.length - 1 - (h.data.length % header.length))) : all;
  });

const options = { seed: SEED, numRuns: RUNS };

describe('IDX readers under fuzzing', () => {
  it('random bytes (raw, or starting with the gzip magic) are decoded or refused with a named DataError', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0x1f, 0x8b, ...b])),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0, 0, ...b])),
    );
    fc.assert(
      fc.property(reader, bytes, name, offset, (r, b, n, o) => {
        check(r, atOffset(b, o), n);
      }),
      options,
    );
  });

  it('valid files of every type round-trip, raw and gzipped, at any byte offset', () => {
    fc.assert(
      fc.property(validIdx, fc.boolean(), offset, name, ({ code, shape, values }, gz, o, n) => {
        const raw = idxBytes(code, shape, values);
        const out = check('parseIdx', atOffset(gz ? gzipSync(raw) : raw, o), n);
        expect(out.ok).toBe(true);
        const t = (out as { value: ReturnType<typeof parseIdx> }).value;
        expect(t.dtype).toBe(IDX_TYPES.get(code)!.dtype);
        expect(t.shape).toEqual(shape);
        // Object.is: -0 stays -0.
        for (const [i, v] of Array.from(t.data).entries()) expect(Object.is(v, t.dtype === 'float32' ? Math.fround(values[i]!) : values[i]!)).toBe(true);
      }),
      options,
    );
  });

  it('valid image and label files are read by their reader and refused by the other', () => {
    const images = fc.record({ count: fc.integer({ min: 0, max: 3 }), rows: fc.integer({ min: 0, max: 5 }), cols: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(images, fc.uint8Array({ maxLength: 8 }), fc.boolean(), name, ({ count, rows, cols }, labels, gz, n) => {
        const pixels = Array.from({ length: count * rows * cols }, (_, i) => (i * 37) % 256);
        const imageFile = idxBytes(8, [count, rows, cols], pixels);
        const labelFile = idxBytes(8, [labels.length], labels);
        const [im, lb] = gz ? [gzipSync(imageFile), gzipSync(labelFile)] : [imageFile, labelFile];
        const read = check('readIdxImages', im, n);
        expect(read.ok && read.value).toEqual({ count, rows, cols, pixels: Uint8Array.from(pixels) });
        const got = check('readIdxLabels', lb, n);
        expect(got.ok && got.value).toEqual(Uint8Array.from(labels));
        expect(check('readIdxLabels', im, n).ok).toBe(false);
        expect(check('readIdxImages', lb, n).ok).toBe(false);
      }),
      options,
    );
  });

  it('a valid file cut short or extended is refused, naming the file, by every reader', () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('extend' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    );
    fc.assert(
      fc.property(validIdx, change, fc.boolean(), reader, name, ({ code, shape, values }, c, gz, r, n) => {
        const valid = idxBytes(code, shape, values);
        const file = gz ? gzipSync(valid) : valid;
        let bytes: Uint8Array;
        if (c.kind === 'cut') bytes = file.subarray(0, c.at % file.length);
        else bytes = Uint8Array.from([...file, ...c.extra]);
        const out = check(r, bytes, n);
        expect(out.ok, `${c.kind} of a ${gz ? 'gzipped ' : ''}file of ${file.length} bytes was accepted by ${r}`).toBe(false);
      }),
      options,
    );
  });

  it('random headers (any type code, rank 0–255, dims up to 2^32 − 1) are refused fast or decoded exactly', () => {
    fc.assert(
      fc.property(randomHeader, reader, fc.boolean(), name, (bytes, r, gz, n) => {
        const out = check(r, gz ? gzipSync(bytes) : bytes, n);
        if (out.ok && r === 'parseIdx') {
          const t = out.value as ReturnType<typeof parseIdx>;
          expect(t.shape.length).toBe(bytes[3]);
          // What was accepted is exactly the header's element count.
          expect(4 + 4 * t.shape.length + t.data.length * IDX_TYPES.get(bytes[2]!)!.bytes).toBe(bytes.length);
        }
      }),
      options,
    );
  });

  it('forged gzip streams (header flags, body bytes, CRC-32, declared size) are refused or give the original data', () => {
    const mutation = fc.oneof(
      // Flip bits anywhere: header (flags, mtime, OS), deflate body, trailer.
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
      // Forge the trailer's CRC-32 or ISIZE (little-endian uint32 at length − 8 / length − 4).
      fc.record({ kind: fc.constant('crc' as const), value: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }),
      fc.record({ kind: fc.constant('isize' as const), value: fc.oneof(fc.constantFrom(0, 1, 2 ** 31, 2 ** 32 - 1, 4_000_000_000), fc.integer({ min: 0, max: 2 ** 32 - 1 })) }),
      // Set FEXTRA / FNAME / FCOMMENT / FHCRC flags with no such fields present.
      fc.record({ kind: fc.constant('flags' as const), value: fc.integer({ min: 0, max: 255 }) }),
      // A different compression method byte.
      fc.record({ kind: fc.constant('method' as const), value: fc.integer({ min: 0, max: 255 }) }),
    );
    fc.assert(
      fc.property(validIdx, fc.array(mutation, { minLength: 1, maxLength: 3 }), name, ({ code, shape, values }, ms, n) => {
        const raw = idxBytes(code, shape, values);
        const gz = gzipSync(raw);
        const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
        for (const m of ms) {
          if (m.kind === 'flip') gz[m.at % gz.length]! ^= m.mask;
          else if (m.kind === 'crc') view.setUint32(gz.length - 8, m.value, true);
          else if (m.kind === 'isize') view.setUint32(gz.length - 4, m.value, true);
          else if (m.kind === 'flags') gz[3] = m.value;
          else gz[2] = m.value;
        }
        const out = check('parseIdx', gz, n);
        if (out.ok) expect(out.value).toEqual(parseIdx(raw));
      }),
      options,
    );
  });
});

describe('IDX regressions: the nastiest inputs, by hand', () => {
  const refuse = (r: Reader, bytes: Uint8Array, pattern: RegExp) => {
    const out = check(r, bytes, 'evil.idx');
    expect(out.ok).toBe(false);
    expect((out as { error: DataError }).error.message).toMatch(pattern);
  };

  it('a header claiming 4e9 elements on 20 bytes throws at once, for every type and reader', () => {
    for (const code of CODES) {
      const bytes = Uint8Array.from([0, 0, code, 1, 0xee, 0x6b, 0x28, 0x00, ...new Array(12).fill(7)]); // 4,000,000,000
      refuse('parseIdx', bytes, /^evil\.idx: truncated: expected \d+ bytes .*\[4000000000\]/);
    }
    refuse('readIdxImages', Uint8Array.from([0, 0, 8, 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), /^evil\.idx: truncated/);
    refuse('readIdxLabels', Uint8Array.from([0, 0, 8, 1, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), /^evil\.idx: truncated/);
  });

  it('rank 255 with every dim 2^32 − 1: the product overflows to Infinity and is still refused, with a bounded message', () => {
    const bytes = new Uint8Array(4 + 4 * 255 + 8).fill(0xff);
    bytes.set([0, 0, 0x0e, 255]);
    refuse('parseIdx', bytes, /^evil\.idx: truncated: expected Infinity bytes \(1024-byte header \+ shape \[4294967295, 4294967295, 4294967295, 4294967295, 4294967295, 4294967295, … 248 more …, 4294967295\] \(255 dims\) × 8 bytes per float64\)/);
    refuse('readIdxImages', bytes, /^evil\.idx: wrong magic number 3839 \(float64, 255 dims\), expected 2051/);
  });

  it('a zero dim next to huge ones is an empty tensor, and then any data byte is trailing', () => {
    const empty = Uint8Array.from([0, 0, 0x0c, 3, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    expect(parseIdx(empty, { name: 'e.idx' })).toEqual({ dtype: 'int32', shape: [2 ** 32 - 1, 0, 2 ** 32 - 1], data: new Int32Array(0) });
    refuse('parseIdx', Uint8Array.from([...empty, 1]), /^evil\.idx: header\/size mismatch: .*\(1 trailing bytes\)/);
  });

  it('rank 0 holds exactly one element', () => {
    expect(parseIdx(Uint8Array.from([0, 0, 0x0b, 0, 0x80, 0x01]))).toEqual({ dtype: 'int16', shape: [], data: new Int16Array([-32767]) });
    refuse('parseIdx', Uint8Array.from([0, 0, 0x0b, 0]), /^evil\.idx: truncated/);
  });

  it('gzip: a forged ISIZE of 4e9, a header with every flag set, a bare 18-byte stream', () => {
    const gz = gzipSync(idxBytes(8, [2], [1, 2]));
    const big = Uint8Array.from(gz);
    new DataView(big.buffer).setUint32(big.length - 4, 4_000_000_000, true);
    refuse('parseIdx', big, /^evil\.idx: corrupt gzip stream \(the trailer declares 4000000000 bytes/);
    const flags = Uint8Array.from(gz);
    flags[3] = 0xff;
    refuse('parseIdx', flags, /^evil\.idx: corrupt gzip stream/);
    // 20 bytes: a header, an empty fixed block, CRC 0, size 0: a valid stream of nothing.
    refuse('parseIdx', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]), /^evil\.idx: truncated header: 0 bytes after gunzip/);
    // 18 bytes, no deflate body at all: fflate reads the trailer's zeros as an empty block, so this
    // also inflates to nothing, and is refused as an empty IDX file rather than as corrupt gzip.
    refuse('parseIdx', Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]), /^evil\.idx: truncated header: 0 bytes after gunzip/);
    refuse('parseIdx', Uint8Array.from([0x1f, 0x8b]), /^evil\.idx: corrupt gzip stream \(only 2 bytes\)/);
  });
});
