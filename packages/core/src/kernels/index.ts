// Every lab kernel contract. A kernel is named here and nowhere else.
export { type AdamUpdateAttrs, type AdamUpdateInputs, adamUpdate, checkAdamAttrs } from './adam-update.js';
export { type DenseBackwardAttrs, type DenseBackwardInputs, denseBackward } from './dense-backward.js';
export {
  type Correlate1dAttrs,
  correlate1d,
  type LineExtension,
  type LineFilterInputs,
  type Uniform1dAttrs,
  uniform1d,
} from './line-filters.js';
export { type MomentumUpdateAttrs, type MomentumUpdateInputs, momentumUpdate } from './momentum-update.js';
export { type RmspropUpdateAttrs, type RmspropUpdateInputs, rmspropUpdate } from './rmsprop-update.js';
export { type SgdUpdateAttrs, type SgdUpdateInputs, sgdUpdate } from './sgd-update.js';
export {
  checkSoftmaxCrossEntropyShapes,
  type SoftmaxCrossEntropyAttrs,
  type SoftmaxCrossEntropyInputs,
  softmaxCrossEntropy,
} from './softmax-cross-entropy.js';

import { adamUpdate } from './adam-update.js';
import { denseBackward } from './dense-backward.js';
import { correlate1d, uniform1d } from './line-filters.js';
import { momentumUpdate } from './momentum-update.js';
import { rmspropUpdate } from './rmsprop-update.js';
import { sgdUpdate } from './sgd-update.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

/** Every lab kernel contract, for checks that a backend implements them all. */
export const labKernels = [adamUpdate, correlate1d, denseBackward, momentumUpdate, rmspropUpdate, sgdUpdate, softmaxCrossEntropy, uniform1d] as const;
