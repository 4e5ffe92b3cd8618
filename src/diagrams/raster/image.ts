/** Image bytes → an 8-bit grey raster, in pure JS (fast-png, jpeg-js) so it runs in a worker and in Node alike. */
import { convertIndexedToRgb, decode as decodePng, encode as encodePng, hasPngSignature } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row-major. */
  data: Uint8Array;
}

const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8;

/** Luma of RGB(A) pixels; transparent pixels count as white paper. */
function toGrey(rgba: ArrayLike<number>, channels: number, width: number, height: number, max: number): GreyImage {
  const data = new Uint8Array(width * height);
  const scale = 255 / max;
  for (let i = 0; i < width * height; i++) {
    const o = i * channels;
    let v: number;
    if (channels >= 3) v = 0.299 * rgba[o]! + 0.587 * rgba[o + 1]! + 0.114 * rgba[o + 2]!;
    else v = rgba[o]!;
    if (channels === 4 || channels === 2) {
      const a = rgba[o + channels - 1]! / max;
      v = v * a + max * (1 - a);
    }
    data[i] = Math.round(v * scale);
  }
  return { width, height, data };
}

export function decodeImage(bytes: Uint8Array): GreyImage {
  if (hasPngSignature(bytes)) {
    const png = decodePng(bytes);
    if (png.palette) {
      const rgb = convertIndexedToRgb(png);
      const channels = rgb.length / (png.width * png.height);
      return toGrey(rgb, channels, png.width, png.height, 255);
    }
    return toGrey(png.data, png.channels, png.width, png.height, png.depth === 16 ? 65535 : png.depth === 8 ? 255 : 2 ** png.depth - 1);
  }
  if (isJpeg(bytes)) {
    const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true });
    return toGrey(jpeg.data, 4, jpeg.width, jpeg.height, 255);
  }
  throw new Error('figure image: not a PNG or JPEG (unknown file signature)');
}

export function encodeGreyPng(image: GreyImage): Uint8Array {
  return encodePng({ width: image.width, height: image.height, data: image.data, channels: 1, depth: 8 });
}
