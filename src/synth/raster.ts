/**
 * From SVG to the bytes of a figure image. Drawing the SVG is injected (resvg in Node, a canvas in the
 * browser); the degradations real figures suffer: JPEG blocks (a real JPEG round trip through jpeg-js) and sensor-like
 * noise (plain pixel math).
 */
import { decode as decodeJpeg, encode as encodeJpeg } from 'jpeg-js';
import type { Random } from './random.ts';

export interface RgbaImage {
  width: number;
  height: number;
  /** Row-major RGBA, 4 bytes per pixel. */
  data: Uint8Array;
}

export interface Rasterizer {
  /** Draw `svg` on white at `scale` pixels per SVG unit, with these font families available. */
  rasterize(svg: string, scale: number, fonts: readonly string[]): Promise<RgbaImage>;
  encodePng(image: RgbaImage): Promise<Uint8Array>;
}

export interface Degradation {
  /** JPEG quality 1..100 whose quantisation the image goes through; 0 = none. */
  jpegQuality: number;
  /** Standard deviation of added per-pixel noise in grey levels; 0 = none. */
  noise: number;
}

/** Mostly clean, as most figures in PDFs are; some scanned-looking or JPEG-saved ones. */
export function drawDegradation(rng: Random): Degradation {
  return {
    jpegQuality: rng.chance(0.3) ? rng.int(25, 90) : 0,
    noise: rng.chance(0.25) ? rng.pick([2, 4, 6, 8]) : 0,
  };
}

export function degrade(image: RgbaImage, how: Degradation, rng: Random): void {
  if (how.jpegQuality > 0) jpegRoundTrip(image, how.jpegQuality);
  if (how.noise > 0) addNoise(image, how.noise, rng);
}

function addNoise(image: RgbaImage, sigma: number, rng: Random): void {
  // A table of Gaussian-ish values walked by a cheap integer hash: a PRNG call per pixel would dominate.
  const table = new Float32Array(4096);
  for (let i = 0; i < table.length; i++) table[i] = (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma;
  let h = rng.int(1, 0x7fffffff);
  // A clamped view rounds and clips to 0..255 on write.
  const d = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  for (let i = 0; i < d.length; i += 4) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    // Grey noise (same offset on R, G, B), like a scanner's.
    const n = table[h & 4095]!;
    d[i] = d[i]! + n;
    d[i + 1] = d[i + 1]! + n;
    d[i + 2] = d[i + 2]! + n;
  }
}

/**
 * What saving as baseline JPEG at `quality` does to the pixels, in place: the image encoded and decoded again by
 * jpeg-js, the project's one JPEG library (src/diagrams/raster/image.ts decodes with it too).
 */
export function jpegRoundTrip(image: RgbaImage, quality: number): void {
  const jpeg = encodeJpeg({ width: image.width, height: image.height, data: image.data }, quality);
  image.data.set(decodeJpeg(jpeg.data, { useTArray: true, formatAsRGBA: true }).data);
}
