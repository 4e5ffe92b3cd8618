/**
 * A figure rarely states a convolution's padding; where the branches of a merge only meet with 'same'
 * padding, the figure builder sets it (inferred) — for a residual Add as for a Concat.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/diagrams/build.ts';
import type { DiagramEdge, DiagramNode } from '../../src/diagrams/index.ts';
import { validateGraph } from '../../src/graph/index.ts';

const box = (i: number): DiagramNode['box'] => [100, 40 + 60 * i, 220, 80 + 60 * i];
const node = (id: string, i: number, text: string): DiagramNode => ({ id, box: box(i), text, shape: 'rect' });
const edge = (from: string, to: string): DiagramEdge => ({ from, to, directed: true });

function residualFigure(merge: string): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes = [node('in', 0, 'Input 32x32x16'), node('c1', 1, '3x3 conv, 16'), node('c2', 2, '3x3 conv, 16'), node('m', 3, merge)];
  const edges = [edge('in', 'c1'), edge('c1', 'c2'), edge('c2', 'm'), edge('in', 'm')];
  return { nodes, edges };
}

describe('figure builder pads branches that meet in a merge', () => {
  for (const [merge, type] of [
    ['add', 'Add'],
    ['concat', 'Concat'],
  ] as const) {
    it(`pads the convolutions of a skip connection joined by ${type}`, () => {
      const { nodes, edges } = residualFigure(merge);
      const { graph } = buildGraph(nodes, edges, { name: `residual_${merge}`, page: 1 });
      expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Conv2D', type]);
      for (const conv of graph.layers.filter((l) => l.type === 'Conv2D')) {
        expect(conv.params?.padding).toBe('same');
        expect(conv.inferred).toContain('padding');
      }
      expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
    });
  }
});
