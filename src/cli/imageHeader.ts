/**
 * Pixel size of a PNG or JPEG from its header, so an image too large to decode is refused before decoding
 * (a 30,000 px PNG of a few MB decodes to gigabytes of RGBA).
 */
import { formatPixels, IMAGE_PIXEL_LIMIT } from '../paper/index.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** [width, height], or undefined when the bytes are neither PNG nor JPEG or the header is cut short. */
export function imageSize(bytes: Uint8Array): [number, number] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return [view.getUint32(16), view.getUint32(20)];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  // JPEG: walk the marker segments to the first start-of-frame (SOF0..SOF15 but DHT, JPG and DAC).
  for (let at = 2; at + 9 <= bytes.length;) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [view.getUint16(at + 7), view.getUint16(at + 5)];
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

/** Throws, naming the file, the size and the limit, when the image has more than `limit` pixels. */
export function checkImageSize(bytes: Uint8Array, name: string, limit = IMAGE_PIXEL_LIMIT): void {
  const size = imageSize(bytes);
  if (size && size[0] * size[1] > limit) {
    throw new Error(
      `${name}: ${size[0]} × ${size[1]} px (${formatPixels(size[0] * size[1])}) is over the ${formatPixels(limit)} image limit; scale it down first`,
    );
  }
}
