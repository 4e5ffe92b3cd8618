/**
 * Networks printed as framework code in running text: "nn.Sequential(nn.Conv1d(8, 32, kernel_size=5), nn.ReLU(), …)",
 * "keras.Sequential([Conv2D(32, 3), …])". The container's arguments are the layers, each read by the layer grammar
 * (which reads calls by the catalog's constructors).
 */
import { parseLayerText } from '../tables/index.ts';
import { inputNear } from './mentions.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';
import { runDesign } from './runDesign.ts';

const CONTAINER = /\b(?:(?:torch\.)?nn\.|(?:tf\.)?keras\.(?:models\.)?)?Sequential\s*\(/g;

/** The text inside the brackets that open just before `start`, up to their match. */
function bracketed(text: string, start: number): string | undefined {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if ('([{'.includes(text[i]!)) depth++;
    else if (')]}'.includes(text[i]!) && --depth === 0) return text.slice(start, i);
  }
  return undefined;
}

/** Splits at the commas outside brackets. */
function items(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if ('([{'.includes(text[i]!)) depth++;
    else if (')]}'.includes(text[i]!)) depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, text.slice(from)].map((p) => p.trim()).filter(Boolean);
}

export function codeDesigns(sentences: Sentence[]): ProseDesign[] {
  const designs: ProseDesign[] = [];
  for (const sentence of sentences) {
    for (const container of sentence.text.matchAll(CONTAINER)) {
      const body = bracketed(sentence.text, container.index + container[0].length);
      if (!body) continue;
      // (Keras takes the layers as one list: "Sequential([…])")
      const layers = items(body.trim().replace(/^\[([\s\S]*)\]$/, '$1')).flatMap((item) => parseLayerText(item));
      const design = runDesign(layers, sentence, inputNear(sentences, sentence)?.shape);
      if (design) designs.push(design);
    }
  }
  return designs;
}
