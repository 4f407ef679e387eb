// Fuzzes the table readers: parseCsv, parseTxt and parseJsonTable on random text built from the
// characters that matter (quotes, delimiters, BOMs, CR/LF mixes, NUL bytes, brackets, numbers
// like 1e999, long cells), and readTableFile / convertTableFile on random files. Every call must
// return a well-formed table or throw an Error whose message starts with the source and, for CSV
// and TXT, names the line; messages stay short even for megabyte cells; no call hangs (each is
// timed) and a failed conversion leaves no file behind. Successful reads round-trip through the
// matching writer, and the streaming converter agrees with the whole-file reader.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../csv.js';
import { formatJsonTable, parseJsonTable } from '../json-table.js';
import { rowCount, type Table } from '../table.js';
import { formatTxt, parseTxt } from '../txt.js';
import { convertTableFile, readTableFile } from './table-file.js';

const SEED = 20_261_203;
const RUNS = 400;
const FILE_RUNS = 150;
/** Far above what these inputs need (a few KB); longer means a hang or quadratic work. */
const CALL_MS = 2_000;
const MAX_MESSAGE = 1_000;

const dir = mkdtempSync(join(tmpdir(), 'lab-readers-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---- Checks ----

/** A table is names and same-length columns: Float64Array for numbers, string | null for text. */
function expectWellFormed(table: Table): void {
  expect(Array.isArray(table.names)).toBe(true);
  expect(table.names.every((n) => typeof n === 'string')).toBe(true);
  expect(table.columns).toHaveLength(table.names.length);
  const rows = rowCount(table);
  for (const column of table.columns) {
    expect(column.length).toBe(rows);
    if (!(column instanceof Float64Array)) expect(column.every((v) => v === null || typeof v === 'string')).toBe(true);
  }
}

/** The error is an Error naming `source` first (and a line, when `line`), with a bounded, one-paragraph message. */
function expectNamedError(error: unknown, source: string, line: boolean): Error {
  expect(error, `threw a non-Error: ${String(error)}`).toBeInstanceOf(Error);
  const { message } = error as Error;
  expect(message.length, message.slice(0, 300)).toBeLessThan(MAX_MESSAGE);
  expect(message.startsWith(`${source}: `), message).toBe(true);
  // Option errors (a stringColumns name that is not a column, a delimiter csv-parse refuses) have no line.
  if (line && !/stringColumns names|option|delimiter/i.test(message)) expect(message, 'no line number').toMatch(/\bline \d+/);
  return error as Error;
}

/** Runs `fn`, timing it; returns its value or the error it threw. */
function timed<T>(what: string, fn: () => T, limit = CALL_MS): { ok: true; value: T } | { ok: false; error: unknown } {
  const started = performance.now();
  let out: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    out = { ok: true, value: fn() };
  } catch (error) {
    out = { ok: false, error };
  }
  expect(performance.now() - started, what).toBeLessThan(limit);
  return out;
}

async function timedAsync<T>(what: string, fn: () => Promise<T>, limit = CALL_MS): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const started = performance.now();
  let out: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    out = { ok: true, value: await fn() };
  } catch (error) {
    out = { ok: false, error };
  }
  expect(performance.now() - started, what).toBeLessThan(limit);
  return out;
}

const tally = new Map<string, { returned: number; threw: number }>();
function count(what: string, ok: boolean): void {
  const t = tally.get(what) ?? { returned: 0, threw: 0 };
  t[ok ? 'returned' : 'threw']++;
  tally.set(what, t);
}
afterAll(() => {
  console.log(`readers fuzz (seed ${SEED}): ${[...tally].map(([w, t]) => `${w} ${t.returned} returned / ${t.threw} threw`).join(', ')}`);
});

// ---- Arbitraries ----

/** Text made of the pieces parsers trip over, sometimes with a long run of one of them. */
const TOKENS = [
  ',', ',', ';', '\t', '|', ' ', '  ', '"', '""', '"', "'", '\n', '\n', '\r\n', '\r', '\n\n', '#', '# a b\n', '\uFEFF', '\0', '\\',
  '0', '1', '-2.5', '+3', '.5', '5.', '1e3', '1e999', '-1e999', '1e-999', 'inf', '-Infinity', 'NaN', 'nan', 'NA', 'N/A', '0x10', '1_000', 'e5', '--1', '١',
  'a', 'b', 'ä', '𝒳', '\u2028', '{', '}', '[', ']', ':', 'null', 'true', '{"a":1}', '[1,2]',
];
const token = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1', 'x', ' ', '"', ',', '\n', '9', '['), fc.integer({ min: 100, max: 3_000 })).map(([t, n]) => t.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const text = fc.array(token, { maxLength: 80 }).map((t) => t.join(''));

/** CSV-shaped text: rows of cells, some quoted, then a few random edits. */
const cell = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('', '1', '-0', '2.5e-3', '1e999', 'NA', 'nan', 'inf', '"3"', ' 7 ', '"1\n"') },
  { weight: 12, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`) },
);
/** Up to two random insertions, none half the time. */
const edits = fc.oneof(fc.constant([] as [number, string][]), fc.array(fc.tuple(fc.nat(), token), { minLength: 1, maxLength: 2 }));
const csvLike = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.tuple(fc.array(cell, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 9 })), { maxLength: 6 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    edits,
  })
  .map(({ width, rows, delimiter, eol, bom, edits }) => {
    const header = Array.from({ length: width }, (_, c) => `c${c}`).join(delimiter);
    // Rows are as wide as the header, but one in ten is ragged.
    const lines = rows.map(([cells, ragged]) => cells.slice(0, ragged === 0 ? 1 + (width % 5) : width).join(delimiter));
    let s = `${bom ? '\uFEFF' : ''}${[header, ...lines].join(eol)}${eol}`;
    for (const [at, t] of edits) s = s.slice(0, at % (s.length + 1)) + t + s.slice(at % (s.length + 1));
    return { text: s, delimiter };
  });

/** JSON-shaped text: tables of records or rows, random JSON, both with a few random edits. */
const jsonCell = fc.oneof(
  { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 5 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, {}, [1]) },
);
const KEYS = ['a', 'b', 'c', '__proto__', '0', ''];
const jsonLike = fc
  .record({
    value: fc.oneof(
      // Records with the same keys (mostly), rows of the same width (mostly), or any JSON.
      fc.tuple(fc.subarray(KEYS, { maxLength: 3 }), fc.array(fc.array(jsonCell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), fc.nat()).map(([keys, rows, drop]) =>
        rows.map((row, r) => Object.fromEntries(keys.filter((_, k) => r !== drop % 7 || k > 0).map((k, i) => [k, row[i]]))),
      ),
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.array(jsonCell, { maxLength: 3 }), { maxLength: 5 })).map(([w, rows]) => rows.map((row, r) => (r === 3 ? row : [...row, null, null, null].slice(0, w)))),
      fc.jsonValue({ maxDepth: 4 }),
    ),
    edits,
    cut: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
  })
  .map(({ value, edits, cut }) => {
    let s = JSON.stringify(value) ?? 'null';
    for (const [at, t] of edits) s = s.slice(0, at % (s.length + 1)) + t + s.slice(at % (s.length + 1));
    return cut === null ? s : s.slice(0, cut % (s.length + 1));
  });

/** CSV-like text with spaces for delimiters and its header line made a comment. */
const txtLike = csvLike.map((c) => c.text.replaceAll(c.delimiter, ' ').replace(/^(\uFEFF?)/, '$1# '));

const source = fc.constantFrom('in.csv', 'data/ä b.txt', 'x');
const missing = fc.option(fc.constantFrom(['NA'], ['', '?'], [] as string[]), { nil: undefined });

// ---- Properties ----

const options = { seed: SEED, numRuns: RUNS };

describe('parseCsv under fuzzing', () => {
  const csvOptions = fc.record({
    header: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.boolean() }),
    stringColumns: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.subarray(['c0', 'c1', 'x1']) }, { weight: 1, arbitrary: fc.subarray(['c0', 'a', 'x0']) }),
    missing,
  });

  it('random text and CSV-like text give a table or a named error with the line; tables round-trip through formatCsv', () => {
    const input = fc.oneof({ weight: 1, arbitrary: fc.record({ text, delimiter: fc.constantFrom(',', ';', '\t', '|') }) }, { weight: 3, arbitrary: csvLike });
    fc.assert(
      fc.property(input, csvOptions, source, ({ text: t, delimiter }, o, src) => {
        const read = () => parseCsv(t, { ...o, delimiter, source: src });
        const out = timed(`parseCsv on ${t.length} chars`, read);
        count('parseCsv', out.ok);
        if (!out.ok) return void expectNamedError(out.error, src, true);
        expectWellFormed(out.value);
        // formatCsv writes missing cells empty: only a missing list holding '' reads them back as missing.
        if (o.missing !== undefined && !o.missing.includes('')) return;
        const textColumns = out.value.names.filter((_, c) => !(out.value.columns[c] instanceof Float64Array));
        const back = parseCsv(formatCsv(out.value, { delimiter, header: o.header ?? true }), { delimiter, header: o.header, stringColumns: textColumns, missing: o.missing });
        expect(back).toEqual(out.value);
      }),
      options,
    );
  });
});

describe('parseTxt under fuzzing', () => {
  it('random text gives a numeric table or a named error with the line; tables round-trip through formatTxt', () => {
    const input = fc.oneof({ weight: 1, arbitrary: text }, { weight: 3, arbitrary: txtLike });
    fc.assert(
      fc.property(input, source, missing, (t, src, m) => {
        const out = timed(`parseTxt on ${t.length} chars`, () => parseTxt(t, { source: src, missing: m }));
        count('parseTxt', out.ok);
        if (!out.ok) return void expectNamedError(out.error, src, true);
        expectWellFormed(out.value);
        expect(out.value.columns.every((c) => c instanceof Float64Array)).toBe(true);
        // formatTxt writes NaN as "nan": only a missing list that reads "nan" back as NaN round-trips.
        if (m === undefined && out.value.names.every((n) => !/\s/.test(n) && n !== '')) expect(parseTxt(formatTxt(out.value))).toEqual(out.value);
      }),
      options,
    );
  });
});

describe('parseJsonTable under fuzzing', () => {
  it('random and table-like JSON gives a table or a named error; tables round-trip through formatJsonTable', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: jsonLike }, { weight: 1, arbitrary: text }), source, (t, src) => {
        const out = timed(`parseJsonTable on ${t.length} chars`, () => parseJsonTable(t, src));
        count('parseJsonTable', out.ok);
        if (!out.ok) return void expectNamedError(out.error, src, false);
        expectWellFormed(out.value);
        const t2 = out.value;
        // A text column whose cells are all null reads back as numeric (all missing): compare those as values.
        const back = parseJsonTable(formatJsonTable(t2, 'records'), src);
        expect(back.names).toEqual(t2.names);
        for (const [c, column] of back.columns.entries()) {
          const original = t2.columns[c]!;
          if (column instanceof Float64Array && !(original instanceof Float64Array)) expect(original.every((v) => v === null)).toBe(true);
          // JSON has no Infinity: formatJsonTable writes ±Infinity as null, which reads back as missing (known, reported).
          else expect(column).toEqual(original instanceof Float64Array ? original.map((v) => (Number.isFinite(v) ? v : Number.NaN)) : original);
        }
      }),
      options,
    );
  });
});

describe('readTableFile and convertTableFile under fuzzing', () => {
  let n = 0;
  const EXTS = ['.csv', '.tsv', '.txt', '.dat', '.json'] as const;
  const OUT_EXTS = ['.csv', '.tsv', '.txt', '.json'] as const;
  const bytes = fc.oneof(
    fc.oneof(text, jsonLike, txtLike, csvLike.map((c) => c.text)).map((t) => new TextEncoder().encode(t)),
    fc.uint8Array({ maxLength: 200 }),
  );

  it('random files give a table or an error naming the file (and the line), the same whether read whole or streamed', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(...EXTS), fc.constantFrom(...OUT_EXTS), async (b, ext, outExt) => {
        const input = join(dir, `in-${++n}${ext}`);
        const output = join(dir, `out-${n}${outExt}`);
        writeFileSync(input, b);
        const lines = ext !== '.json';
        const read = await timedAsync(`readTableFile on ${b.length} bytes`, () => readTableFile(input));
        count('readTableFile', read.ok);
        if (read.ok) expectWellFormed(read.value);
        else expectNamedError(read.error, basename(input), lines);
        if (ext === '.json' && outExt === '.json') return;
        const converted = await timedAsync(`convertTableFile on ${b.length} bytes`, () => convertTableFile(input, output));
        count('convertTableFile', converted.ok);
        // This case's output and temporary files only: a failed conversion can leave its temporary
        // file to appear later (writeStreamAtomic's rm races the stream's open; reported).
        const left = readdirSync(dir).filter((f) => f.startsWith(`out-${n}.`));
        if (!converted.ok) {
          // Writing TXT can fail on the output's side (a column name with whitespace): then it names the output.
          const err = converted.error as Error;
          expectNamedError(err, err.message.startsWith(output) ? output : basename(input), lines && !err.message.startsWith(output));
          expect(left, 'a failed conversion left a file behind').toEqual([]);
        } else {
          expect(left, `after converting ${basename(input)}`).toEqual([basename(output)]);
        }
        // The streaming converter reads what the whole-file reader reads: the same rows, or an error.
        if (read.ok && converted.ok) {
          expect(converted.value).toBe(rowCount(read.value));
          // And writes it back whole: every value, and the names (TXT keeps names only when they have
          // no whitespace; TXT and JSON records hold no names without rows).
          const textNames = read.value.names.filter((_, c) => !(read.value.columns[c] instanceof Float64Array));
          const back = await readTableFile(output, outExt === '.json' ? {} : { stringColumns: textNames });
          const rows = rowCount(read.value) > 0;
          const named = outExt === '.txt' ? rows && read.value.names.every((n) => n !== '' && !/\s/.test(n)) : outExt !== '.json' || rows;
          if (named) expect(back.names).toEqual(read.value.names);
          // Known losses: JSON writes ±Infinity as null (missing) and -0 as 0; CSV writes a text cell that looks
          // missing ('', ' NA ') as is, which reads back as missing.
          const values = (t: Table, from: boolean) =>
            t.columns.map((c) => Array.from<number | string | null, number | string | null>(c, (v) => (from && outExt === '.json' && typeof v === 'number' ? (Number.isFinite(v) ? v + 0 : Number.NaN) : typeof v === 'string' && ['', 'NA', 'NaN', 'nan', 'N/A'].includes(v.trim()) ? null : v)));
          if (named || rows) expect(values(back, false)).toEqual(values(read.value, true));
        }
        if (read.ok !== converted.ok && !(converted.ok === false && (converted.error as Error).message.startsWith(output))) {
          throw new Error(`readTableFile ${read.ok ? 'read' : 'refused'} ${JSON.stringify(new TextDecoder().decode(b)).slice(0, 200)} (${ext}) but convertTableFile to ${outExt} ${converted.ok ? 'converted' : `refused it: ${(converted.error as Error).message}`}`);
        }
      }),
      { seed: SEED, numRuns: FILE_RUNS },
    );
  });
});

describe('table reader regressions: the nastiest inputs, by hand', () => {
  // Megabyte inputs take a second or two here; quadratic work would take minutes.
  const refuse = (fn: () => unknown, src: string, line: boolean, pattern: RegExp) => {
    const out = timed(String(pattern), fn, 15_000);
    expect(out.ok).toBe(false);
    expect(expectNamedError((out as { error: unknown }).error, src, line).message).toMatch(pattern);
  };
  const MB = 1_000_000;

  it('a 1 MB cell is named, not echoed: non-numeric, after an opening quote, or as a column name', () => {
    refuse(() => parseCsv(`a,b\n${'x'.repeat(MB)},1\n`, { source: 's.csv' }), 's.csv', true, /^s\.csv: line 2, column 1 \("a"\): "x+…?.*is not a number/);
    refuse(() => parseCsv(`a,b\n${'x'.repeat(MB)}"y,1\n`, { source: 's.csv' }), 's.csv', true, /^s\.csv: .*line 2/);
    refuse(() => parseCsv(`${'h'.repeat(MB)},b\nx,1\n`, { source: 's.csv' }), 's.csv', true, /^s\.csv: line 2, column 1/);
    refuse(() => parseTxt(`1 2\n3 ${'y'.repeat(MB)}\n`, { source: 's.txt' }), 's.txt', true, /^s\.txt: line 2, column 2/);
    refuse(() => parseJsonTable(`[[1], [${JSON.stringify('z'.repeat(MB))}, 2]]`, 's.json'), 's.json', false, /^s\.json: row 1 has 2 values/);
    refuse(() => parseJsonTable(`[[1], [{"k": ${JSON.stringify('z'.repeat(MB))}}]]`, 's.json'), 's.json', false, /^s\.json: row 1, "x0": .* is not a number, string or null/);
    refuse(() => parseJsonTable(`[{"a": 1}, {${JSON.stringify('k'.repeat(MB))}: 2}]`, 's.json'), 's.json', false, /^s\.json: row 1 has keys/);
    refuse(() => parseJsonTable(`[{"a": 1}, {"a": ${JSON.stringify('q'.repeat(MB))}`, 's.json'), 's.json', false, /^s\.json: not valid JSON/);
  });

  it('a 1 MB run of digits ending in a letter is refused in linear time, not quadratic', () => {
    refuse(() => parseCsv(`a\n${'1'.repeat(MB)}x\n`, { source: 'd.csv' }), 'd.csv', true, /^d\.csv: line 2, column 1 \("a"\)/);
    refuse(() => parseTxt(`${'7'.repeat(MB)}.5e`, { source: 'd.txt' }), 'd.txt', true, /^d\.txt: line 1, column 1/);
    // 400 digits are a number beyond float64's range: Infinity, as Number() reads it.
    expect(Array.from(parseCsv(`a\n${'1'.repeat(400)}\n`).columns[0] as Float64Array)).toEqual([Number.POSITIVE_INFINITY]);
  });

  it('100,000 nested brackets: unclosed, closed, inside a row, inside a record', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    refuse(() => parseJsonTable('['.repeat(100_000), 'n.json'), 'n.json', false, /^n\.json: not valid JSON/);
    refuse(() => parseJsonTable(deep, 'n.json'), 'n.json', false, /^n\.json: row 0, "x0": an array is not a number, string or null/);
    refuse(() => parseJsonTable(`[[${deep}]]`, 'n.json'), 'n.json', false, /^n\.json: row 0, "x0": an array is not a number, string or null/);
    refuse(() => parseJsonTable(`[{"a": ${'{"b":'.repeat(50_000)}1${'}'.repeat(50_000)}}]`, 'n.json'), 'n.json', false, /^n\.json: row 0, "a": an object is not a number, string or null/);
  });

  it('1e999 and friends: infinities in CSV and TXT, plain numbers in JSON', () => {
    expect(Array.from(parseCsv('a\n1e999\n-1e999\n1e-999\n').columns[0] as Float64Array)).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0]);
    expect(Array.from(parseTxt('1e999 -inf\n').columns[1] as Float64Array)).toEqual([Number.NEGATIVE_INFINITY]);
    expect(Array.from(parseJsonTable('[[1e999]]').columns[0] as Float64Array)).toEqual([Number.POSITIVE_INFINITY]);
  });

  it('NUL bytes, lone CRs, a BOM in the middle and a quote in an unquoted field', () => {
    refuse(() => parseCsv('a,b\n1,\0\n', { source: 'z.csv' }), 'z.csv', true, /^z\.csv: line 2, column 2 \("b"\): "\\u0000" is not a number/);
    expect(parseCsv('a,b\r1,2\r3,4\r').columns).toEqual([Float64Array.of(1, 3), Float64Array.of(2, 4)]); // lone CRs end records
    refuse(() => parseCsv('a,b\n1,2\uFEFF3\n', { source: 'z.csv' }), 'z.csv', true, /^z\.csv: line 2, column 2/);
    refuse(() => parseCsv('a,b\n1,2"3\n', { source: 'z.csv' }), 'z.csv', true, /^z\.csv: .*line 2/);
  });

  it('TXT with lone CR line ends: the whole-file reader and the streaming converter read the same rows', async () => {
    const body = '# a b\r1 2\r3 4\r';
    expect(parseTxt(body)).toEqual({ names: ['a', 'b'], columns: [Float64Array.of(1, 3), Float64Array.of(2, 4)] });
    writeFileSync(join(dir, 'cr.txt'), body);
    expect(await convertTableFile(join(dir, 'cr.txt'), join(dir, 'cr.csv'))).toBe(2);
    expect(await readTableFile(join(dir, 'cr.csv'))).toEqual(await readTableFile(join(dir, 'cr.txt')));
  });

  it('a trailing incomplete UTF-8 sequence is U+FFFD for both TXT readers (the streaming one used to drop it)', async () => {
    writeFileSync(join(dir, 'utf8.dat'), Uint8Array.from([0x31, 0x0a, 0xc0]));
    await expect(readTableFile(join(dir, 'utf8.dat'))).rejects.toThrow('utf8.dat: line 2, column 1 ("x0"): "\uFFFD" is not a number');
    await expect(convertTableFile(join(dir, 'utf8.dat'), join(dir, 'utf8.csv'))).rejects.toThrow('utf8.dat: line 2, column 1 ("x0"): "\uFFFD" is not a number');
  });

  it('a repeated column name is refused when writing JSON records (it used to drop the column), naming the output', async () => {
    writeFileSync(join(dir, 'dup.csv'), 'a,a\n1,2\n');
    const out = join(dir, 'dup.json');
    await expect(convertTableFile(join(dir, 'dup.csv'), out)).rejects.toThrow(`${out}: formatJsonTable: the column name "a" appears more than once`);
    expect(readdirSync(dir).filter((f) => f.startsWith('dup.json'))).toEqual([]);
    expect(formatJsonTable(parseCsv('a,a\n1,2\n'), 'rows')).toBe('[[1,2]]\n');
    writeFileSync(join(dir, 'space.csv'), `${'a '.repeat(MB)},b\n1,2\n`);
    const txt = join(dir, 'space.txt');
    const e = await timedAsync('space', () => convertTableFile(join(dir, 'space.csv'), txt), 15_000);
    expect(expectNamedError((e as { error: unknown }).error, txt, false).message).toMatch(/has whitespace, which TXT headers cannot hold/);
  });

  it('convertTableFile names the file for every csv-parse error, and leaves nothing behind', async () => {
    for (const [name, body] of [['q.csv', 'a,b\n1,2"3\n'], ['c.csv', 'a,b\n"1"x,2\n'], ['o.csv', 'a\n"1\n']] as const) {
      writeFileSync(join(dir, name), body);
      const out = await timedAsync(name, () => convertTableFile(join(dir, name), join(dir, `${name}.txt`)));
      expect(out.ok).toBe(false);
      expectNamedError((out as { error: unknown }).error, name, true);
      expect(readdirSync(dir).filter((f) => f.startsWith(`${name}.`))).toEqual([]);
    }
  });
});
