import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv.js';
import { formatJsonTable, parseJsonTable } from './json-table.js';
import { convertTableFile, readTableFile, writeTableFile } from './node/table-file.js';
import { tableToTensor, tensorToTable } from './table.js';
import { formatTxt, parseTxt } from './txt.js';

describe('CSV', () => {
  it('reads RFC 4180: quotes, embedded delimiters and newlines, BOM, missing cells', () => {
    const table = parseCsv('\uFEFFname,"x, y",z\n"a ""b""\nc",1.5,NA\nd,,-2e3\n', { stringColumns: ['name'] });
    expect(table.names).toEqual(['name', 'x, y', 'z']);
    expect(table.columns[0]).toEqual(['a "b"\nc', 'd']);
    expect(Array.from(table.columns[1] as Float64Array)).toEqual([1.5, Number.NaN]);
    expect(Array.from(table.columns[2] as Float64Array)).toEqual([Number.NaN, -2000]);
    expect(parseCsv(formatCsv(table), { stringColumns: ['name'] })).toEqual(table);
  });

  it('takes a custom delimiter and no header', () => {
    const table = parseCsv('1;2\n3;4\n', { delimiter: ';', header: false });
    expect(table.names).toEqual(['x0', 'x1']);
    expect(formatCsv(table, { delimiter: ';', header: false })).toBe('1;2\n3;4\n');
  });

  it('names the line and column of bad input', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', { source: 'in.csv' })).toThrow('in.csv: line 3 has 1 fields; the header has 2');
    expect(() => parseCsv('a,b\n1,2\n3,x\n', { source: 'in.csv' })).toThrow('in.csv: line 3, column 2 ("b"): "x" is not a number');
    expect(() => parseCsv('a,b\n1,"2\n', { source: 'in.csv' })).toThrow('in.csv: line 2: a quoted field is never closed');
  });

  it('prints every float64 so that it parses back exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 20 }), (values) => {
        const table = { names: ['v'], columns: [Float64Array.from(values)] };
        const back = parseCsv(formatCsv(table)).columns[0] as Float64Array;
        const txt = parseTxt(formatTxt(table)).columns[0] as Float64Array;
        // Object.is tells -0 from 0 and matches NaN with NaN.
        return values.every((v, i) => Object.is(back[i], v) && Object.is(txt[i], v));
      }),
    );
  });
});

describe('TXT and JSON', () => {
  it('read numpy.savetxt output with comments, names from the header comment', () => {
    const table = parseTxt('# written by numpy\n# a b\n1.0 2.5e-3  # trailing\n\n nan -inf\n');
    expect(table.names).toEqual(['a', 'b']);
    expect(Array.from(table.columns[0] as Float64Array)).toEqual([1, Number.NaN]);
    expect(Array.from(table.columns[1] as Float64Array)).toEqual([0.0025, Number.NEGATIVE_INFINITY]);
    expect(formatTxt(table)).toBe('# a b\n1 0.0025\nnan -inf\n');
    expect(() => parseTxt('1 2\n3\n', { source: 'in.txt' })).toThrow('in.txt: line 2 has 1 fields; the header has 2');
  });

  it('read and write records and rows', () => {
    const table = parseJsonTable('[{"a": 1, "b": "x"}, {"a": null, "b": null}]');
    expect(Array.from(table.columns[0] as Float64Array)).toEqual([1, Number.NaN]);
    expect(table.columns[1]).toEqual(['x', null]);
    expect(formatJsonTable(table)).toBe('[{"a":1,"b":"x"},{"a":null,"b":null}]\n');
    expect(formatJsonTable(parseJsonTable('[[1, 2], [3, null]]'), 'rows')).toBe('[[1,2],[3,null]]\n');
    // Infinity has no JSON form: an error naming the cell, not a null that reads back as missing.
    const infinite = { names: ['a', 'b'], columns: [Float64Array.from([1, Number.NEGATIVE_INFINITY]), Float64Array.from([2, 3])] };
    expect(() => formatJsonTable(infinite)).toThrow('formatJsonTable: row 2, column "a" is -Infinity, which JSON cannot hold (write CSV, or replace it)');
    expect(() => parseJsonTable('[{"a": 1}, {"b": 2}]', 'in.json')).toThrow('in.json: row 1 has keys b; row 0 has a');
  });

  it('convert to and from 2-D tensors', () => {
    const table = parseCsv('a,b\n1,2\n3,4\n');
    const x = tableToTensor(table);
    expect(x.arraySync()).toEqual([[1, 2], [3, 4]]);
    expect(tensorToTable(x, ['a', 'b'])).toEqual(table);
    expect(leaked(() => tableToTensor(table))).toBe(0);
    x.dispose();
    expect(() => tableToTensor(parseCsv('s\nx\n', { stringColumns: ['s'] }))).toThrow('tableToTensor: column 0 ("s") holds text, not numbers');
    tf.dispose();
  });
});

describe('table files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-preprocess-'));

  it('convert CSV → TXT → CSV by streaming, keeping every value', async () => {
    const csv = 'a,b,c\n0.1,1e-300,-7\n,3.14159265358979,1.7976931348623157e+308\n';
    writeFileSync(join(dir, 'in.csv'), csv);
    expect(await convertTableFile(join(dir, 'in.csv'), join(dir, 'mid.txt'))).toBe(2);
    expect(readFileSync(join(dir, 'mid.txt'), 'utf8')).toBe('# a b c\n0.1 1e-300 -7\nnan 3.14159265358979 1.7976931348623157e+308\n');
    await convertTableFile(join(dir, 'mid.txt'), join(dir, 'out.csv'));
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(csv);
    await convertTableFile(join(dir, 'in.csv'), join(dir, 'out.json'));
    expect(await readTableFile(join(dir, 'out.json'))).toEqual(await readTableFile(join(dir, 'in.csv')));
  });

  it('keeps the header of a header-only table, and refuses a FIFO or a folder at once', async () => {
    writeFileSync(join(dir, 'empty.csv'), 'a,b\n');
    expect(await convertTableFile(join(dir, 'empty.csv'), join(dir, 'empty-out.csv'))).toBe(0);
    expect(readFileSync(join(dir, 'empty-out.csv'), 'utf8')).toBe('a,b\n');
    await convertTableFile(join(dir, 'empty.csv'), join(dir, 'empty-out.txt'));
    expect(readFileSync(join(dir, 'empty-out.txt'), 'utf8')).toBe('# a b\n');
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    await expect(convertTableFile(join(dir, 'pipe.csv'), join(dir, 'pipe-out.csv'))).rejects.toThrow('pipe.csv: the input table is a FIFO (named pipe), not a regular file');
    await expect(readTableFile(join(dir, 'pipe.csv'))).rejects.toThrow('pipe.csv: the table is a FIFO (named pipe), not a regular file');
    // A folder has no extension: it is named as a folder, not as an unknown format.
    mkdirSync(join(dir, 'tables'), { recursive: true });
    await expect(readTableFile(join(dir, 'tables'))).rejects.toThrow('tables: the table is a folder, not a regular file');
    expect(existsSync(join(dir, 'pipe-out.csv'))).toBe(false);
  });

  it('write nothing when the input is bad, and name the file, line and column', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'a,b\n1,2\n3,oops\n');
    await expect(convertTableFile(join(dir, 'bad.csv'), join(dir, 'bad.txt'))).rejects.toThrow('bad.csv: line 3, column 2 ("b"): "oops" is not a number');
    writeFileSync(join(dir, 'open.csv'), 'a,b\n1,"2\n');
    await expect(convertTableFile(join(dir, 'open.csv'), join(dir, 'open.txt'))).rejects.toThrow('open.csv: line 2: a quoted field is never closed');
    expect(existsSync(join(dir, 'bad.txt'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await writeTableFile(join(dir, 'w.csv'), parseCsv('a\n1\n'));
    expect(readFileSync(join(dir, 'w.csv'), 'utf8')).toBe('a\n1\n');
    writeFileSync(join(dir, 'x.xlsx'), 'PK');
    await expect(readTableFile(join(dir, 'x.xlsx'))).rejects.toThrow('cannot tell the table format from the extension ".xlsx"');
  });
});
