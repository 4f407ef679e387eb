/**
 * Throws unless `value` is a finite number in the given range, with a message naming the option,
 * its owner and the allowed range. Options come from configs and the command line as well as from
 * typed code, so they are checked at run time.
 */
export function checkNumber(
  owner: string,
  option: string,
  value: unknown,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): asserts value is number {
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max);
  if (!ok) {
    const low = Number.isFinite(min) ? `${min} ${minExclusive ? '<' : '<='} ` : '';
    const high = Number.isFinite(max) ? ` ${maxExclusive ? '<' : '<='} ${max}` : '';
    const bounds = low || high ? ` with ${low}${option}${high}` : '';
    const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new Error(`${owner}: ${option} must be a finite number${bounds}; got ${got}`);
  }
}
