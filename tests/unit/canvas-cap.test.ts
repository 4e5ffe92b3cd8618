/** Canvas caps for painting pages and crops in the browser (pipeline/canvasCap.ts), as the pdf.js viewer sets them. */
import { describe, expect, it } from 'vitest';
import { canvasScale, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE } from '../../src/pipeline/canvasCap.ts';

const fits = (width: number, height: number, scale: number) =>
  width * scale * (height * scale) <= MAX_CANVAS_PIXELS && width * scale <= MAX_CANVAS_SIDE && height * scale <= MAX_CANVAS_SIDE;

describe('canvas caps', () => {
  it('paints an ordinary page and a small crop at the scale asked for', () => {
    expect(canvasScale(612, 792, 2)).toBe(2);
    expect(canvasScale(200, 100, 3)).toBe(3);
  });

  it('lowers the scale of a poster page to the pixel cap, and of a page 200,000 pt tall to the side cap', () => {
    const poster = canvasScale(14_400, 14_400, 2);
    expect(poster).toBeLessThan(2);
    expect(fits(14_400, 14_400, poster)).toBe(true);
    expect(14_400 * poster * (14_400 * poster)).toBeGreaterThan(0.99 * MAX_CANVAS_PIXELS);
    const tall = canvasScale(612, 200_000, 2);
    expect(fits(612, 200_000, tall)).toBe(true);
    expect(200_000 * tall).toBeCloseTo(MAX_CANVAS_SIDE);
  });

  it('survives degenerate boxes', () => {
    expect(canvasScale(0, 0, 2)).toBe(2);
    expect(Number.isFinite(canvasScale(-5, 10, 2))).toBe(true);
  });
});
