/** Table reading on synthetic layouts: layer text, white-space grids, spanning cells, layouts, assembly. */
import { describe, expect, it } from 'vitest';
import { inferShapes, validateGraph } from '../../src/graph/index.ts';
import { groupLines, type TextItem } from '../../src/paper/index.ts';
import {
  assembleGraph,
  buildGrid,
  classifyTable,
  interpretTable,
  parseLayerText,
  repeatCount,
  attributeOf,
  type NetworkDraft,
} from '../../src/tables/index.ts';

/** A text run at (x, y) in a 9 pt font, about 4.5 pt per character. */
function run(str: string, x: number, y: number): TextItem {
  return { str, box: [x, y, x + str.length * 4.5, y + 9], size: 9, font: 'F1', rotated: false };
}

function table(rows: Array<Array<[string, number]>>, top = 100, pitch = 11) {
  const items = rows.flatMap((row, r) => row.map(([s, x]) => run(s, x, top + r * pitch)));
  const lines = groupLines(items);
  const box: [number, number, number, number] = [
    Math.min(...items.map((i) => i.box[0])),
    top,
    Math.max(...items.map((i) => i.box[2])),
    top + rows.length * pitch,
  ];
  return buildGrid(lines, [], box);
}

describe('layer text', () => {
  it('reads the spellings papers use', () => {
    expect(parseLayerText('conv3-64')[0]).toMatchObject({ type: 'Conv2D', params: { kernel: [3, 3], filters: 64 } });
    expect(parseLayerText('FC-4096')[0]).toMatchObject({ type: 'Dense', params: { units: 4096 } });
    expect(parseLayerText('7×7, 64, stride 2')[0]).toMatchObject({ type: 'Conv2D', params: { kernel: [7, 7], filters: 64, stride: [2, 2] } });
    expect(parseLayerText('3×3 max pool, stride 2')[0]).toMatchObject({ type: 'MaxPool2D', params: { pool: [3, 3], stride: [2, 2] } });
    expect(parseLayerText('7×7/2, 64')[0]).toMatchObject({ type: 'Conv2D', params: { kernel: [7, 7], stride: [2, 2], filters: 64 } });
    expect(parseLayerText('Conv dw / s2')[0]).toMatchObject({ type: 'DepthwiseConv2D', params: { stride: [2, 2] } });
    expect(parseLayerText('input (224 × 224 RGB image)')[0]).toMatchObject({ type: 'Input', params: { shape: [224, 224, 3] } });
    expect(parseLayerText('average pool, 1000-d fc, softmax').map((d) => d.type)).toEqual(['AvgPool2D', 'Dense', 'Activation']);
  });

  it("reads framework calls by the catalog's constructors: Keras and PyTorch argument orders, keywords, shortened calls", () => {
    expect(parseLayerText('Embedding(5000, 48)')[0]).toMatchObject({ type: 'Embedding', params: { vocab: 5000, dim: 48 } });
    expect(parseLayerText('Conv1D(96, 5, strides=2)')[0]).toMatchObject({ type: 'Conv1D', params: { filters: 96, kernel: 5, stride: 2 } });
    expect(parseLayerText('nn.Conv2d(16, 40, kernel_size=3, stride=2)')[0]).toMatchObject({
      type: 'Conv2D',
      params: { filters: 40, kernel: [3, 3], stride: [2, 2] },
    });
    expect(parseLayerText('nn.Linear(256, 7)')[0]).toMatchObject({ type: 'Dense', params: { units: 7 } });
    // A name both frameworks use: Keras's LSTM takes its units, PyTorch's its input size first.
    expect(parseLayerText('LSTM(72)')[0]).toMatchObject({ type: 'LSTM', params: { units: 72 } });
    expect(parseLayerText('nn.LSTM(40, 72)')[0]).toMatchObject({ type: 'LSTM', params: { units: 72 } });
    expect(parseLayerText('MaxPooling2D((3, 3))')[0]).toMatchObject({ type: 'MaxPool2D', params: { pool: [3, 3] } });
    expect(parseLayerText('nn.Tanh()')[0]).toMatchObject({ type: 'Activation', params: { fn: 'tanh' } });
    // "Linear(24)": one number is the layer's width; "Softmax(6)" has no constructor argument for it and reads as before.
    expect(parseLayerText('Linear(24)')[0]).toMatchObject({ type: 'Dense', params: { units: 24 } });
    expect(parseLayerText('Softmax(6)')[0]).toMatchObject({ type: 'Dense', params: { units: 6, activation: 'softmax' } });
    // A run of calls with classes named bare ("ReLU") is still calls; an adaptive pool to one position is a global pool.
    expect(parseLayerText('Linear(96, 32), ReLU, Dropout(0.2)').map((d) => [d.type, d.params])).toEqual([
      ['Dense', { units: 32 }],
      ['Activation', { fn: 'relu' }],
      ['Dropout', { rate: 0.2 }],
    ]);
    expect(parseLayerText('nn.AdaptiveAvgPool1d(1)')).toMatchObject([{ type: 'GlobalAvgPool1D' }]);
    expect(parseLayerText('AdaptiveMaxPool2d(1), Flatten()').map((d) => d.type)).toEqual(['GlobalMaxPool2D', 'Flatten']);
  });

  it('reads units stated before a layer without a width as a fully connected layer of their own, and "N sigmoid units" as one layer', () => {
    expect(parseLayerText('640 units, dropout 0.25').map((d) => [d.type, d.params])).toEqual([
      ['Dense', { units: 640 }],
      ['Dropout', { rate: 0.25 }],
    ]);
    expect(parseLayerText('37 sigmoid units')).toMatchObject([{ type: 'Dense', params: { units: 37, activation: 'sigmoid' } }]);
    expect(parseLayerText('ReLU')).toMatchObject([{ type: 'Activation', params: { fn: 'relu' } }]);
  });

  it('reads names, sizes, results and repeat marks as no layer', () => {
    for (const text of ['conv2_x', 'conv2 x', 'fc7', '112×112', '73.2', '1.8×10^9', '24.4%', '11 weight layers'])
      expect(parseLayerText(text), text).toEqual([]);
    expect(repeatCount('×2')).toBe(2);
    expect(repeatCount('× 12')).toBe(12);
    expect(repeatCount('5×')).toBe(5);
    expect(repeatCount('×2]')).toBe(2);
    expect(repeatCount('2')).toBeUndefined();
  });

  it('names attribute headers', () => {
    expect(attributeOf('Filter Shape')).toBe('kernel');
    expect(attributeOf('Type / Stride')).toBe('type');
    expect(attributeOf('# channels')).toBe('filters');
    expect(attributeOf('Pooling stride')).toBe('poolStride');
    expect(attributeOf('Input Size')).toBe('inputSize');
    expect(attributeOf('C')).toBeUndefined();
  });
});

describe('white-space grid (no rules)', () => {
  // Two configurations, a centred "maxpool" spanning both, a cell only in B.
  const grid = table([
    [
      ['A', 120],
      ['B', 220],
    ],
    [
      ['conv3-64', 110],
      ['conv3-64', 210],
    ],
    [['conv3-64', 210]],
    [['maxpool', 160]],
    [
      ['conv3-128', 108],
      ['conv3-128', 208],
    ],
    [['maxpool', 160]],
    [['FC-10', 160]],
  ]);

  it('finds columns from white space and spans centred cells', () => {
    expect(grid.ruled).toBe(false);
    expect(grid.columns).toHaveLength(2);
    const pools = grid.cells.filter((c) => c.text === 'maxpool');
    expect(pools.every((c) => c.col0 === 0 && c.col1 === 1)).toBe(true);
    expect(grid.cells.find((c) => c.box[1] === 122)).toMatchObject({ col0: 1, col1: 1 });
  });

  it('reads one network per configuration column', () => {
    const drafts = interpretTable(grid, { blockStyle: 'plain' });
    expect(drafts.map((d) => d.name)).toEqual(['A', 'B']);
    const graphs = drafts.map((d) => assembleGraph(d, { name: d.name, source: { kind: 'table' } }));
    expect(graphs.map((g) => g.graph.layers.filter((l) => l.type === 'Conv2D').length)).toEqual([2, 3]);
    for (const g of graphs) expect(g.errors).toEqual([]);
  });
});

describe('layouts', () => {
  it('reads a row-major attribute table with a repeated row', () => {
    const grid = table([
      [
        ['Type', 100],
        ['Kernel', 200],
        ['Stride', 280],
        ['Channels', 340],
      ],
      [
        ['conv', 100],
        ['3×3', 200],
        ['2', 280],
        ['32', 340],
      ],
      [
        ['conv', 100],
        ['3×3', 200],
        ['1', 280],
        ['64', 340],
      ],
      [
        ['conv', 100],
        ['1×1', 200],
        ['1', 280],
        ['64', 340],
      ],
      [
        ['max pool', 100],
        ['2×2', 200],
        ['2', 280],
        ['-', 340],
      ],
      [
        ['fc', 100],
        ['-', 200],
        ['-', 280],
        ['10', 340],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    expect(draft.layout).toBe('rows');
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    const convs = graph.layers.filter((l) => l.type === 'Conv2D');
    expect(convs.map((l) => [l.params?.filters, (l.params?.kernel as number[])[0], (l.params?.stride as number[])[0]])).toEqual([
      [32, 3, 2],
      [64, 3, 1],
      [64, 1, 1],
    ]);
    expect(graph.layers.find((l) => l.type === 'MaxPool2D')?.params?.pool).toEqual([2, 2]);
  });

  it('reads layer names in the type column (AlexNet-style "conv1 | 11×11 | 4 | 96")', () => {
    const grid = table([
      [
        ['Layer', 100],
        ['Kernel size', 180],
        ['Stride', 260],
        ['Channels', 320],
      ],
      [
        ['conv1', 100],
        ['11×11', 180],
        ['4', 260],
        ['96', 320],
      ],
      [
        ['pool1', 100],
        ['3×3', 180],
        ['2', 260],
        ['-', 320],
      ],
      [
        ['conv2', 100],
        ['5×5', 180],
        ['1', 260],
        ['256', 320],
      ],
      [
        ['fc6', 100],
        ['-', 180],
        ['-', 260],
        ['4096', 320],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'Flatten', 'Dense']);
    expect(graph.layers[1].params).toMatchObject({ filters: 96, kernel: [11, 11], stride: [4, 4] });
    expect(graph.layers[2].params).toMatchObject({ pool: [3, 3], stride: [2, 2] });
    expect(graph.layers[5].params?.units).toBe(4096);
  });

  it('takes the input shape from an Input row, and a ReLU row after BN as the activation', () => {
    const grid = table([
      [
        ['Type', 100],
        ['Kernel', 180],
        ['Filters', 240],
        ['Output size', 300],
      ],
      [
        ['Input', 100],
        ['-', 180],
        ['-', 240],
        ['32×32×1', 300],
      ],
      [
        ['Conv', 100],
        ['3×3', 180],
        ['16', 240],
        ['32×32×16', 300],
      ],
      [
        ['BN', 100],
        ['-', 180],
        ['-', 240],
        ['32×32×16', 300],
      ],
      [
        ['ReLU', 100],
        ['-', 180],
        ['-', 240],
        ['32×32×16', 300],
      ],
      [
        ['ﬁnal FC', 100],
        ['-', 180],
        ['10', 240],
        ['10', 300],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    expect(draft.input).toEqual([32, 32, 1]);
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'BatchNorm', 'Activation', 'Flatten', 'Dense']);
    expect(graph.layers[1].params?.activation).toBeUndefined();
  });

  it('repeats the rows a lone "5×" sits against in an unruled row-major table', () => {
    const items = [
      ['Type / Stride', 100, 100],
      ['Filter Shape', 200, 100],
      ['Conv / s2', 100, 111],
      ['3×3×3×32', 200, 111],
      ['Conv dw / s1', 112, 122],
      ['3×3×32 dw', 200, 122],
      ['5×', 100, 127.5],
      ['Conv / s1', 112, 133],
      ['1×1×32×32', 200, 133],
      ['FC / s1', 100, 144],
      ['32×10', 200, 144],
    ].map(([str, x, y]) => run(str as string, x as number, y as number));
    const lines = groupLines(items);
    const grid = buildGrid(lines, [], [100, 100, 300, 155]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'DepthwiseConv2D')).toHaveLength(5);
    expect(graph.layers.filter((l) => l.type === 'Conv2D')).toHaveLength(6);
  });

  it('gathers an unruled bracketed stack beside its "×2" into a residual block', () => {
    // ResNet-style rows without rules: labels centred on their rows, the mark centred on its stack.
    const grid = table(
      [
        [
          ['layer', 100],
          ['output', 160],
          ['18-layer', 230],
        ],
        [
          ['conv1', 100],
          ['112×112', 160],
          ['7×7, 64, stride 2', 230],
        ],
        [['3×3 max pool, stride 2', 230]],
        [['3×3, 64', 230]],
        [
          ['conv2_x', 100],
          ['56×56', 160],
          ['×2', 290],
        ],
        [['3×3, 64', 230]],
        [['3×3, 128', 230]],
        [
          ['conv3_x', 100],
          ['28×28', 160],
          ['×2', 290],
        ],
        [['3×3, 128', 230]],
        [['average pool, 10-d fc, softmax', 215]],
      ],
      100,
      9,
    );
    const [draft] = interpretTable(grid, { blockStyle: 'residual' });
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'Add')).toHaveLength(4);
    expect(graph.layers.filter((l) => l.type === 'Conv2D' && !l.inferred?.includes('*')).map((l) => l.params?.filters)).toEqual([
      64, 64, 64, 64, 64, 128, 128, 128, 128,
    ]);
    expect(graph.layers.filter((l) => l.type === 'MaxPool2D')).toHaveLength(1);
  });

  it('reads a column-major attribute table', () => {
    const grid = table([
      [
        ['Layer', 100],
        ['1', 200],
        ['2', 260],
        ['3', 320],
      ],
      [
        ['Stage', 100],
        ['conv + max', 190],
        ['conv', 255],
        ['full', 315],
      ],
      [
        ['# channels', 100],
        ['96', 200],
        ['256', 258],
        ['10', 318],
      ],
      [
        ['Filter size', 100],
        ['5x5', 196],
        ['3x3', 256],
        ['-', 320],
      ],
      [
        ['Conv. stride', 100],
        ['1x1', 196],
        ['1x1', 256],
        ['-', 320],
      ],
      [
        ['Pooling size', 100],
        ['2x2', 196],
        ['-', 258],
        ['-', 320],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    expect(draft.layout).toBe('columns');
    const { graph } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'Flatten', 'Dense']);
  });

  it('expands an inline bracketed block into residual convolutions and Adds', () => {
    const grid = table([
      [
        ['stage', 100],
        ['net', 200],
      ],
      [
        ['conv1', 100],
        ['7×7, 64, stride 2', 200],
      ],
      [
        ['conv2', 100],
        ['[3×3, 64; 3×3, 64] ×2', 200],
      ],
      [
        ['conv3', 100],
        ['[3×3, 128; 3×3, 128] ×2', 200],
      ],
      [
        ['pool', 100],
        ['global average pool', 200],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'residual' });
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'Add')).toHaveLength(4);
    expect(graph.layers.filter((l) => l.type === 'Conv2D' && !l.inferred?.includes('*'))).toHaveLength(9);
    // The channel change from 64 to 128 needs a projection on the shortcut.
    expect(graph.layers.filter((l) => l.type === 'Conv2D' && l.inferred?.includes('*'))).toHaveLength(1);
  });

  it('reads a DenseNet-style table: layer-word labels, dense blocks as Concat, unstated widths inferred', () => {
    const grid = table([
      [
        ['Layers', 100],
        ['Output Size', 200],
        ['DenseNet-121', 300],
      ],
      [
        ['Convolution', 100],
        ['112×112', 200],
        ['7×7 conv, stride 2', 300],
      ],
      [
        ['Pooling', 100],
        ['56×56', 200],
        ['3×3 max pool, stride 2', 300],
      ],
      [
        ['Dense Block (1)', 100],
        ['56×56', 200],
        ['[1×1 conv; 3×3 conv] ×6', 300],
      ],
      [
        ['Transition Layer (1)', 100],
        ['56×56', 200],
        ['1×1 conv', 300],
      ],
      [
        ['28×28', 200],
        ['2×2 average pool, stride 2', 300],
      ],
      [
        ['Classification Layer', 100],
        ['1×1', 200],
        ['7×7 global average pool', 300],
      ],
      [['1000D fully-connected, softmax', 300]],
    ]);
    const drafts = interpretTable(grid, { blockStyle: 'dense' });
    expect(drafts).toHaveLength(1);
    const { graph, errors } = assembleGraph(drafts[0], { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'Concat')).toHaveLength(6);
    expect(graph.layers.filter((l) => l.type === 'Conv2D').every((l) => l.inferred?.includes('filters'))).toBe(true);
    expect(graph.layers.at(-1)).toMatchObject({ type: 'Dense', params: { units: 1000, activation: 'softmax' } });
  });

  it('reads a MobileNetV2-style "t c n s" table with repeats from the n column', () => {
    const grid = table([
      [
        ['Input', 100],
        ['Operator', 180],
        ['t', 260],
        ['c', 290],
        ['n', 320],
        ['s', 350],
      ],
      [
        ['224²×3', 100],
        ['conv2d', 180],
        ['-', 260],
        ['32', 290],
        ['1', 320],
        ['2', 350],
      ],
      [
        ['112²×32', 100],
        ['conv2d 3×3', 180],
        ['-', 260],
        ['64', 290],
        ['3', 320],
        ['1', 350],
      ],
      [
        ['112²×64', 100],
        ['conv2d 1×1', 180],
        ['-', 260],
        ['1280', 290],
        ['1', 320],
        ['1', 350],
      ],
      [
        ['112²×1280', 100],
        ['avgpool 7×7', 180],
        ['-', 260],
        ['-', 290],
        ['1', 320],
        ['-', 350],
      ],
    ]);
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    expect(draft.layout).toBe('rows');
    expect(draft.input).toEqual([224, 224, 3]);
    const { graph, errors } = assembleGraph(draft, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters)).toEqual([32, 64, 64, 64, 1280]);
  });

  it('classifies a results table as not an architecture', () => {
    const grid = table([
      [
        ['Method', 100],
        ['top-1 error (%)', 200],
        ['top-5 error (%)', 300],
      ],
      [
        ['VGG-16', 100],
        ['28.07', 200],
        ['9.33', 300],
      ],
      [
        ['ResNet-50', 100],
        ['22.85', 200],
        ['6.71', 300],
      ],
      [
        ['ours', 100],
        ['21.43', 200],
        ['5.71', 300],
      ],
    ]);
    const c = classifyTable(grid, 'Table 3. Error rates (%) on ImageNet validation.');
    expect(c.architecture).toBe(false);
    expect(c.features.resultsCosine).toBeGreaterThan(c.features.archCosine);
  });
});

describe('ruled grids', () => {
  it('splits a ruled column whose rows hold a name and a spec side by side, and reads the spec under its label', () => {
    // Rules at x 60, 160 and 220 (the "layer" column holds names and specs) and under every row of 11 pt.
    const rows: Array<Array<[string, number]>> = [
      [
        ['layer', 85],
        ['top-1', 175],
      ],
      [
        ['conv1', 65],
        ['7×7, 64, /2', 100],
        ['0.681', 175],
      ],
      [
        ['pool1', 65],
        ['3×3, /2', 100],
      ],
      [
        ['conv2', 65],
        ['3×3, 128', 100],
        ['0.103', 175],
      ],
      [
        ['conv3', 65],
        ['3×3, 256', 100],
        ['0.099', 175],
      ],
    ];
    const items = rows.flatMap((row, r) => row.map(([s, x]) => run(s, x, 100 + r * 11)));
    const rule = (x: number) => ({ kind: 'line' as const, box: [x, 98, x + 0.5, 156] as [number, number, number, number], stroked: true, filled: false });
    const level = (y: number) => ({ kind: 'line' as const, box: [60, y, 220, y + 0.5] as [number, number, number, number], stroked: true, filled: false });
    const grid = buildGrid(groupLines(items), [rule(60), rule(160), rule(220), ...[0, 1, 2, 3].map((r) => level(110 + 11 * r))], [55, 98, 225, 156]);
    expect(grid.ruled).toBe(true);
    const cell = (text: string) => grid.cells.find((c) => c.text === text)!;
    expect(cell('conv1').col1).toBe(cell('conv1').col0);
    expect(cell('7×7, 64, /2').col0).toBe(cell('conv1').col0 + 1);
    expect(cell('layer')).toMatchObject({ col0: cell('conv1').col0, col1: cell('7×7, 64, /2').col0 });
    const [draft] = interpretTable(grid, { blockStyle: 'plain' });
    const layers = draft.bands.flatMap((b) => b.items).map((i) => (i.kind === 'layer' ? i.draft.type : 'block'));
    expect(layers).toEqual(['Conv2D', 'MaxPool2D', 'Conv2D', 'Conv2D']);
  });
});

describe('assembly', () => {
  const layer = (type: string, params: Record<string, unknown>, text = type) => ({
    kind: 'layer' as const,
    draft: { type, params: params as never, inferred: [], text },
    box: [0, 0, 1, 1] as [number, number, number, number],
  });

  it('adds Input, ReLU, Flatten and softmax and marks them inferred', () => {
    const draft: NetworkDraft = {
      name: 'x',
      layout: 'rows',
      bands: [{ items: [layer('Conv2D', { filters: 8, kernel: [3, 3] }), layer('MaxPool2D', {}), layer('Dense', { units: 10 })] }],
      readCells: 3,
      totalCells: 3,
    };
    const { graph, errors } = assembleGraph(draft, { name: 'x', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense']);
    expect(graph.layers[0].inferred).toEqual(['shape']);
    expect(graph.layers[1]).toMatchObject({ params: { activation: 'relu' }, inferred: expect.arrayContaining(['activation', 'padding']) });
    expect(graph.layers[2].inferred).toEqual(['pool']);
    expect(graph.layers[3].inferred).toEqual(['*']);
    expect(graph.layers[4].params?.activation).toBe('softmax');
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('turns a dense block into convolutions and Concat', () => {
    const block = {
      kind: 'block' as const,
      style: 'dense' as const,
      layers: [layer('Conv2D', { filters: 128, kernel: [1, 1] }), layer('Conv2D', { filters: 32, kernel: [3, 3] })],
      repeat: 3,
      box: [0, 0, 1, 1] as [number, number, number, number],
    };
    const draft: NetworkDraft = { name: 'x', layout: 'configurations', input: [32, 32, 64], bands: [{ items: [block] }], readCells: 1, totalCells: 1 };
    const { graph, errors } = assembleGraph(draft, { name: 'x', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(graph.layers.filter((l) => l.type === 'Concat')).toHaveLength(3);
    const shapes = inferShapes(graph);
    expect(shapes.get(graph.layers.at(-1)!.id)).toEqual([32, 32, 64 + 3 * 32]);
  });
});
