/**
 * Sentences → designs through the reading core's stated networks (layer groups, layer-size chains, network
 * families). The front end only places the text and assembles; what the words mean is src/reading's.
 */
import { boxOf } from '../paper/index.ts';
import { roundBox } from '../geometry/index.ts';
import { isSequenceNetwork, sequenceGraph, statedNetworks, type StatedNetwork } from '../reading/index.ts';
import { validateGraph } from '../graph/index.ts';
import { assembleGraph, type NetworkDraft, type SeqLayer } from '../tables/index.ts';
import type { ProseDesign } from './proseToGraphs.ts';
import type { Sentence } from './sentences.ts';

/** A sequence network is built by the core; image and fully connected networks by the assembler. */
function sequenceDesign(net: StatedNetwork, sentences: Sentence[]): ProseDesign {
  const used = net.units.map((u) => sentences[u.index]);
  const first = used[0];
  const bbox = roundBox(boxOf(used.filter((s) => s.page === first.page).map((s) => s.box)));
  const graph = sequenceGraph(net, net.name ?? `Text, page ${first.page}`, {
    page: first.page,
    kind: 'text',
    caption: used
      .map((s) => s.text)
      .join(' ')
      .slice(0, 300),
    bbox,
  });
  const errors = validateGraph(graph)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.layerId}: ${i.message}`);
  return { graph, weightLayers: graph.layers.filter((l) => l.type !== 'Input').length, errors, sentences: used };
}

function designOf(net: StatedNetwork, sentences: Sentence[]): ProseDesign {
  if (isSequenceNetwork(net)) return sequenceDesign(net, sentences);
  const items: SeqLayer[] = net.layers.map((l) => ({
    kind: 'layer',
    draft: { type: l.type, params: { ...l.params }, inferred: [...l.inferred], text: l.text },
    box: l.unit.box,
  }));
  const used = net.units.map((u) => sentences[u.index]);
  const first = used[0];
  const draft: NetworkDraft = {
    name: '',
    layout: 'rows',
    ...(net.inputWidth ? { input: [net.inputWidth] } : {}),
    bands: [{ items }],
    readCells: items.length,
    totalCells: items.length,
  };
  const bbox = roundBox(boxOf(used.filter((s) => s.page === first.page).map((s) => s.box)));
  const caption = used
    .map((s) => s.text)
    .join(' ')
    .slice(0, 300);
  const assembled = assembleGraph(draft, {
    name: net.name ?? `Text, page ${first.page}`,
    page: first.page,
    source: { page: first.page, kind: 'text', caption, bbox },
  });
  return { ...assembled, sentences: used };
}

export function statedDesigns(sentences: Sentence[]): ProseDesign[] {
  return statedNetworks(sentences).map((net) => designOf(net, sentences));
}
