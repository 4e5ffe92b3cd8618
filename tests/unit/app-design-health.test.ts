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
    expect(bad.questions).toContain('13 of 22 layer cells of Table 1 not read');
  });
});
