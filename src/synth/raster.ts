/**
 * From SVG to the bytes of a figure image. Drawing the SVG is injected (resvg in Node, a canvas in the
 * browser); the degradations real figures suffer — JPEG blocks and sensor-like noise — are plain pixel math here.
 */
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
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    // Grey noise (same offset on R, G, B), like a scanner's.
    const n = table[h & 4095]!;
    d[i] = clamp(d[i]! + n);
    d[i + 1] = clamp(d[i + 1]! + n);
    d[i + 2] = clamp(d[i + 2]! + n);
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

const LUMA_TABLE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_TABLE = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
];
const COS = new Float64Array(64);
for (let k = 0; k < 8; k++) {
  for (let n = 0; n < 8; n++) COS[k * 8 + n] = (k === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * n + 1) * k * Math.PI) / 16);
}

/** The IJG quality scaling of a quantisation table. */
function scaledTable(table: number[], quality: number): Float64Array {
  const q = Math.max(1, Math.min(100, quality));
  const s = q < 50 ? 5000 / q : 200 - 2 * q;
  return Float64Array.from(table, (v) => Math.max(1, Math.min(255, Math.floor((v * s + 50) / 100))));
}

/**
 * What saving as baseline JPEG does to the pixels: YCbCr with 2×2 chroma subsampling, 8×8 DCT, quantisation,
 * and back. Done in place; no file format involved.
 */
export function jpegRoundTrip(image: RgbaImage, quality: number): void {
  const { width, height, data } = image;
  const lumaQ = scaledTable(LUMA_TABLE, quality);
  const chromaQ = scaledTable(CHROMA_TABLE, quality);
  const y = new Float64Array(width * height);
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const cb = new Float64Array(cw * ch);
  const cr = new Float64Array(cw * ch);
  const count = new Float64Array(cw * ch);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const i = (py * width + px) * 4;
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      y[py * width + px] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
      const c = (py >> 1) * cw + (px >> 1);
      cb[c] += -0.168736 * r - 0.331264 * g + 0.5 * b;
      cr[c] += 0.5 * r - 0.418688 * g - 0.081312 * b;
      count[c] += 1;
    }
  }
  for (let c = 0; c < cb.length; c++) {
    cb[c] /= count[c]!;
    cr[c] /= count[c]!;
  }
  quantisePlane(y, width, height, lumaQ);
  quantisePlane(cb, cw, ch, chromaQ);
  quantisePlane(cr, cw, ch, chromaQ);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const i = (py * width + px) * 4;
      const l = y[py * width + px]! + 128;
      const c = (py >> 1) * cw + (px >> 1);
      const b = cb[c]!;
      const r = cr[c]!;
      data[i] = clamp(l + 1.402 * r);
      data[i + 1] = clamp(l - 0.344136 * b - 0.714136 * r);
      data[i + 2] = clamp(l + 1.772 * b);
    }
  }
}

/** 8×8 blockwise DCT → quantise → inverse DCT of one plane, in place; edge blocks repeat the last pixel. */
function quantisePlane(plane: Float64Array, width: number, height: number, table: Float64Array): void {
  const block = new Float64Array(64);
  const tmp = new Float64Array(64);
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      let flat = true;
      const first = plane[by * width + bx]!;
      for (let v = 0; v < 8; v++) {
        const row = Math.min(by + v, height - 1) * width;
        for (let u = 0; u < 8; u++) {
          const value = plane[row + Math.min(bx + u, width - 1)]!;
          block[v * 8 + u] = value;
          if (value !== first) flat = false;
        }
      }
      // A flat block (most of a figure is white paper) survives JPEG unchanged.
      if (flat) continue;
      dct2(block, tmp, false);
      for (let k = 0; k < 64; k++) block[k] = Math.round(block[k]! / table[k]!) * table[k]!;
      dct2(block, tmp, true);
      for (let v = 0; v < 8 && by + v < height; v++) {
        for (let u = 0; u < 8 && bx + u < width; u++) plane[(by + v) * width + bx + u] = block[v * 8 + u]!;
      }
    }
  }
}

/** Separable orthonormal 8×8 DCT-II (or its inverse), in place. */
function dct2(block: Float64Array, tmp: Float64Array, inverse: boolean): void {
  for (let v = 0; v < 8; v++) {
    for (let k = 0; k < 8; k++) {
      let s = 0;
      for (let n = 0; n < 8; n++) s += inverse ? COS[n * 8 + k]! * block[v * 8 + n]! : COS[k * 8 + n]! * block[v * 8 + n]!;
      tmp[v * 8 + k] = s;
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let k = 0; k < 8; k++) {
      let s = 0;
      for (let n = 0; n < 8; n++) s += inverse ? COS[n * 8 + k]! * tmp[n * 8 + u]! : COS[k * 8 + n]! * tmp[n * 8 + u]!;
      block[k * 8 + u] = s;
    }
  }
}
