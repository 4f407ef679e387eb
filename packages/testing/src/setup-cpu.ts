/**
 * The vitest setup of lab's packages, as a side-effect module: `setupFiles:
 * ['@lab/testing/setup-cpu']` runs every test file on tfjs's cpu backend with `IS_TEST` set (see
 * {@link setupCpu}). Exports nothing.
 * @module
 */
import { setupCpu } from './cpu.js';

await setupCpu();
