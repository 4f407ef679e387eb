// The page webgl-kernels.e2e.test.ts opens (bundled by serve-checks.ts): this package's kernels on
// webgl against @lab/core's reference composites on cpu. The result goes to `window.__kernelChecks`.
import '@tensorflow/tfjs-backend-cpu';
// The package as an app imports it: tfjs-backend-webgl, and lab's kernels registered for 'webgl'.
import '../index.js';
import { type KernelCheckReport, runKernelChecks } from './kernel-checks.js';

declare global {
  interface Window {
    __kernelChecks?: KernelCheckReport;
    __kernelChecksError?: string;
  }
}

runKernelChecks()
  .then((report) => {
    window.__kernelChecks = report;
    document.body.dataset.status = 'done';
  })
  .catch((error: unknown) => {
    window.__kernelChecksError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    document.body.dataset.status = 'error';
  });
