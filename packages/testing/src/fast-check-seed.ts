import fc from 'fast-check';

/** The seed every fast-check property runs with in CI unless `LAB_FAST_CHECK_SEED` names another. */
export const CI_FAST_CHECK_SEED = 20_261_204;

/**
 * In CI (`CI` set), fixes fast-check's seed for every property of the run, so that a CI run is
 * repeatable and cannot fail on one unlucky draw that the next run does not make; elsewhere the
 * seed stays random (fast-check prints it with any failure, and `LAB_FAST_CHECK_SEED` replays it).
 * Returns the seed fixed, or undefined.
 */
export function fixFastCheckSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const given = env.LAB_FAST_CHECK_SEED;
  if (!env.CI && (given === undefined || given === '')) return undefined;
  const seed = given === undefined || given === '' ? CI_FAST_CHECK_SEED : Number(given);
  if (!Number.isInteger(seed)) throw new Error(`LAB_FAST_CHECK_SEED must be an integer, got ${JSON.stringify(given)}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
  return seed;
}
