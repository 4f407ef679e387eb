// @lab/testing: the helpers every lab package's tests share. Private (never published), and it
// depends on no lab package, so that every package, @lab/core included, can devDepend on it.
export { type AllCloseOptions, expectAllClose } from './all-close.js';
export { setupCpu } from './cpu.js';
export { CI_FAST_CHECK_SEED, fixFastCheckSeed } from './fast-check-seed.js';
export { expectNoLeak, leaked } from './leaks.js';
export { type ReadmeExampleOptions, type ReadmeExampleResult, runReadmeExample } from './readme-example.js';
