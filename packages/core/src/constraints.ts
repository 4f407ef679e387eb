/**
 * Declarative option checks in the spirit of scikit-learn's `_parameter_constraints`: each option
 * of a function or class is given one constraint (or a list, any of which may hold), and
 * {@link checkOptions} rejects unknown options (with a "did you mean" hint) and bad values with a
 * message naming the owner, the option and what is allowed. Options come from configs, the command
 * line and JavaScript callers as well as from typed code, so they are checked at run time.
 */
export type Constraint =
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean }
  | { kind: 'oneOf'; values: readonly (string | number | boolean | null)[] }
  | { kind: 'boolean' }
  | { kind: 'string' }
  | { kind: 'function' }
  | { kind: 'array'; of?: Constraint }
  | { kind: 'object' }
  | { kind: 'instance'; name: string; test: (value: unknown) => boolean }
  | { kind: 'any' };

/** A number range; `integer` demands an integer. Bounds are inclusive unless marked exclusive. */
export interface Range {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** A finite number in `range`. */
export const number = (range: Range = {}): Constraint => ({ kind: 'number', ...range });
/** A (safe) integer in `range`. */
export const integer = (range: Range = {}): Constraint => ({ kind: 'number', integer: true, ...range });
/** One of the listed values (compared with `===`). */
export const oneOf = (...values: (string | number | boolean | null)[]): Constraint => ({ kind: 'oneOf', values });
/** `true` or `false` (not the strings "true"/"false", not 0/1). */
export const boolean = (): Constraint => ({ kind: 'boolean' });
/** Any string. */
export const string = (): Constraint => ({ kind: 'string' });
/** A function (a schedule, a callback, a custom metric). */
export const func = (): Constraint => ({ kind: 'function' });
/** An array, each element meeting `of` when given. */
export const array = (of?: Constraint): Constraint => (of ? { kind: 'array', of } : { kind: 'array' });
/** A plain object (not null, not an array). */
export const object = (): Constraint => ({ kind: 'object' });
/** A value passing `test`, described as `name` in messages (e.g. 'a tf.Tensor'). */
export const instance = (name: string, test: (value: unknown) => boolean): Constraint => ({ kind: 'instance', name, test });
/** Anything: the option exists, its value is checked elsewhere. */
export const any = (): Constraint => ({ kind: 'any' });

/** The constraints of every option an owner accepts. */
export type Constraints = Record<string, Constraint | readonly Constraint[]>;

/** Whether `value` meets `c`. */
export function satisfies(value: unknown, c: Constraint): boolean {
  switch (c.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (c.integer && !Number.isSafeInteger(value)) return false;
      const { min = -Infinity, max = Infinity } = c;
      return (c.minExclusive ? value > min : value >= min) && (c.maxExclusive ? value < max : value <= max);
    }
    case 'oneOf':
      return c.values.includes(value as string);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'function':
      return typeof value === 'function';
    case 'array':
      return Array.isArray(value) && (c.of === undefined || value.every((v) => satisfies(v, c.of!)));
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'instance':
      return c.test(value);
    case 'any':
      return true;
  }
}

/** What `c` allows, in words, for messages: "an integer with 2 <= k", "one of 'mean', 'median'". */
export function describe(c: Constraint, option: string): string {
  switch (c.kind) {
    case 'number': {
      const low = c.min !== undefined && Number.isFinite(c.min) ? `${c.min} ${c.minExclusive ? '<' : '<='} ` : '';
      const high = c.max !== undefined && Number.isFinite(c.max) ? ` ${c.maxExclusive ? '<' : '<='} ${c.max}` : '';
      return `${c.integer ? 'an integer' : 'a finite number'}${low || high ? ` with ${low}${option}${high}` : ''}`;
    }
    case 'oneOf':
      return `one of ${c.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'function':
      return 'a function';
    case 'array':
      return c.of ? `an array of ${describe(c.of, 'each element').replace(/^an? /, '')}` : 'an array';
    case 'object':
      return 'an object';
    case 'instance':
      return c.name;
    case 'any':
      return 'anything';
  }
}

/** A value as a message shows it: strings quoted, long ones cut. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'function') text = 'a function';
  else if (Array.isArray(value)) text = `[${value.slice(0, 5).map(show).join(', ')}${value.length > 5 ? ', …' : ''}]`;
  else if (typeof value === 'object' && value !== null) text = (value as object).constructor?.name === 'Object' ? 'an object' : `a ${(value as object).constructor?.name ?? 'value'}`;
  else text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Throws unless `value` meets one of `constraints`, naming the owner, option and what is allowed. */
export function checkValue(owner: string, option: string, value: unknown, constraints: Constraint | readonly Constraint[]): void {
  const list = (Array.isArray(constraints) ? constraints : [constraints]) as readonly Constraint[];
  if (list.some((c) => satisfies(value, c))) return;
  throw new Error(`${owner}: ${option} must be ${list.map((c) => describe(c, option)).join(' or ')}; got ${show(value)}`);
}

/**
 * Checks an options object against `constraints`: an option not listed is an error with the
 * closest known name as a hint (`n_splits` → `nSplits`); a listed option that is `undefined` takes
 * its default (the caller's); any other value must meet its constraint. `options` itself must be
 * undefined or a plain object.
 */
export function checkOptions(owner: string, options: unknown, constraints: Constraints): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new Error(`${owner}: options must be an object; got ${show(options)}`);
  }
  const known = Object.keys(constraints);
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(constraints, key)) throw new Error(unknownOption(owner, key, known));
    if (value !== undefined) checkValue(owner, key, value, constraints[key]!);
  }
}

/** "owner: unknown option 'n_splits' (did you mean 'nSplits'?); the options are …". */
export function unknownOption(owner: string, key: string, known: readonly string[]): string {
  const hint = closest(key, known);
  const list = known.length > 0 ? `; the options are ${known.join(', ')}` : '; it takes no options';
  return `${owner}: unknown option '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}${list}`;
}

/** The known name closest to `key`, ignoring case, `_` and `-`, when close enough to be a likely typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(norm(key), norm(name));
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(norm(key).length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
