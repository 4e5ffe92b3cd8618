/**
 * The editor's graph layout, top to bottom, long chains wrapped into side-by-side columns: ELK's layered algorithm
 * for graphs a person reads node by node, our own tower (towerLayout.ts) cut into columns (columnWrap.ts) for big
 * ones. Takes the ELK instance, so the layout worker and the benchmark run the same code.
 */
import type { ELK } from 'elkjs/lib/elk-api.js';
import { wrapIntoColumns } from './columnWrap.ts';
import type { NodeBox } from './protocol.ts';
import { towerLayout } from './towerLayout.ts';

/** From this many layers the graph is laid out as a tower of our own, cut into columns. */
export const BIG_GRAPH = 150;
const SPACING = { betweenLayers: 36, beside: 28 };

export async function layeredLayout(
  elk: ELK,
  nodes: NodeBox[],
  edges: Array<[string, string]>,
  aspectRatio = 1.2,
): Promise<Record<string, { x: number; y: number }>> {
  // DenseNet-121's 428 layers took ELK over 3 s, most of it compiling the code paths only big graphs take.
  if (nodes.length > BIG_GRAPH) return wrapIntoColumns(towerLayout(nodes, edges, SPACING), aspectRatio);
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.betweenLayers),
      'elk.spacing.nodeNode': String(SPACING.beside),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // Long chains (VGG's 40 layers in a row) wrap into side-by-side columns instead of one thin tower.
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': String(aspectRatio),
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] })),
  });
  return Object.fromEntries((result.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
}
