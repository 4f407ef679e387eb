/** A category: a string or a number, as in scikit-learn's encoders. */
export type Category = string | number;

/**
 * numpy's order for one column's categories: numbers ascending, strings by code point. A column
 * must not mix both (scikit-learn cannot sort it either).
 */
export function sortedCategories(values: readonly Category[], context: string): Category[] {
  const unique = [...new Set(values)];
  const numbers = unique.every((v) => typeof v === 'number');
  if (!numbers && !unique.every((v) => typeof v === 'string')) {
    throw new Error(`${context}: values must be all numbers or all strings, got ${unique.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (numbers && unique.some((v) => Number.isNaN(v))) throw new Error(`${context}: NaN is not a category; impute it first`);
  return numbers ? (unique as number[]).sort((a, b) => a - b) : (unique as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
