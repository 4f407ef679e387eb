import { any, type Constraint, instance, oneOf } from '@lab/core';

// Pieces of the option constraints (@lab/core) of the transformers and readers here.

/** Any number, NaN and ±Infinity included (a missing-value marker, a fill value, a boundary value). */
export const ANY_NUMBER: Constraint = instance('a number', (v) => typeof v === 'number');

/** The boundary options of every filter; `mode` is checked by `boundaryOptions` (its message). */
export const BOUNDARY_OPTIONS = { mode: any(), cval: ANY_NUMBER };

/** A table format name. */
export const TABLE_FORMAT: Constraint = oneOf('csv', 'txt', 'json');

/** A field separator or comment marker: a non-empty string. */
export const MARKER: Constraint = instance('a non-empty string', (v) => typeof v === 'string' && v.length > 0);

