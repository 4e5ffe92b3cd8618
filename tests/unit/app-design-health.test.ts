import { describe, expect, it } from 'vitest';
import { designHealth } from '../../src/ui/model/designHealth.ts';
import type { Graph } from '../../src/graph/index.ts';

const graph = (layers: Graph['layers'], warnings?: string[]): Graph => ({ format: 'paper2net.graph/1', name: 'g', layers, ...(warnings ? { warnings } : {}) });

describe('design health on the card', () => {
  it('calls a design valid only when its shapes infer', () => {
    const ok = designHealth(
      graph([
        { id: 'x', type: 'Input', params: { shape: [8] } },
        { id: 'y', type: 'Dense', inputs: ['x'], params: { units: 4 } },
      ]),
    );
    expect(ok).toMatchObject({ errors: 0, unknownShapes: 0, status: 'valid (shapes infer)', questions: [] });
  });

  it('counts errors and lists the reader’s notes as open questions', () => {
    const bad = designHealth(
      graph(
        [
          { id: 'x', type: 'Input', params: { shape: [8, 8, 3] } },
          { id: 'y', type: 'Conv2D', inputs: ['x'], params: { filters: 4, kernel: [16, 16] } },
        ],
        ['13 of 22 layer cells of Table 1 not read'],
      ),
    );
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.status).toMatch(/^\d+ errors?$/);
    expect(bad.questions.map((q) => q.text)).toContain('13 of 22 layer cells of Table 1 not read');
  });

  it('counts the sizes the paper states that the shapes reach, and asks about the others at their place in the paper', () => {
    const health = designHealth({
      ...graph([
        { id: 'x', type: 'Input', params: { shape: [32, 32, 3] } },
        { id: 'c1', type: 'Conv2D', inputs: ['x'], params: { filters: 6, kernel: [5, 5] }, statedSize: [28, 28], source: { page: 3, bbox: [10, 20, 30, 40] } },
        { id: 'p1', type: 'MaxPool2D', inputs: ['c1'], params: { pool: [2, 2] }, statedSize: [14, 14] },
        {
          id: 'c2',
          type: 'Conv2D',
          inputs: ['p1'],
          params: { filters: 16, kernel: [5, 5], padding: 'same' },
          statedSize: [10, 10],
          source: { page: 4, bbox: [1, 2, 3, 4] },
        },
        { id: 'f', type: 'Flatten', inputs: ['c2'] },
        { id: 'd', type: 'Dense', inputs: ['f'], params: { units: 10 }, statedSize: [1, 1] },
      ]),
      source: { kind: 'table', page: 3, bbox: [0, 0, 100, 100] },
    });
    // The Dense layer's 1×1 is no spatial shape to hold it against: 2 of 3.
    expect(health.sizes).toEqual({ agree: 2, stated: 3 });
    expect(health.questions).toContainEqual({ text: 'c2: the paper states 10×10, the shapes give 14×14', place: { page: 4, bbox: [1, 2, 3, 4] } });
  });

  it('places the reader’s notes at the design’s source, and says nothing of sizes when the paper states none', () => {
    const health = designHealth({
      ...graph([{ id: 'x', type: 'Input', params: { shape: [8] } }], ['2 rows skipped']),
      source: { kind: 'table', page: 2, bbox: [5, 6, 7, 8] },
    });
    expect(health.sizes).toBeUndefined();
    expect(health.questions).toEqual([{ text: '2 rows skipped', place: { page: 2, bbox: [5, 6, 7, 8] } }]);
  });
});
