/** Seeded synthetic collection entries (docs/collection.md), as many as a large collection holds: for tests and the bench. */
import { COLLECTION_FORMAT, type CollectionIndex, type PaperEntry } from '../../src/collection/index.ts';

const TYPES = ['Conv2D', 'Dense', 'MaxPool2D', 'LSTM', 'MultiHeadAttention', 'BatchNorm', 'Dropout'];
const WORDS = ['deep', 'residual', 'learning', 'networks', 'attention', 'recurrent', 'image', 'speech', 'translation', 'segmentation'];

export function syntheticEntries(count: number): PaperEntry[] {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  return Array.from({ length: count }, (_, i) => {
    const sha256 = i.toString(16).padStart(64, '0');
    const layerTypes = Object.fromEntries(Array.from({ length: 1 + next(4) }, () => [TYPES[next(TYPES.length)]!, 1 + next(20)]));
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
    };
  });
}

export const syntheticIndex = (count: number): CollectionIndex => ({ format: COLLECTION_FORMAT, options: { bitmaps: false }, papers: syntheticEntries(count) });
