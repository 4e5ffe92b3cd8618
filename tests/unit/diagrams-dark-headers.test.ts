/**
 * Keras 3 headers (src/diagrams/raster/read.ts, invertDarkBands): white text on a dark header band comes out as dark
 * text on white, whatever the header's grey. A mid-grey header inverted only would be a light grey band, whose rows
 * the rule-whitening step then took for rules and blanked with the layer's name in them.
 */
import { describe, expect, it } from 'vitest';
import { invertDarkBands } from '../../src/diagrams/raster/read.ts';

/** A 200 × 60 crop: a header band (rows 0–19) at `header` with white text strokes, white paper below with dark text. */
function crop(header: number): Uint8Array {
  const [w, h] = [200, 60];
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < 20; y++) data.fill(header, y * w, y * w + w);
  for (let y = 6; y < 14; y++) for (let x = 20; x < 180; x += 6) data[y * w + x] = data[y * w + x + 1] = 255;
  for (let y = 36; y < 44; y++) for (let x = 20; x < 180; x += 6) data[y * w + x] = 0;
  return data;
}

describe('invertDarkBands', () => {
  for (const header of [40, 70, 100, 140]) {
    it(`a header at grey ${header}: its paper becomes white and its text black; the rest is untouched`, () => {
      const data = crop(header);
      const before = data.slice(20 * 200);
      invertDarkBands(data, 200, 60);
      expect(data[2 * 200 + 5]).toBe(255);
      expect(data[10 * 200 + 20]).toBe(0);
      expect(data.slice(20 * 200)).toEqual(before);
    });
  }
});
