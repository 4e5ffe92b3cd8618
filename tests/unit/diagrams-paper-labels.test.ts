/** Labels as paper figures write them (LeNet-5's tensor and operation rows, VGG strips) and how they pair up. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/diagrams/build.ts';
import { recognizeLabel, type DiagramNode } from '../../src/diagrams/index.ts';

describe('paper label vocabulary', () => {
  it('reads "feature maps N@HxW" as a convolution output of N maps', () => {
    expect(recognizeLabel('C1: feature maps\n6@28x28')).toMatchObject({ type: 'Conv2D', params: { filters: 6 }, outShape: [28, 28, 6] });
  });

  it('lets a type word beside the sizes decide the type', () => {
    expect(recognizeLabel('AvgPool\n112@6×6')).toMatchObject({ type: 'AvgPool2D', outShape: [6, 6, 112] });
    expect(recognizeLabel('Input\n1@28×28')).toMatchObject({ type: 'Input', params: { shape: [28, 28, 1] } });
  });

  it('reads "layer N" and "OUTPUT N" as dense layers of N units', () => {
    expect(recognizeLabel('F6: layer\n84')).toMatchObject({ type: 'Dense', params: { units: 84 } });
    expect(recognizeLabel('OUTPUT\n10')).toMatchObject({ type: 'Dense', params: { units: 10 } });
  });

  it('takes "Conv 1-1" for a block index, not a size', () => {
    const rec = recognizeLabel('Conv 1-1');
    expect(rec?.type).toBe('Conv2D');
    expect(rec?.params.filters).toBeUndefined();
    expect(rec?.params.kernel).toBeUndefined();
  });

  it('reads LeCun\'s subsampling as average pooling and "Full connection" as dense', () => {
    expect(recognizeLabel('Subsampling')?.type).toBe('AvgPool2D');
    expect(recognizeLabel('Full connection')?.type).toBe('Dense');
  });
});

const label = (id: string, x: number, y: number, text: string): DiagramNode => ({ id, box: [x, y, x + 60, y + 24], text, shape: 'label' });

describe('tensor labels typed by the operation row beneath them', () => {
  const nodes = [
    label('a', 0, 0, 'INPUT\n32x32'),
    label('b', 150, 0, 'C1: feature maps\n6@28x28'),
    label('c', 300, 0, 'S2: f. maps\n6@14x14'),
    label('d', 450, 0, 'F6: layer\n84'),
    label('op1', 80, 200, 'Convolutions'),
    label('op2', 230, 200, 'Subsampling'),
    label('op3', 380, 200, 'Full connection'),
  ];

  it('gives each tensor the operation before it and infers sizes from consecutive tensors', () => {
    const { graph } = buildGraph(nodes, [], { name: 'lenet', page: 1 });
    const types = graph.layers.map((l) => l.type);
    expect(types).toEqual(['Input', 'Conv2D', 'AvgPool2D', 'Flatten', 'Dense']);
    const conv = graph.layers[1]!;
    expect(conv.params).toMatchObject({ filters: 6, kernel: [5, 5], padding: 'valid' });
    expect(graph.layers[2]!.params).toMatchObject({ pool: [2, 2] });
    expect(graph.layers[4]!.params).toMatchObject({ units: 84 });
  });

  it('keeps operations past the last readable tensor label as layers of their own', () => {
    const more = [...nodes, label('op4', 530, 200, 'Full connection')];
    const { graph } = buildGraph(more, [], { name: 'lenet', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'AvgPool2D', 'Flatten', 'Dense', 'Dense']);
  });

  it('does not pair rows that do not line up (an operation left of the tensor it would follow)', () => {
    const shifted = nodes.map((n) => (n.id === 'op2' ? label('op2', 100, 200, 'Subsampling') : n));
    const { graph } = buildGraph(shifted, [], { name: 'lenet', page: 1 });
    expect(graph.layers.some((l) => l.type === 'Conv2D' && (l.params?.kernel as number[] | undefined)?.[0] === 5)).toBe(false);
  });

  it('leaves the tensors to their own labels when the operations do not fit between them', () => {
    const { graph } = buildGraph(nodes.slice(0, 5), [], { name: 'lenet', page: 1 });
    expect(graph.layers.filter((l) => l.type === 'AvgPool2D')).toHaveLength(0);
  });
});

describe('sizes written alone among free labels', () => {
  // Cuboids with the name over each block and its size under it, the middle block unnamed.
  const nodes = [
    label('s0', 0, 200, '224x224x3'),
    label('n1', 150, 0, 'Conv 11x11'),
    label('s1', 150, 200, '55x55x96'),
    label('s2', 300, 200, '55x55x96'),
    label('n3', 450, 0, 'MaxPool 3x3 /2'),
    label('s3', 450, 200, '27x27x96'),
    label('n4', 600, 0, 'FC 10'),
  ];

  it('a size with no name beside it is no layer of its own; the first, the input image, is', () => {
    const { graph, warnings } = buildGraph(nodes, [], { name: 'cuboids', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense']);
    expect(graph.layers[0]!.params).toMatchObject({ shape: [224, 224, 3] });
    expect(warnings.join('\n')).toContain('3 size label(s)');
  });

  it('the LeNet tensor labels, sizes under a name, stay layers', () => {
    const lenet = [label('a', 0, 0, 'INPUT\n32x32'), label('b', 150, 0, 'C1: feature maps\n6@28x28'), label('c', 300, 0, 'F6: layer\n84')];
    expect(buildGraph(lenet, [], { name: 'lenet', page: 1 }).graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Flatten', 'Dense']);
  });
});

describe('pieces without connectors', () => {
  it('joins strips that follow one another along the flow into one chain', () => {
    const rect = (id: string, x: number, text: string): DiagramNode => ({ id, box: [x, 0, x + 30, 150], text, shape: 'rect' });
    const nodes = [rect('a', 0, 'Conv'), rect('b', 30, 'Pooling'), rect('c', 100, 'Conv'), rect('d', 130, 'Pooling'), rect('e', 200, 'Dense')];
    const edges = [
      { from: 'a', to: 'b', directed: false },
      { from: 'c', to: 'd', directed: false },
    ];
    const { graph } = buildGraph(nodes, edges, { name: 'strips', page: 1 });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense']);
  });
});
