/** Seeded synthetic collection entries (docs/collection.md), as many as a large collection holds: for tests and the bench. */
import { COLLECTION_FORMAT, type CollectionIndex, type PaperEntry } from '../../src/collection/index.ts';

const TYPES = ['Conv2D', 'Dense', 'MaxPool2D', 'LSTM', 'MultiHeadAttention', 'BatchNorm', 'Dropout'];
const WORDS = ['deep', 'residual', 'learning', 'networks', 'attention', 'recurrent', 'image', 'speech', 'translation', 'segmentation'];

/**
 * A seeded random integer below `n` (mulberry32, whose every output bit varies: the low bits of a power-of-two linear
 * congruential generator repeat with short periods, and its product overflowed a double's 53 bits, so its entries
 * repeated the same few titles, layer types and confidences).
 */
function randomBelow(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

/** `count` entries, the same ones for the same count: a third without authors, a quarter without a confidence, two thirds unrated. */
export function syntheticEntries(count: number): PaperEntry[] {
  const next = randomBelow(7);
  return Array.from({ length: count }, (_, i) => {
    const sha256 = i.toString(16).padStart(64, '0');
    const layerTypes = Object.fromEntries(Array.from({ length: 1 + next(4) }, () => [TYPES[next(TYPES.length)]!, 1 + next(20)]));
    const ratings = Array.from({ length: i % 3 === 1 ? 1 + next(4) : 0 }, () => 1 + next(5));
    return {
      id: sha256.slice(0, 16),
      sha256,
      file: `paper-${i}.pdf`,
      title: Array.from({ length: 4 + next(5) }, () => WORDS[next(WORDS.length)]).join(' '),
      ...(i % 3 ? { authors: `Author ${next(500)}` } : {}),
      pageCount: 4 + next(30),
      designCount: next(6),
      layerTypes,
      ...(i % 4 ? { confidence: next(1000) / 1000 } : {}),
      ...(ratings.length ? { reviewCount: ratings.length, rating: Math.round((10 * ratings.reduce((a, b) => a + b)) / ratings.length) / 10 } : {}),
    };
  });
}

export const syntheticIndex = (count: number): CollectionIndex => ({ format: COLLECTION_FORMAT, options: { bitmaps: false }, papers: syntheticEntries(count) });
