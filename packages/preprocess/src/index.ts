export { type PixelsInput, type ScalePixelsOptions, scalePixels } from './scale-pixels.js';
export { toCategorical } from './to-categorical.js';
