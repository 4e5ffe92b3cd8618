/**
 * Box figures as papers draw them: a residual block whose sum is a circled "+", the activation written
 * on the arrow between two boxes, and the shortcut leaving the input that nobody drew as a box.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/diagrams/build.ts';
import type { DiagramEdge, DiagramNode } from '../../src/diagrams/index.ts';
import { validateGraph } from '../../src/graph/index.ts';

const row = (i: number): DiagramNode['box'] => [100, 40 + 60 * i, 220, 80 + 60 * i];
const node = (id: string, i: number, text: string): DiagramNode => ({ id, box: row(i), text, shape: 'rect' });
const down = (from: string, to: string, label?: string): DiagramEdge => ({ from, to, directed: true, sides: ['bottom', 'top'], ...(label ? { label } : {}) });

describe('figure builder on box drawings', () => {
  it('reads a circled + as the Add of a residual block, with the shortcut carrying the block input', () => {
    const nodes = [
      node('in', 0, 'Input 32x32x64'),
      node('c1', 1, '3x3 conv, 64'),
      node('c2', 2, '3x3 conv, 64'),
      { ...node('sum', 3, '⊕'), shape: 'blob' as const },
    ];
    const edges = [
      down('in', 'c1'),
      down('c1', 'c2'),
      down('c2', 'sum'),
      { from: 'in', to: 'sum', directed: true, sides: ['right', 'right'] as DiagramEdge['sides'] },
    ];
    const { graph } = buildGraph(nodes, edges, { name: 'residual', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Conv2D', 'Add']);
    const add = graph.layers.find((l) => l.type === 'Add')!;
    expect(add.inputs).toHaveLength(2);
    expect(add.inputs).toContain(graph.layers[0]!.id);
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('makes a layer of a word written on the arrow between two boxes, and says so', () => {
    const nodes = [node('in', 0, 'Input 28x28x1'), node('c1', 1, '5x5 conv, 20'), node('c2', 2, '5x5 conv, 50')];
    const edges = [down('in', 'c1'), down('c1', 'c2', 'pool/2')];
    const { graph, warnings } = buildGraph(nodes, edges, { name: 'strip', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D']);
    expect(warnings.join('\n')).toMatch(/pool\/2/);
  });

  it('follows an undrawn flow direction from where the input is, not from the page order', () => {
    const nodes = [node('out', 0, 'fc 10'), node('c1', 1, '3x3 conv, 8'), node('in', 2, 'Input 16x16x3')];
    const plain = (from: string, to: string): DiagramEdge => ({ from, to, directed: false });
    const { graph } = buildGraph(nodes, [plain('out', 'c1'), plain('c1', 'in')], { name: 'upward', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Flatten', 'Dense']);
  });

  it('lists the branches of one rank left to right, though detection put the right one a pixel higher', () => {
    // A layer fanning out into two branches on one rank (the right box's centre 1 px above the left's), then a Concat.
    const box = (x: number, y: number): DiagramNode['box'] => [x, y, x + 120, y + 40];
    const nodes: DiagramNode[] = [
      { id: 'in', box: box(150, 40), text: 'Input 784', shape: 'rect' },
      { id: 'fan', box: box(150, 140), text: 'Dense 128', shape: 'rect' },
      { id: 'left', box: box(50, 240), text: 'Dense 64', shape: 'rect' },
      { id: 'left2', box: box(50, 340), text: 'Dropout 0.5', shape: 'rect' },
      { id: 'right', box: box(250, 239), text: 'Dense 16', shape: 'rect' },
      { id: 'right2', box: box(250, 339), text: 'Dropout 0.2', shape: 'rect' },
      { id: 'cat', box: box(150, 440), text: 'Concatenate', shape: 'rect' },
    ];
    const edges = ['in>fan', 'fan>left', 'fan>right', 'left>left2', 'right>right2', 'left2>cat', 'right2>cat'].map((e) =>
      down(...(e.split('>') as [string, string])),
    );
    const { graph } = buildGraph(nodes, edges, { name: 'branches', page: 1 });
    expect(graph.layers.map((l) => [l.type, l.params?.units])).toEqual([
      ['Input', undefined],
      ['Dense', 128],
      ['Dense', 64],
      ['Dropout', undefined],
      ['Dense', 16],
      ['Dropout', undefined],
      ['Concat', undefined],
    ]);
  });
  it('takes a shortcut leaving a drawn Input by its upstream side as that Input, inventing no second one', () => {
    // The Input feeds both branches directly: the block and a shortcut drawn out of the Input's top, round to the sum.
    const nodes = [node('in', 0, 'Input 32x32x64'), node('c1', 1, '3x3 conv, 64'), node('c2', 2, '3x3 conv, 64'), node('sum', 3, 'Add')];
    const edges = [
      down('in', 'c1'),
      down('c1', 'c2'),
      down('c2', 'sum'),
      { from: 'in', to: 'sum', directed: true, sides: ['top', 'right'] as DiagramEdge['sides'] },
    ];
    const { graph } = buildGraph(nodes, edges, { name: 'input branches', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Conv2D', 'Add']);
    const [input, conv] = graph.layers;
    expect(conv!.inputs).toEqual([input!.id]);
    expect(graph.layers[3]!.inputs).toContain(input!.id);
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('figure builder on draw_net plots', () => {
  const blob = (id: string, i: number, text: string): DiagramNode => ({ ...node(id, i, text), shape: 'blob' });

  it("reads num_output from a connector label whose last digit touched the arrow head (OCR: '1000,')", () => {
    const nodes = [node('d', 0, 'data\n(Input)'), blob('db', 1, 'data'), node('fc', 2, 'fc1\n(InnerProduct)'), blob('fb', 3, 'fc1')];
    const edges = [down('d', 'db'), down('db', 'fc'), down('fc', 'fb', '1000,')];
    const { graph } = buildGraph(nodes, edges, { name: 'draw_net', page: 1 });
    expect(graph.layers.find((l) => l.type === 'Dense')?.params).toMatchObject({ units: 1000 });
  });
});
