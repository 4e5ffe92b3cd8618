/**
 * The graph as Svelte Flow nodes and edges. Node objects are reused while nothing they show has
 * changed, so the flow does not re-measure 200 nodes after every keystroke in the inspector.
 */
import type { Edge, Node } from '@xyflow/svelte';
import { getSpec, type Graph, type Issue, type Layer, type Shape } from '../../graph/index.ts';
import { formatShape, summarizeLayer } from './layerSummary.ts';

export interface LayerNodeData extends Record<string, unknown> {
  layer: Layer;
  category: string;
  shape?: Shape;
  /** Error/warning messages about this layer. */
  issues: Issue[];
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** Node colours by catalog category (the same as the --cat-* CSS variables), for the minimap. */
export const CATEGORY_COLORS: Record<string, string> = {
  input: '#34495e',
  convolution: '#2f6fb0',
  pooling: '#2a9d8f',
  core: '#6c7a89',
  normalization: '#8e5bb5',
  activation: '#e08e2b',
  merge: '#3d9a4b',
  reshape: '#9c6b3f',
  recurrent: '#c2457a',
  attention: '#c0392b',
};

/** The size the layout reserves for a node (the node face is styled to this width). */
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;

export type Positions = Record<string, { x: number; y: number }>;

/** What a screen reader says for a node: "Conv2D conv1, 20 · 5×5, output 24 × 24 × 20, 1 problem". */
function nodeLabel(layer: Layer, shape: Shape | undefined, issues: Issue[]): string {
  const parts = [`${layer.type} ${layer.id}`, summarizeLayer(layer), shape ? `output ${formatShape(shape)}` : 'output shape unknown'];
  if (issues.length) parts.push(`${issues.length} problem${issues.length > 1 ? 's' : ''}`);
  return parts.filter(Boolean).join(', ');
}

export class FlowView {
  private cache = new Map<string, { key: unknown[]; node: LayerFlowNode }>();

  /**
   * `current` is the flow's own node list: once the flow has measured a node it hands back a copy that
   * carries the size. Reusing that copy (not our first object) is what lets the flow skip the node; given
   * a measure-less object it would render and measure it again, off-screen ones included.
   */
  nodes(
    graph: Graph,
    positions: Positions,
    shapes: Map<string, Shape>,
    issues: Issue[],
    selected: ReadonlySet<string>,
    current: readonly LayerFlowNode[] = [],
  ): LayerFlowNode[] {
    const shown = new Map(current.map((n) => [n.id, n]));
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
          ? (shown.get(layer.id) ?? old.node)
          : {
              id: layer.id,
              type: 'layer' as const,
              position,
              selected: selected.has(layer.id),
              ariaLabel: nodeLabel(layer, shape, layerIssues),
              data: { layer, category: getSpec(layer.type)?.category ?? 'unknown', shape, issues: layerIssues },
            };
      next.set(layer.id, { key, node });
      return node;
    });
    this.cache = next;
    return nodes;
  }

  private edgeCache = new Map<string, Edge>();

  /** One edge per input; the same objects while the wiring is unchanged. `selected` keeps the flow's edge selection. */
  edges(graph: Graph, selected: ReadonlySet<string>): Edge[] {
    const next = new Map<string, Edge>();
    const edges = graph.layers.flatMap((layer) =>
      (layer.inputs ?? []).map((input) => {
        const id = `${input}->${layer.id}`;
        const old = this.edgeCache.get(id);
        const edge = old && Boolean(old.selected) === selected.has(id) ? old : { id, source: input, target: layer.id, selected: selected.has(id) };
        next.set(id, edge);
        return edge;
      }),
    );
    this.edgeCache = next;
    return edges;
  }
}

/** Which structural facts the layout depends on: changing a param does not move nodes. */
export function structureKey(graph: Graph): string {
  return graph.layers.map((l) => `${l.id}<${(l.inputs ?? []).join(',')}`).join(';');
}

/**
 * Where a layer dropped at `point` (flow coordinates, the cursor) takes its input from: the nearest layer above
 * the point whose output feeds nothing yet (a free port) within `reach`, else the nearest free port anywhere
 * (a layer with no input would leave the graph invalid); none only in a graph without positioned layers.
 */
export function nearestFreeOutput(graph: Graph, positions: Positions, point: { x: number; y: number }, reach = 480): string | undefined {
  const consumed = new Set(graph.layers.flatMap((l) => l.inputs ?? []));
  const free = graph.layers.flatMap((layer) => {
    const p = positions[layer.id];
    if (!p || consumed.has(layer.id)) return [];
    const port = { x: p.x + NODE_WIDTH / 2, y: p.y + NODE_HEIGHT };
    return [{ id: layer.id, above: port.y <= point.y, distance: Math.hypot(port.x - point.x, port.y - point.y) }];
  });
  free.sort((a, b) => a.distance - b.distance);
  return (free.find((f) => f.above && f.distance <= reach) ?? free[0])?.id;
}
