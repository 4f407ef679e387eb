import type { GreyImage } from '@lab/preprocess';

/** Stroke width relative to the pad: MNIST strokes are ~2–3 px of 28, about a tenth of the 20 px box. */
const STROKE = 1 / 14;

/**
 * A drawing pad on a canvas: white ink on black, drawn with any pointer (mouse, finger, pen; the
 * page does not scroll while drawing on it). `onChange` runs at most once per animation frame
 * while drawing, and once more when the stroke ends.
 */
export class DrawPad {
  private readonly context: CanvasRenderingContext2D;
  private last: { x: number; y: number } | undefined;
  private frame = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onChange: (image: GreyImage) => void,
  ) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('drawing pad: the browser gave no 2-D context');
    this.context = context;
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    for (const type of ['pointerup', 'pointercancel'] as const) canvas.addEventListener(type, () => this.up());
    this.clear();
  }

  /** Blank (black) pad. */
  clear(): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** The pad's pixels as grey levels (the red channel: the ink is grey). */
  read(): GreyImage {
    const { width, height } = this.canvas;
    const rgba = this.context.getImageData(0, 0, width, height).data;
    const pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = rgba[i * 4]!;
    return { width, height, pixels };
  }

  private point(e: PointerEvent): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) / box.width) * this.canvas.width,
      y: ((e.clientY - box.top) / box.height) * this.canvas.height,
    };
  }

  private down(e: PointerEvent): void {
    e.preventDefault();
    this.canvas.setPointerCapture?.(e.pointerId);
    this.last = this.point(e);
    this.line(this.last, this.last);
  }

  private move(e: PointerEvent): void {
    if (!this.last) return;
    // A pen or a fast mouse sends several points per frame: draw them all for a smooth stroke.
    for (const event of e.getCoalescedEvents?.() ?? [e]) {
      const next = this.point(event);
      this.line(this.last, next);
      this.last = next;
    }
  }

  private up(): void {
    if (!this.last) return;
    this.last = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onChange(this.read());
  }

  private line(from: { x: number; y: number }, to: { x: number; y: number }): void {
    const c = this.context;
    c.strokeStyle = '#fff';
    c.lineWidth = this.canvas.width * STROKE;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.onChange(this.read());
      });
    }
  }
}
