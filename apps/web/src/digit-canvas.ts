/** Width and height of a digit image in pixels, as in MNIST. */
export const DIGIT_SIZE = 28;

/** The canvas' 2-D context, read back often enough to ask for a CPU-side canvas. */
function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('digit canvas: the browser gave no 2-D context');
  return context;
}

/**
 * Draws a vertical bar (a plain "1") in white on black, as MNIST digits are drawn: 4 pixels
 * wide and 20 tall, centred in the 28 × 28 frame like MNIST's 20 × 20 digit box.
 */
export function drawVerticalBar(canvas: HTMLCanvasElement): void {
  const context = context2d(canvas);
  context.fillStyle = '#000';
  context.fillRect(0, 0, DIGIT_SIZE, DIGIT_SIZE);
  context.fillStyle = '#fff';
  context.fillRect(12, 4, 4, 20);
}

/**
 * The canvas' pixels as grey levels 0–255, row by row (`DIGIT_SIZE²` values). The drawing is
 * grey, so the red channel is the grey level.
 */
export function readGreyPixels(canvas: HTMLCanvasElement): Uint8Array {
  if (canvas.width !== DIGIT_SIZE || canvas.height !== DIGIT_SIZE) {
    throw new Error(`digit canvas: expected ${DIGIT_SIZE}×${DIGIT_SIZE} pixels, got ${canvas.width}×${canvas.height}`);
  }
  const rgba = context2d(canvas).getImageData(0, 0, DIGIT_SIZE, DIGIT_SIZE).data;
  const grey = new Uint8Array(DIGIT_SIZE * DIGIT_SIZE);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
  return grey;
}
