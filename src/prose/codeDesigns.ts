/**
 * Networks printed as framework code in running text: "nn.Sequential(nn.Conv1d(8, 32, kernel_size=5), nn.ReLU(), …)",
 * "keras.Sequential([Conv2D(32, 3), …])". The container's arguments are the layers, each read by the layer grammar
 * (which reads calls by the catalog's constructors).
 */
import { parseLayerText, topLevel } from '../tables/index.ts';
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

export function codeDesigns(sentences: Sentence[]): ProseDesign[] {
  const designs: ProseDesign[] = [];
  for (const sentence of sentences) {
    for (const container of sentence.text.matchAll(CONTAINER)) {
      const body = bracketed(sentence.text, container.index + container[0].length);
      if (!body) continue;
      // (Keras takes the layers as one list: "Sequential([…])")
      const layers = topLevel(body.trim().replace(/^\[([\s\S]*)\]$/, '$1'), /,/).flatMap((item) => parseLayerText(item));
      const design = runDesign(layers, sentence, inputNear(sentences, sentence)?.shape);
      if (design) designs.push(design);
    }
  }
  return designs;
}
