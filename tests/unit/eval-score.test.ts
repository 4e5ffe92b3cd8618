import { describe, expect, it } from 'vitest';
import { barChartSvg, bestMatch, LENET5_PAPER, markdownTable, sequenceScore, structuralTokens, UNET_PAPER } from '../../src/eval/index.ts';
import { analyseGraph, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';

const graph = (name: string, layers: Layer[]): Graph => ({ format: 'paper2net.graph/1', name, layers });

/** LeNet-5 as an implementation might write it: ReLU and Flatten as layers, activations not fused. */
const lenetImplementation = graph('impl', [
  { id: 'x', type: 'Input', params: { shape: [32, 32, 1] } },
  { id: 'c1', type: 'Conv2D', inputs: ['x'], params: { filters: 6, kernel: [5, 5] } },
  { id: 'r1', type: 'Activation', inputs: ['c1'], params: { fn: 'relu' } },
  { id: 's2', type: 'AvgPool2D', inputs: ['r1'], params: { pool: [2, 2], stride: [2, 2] } },
  { id: 'c3', type: 'Conv2D', inputs: ['s2'], params: { filters: 16, kernel: [5, 5] } },
  { id: 's4', type: 'AvgPool2D', inputs: ['c3'], params: { pool: [2, 2] } },
  { id: 'bn', type: 'BatchNorm', inputs: ['s4'] },
  { id: 'c5', type: 'Conv2D', inputs: ['bn'], params: { filters: 120, kernel: [5, 5] } },
  { id: 'f', type: 'Flatten', inputs: ['c5'] },
  { id: 'f6', type: 'Dense', inputs: ['f'], params: { units: 84 } },
  { id: 'd', type: 'Dropout', inputs: ['f6'], params: { rate: 0.5 } },
  { id: 'out', type: 'Dense', inputs: ['d'], params: { units: 10, activation: 'softmax' } },
]);

describe('design vs reference scores', () => {
  it('the built-in LeNet-5 reference is a valid graph', () => {
    expect(validateGraph(LENET5_PAPER).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it("the built-in U-Net reference is the paper's: 23 convolutions, 572×572×1 in, 388×388×2 out", () => {
    const { shapes, issues } = analyseGraph(UNET_PAPER);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(shapes.get('output')).toEqual([388, 388, 2]);
    expect(UNET_PAPER.layers.filter((l) => l.type === 'Conv2D' || l.type === 'Conv2DTranspose')).toHaveLength(23);
    expect(UNET_PAPER.layers.filter((l) => l.type === 'Concat')).toHaveLength(4);
  });

  it('ignores what implementations add or fold (ReLU layers, BatchNorm, Dropout, Flatten): the same net scores 1', () => {
    expect(structuralTokens(lenetImplementation, 'params')).toEqual(structuralTokens(LENET5_PAPER, 'params'));
    expect(sequenceScore(lenetImplementation, LENET5_PAPER, 'params')).toMatchObject({ precision: 1, recall: 1, f1: 1, matched: 7 });
  });

  it('a wrong width costs only at the sizes level; a missing layer costs recall at both', () => {
    const wrongWidth = graph(
      'w',
      lenetImplementation.layers.map((l) => (l.id === 'c3' ? { ...l, params: { ...l.params, filters: 32 } } : l)),
    );
    expect(sequenceScore(wrongWidth, LENET5_PAPER, 'types').f1).toBe(1);
    expect(sequenceScore(wrongWidth, LENET5_PAPER, 'params')).toMatchObject({ matched: 6, read: 7, truth: 7 });
    const noPool = graph('p', [...LENET5_PAPER.layers.filter((l) => l.id !== 's4').map((l) => (l.id === 'c5' ? { ...l, inputs: ['c3'] } : l))]);
    const score = sequenceScore(noPool, LENET5_PAPER, 'types');
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo(6 / 7, 6);
  });

  it('order matters: the same layers in another order match only their longest common run', () => {
    const shuffled = graph('s', [LENET5_PAPER.layers[0]!, ...LENET5_PAPER.layers.slice(1).reverse()]);
    // Reversed, only pool–conv(16)–pool still comes in the same order.
    expect(sequenceScore(shuffled, LENET5_PAPER, 'params')).toMatchObject({ matched: 3, read: 7, truth: 7 });
  });

  it('picks the closest of several designs', () => {
    const mlp = graph('mlp', [
      { id: 'x', type: 'Input', params: { shape: [784] } },
      { id: 'h', type: 'Dense', inputs: ['x'], params: { units: 84 } },
      { id: 'o', type: 'Dense', inputs: ['h'], params: { units: 10 } },
    ]);
    expect(bestMatch([mlp, lenetImplementation], LENET5_PAPER)?.design.name).toBe('impl');
    expect(bestMatch([], LENET5_PAPER)).toBeUndefined();
  });
});

describe('reports', () => {
  it('escapes names from files in Markdown tables and SVG charts', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 0.5]])).toBe('| a | b |\n|---|---|\n| x\\|y | 0.50 |');
    const svg = barChartSvg('t <b>', [{ label: '<script>alert(1)</script>&', value: 2 }]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(svg).toContain('>1.00<');
  });
});
