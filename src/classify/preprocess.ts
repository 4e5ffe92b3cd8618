/**
 * Figure image → classifier input tensor. models/preprocess.py does exactly the same arithmetic (the model is
 * trained on its output), so any change here must be made there too; tests/unit/classify.test.ts checks both agree.
 *
 * Steps: ink = how dark a pixel is (alpha composited on white paper, 1 = black, 0 = paper); area-average the image
 * down (or up) so its longer side is INPUT_SIZE, keeping the aspect ratio; centre it on a square of blank paper;
 * if the drawing is mostly dark (a figure on a black background) flip it so paper is always 0.
 */

/** Side of the square the model sees. */
export const INPUT_SIZE = 128;

/** RGBA pixels, row-major, 4 bytes each (the layout of browser ImageData and of pngjs / jpeg-js). */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** Darkness of every pixel in [0, 1]: alpha × (1 − luma), i.e. 1 − luma of the pixel composited on white. */
export function inkOf(image: RgbaImage): Float64Array {
  const { data, width, height } = image;
  if (width < 1 || height < 1) throw new Error(`classify: image is ${width}×${height}, nothing to classify`);
  if (data.length < width * height * 4) {
    throw new Error(`classify: ${data.length} bytes for a ${width}×${height} RGBA image (needs ${width * height * 4})`);
  }
  const ink = new Float64Array(width * height);
  for (let i = 0; i < ink.length; i++) {
    const luma = 0.299 * data[4 * i]! + 0.587 * data[4 * i + 1]! + 0.114 * data[4 * i + 2]!;
    ink[i] = (data[4 * i + 3]! / 255) * (1 - luma / 255);
  }
  return ink;
}

/** Size of the image once its longer side is `size` (each side at least 1 pixel). */
export function fittedSize(width: number, height: number, size = INPUT_SIZE): [number, number] {
  const scale = size / Math.max(width, height);
  return [Math.max(1, Math.floor(width * scale + 0.5)), Math.max(1, Math.floor(height * scale + 0.5))];
}

/**
 * Area resampling along one axis: output cell i averages the input over [i·s, (i+1)·s), s = n/m, weighting each
 * input cell by how much of it falls inside. Works for shrinking (averaging) and growing (copying) alike.
 */
function resampleRows(src: Float64Array, rows: number, n: number, m: number): Float64Array {
  const s = n / m;
  const first = new Int32Array(m);
  const weights: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const lo = i * s;
    const hi = (i + 1) * s;
    first[i] = Math.floor(lo);
    const w = new Float64Array(Math.min(n, Math.ceil(hi)) - first[i]!);
    for (let k = 0; k < w.length; k++) {
      const j = first[i]! + k;
      w[k] = Math.max(0, Math.min(j + 1, hi) - Math.max(j, lo)) / s;
    }
    weights.push(w);
  }
  const out = new Float64Array(rows * m);
  for (let r = 0; r < rows; r++) {
    const base = r * n;
    for (let i = 0; i < m; i++) {
      const w = weights[i]!;
      let acc = 0;
      for (let k = 0; k < w.length; k++) acc += w[k]! * src[base + first[i]! + k]!;
      out[r * m + i] = acc;
    }
  }
  return out;
}

function transpose(src: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = src[r * cols + c]!;
  return out;
}

/**
 * Where each source cell goes when n cells are averaged down to m ≤ n: a source cell overlaps output cell `first`
 * and, when it straddles a boundary, `first + 1`; `near` and `far` are those overlaps divided by the cell ratio.
 */
function shrinkWeights(n: number, m: number): { first: Int32Array; near: Float64Array; far: Float64Array } {
  const s = n / m;
  const first = new Int32Array(n);
  const near = new Float64Array(n);
  const far = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = Math.min(m - 1, Math.floor(j / s));
    const boundary = (i + 1) * s;
    first[j] = i;
    if (j + 1 > boundary && i + 1 < m) {
      near[j] = (boundary - j) / s;
      far[j] = (j + 1 - boundary) / s;
    } else {
      near[j] = 1 / s;
    }
  }
  return { first, near, far };
}

/**
 * Ink averaged down to w × h in one pass over the pixels (no full-size ink plane): each pixel adds its share to
 * at most two columns of its row's buffer, and each row buffer to at most two output rows. Same sums as the
 * two-pass area resampling, in another order.
 */
function shrinkInk(image: RgbaImage, w: number, h: number): Float64Array {
  const { data, width, height } = image;
  const cols = shrinkWeights(width, w);
  const rows = shrinkWeights(height, h);
  const out = new Float64Array(w * h);
  const row = new Float64Array(w);
  // Blank paper (opaque white, or fully transparent) is most of a figure: one 32-bit read tells it.
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, width * height) : undefined;
  for (let y = 0; y < height; y++) {
    row.fill(0);
    let p = y * width * 4;
    for (let x = 0; x < width; x++, p += 4) {
      if (words && words[p >> 2] === 0xffffffff) continue;
      const a = data[p + 3]!;
      if (a === 0) continue;
      const v = (a / 255) * (1 - (0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!) / 255);
      if (v === 0) continue;
      const c = cols.first[x]!;
      row[c] += v * cols.near[x]!;
      const f = cols.far[x]!;
      if (f) row[c + 1] += v * f;
    }
    const r = rows.first[y]! * w;
    const near = rows.near[y]!;
    const far = rows.far[y]!;
    for (let i = 0; i < w; i++) out[r + i] += row[i]! * near;
    if (far) for (let i = 0; i < w; i++) out[r + w + i] += row[i]! * far;
  }
  return out;
}

/** The model input: INPUT_SIZE × INPUT_SIZE floats, row-major (NCHW with N = C = 1). */
export function preprocess(image: RgbaImage, size = INPUT_SIZE): Float32Array {
  const { width, height } = image;
  const [w, h] = fittedSize(width, height, size);
  let down: Float64Array;
  if (w <= width && h <= height) {
    if (image.data.length < width * height * 4) inkOf(image); // the same error for a short buffer
    down = shrinkInk(image, w, h);
  } else {
    // A figure smaller than the input square: the general area resampling (it also copies when growing).
    const across = resampleRows(inkOf(image), height, width, w); // height × w
    down = transpose(resampleRows(transpose(across, height, w), w, height, h), w, h); // h × w
  }
  let mean = 0;
  for (const v of down) mean += v;
  mean /= down.length;
  const flip = mean > 0.5;
  const out = new Float32Array(size * size);
  const x0 = Math.floor((size - w) / 2);
  const y0 = Math.floor((size - h) / 2);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = down[y * w + x]!;
      out[(y0 + y) * size + x0 + x] = flip ? 1 - v : v;
    }
  }
  return out;
}
