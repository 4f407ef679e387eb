// The page webgl-kernels.e2e.test.ts opens: the app's kernels on webgl against tfjs's own ops.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
// tfjs-core's gradients, for the references computed by autodiff.
import '@lab/models/register-gradients';
import { type KernelCheckReport, runKernelChecks } from '../kernels/kernel-checks.js';
import { registerWebGLKernels } from '../kernels/register-webgl-kernels.js';

declare global {
  interface Window {
    __kernelChecks?: KernelCheckReport;
    __kernelChecksError?: string;
  }
}

async function main(): Promise<KernelCheckReport> {
  registerWebGLKernels();
  if (!(await tf.setBackend('webgl'))) throw new Error('webgl is not available');
  return runKernelChecks();
}

main()
  .then((report) => {
    window.__kernelChecks = report;
    document.body.dataset.status = 'done';
  })
  .catch((error: unknown) => {
    window.__kernelChecksError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    document.body.dataset.status = 'error';
  });
