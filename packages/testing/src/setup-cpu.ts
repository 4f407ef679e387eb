/**
 * The vitest setup of lab's packages, as a side-effect module: `setupFiles:
 * ['@lab/testing/setup-cpu']` runs every test file on tfjs's cpu backend with `IS_TEST` set (see
 * {@link setupCpu}) and, in CI, with fast-check's seed fixed (see {@link fixFastCheckSeed}).
 * Exports nothing.
 * @module
 */
import { setupCpu } from './cpu.js';
import { fixFastCheckSeed } from './fast-check-seed.js';

await setupCpu();
fixFastCheckSeed();
