/**
 * Image bytes → RGBA or an 8-bit grey raster, in pure JS (fast-png, jpeg-js: the project's one PNG and one
 * JPEG library) so it runs in a worker and in Node alike.
 */
import { convertIndexedToRgb, decode as decodePng, encode as encodePng, hasPngSignature } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row-major. */
  data: Uint8Array;
}

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

/** 8-bit RGBA pixels, row-major: the layout of browser ImageData, which the classifier reads too. */
export interface RgbaPixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * fast-png's refusal as one plain line: a file cut short ends in 'Error while decompressing the data:' (a bare
 * colon), 'unexpected EOF' or a DataView RangeError; its other messages are clear as they are.
 */
function damagedPng(error: unknown): Error {
  const said = (error as Error).message;
  const cutShort = error instanceof RangeError || /decompressing|EOF/i.test(said);
  return new Error(`damaged PNG: ${cutShort ? 'the file is cut short or its image data is damaged' : said}`, { cause: error });
}

function readPng(bytes: Uint8Array): ReturnType<typeof decodePng> {
  try {
    return decodePng(bytes);
  } catch (error) {
    throw damagedPng(error);
  }
}

/** PNG (any depth, grey, palette, alpha) → 8-bit RGBA. */
function pngToRgba(bytes: Uint8Array): RgbaPixels {
  const png = readPng(bytes);
  const { width, height } = png;
  const source = png.palette ? convertIndexedToRgb(png) : png.data;
  const channels = png.palette ? source.length / (width * height) : png.channels;
  const scale = 255 / (png.palette || png.depth === 8 ? 255 : 2 ** png.depth - 1);
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    const grey = channels < 3;
    data[i * 4] = Math.round(source[o]! * scale);
    data[i * 4 + 1] = Math.round(source[grey ? o : o + 1]! * scale);
    data[i * 4 + 2] = Math.round(source[grey ? o : o + 2]! * scale);
    data[i * 4 + 3] = channels === 2 || channels === 4 ? Math.round(source[o + channels - 1]! * scale) : 255;
  }
  return { width, height, data };
}

/** PNG or JPEG bytes → 8-bit RGBA, by file signature. `maxMemoryMB` bounds the JPEG decoder. */
export function decodeRgba(bytes: Uint8Array, options: { maxMemoryMB?: number } = {}): RgbaPixels {
  if (hasPngSignature(bytes)) return pngToRgba(bytes);
  if (isJpeg(bytes)) {
    const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: options.maxMemoryMB ?? 512 });
    return { width: jpeg.width, height: jpeg.height, data: jpeg.data };
  }
  throw new Error('not a PNG or JPEG (unknown file signature)');
}

/** Luma of RGBA pixels; transparent pixels count as white paper. */
export function greyOf(rgba: RgbaPixels): GreyImage {
  const { width, height } = rgba;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const o = i * 4;
    const a = rgba.data[o + 3]! / 255;
    const v = 0.299 * rgba.data[o]! + 0.587 * rgba.data[o + 1]! + 0.114 * rgba.data[o + 2]!;
    data[i] = Math.round(v * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** PNG or JPEG bytes → grey. */
export function decodeImage(bytes: Uint8Array): GreyImage {
  try {
    return greyOf(decodeRgba(bytes));
  } catch (error) {
    throw new Error(`figure image: ${(error as Error).message}`, { cause: error });
  }
}

export function encodeGreyPng(image: GreyImage): Uint8Array {
  return encodePng({ width: image.width, height: image.height, data: image.data, channels: 1, depth: 8 });
}
