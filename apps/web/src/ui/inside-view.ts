import type { Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { publishState } from '../lab-result.js';
import { denoiseOf, modelInput } from '../preprocess/denoise.js';
import { afterWarmUp } from '../train/warm-up-shaders.js';
import { element } from './element.js';

// Enough units to see what they learn without hundreds of canvases.
const MAX_UNITS = 32;

/**
 * Colour of a weight `w` in [-1, 1] (already divided by the largest |w| shown): blue below
 * zero, red above, white at zero, as weight pictures are usually drawn.
 */
export function divergingColour(w: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, w));
  const fade = Math.round(255 * (1 - Math.abs(t)));
  return t < 0 ? [fade, fade, 255] : [255, fade, fade];
}

/** One picture per unit of `values` laid out as `units` pictures of `height × width`, unit-major or unit-minor. */
function pictures(values: Float32Array, units: number, height: number, width: number, at: (unit: number, pixel: number) => number, name: (unit: number) => string, diverging: boolean): HTMLCanvasElement[] {
  const shown = Math.min(units, MAX_UNITS);
  let scale = 0;
  for (let u = 0; u < shown; u++) for (let p = 0; p < height * width; p++) scale = Math.max(scale, Math.abs(values[at(u, p)]!));
  return Array.from({ length: shown }, (_, u) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.className = 'unit';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', name(u));
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(width, height);
    for (let p = 0; p < height * width; p++) {
      const v = scale === 0 ? 0 : values[at(u, p)]! / scale;
      const rgb = diverging ? divergingColour(v) : ([0, 0, 0].map(() => Math.round(255 * Math.max(0, v))) as [number, number, number]);
      image.data.set([...rgb, 255], p * 4);
    }
    context.putImageData(image, 0, 0);
    return canvas;
  });
}

/**
 * "Inside the model": the first layer with weights drawn as pictures (a Dense layer on the
 * 28 × 28 pixels: each unit's 784 weights as a 28 × 28 image; a Conv2D layer: each filter),
 * blue for negative weights and red for positive, and that layer's activations for `digit`
 * (the drawn digit, or the first test digit): a Dense layer's units as a strip, a Conv2D
 * layer's feature maps as images. What TensorFlow Playground and Teachable Machine users look at
 * while stepping through training. Everything it needs from the model (a clone of the weights,
 * the activations) is computed before its first await, so training or a new model may replace
 * the model meanwhile; it leaves no tensor behind. The drawing step awaits it before it predicts
 * again, so the two never overlap.
 */
export async function showInside(model: Sequential, digit: Uint8Array | undefined): Promise<void> {
  // Not while a shader warm-up runs: tfjs would compile these ops without running them.
  await afterWarmUp();
  if (model.layers.some((l) => l.weights.some((w) => w.isDisposed))) return;
  const index = model.layers.findIndex((l) => l.weights.length > 0);
  const layer = model.layers[index];
  const weightsBox = element('inside-weights', HTMLElement);
  const activationsBox = element('inside-activations', HTMLElement);
  const title = element('inside-title', HTMLElement);
  if (!layer) {
    title.textContent = 'This model has no layer with weights.';
    weightsBox.replaceChildren();
    activationsBox.replaceChildren();
    return;
  }
  const kernel = layer.weights[0]!;
  const shape = kernel.shape;
  const snapshot = tf.clone(kernel);
  let out: tf.Tensor | undefined;
  if (digit) {
    try {
      const input = modelInput(digit, 1, 28, 28, denoiseOf(model.metadata));
      try {
        out = tf.tidy(() => model.layers.slice(0, index + 1).reduce<tf.Tensor>((x, l) => l.apply(x, false), input));
      } finally {
        input.dispose();
      }
    } catch (error) {
      snapshot.dispose();
      throw error;
    }
  }
  const outShape = out?.shape;
  let values: Float32Array;
  let act: Float32Array | undefined;
  try {
    [values, act] = (await Promise.all([snapshot.data(), out?.data()])) as [Float32Array, Float32Array | undefined];
  } finally {
    tf.dispose([snapshot, ...(out ? [out] : [])]);
  }
  const isConv = shape.length === 4;
  // Dense after Flatten: [784, units]; Conv2D on the grey image: [k, k, 1, filters].
  const drawable = isConv ? shape[2] === 1 : shape[0] === 28 * 28;
  const units = shape[shape.length - 1]!;
  title.textContent = `${layer.name} (${layer.className}): ${drawable ? `${Math.min(units, MAX_UNITS)} of its ${units} ${isConv ? 'filters' : 'units'}` : `its input (${shape.slice(0, -1).join(' × ')}) is not a picture`}`;
  if (drawable && isConv) {
    const [kh, kw] = shape as [number, number, number, number];
    weightsBox.replaceChildren(...pictures(values, units, kh, kw, (u, p) => p * units + u, (u) => `filter ${u + 1}: ${kh} × ${kw} weights`, true));
  } else if (drawable) {
    weightsBox.replaceChildren(...pictures(values, units, 28, 28, (u, p) => p * units + u, (u) => `unit ${u + 1}: its 784 weights as a 28 × 28 image`, true));
  } else weightsBox.replaceChildren();

  if (!act || !outShape) {
    activationsBox.replaceChildren('Draw a digit (step 4) to see its activations.');
    return;
  }
  if (outShape.length === 4) {
    const [, h, w, c] = outShape as [number, number, number, number];
    activationsBox.replaceChildren(...pictures(act, c, h, w, (u, p) => p * c + u, (u) => `feature map ${u + 1}: ${h} × ${w}`, false));
  } else {
    const n = act.length;
    activationsBox.replaceChildren(...pictures(act, 1, 1, n, (_u, p) => p, () => `the ${n} units' activations for the digit, brighter is higher`, false));
    activationsBox.querySelector('canvas')?.classList.add('strip');
  }
  publishState({ inside: { layer: layer.className, units, pictures: weightsBox.childElementCount, activations: act.length } });
}
