/**
 * scikit-learn's `_validate_shuffle_split`: the train and test sizes of a shuffle split of `n`
 * samples. Each size is a fraction in (0, 1) (the test fraction rounded up, the train fraction
 * down, as scikit-learn) or a count >= 1; a missing one is the rest, and `defaultTestSize` applies
 * when both are missing. Throws, naming `fn` and the option, when a size is out of range, when the
 * two add up to more than `n`, or when a set would be empty.
 */
export function splitSizes(
  n: number,
  sizes: { testSize?: number | undefined; trainSize?: number | undefined },
  defaultTestSize: number,
  fn: string,
): [train: number, test: number] {
  const { trainSize } = sizes;
  const testSize = sizes.testSize ?? (trainSize === undefined ? defaultTestSize : undefined);
  const check = (name: string, size: number | undefined) => {
    if (size === undefined) return;
    const fraction = size > 0 && size < 1;
    if (!(fraction || (Number.isInteger(size) && size >= 1 && size < n))) {
      throw new Error(
        `${fn}: ${name} must be a fraction in (0, 1) or a count in [1, ${n - 1}] leaving both sets non-empty; got ${size} for ${n} samples`,
      );
    }
  };
  check('testSize', testSize);
  check('trainSize', trainSize);
  if (testSize !== undefined && trainSize !== undefined && testSize < 1 && trainSize < 1 && testSize + trainSize > 1) {
    throw new Error(`${fn}: testSize + trainSize (${testSize} + ${trainSize}) must be at most 1`);
  }
  let nTest = testSize === undefined ? undefined : testSize < 1 ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === undefined ? undefined : trainSize < 1 ? Math.floor(trainSize * n) : trainSize;
  nTrain ??= n - nTest!;
  nTest ??= n - nTrain;
  if (nTrain + nTest > n) {
    throw new Error(`${fn}: trainSize + testSize = ${nTrain + nTest} samples, more than the ${n} there are; reduce testSize and/or trainSize`);
  }
  if (nTrain === 0 || nTest === 0) {
    throw new Error(`${fn}: with ${n} samples, testSize ${String(testSize)} and trainSize ${String(trainSize)} leave the ${nTrain === 0 ? 'training' : 'test'} set empty`);
  }
  return [nTrain, nTest];
}
