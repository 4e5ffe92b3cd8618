/** The big-graph layout of our own (src/pipeline/towerLayout.ts) on real networks from the corpus: GoogLeNet's branches, ResNet-50's skips, DenseNet-121. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlacedBox } from '../../src/pipeline/columnWrap.ts';
import { openModelFile } from '../../src/pipeline/openModel.ts';
import { towerLayout } from '../../src/pipeline/towerLayout.ts';

const CORPUS = '/work/shared/corpus/prototxt';
const SPACING = { betweenLayers: 36, beside: 28 };

function network(file: string): { nodes: Array<{ id: string; width: number; height: number }>; edges: Array<[string, string]> } {
  const graph = openModelFile(new Uint8Array(readFileSync(join(CORPUS, file))), file);
  return {
    nodes: graph.layers.map((l) => ({ id: l.id, width: 190, height: 64 })),
    edges: graph.layers.flatMap((l) => (l.inputs ?? []).map((i): [string, string] => [i, l.id])),
  };
}

const overlap = (a: PlacedBox, b: PlacedBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the tower layout of a big graph', () => {
  for (const file of [
    'caffe__models_bvlc_googlenet_deploy.prototxt',
    'deep-residual-networks__prototxt_ResNet-50-deploy.prototxt',
    'densenet-caffe__DenseNet_121.prototxt',
  ]) {
    it(`places every layer of ${file} below its inputs, no two boxes overlapping`, () => {
      const { nodes, edges } = network(file);
      const boxes = towerLayout(nodes, edges, SPACING);
      expect(Object.keys(boxes).sort()).toEqual(nodes.map((n) => n.id).sort());
      for (const [from, to] of edges) expect(boxes[to]!.y).toBeGreaterThanOrEqual(boxes[from]!.y + boxes[from]!.height + SPACING.betweenLayers);
      const sorted = Object.values(boxes).sort((a, b) => a.y - b.y || a.x - b.x);
      for (let i = 0; i < sorted.length; i++)
        for (let j = i + 1; j < sorted.length && sorted[j]!.y < sorted[i]!.y + sorted[i]!.height; j++) expect(overlap(sorted[i]!, sorted[j]!)).toBe(false);
    });
  }

  it("sets an Inception module's branches side by side, centred under the layer they leave", () => {
    const { nodes, edges } = network('caffe__models_bvlc_googlenet_deploy.prototxt');
    const boxes = towerLayout(nodes, edges, SPACING);
    const centre = (id: string) => boxes[id]!.x + boxes[id]!.width / 2;
    const branches = edges.filter(([from]) => from === 'pool2/3x3_s2').map(([, to]) => to);
    expect(branches.length).toBe(4);
    expect(new Set(branches.map((id) => boxes[id]!.y)).size).toBe(1);
    const middle = branches.reduce((sum, id) => sum + centre(id), 0) / branches.length;
    expect(middle).toBeCloseTo(centre('pool2/3x3_s2'), 6);
  });

  it('keeps a chain in one straight column', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, width: 190, height: 64 }));
    const boxes = towerLayout(
      nodes,
      nodes.slice(1).map((n, i): [string, string] => [`n${i}`, n.id]),
      SPACING,
    );
    expect(new Set(Object.values(boxes).map((b) => b.x)).size).toBe(1);
    expect(boxes.n199!.y).toBe(199 * (64 + SPACING.betweenLayers));
  });
});
