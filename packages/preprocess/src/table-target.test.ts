import { describe, expect, it } from 'vitest';
import { inferTask, TableTarget } from './table-target.js';

describe('inferTask', () => {
  it('calls text and few distinct integers classification, other numbers regression, and says why', () => {
    expect(inferTask(['Adelie', null, 'Gentoo'])).toEqual({ task: 'classification', reason: 'the target holds text' });
    expect(inferTask(Float64Array.of(0, 1, 1, Number.NaN, 0)).task).toBe('classification');
    expect(inferTask(Float64Array.of(18, 15, 36.1, 24)).task).toBe('regression');
    const many = Float64Array.from({ length: 40 }, (_, i) => i);
    expect(inferTask(many)).toEqual({ task: 'regression', reason: 'the target holds 40 distinct numbers' });
    expect(inferTask(many, { maxClasses: 40 }).task).toBe('classification');
  });

  it('refuses an empty target and unknown options', () => {
    expect(() => inferTask([null, null])).toThrow('inferTask: the target column has no values');
    expect(() => inferTask(['a'], { maxClass: 3 } as never)).toThrow(/maxClass/);
  });
});

describe('TableTarget', () => {
  it('encodes classes in LabelEncoder order and round-trips through JSON', () => {
    const target = TableTarget.fit('Species', ['Gentoo', 'Adelie', 'Chinstrap', 'Adelie'], 'classification');
    expect(target.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(target.outputs).toBe(3);
    expect([...target.encode(['Gentoo', 'Adelie'])]).toEqual([2, 0]);
    const back = TableTarget.fromJSON(JSON.parse(JSON.stringify(target.toJSON())));
    expect(back.toJSON()).toEqual(target.toJSON());
    expect(() => target.encode(['Adelie', 'Emperor'])).toThrow("target 'Species' row 2 is \"Emperor\", a class the model does not know (Adelie, Chinstrap, Gentoo)");
  });

  it('sorts numeric classes as numbers, not as text', () => {
    const target = TableTarget.fit('rating', Float64Array.of(10, 2, 1, 2), 'classification');
    expect(target.labels).toEqual(['1', '2', '10']);
    expect([...target.encode(Float64Array.of(10, 1))]).toEqual([2, 0]);
  });

  it('standardizes a regression target with the population std, as StandardScaler, and un-scales predictions', () => {
    const y = Float64Array.of(18, 15, 36, 24, 27);
    const target = TableTarget.fit('mpg', y, 'regression');
    // numpy: y.mean() = 24, y.std() = sqrt(54) = 7.3485…
    expect(target.toJSON()).toMatchObject({ task: 'regression', mean: 24, scale: Math.sqrt(54) });
    const encoded = target.encode(y);
    expect(encoded[2]).toBeCloseTo(12 / Math.sqrt(54), 6);
    expect([...target.decode(encoded)].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([18, 15, 36, 24, 27]);
    expect(TableTarget.fit('c', Float64Array.of(3, 3), 'regression').toJSON()).toMatchObject({ mean: 3, scale: 1 });
    expect(TableTarget.fit('c', Float64Array.of(3, 5), 'regression', { standardize: false }).toJSON()).toMatchObject({ mean: 0, scale: 1 });
  });

  it('names the row of a missing target and refuses bad JSON', () => {
    expect(() => TableTarget.fit('mpg', Float64Array.of(1, Number.NaN), 'regression')).toThrow("target 'mpg' is missing in row 2");
    expect(() => TableTarget.fit('mpg', ['a'], 'regression')).toThrow("a regression target must be numeric; 'mpg' holds text");
    expect(() => TableTarget.fromJSON({ format: 'lab-table-target', version: 1, name: 'y', task: 'regression', mean: 0, scale: 0 })).toThrow('scale positive');
    expect(() => TableTarget.fromJSON({ format: 'x' } as never)).toThrow("expected { format: 'lab-table-target', version: 1 }");
  });
});
