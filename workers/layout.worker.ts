/** Layered graph layout (elkjs) off the main thread, so a 200-layer network never blocks the editor. */
import * as Comlink from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutApi, NodeBox } from '../src/pipeline/protocol.ts';

const elk = new ELK();

const api: LayoutApi = {
  async layout(nodes: NodeBox[], edges: Array<[string, string]>, aspectRatio = 1.2) {
    const result = await elk.layout({
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.layered.spacing.nodeNodeBetweenLayers': '36',
        'elk.spacing.nodeNode': '28',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        // Long chains (VGG's 40 layers in a row) wrap into side-by-side columns instead of one thin tower.
        'elk.layered.wrapping.strategy': 'MULTI_EDGE',
        'elk.aspectRatio': String(aspectRatio),
        // Crossing minimisation is most of the time on big graphs (DenseNet-121's 428 layers: 3 s → 1.5 s warm)
        // and they are mostly chains with skips; one sweep places them as well.
        ...(nodes.length > 150 ? { 'elk.layered.thoroughness': '1' } : {}),
      },
      children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
      edges: edges.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] })),
    });
    const positions: Record<string, { x: number; y: number }> = {};
    for (const child of result.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
    return positions;
  },
};

Comlink.expose(api);
