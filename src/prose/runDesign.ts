/** A run of layers read from one sentence → a design, as every one-sentence reader (chains, notations, settings, code) builds it. */
import { assembleGraph, type LayerDraft, type NetworkDraft, type SeqLayer } from '../tables/index.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';
import { roundBox } from '../geometry/index.ts';

/** The design of `layers` stated in `sentence`, or undefined when it has fewer than two layers with weights. */
export function runDesign(layers: LayerDraft[], sentence: Sentence, input?: number[]): ProseDesign | undefined {
  const items: SeqLayer[] = layers.map((draft) => ({ kind: 'layer', draft, box: sentence.box }));
  const draft: NetworkDraft = { name: '', layout: 'rows', ...(input ? { input } : {}), bands: [{ items }], readCells: items.length, totalCells: items.length };
  const assembled = assembleGraph(draft, {
    name: `Text, page ${sentence.page}`,
    page: sentence.page,
    source: { page: sentence.page, kind: 'text', caption: sentence.text.slice(0, 300), bbox: roundBox(sentence.box) },
  });
  return assembled.weightLayers >= 2 ? { ...assembled, sentences: [sentence] } : undefined;
}
