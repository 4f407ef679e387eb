/**
 * `x` with `digits` decimals as Python's `format(x, '.{digits}f')` writes it: the decimal nearest
 * the exact binary value, exact ties (e.g. 0.125 to 2 digits) to even where `toFixed` rounds up.
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const magnitude = Math.abs(x);
  // toFixed(100) is exact for the short binary fractions that can tie at a few digits.
  const exact = magnitude.toFixed(100);
  const end = exact.indexOf('.') + (digits === 0 ? 0 : 1 + digits);
  const tie = /^\.?50*$/.test(exact.slice(end));
  let text = magnitude.toFixed(digits);
  if (tie) {
    const down = exact.slice(0, end);
    if (Number(down[down.length - 1]) % 2 === 0) text = down;
  }
  return x < 0 ? `-${text}` : text;
}
