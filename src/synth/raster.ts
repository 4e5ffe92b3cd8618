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

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

const LUMA_TABLE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103,
  77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_TABLE = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
  99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
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
 * and back. Done in place, per 16×16 macroblock; all-white macroblocks (most of a figure) pass unchanged, as
 * they do through a real encoder.
 */
export function jpegRoundTrip(image: RgbaImage, quality: number): void {
  const { width, height, data } = image;
  const lumaQ = scaledTable(LUMA_TABLE, quality);
  const chromaQ = scaledTable(CHROMA_TABLE, quality);
  const y = new Float64Array(256);
  const cb = new Float64Array(64);
  const cr = new Float64Array(64);
  const block = new Float64Array(64);
  const tmp = new Float64Array(64);
  for (let my = 0; my < height; my += 16) {
    for (let mx = 0; mx < width; mx += 16) {
      if (isWhite(data, width, height, mx, my)) continue;
      cb.fill(0);
      cr.fill(0);
      for (let v = 0; v < 16; v++) {
        const py = Math.min(my + v, height - 1);
        for (let u = 0; u < 16; u++) {
          const i = (py * width + Math.min(mx + u, width - 1)) * 4;
          const r = data[i]!;
          const g = data[i + 1]!;
          const b = data[i + 2]!;
          y[v * 16 + u] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
          const c = (v >> 1) * 8 + (u >> 1);
          cb[c] += (-0.168736 * r - 0.331264 * g + 0.5 * b) / 4;
          cr[c] += (0.5 * r - 0.418688 * g - 0.081312 * b) / 4;
        }
      }
      for (let q = 0; q < 4; q++) {
        const ox = (q & 1) * 8;
        const oy = (q >> 1) * 8;
        for (let v = 0; v < 8; v++) for (let u = 0; u < 8; u++) block[v * 8 + u] = y[(oy + v) * 16 + ox + u]!;
        quantiseBlock(block, tmp, lumaQ);
        for (let v = 0; v < 8; v++) for (let u = 0; u < 8; u++) y[(oy + v) * 16 + ox + u] = block[v * 8 + u]!;
      }
      quantiseBlock(cb, tmp, chromaQ);
      quantiseBlock(cr, tmp, chromaQ);
      for (let v = 0; v < 16 && my + v < height; v++) {
        for (let u = 0; u < 16 && mx + u < width; u++) {
          const i = ((my + v) * width + mx + u) * 4;
          const l = y[v * 16 + u]! + 128;
          const c = (v >> 1) * 8 + (u >> 1);
          data[i] = clamp(l + 1.402 * cr[c]!);
          data[i + 1] = clamp(l - 0.344136 * cb[c]! - 0.714136 * cr[c]!);
          data[i + 2] = clamp(l + 1.772 * cb[c]!);
        }
      }
    }
  }
}

function isWhite(data: Uint8Array, width: number, height: number, mx: number, my: number): boolean {
  for (let v = my; v < Math.min(my + 16, height); v++) {
    for (let u = mx; u < Math.min(mx + 16, width); u++) {
      const i = (v * width + u) * 4;
      if ((data[i]! & data[i + 1]! & data[i + 2]!) !== 255) return false;
    }
  }
  return true;
}

function quantiseBlock(block: Float64Array, tmp: Float64Array, table: Float64Array): void {
  dct2(block, tmp, false);
  for (let k = 0; k < 64; k++) block[k] = Math.round(block[k]! / table[k]!) * table[k]!;
  dct2(block, tmp, true);
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
