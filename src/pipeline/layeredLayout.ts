/**
 * The editor's graph layout: ELK's layered algorithm top to bottom, long chains wrapped into side-by-side
 * columns. Takes the ELK instance, so the layout worker and the benchmark run the same code.
 */
import type { ELK } from 'elkjs/lib/elk-api.js';
import { wrapIntoColumns, type PlacedBox } from './columnWrap.ts';
import type { NodeBox } from './protocol.ts';

/** From this many layers, ELK lays out one tower cheaply and the tower is cut into columns here (columnWrap.ts). */
export const BIG_GRAPH = 150;

export async function layeredLayout(
  elk: ELK,
  nodes: NodeBox[],
  edges: Array<[string, string]>,
  aspectRatio = 1.2,
): Promise<Record<string, { x: number; y: number }>> {
  const big = nodes.length > BIG_GRAPH;
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      ...(big
        ? {
            // DenseNet-121's 428 layers: ELK's own wrapping, network-simplex layering and orthogonal routes were
            // ~4/5 of its time. Big graphs are mostly chains with skips: one crossing sweep, layers by longest
            // path and straight routes (the editor draws its own edges) place them as well.
            'elk.layered.thoroughness': '1',
            'elk.layered.layering.strategy': 'LONGEST_PATH',
            'elk.edgeRouting': 'POLYLINE',
          }
        : {
            // Long chains (VGG's 40 layers in a row) wrap into side-by-side columns instead of one thin tower.
            'elk.layered.wrapping.strategy': 'MULTI_EDGE',
            'elk.aspectRatio': String(aspectRatio),
          }),
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] })),
  });
  const boxes: Record<string, PlacedBox> = {};
  for (const child of result.children ?? []) boxes[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
  if (big) return wrapIntoColumns(boxes, aspectRatio);
  return Object.fromEntries(Object.entries(boxes).map(([id, { x, y }]) => [id, { x, y }]));
}
