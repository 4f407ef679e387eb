/**
 * A 28 × 28 canvas showing image `index` of `images` (uint8, image after image), white ink on
 * black as in MNIST, scaled up by CSS. `label` becomes its accessible name.
 */
export function digitCanvas(images: Uint8Array, index: number, label: string, size = 28): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  paintDigit(canvas, images.subarray(index * size * size, (index + 1) * size * size));
  return canvas;
}

/** Paints grey levels (0–255, row by row) onto `canvas`, which must be as large as the image. */
export function paintDigit(canvas: HTMLCanvasElement, pixels: Uint8Array): void {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('digit canvas: the browser gave no 2-D context');
  const image = context.createImageData(canvas.width, canvas.height);
  pixels.forEach((v, i) => {
    image.data.set([v, v, v, 255], i * 4);
  });
  context.putImageData(image, 0, 0);
}

/** A gallery tile: the digit and a caption under it. */
export function digitTile(images: Uint8Array, index: number, caption: string, description = caption): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'tile';
  const text = document.createElement('figcaption');
  text.textContent = caption;
  figure.append(digitCanvas(images, index, description), text);
  return figure;
}
