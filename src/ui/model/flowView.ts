/**
 * The graph as Svelte Flow nodes and edges. Node objects are reused while nothing they show has
 * changed, so the flow does not re-measure 200 nodes after every keystroke in the inspector.
 */
import type { Edge, Node } from '@xyflow/svelte';
import { getSpec, type Graph, type Issue, type Layer, type Shape } from '../../graph/index.ts';

export interface LayerNodeData extends Record<string, unknown> {
  layer: Layer;
  category: string;
  shape?: Shape;
  /** Error/warning messages about this layer. */
  issues: Issue[];
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** The size the layout reserves for a node (the node face is styled to this width). */
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;

export type Positions = Record<string, { x: number; y: number }>;

export class FlowView {
  private cache = new Map<string, { key: unknown[]; node: LayerFlowNode }>();

  nodes(graph: Graph, positions: Positions, shapes: Map<string, Shape>, issues: Issue[], selected: ReadonlySet<string>): LayerFlowNode[] {
    const byLayer = new Map<string, Issue[]>();
    for (const issue of issues) if (issue.layerId) byLayer.set(issue.layerId, [...(byLayer.get(issue.layerId) ?? []), issue]);
    const next = new Map<string, { key: unknown[]; node: LayerFlowNode }>();
    const nodes = graph.layers.map((layer, i) => {
      const position = positions[layer.id] ?? { x: 0, y: i * (NODE_HEIGHT + 36) };
      const shape = shapes.get(layer.id);
      const layerIssues = byLayer.get(layer.id) ?? [];
      const key = [layer, position.x, position.y, shape?.join(','), layerIssues.map((x) => x.message).join('\n'), selected.has(layer.id)];
      const old = this.cache.get(layer.id);
      const node =
        old && old.key.every((k, j) => k === key[j])
          ? old.node
          : {
              id: layer.id,
              type: 'layer' as const,
              position,
              selected: selected.has(layer.id),
              data: { layer, category: getSpec(layer.type)?.category ?? 'unknown', shape, issues: layerIssues },
            };
      next.set(layer.id, { key, node });
      return node;
    });
    this.cache = next;
    return nodes;
  }
}

export function flowEdges(graph: Graph): Edge[] {
  return graph.layers.flatMap((layer) => (layer.inputs ?? []).map((input) => ({ id: `${input}->${layer.id}`, source: input, target: layer.id })));
}

/** Which structural facts the layout depends on: changing a param does not move nodes. */
export function structureKey(graph: Graph): string {
  return graph.layers.map((l) => `${l.id}<${(l.inputs ?? []).join(',')}`).join(';');
}
