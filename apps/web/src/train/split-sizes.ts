/**
 * How `n` training images divide for a validation split, by Keras' rule (and @lab/models'):
 * the last `floor`-complement fraction is held out, before any shuffling. Throws when a split
 * would be empty.
 */
export function splitSizes(n: number, validationSplit: number): { train: number; validation: number } {
  const train = validationSplit === 0 ? n : Math.floor(n * (1 - validationSplit));
  if (train === 0 || (validationSplit > 0 && train === n)) {
    throw new Error(`validationSplit: ${validationSplit} of ${n} images leaves an empty split`);
  }
  return { train, validation: n - train };
}
