import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv({ inferTypes: true })', () => {
  it('keeps columns of numbers (and missing cells) numeric and the others text', () => {
    const table = parseCsv('species,mass,sex,when\nAdelie,3750,MALE,2007-11-11\nGentoo,NA,.,2008-01-02\n"Chin, strap",4100.5,,2009-03-04\n', {
      inferTypes: true,
      missing: ['', 'NA', '.'],
    });
    expect(table.names).toEqual(['species', 'mass', 'sex', 'when']);
    expect(table.columns[0]).toEqual(['Adelie', 'Gentoo', 'Chin, strap']);
    expect(table.columns[1]).toEqual(Float64Array.of(3750, Number.NaN, 4100.5));
    expect(table.columns[2]).toEqual(['MALE', null, null]);
    expect(table.columns[3]).toEqual(['2007-11-11', '2008-01-02', '2009-03-04']);
  });

  it('still names the line of a ragged row', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', { inferTypes: true, source: 'x.csv' })).toThrow('x.csv: line 3 has 1 fields; the header has 2');
  });
});
