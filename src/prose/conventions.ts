/**
 * Paper-wide conventions stated once in the text and left out of the tables: "Max-pooling is performed
 * over a 2 × 2 pixel window, with stride 2", "the spatial resolution is preserved after convolution",
 * "We adopt batch normalization (BN) right after each convolution", "All layers are followed by a
 * batchnorm and ReLU".
 */
import type { Sentence } from './sentences.ts';
import { normaliseLayerText } from '../tables/index.ts';

export interface Conventions {
  pool?: { pool: [number, number]; stride?: [number, number]; sentence: Sentence };
  samePadding?: { sentence: Sentence };
  batchNormAfterConv?: { sentence: Sentence };
}

const strip = (s: Sentence) => normaliseLayerText(s.text).replace(/\[\d+(?:\s*,\s*\d+)*\]\s*/g, '');

export function readConventions(sentences: Sentence[]): Conventions {
  const found: Conventions = {};
  for (const sentence of sentences) {
    const t = strip(sentence);
    if (!found.pool && /max[- ]?pool/i.test(t)) {
      const window = /(\d+)x(\d+)\s+(?:pixel\s+)?(?:window|region|neighbou?rhood)/i.exec(t);
      const stride = /\bstride\s+(?:of\s+)?(\d+)/i.exec(t);
      if (window && Number(window[1]) <= 8) {
        found.pool = { pool: [Number(window[1]), Number(window[2])], sentence, ...(stride ? { stride: [Number(stride[1]), Number(stride[1])] as [number, number] } : {}) };
      }
    }
    if (!found.samePadding && /pad/i.test(t) && /(resolution|spatial size|size)\s+is\s+preserved|"same"\s+padding|\bsame\s+padding/i.test(t)) found.samePadding = { sentence };
    if (
      !found.batchNormAfterConv &&
      (/batch\s*-?\s*norm\w*(?:\s*\(bn\))?[^.]{0,60}\b(?:after|following)\s+(?:each|every|all)\s+(?:the\s+)?conv/i.test(t) ||
        /\b(?:all|each|every)\s+(?:conv\w*\s+)?layers?\s+(?:are|is)\s+followed\s+by\s+(?:a\s+)?batch\s*-?\s*norm/i.test(t))
    ) {
      found.batchNormAfterConv = { sentence };
    }
  }
  return found;
}
