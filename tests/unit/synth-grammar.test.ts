import { describe, expect, it } from 'vitest';
import { inferShapes, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';
import { generateModel } from '../../src/synth/index.ts';

const MODELS = 3000;
const models = Array.from({ length: MODELS }, (_, seed) => generateModel(seed));

/** Table 1 as the issue states it, written out independently of the generator's table. */
const TABLE_1: Record<string, string[]> = {
  Input: ['Dense', 'Conv2D', 'Embedding'],
  Dense: ['Dense', 'Dropout', 'Concat', 'Embedding'],
  Conv2D: ['Conv2D', 'Flatten', 'Dropout', 'MaxPool2D', 'AvgPool2D', 'Concat'],
  Flatten: ['Dense', 'Dropout', 'Concat', 'Embedding'],
  Pool: ['Conv2D', 'Flatten', 'Dropout', 'MaxPool2D', 'AvgPool2D', 'Concat'],
  RNNLast: ['Dense', 'Dropout', 'Concat', 'Embedding'],
  RNNSeq: ['Flatten', 'Dropout', 'Concat', 'SimpleRNN', 'LSTM'],
  Embedding: ['SimpleRNN', 'LSTM', 'Dropout', 'Flatten'],
};

function rowOf(layer: Layer, byId: Map<string, Layer>, shapes: Map<string, number[]>): string {
  switch (layer.type) {
    case 'MaxPool2D':
    case 'AvgPool2D':
      return 'Pool';
    case 'SimpleRNN':
    case 'LSTM':
      return layer.params?.return_sequences ? 'RNNSeq' : 'RNNLast';
    case 'Dropout':
      return rowOf(byId.get(layer.inputs![0]!)!, byId, shapes);
    case 'Concat':
      return shapes.get(layer.id)!.length === 1 ? 'Dense' : rowOf(byId.get(layer.inputs![0]!)!, byId, shapes);
    default:
      return layer.type;
  }
}

function inRange(value: unknown, start: number, step: number, end: number): boolean {
  if (typeof value !== 'number' || value < start - 1e-9 || value > end + 1e-9) return false;
  const k = (value - start) / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

function longestPath(graph: Graph): number {
  const depth = new Map<string, number>();
  for (const layer of graph.layers) depth.set(layer.id, Math.max(0, ...(layer.inputs ?? []).map((i) => depth.get(i)! + 1)));
  return Math.max(...depth.values());
}

describe('synth grammar', () => {
  it('every generated model passes validateGraph (3000 models, 100%)', () => {
    const failures = models.filter((m) => validateGraph(m.graph).some((issue) => issue.severity === 'error'));
    expect(failures.map((m) => m.graph.name)).toEqual([]);
  });

  it('every transition follows Table 1, including into Concat and the classifier', () => {
    const violations: string[] = [];
    let transitions = 0;
    for (const { graph } of models) {
      const shapes = inferShapes(graph);
      const byId = new Map(graph.layers.map((l) => [l.id, l]));
      for (const layer of graph.layers) {
        for (const input of layer.inputs ?? []) {
          transitions++;
          const row = rowOf(byId.get(input)!, byId, shapes);
          if (!TABLE_1[row]!.includes(layer.type)) violations.push(`${graph.name}: ${input} (${row}) → ${layer.id} (${layer.type})`);
        }
      }
    }
    expect(transitions).toBeGreaterThan(MODELS * 5);
    expect(violations).toEqual([]);
  });

  it('every param lies in the Table 2 range', () => {
    for (const { graph, dataset } of models) {
      const last = graph.layers[graph.layers.length - 1]!;
      for (const layer of graph.layers) {
        const p = layer.params ?? {};
        const where = `${graph.name} ${layer.id}`;
        if (layer.type === 'Conv2D') {
          expect(inRange(p.filters, 16, 16, 256), where).toBe(true);
          expect(
            (p.kernel as number[]).every((k) => inRange(k, 1, 2, 11)),
            where,
          ).toBe(true);
        } else if (layer.type === 'MaxPool2D' || layer.type === 'AvgPool2D') {
          expect(
            (p.pool as number[]).every((k) => inRange(k, 1, 2, 11)),
            where,
          ).toBe(true);
          expect(
            (p.stride as number[]).every((s) => inRange(s, 2, 1, 5)),
            where,
          ).toBe(true);
        } else if (layer.type === 'Dense' && layer !== last) {
          expect(inRange(p.units, 5, 5, 500), where).toBe(true);
        } else if (layer.type === 'Dropout') {
          expect(inRange(p.rate, 0, 0.1, 1), where).toBe(true);
        } else if (layer.type === 'Embedding') {
          expect([64, 100, 128, 200], where).toContain(p.dim);
          expect([10000, 20000, 50000, 75000], where).toContain(p.vocab);
        } else if (layer.type === 'SimpleRNN' || layer.type === 'LSTM') {
          expect(inRange(p.units, 3, 1, 25), where).toBe(true);
        }
      }
      expect(last.type).toBe('Dense');
      expect(last.params?.units).toBe(dataset.classes);
    }
  });

  it('inputs are the four datasets with their class counts, and depth is 5–40', () => {
    const classes: Record<string, number> = { '28,28,1': 10, '32,32,3': 10, '224,224,3': 1000 };
    const seen = new Set<string>();
    for (const { graph } of models) {
      const input = graph.layers[0]!;
      const shape = input.params!.shape as number[];
      const key = shape.length === 1 ? 'imdb' : shape.join(',');
      seen.add(key);
      const expected = shape.length === 1 ? 2 : classes[key];
      expect(graph.layers[graph.layers.length - 1]!.params!.units, graph.name).toBe(expected);
      if (shape.length === 1) expect(input.params!.dtype).toBe('int32');
      const hidden = longestPath(graph) - 1;
      expect(hidden, graph.name).toBeGreaterThanOrEqual(5);
      expect(hidden, graph.name).toBeLessThanOrEqual(40);
    }
    expect([...seen].sort()).toEqual(['224,224,3', '28,28,1', '32,32,3', 'imdb']);
  });

  it('makes non-sequential models: some have branches that merge in a Concat', () => {
    const merging = models.filter((m) => m.graph.layers.some((l) => l.type === 'Concat' && (l.inputs?.length ?? 0) >= 2));
    expect(merging.length / MODELS).toBeGreaterThan(0.2);
    const forks = merging.filter((m) => {
      const uses = new Map<string, number>();
      for (const l of m.graph.layers) for (const i of l.inputs ?? []) uses.set(i, (uses.get(i) ?? 0) + 1);
      return [...uses.values()].some((n) => n > 1);
    });
    expect(forks.length).toBe(merging.length);
  });

  it('is reproducible by seed and differs across seeds', () => {
    expect(JSON.stringify(generateModel(1234).graph)).toBe(JSON.stringify(generateModel(1234).graph));
    const distinct = new Set(models.slice(0, 200).map((m) => JSON.stringify(m.graph.layers)));
    expect(distinct.size).toBe(200);
  });
});
