/**
 * Layer tables as papers lay them out, one row (or column) per layer, read through the table grammar: headers
 * that name a type, a layer name, a kernel-and-width column ("Kernel / Filters"), a spec column ("Configuration"),
 * output shapes that carry the width, section rows for separate networks, sequence layers. The rows are written
 * here in no paper's words; each test gives the tokens a reader would write down (as the prose forms do).
 */
import { describe, expect, it } from 'vitest';
import { groupLines, type PathItem, type TextItem } from '../../src/paper/index.ts';
import { assembleGraph, buildGrid, classifyTable, interpretTable } from '../../src/tables/index.ts';
import type { Graph } from '../../src/graph/index.ts';

/** A text run at (x, y) in a 9 pt font, about 4.5 pt per character. */
function run(str: string, x: number, y: number): TextItem {
  return { str, box: [x, y, x + str.length * 4.5, y + 9], size: 9, font: 'F1', rotated: false };
}

/** Rows of cells at the given column positions, 11 pt apart, as an unruled grid. */
function grid(columns: number[], rows: string[][]) {
  const items = rows.flatMap((row, r) => row.flatMap((s, c) => (s ? [run(s, columns[c], 100 + r * 11)] : [])));
  const box: [number, number, number, number] = [Math.min(...items.map((i) => i.box[0])), 100, Math.max(...items.map((i) => i.box[2])), 100 + rows.length * 11];
  return buildGrid(groupLines(items), [], box);
}

const TOKEN: Record<string, string> = {
  Conv2D: 'C',
  Conv1D: 'C',
  Conv2DTranspose: 'U',
  MaxPool2D: 'P',
  MaxPool1D: 'P',
  AvgPool2D: 'A',
  GlobalAvgPool2D: 'A',
  GlobalAvgPool1D: 'A',
  Dense: 'F',
  Embedding: 'E',
  LSTM: 'L',
  GRU: 'G',
};
const tokens = (g: Graph) =>
  g.layers
    .filter((l) => TOKEN[l.type])
    .map((l) => TOKEN[l.type] + (/[PA]/.test(TOKEN[l.type]) ? '' : String(l.params?.filters ?? l.params?.units ?? l.params?.dim ?? '')))
    .join(' ');

/** The networks a table reads as; every one must validate. */
function graphsOf(columns: number[], rows: string[][], caption = 'Table 1: Layers of the network.'): Graph[] {
  const g = grid(columns, rows);
  expect(classifyTable(g, caption).architecture).toBe(true);
  return interpretTable(g, { blockStyle: 'plain' }).map((draft) => {
    const { graph, errors } = assembleGraph(draft, { name: draft.name || 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    return graph;
  });
}

/** The networks a table reads as, each as tokens. */
const read = (columns: number[], rows: string[][], caption?: string): string[] => graphsOf(columns, rows, caption).map(tokens);

describe('layer tables', () => {
  it('reads the type column, not the name column, and a "Kernel / Filters" column as both', () => {
    const rows = [
      ['Layer', 'Type', 'Kernel / Filters', 'Stride', 'Output size'],
      ['c1', 'Convolution', '3×3, 16', '1', '28×28×16'],
      ['p1', 'Max pooling', '2×2', '2', '14×14×16'],
      ['c2', 'Convolution', '3×3, 48', '1', '14×14×48'],
      ['p2', 'Average pooling', '2×2', '2', '7×7×48'],
      ['f3', 'Fully connected', '100', '–', '100'],
      ['f4', 'Fully connected', '7', '–', '7'],
    ];
    expect(read([40, 90, 190, 280, 330], rows)).toEqual(['C16 P C48 A F100 F7']);
  });

  it('reads rows known by their names when their cells state widths ("Layer | Filters | Size | Stride")', () => {
    const rows = [
      ['Layer', 'Filters', 'Size', 'Stride', 'Output'],
      ['conv1', '24', '5×5', '2', '38×38×24'],
      ['conv2', '48', '3×3', '2', '19×19×48'],
      ['fc3', '256', '–', '–', '256'],
      ['fc4', '6', '–', '–', '6'],
    ];
    expect(read([40, 100, 160, 220, 280], rows)).toEqual(['C24 C48 F256 F6']);
  });

  it('takes the width from the output shape where no column states it (a Keras-like summary)', () => {
    const rows = [
      ['Layer (type)', 'Output shape'],
      ['conv_a (Conv2D)', '(None, 30, 30, 16)'],
      ['pool_a (MaxPooling2D)', '(None, 15, 15, 16)'],
      ['flat (Flatten)', '(None, 3600)'],
      ['hidden (Dense)', '(None, 64)'],
      ['out (Dense)', '(None, 3)'],
    ];
    expect(read([40, 200], rows)).toEqual(['C16 P F64 F3']);
  });

  it('reads the transposed convolutions of a Keras summary as such, named "conv2d_transpose (Conv2DTranspose)"', () => {
    const rows = [
      ['Layer (type)', 'Output shape', 'Param #'],
      ['input_1 (InputLayer)', '(None, 16, 16, 1)', '0'],
      ['conv2d (Conv2D)', '(None, 8, 8, 32)', '320'],
      ['conv2d_transpose (Conv2DTranspose)', '(None, 16, 16, 16)', '4624'],
      ['conv2d_1 (Conv2D)', '(None, 16, 16, 1)', '145'],
    ];
    expect(read([40, 220, 330], rows)).toEqual(['C32 U16 C1']);
  });

  it('takes which layer from the spec cell where the name only says its kind ("pool | 1 × 1 | global average pool")', () => {
    const rows = [
      ['Layer name', 'Output size', 'Details'],
      ['conv1', '32 × 32', '3 × 3, 16'],
      ['pool', '1 × 1', 'global average pool'],
      ['fc', '5', '5-d fc, softmax'],
    ];
    const g = grid([40, 120, 220], rows);
    const [draft] = interpretTable(g, { blockStyle: 'plain' });
    const { graph } = assembleGraph(draft!, { name: 't', source: { kind: 'table' } });
    expect(graph.layers.map((l) => l.type)).toContain('GlobalAvgPool2D');
    expect(tokens(graph)).toBe('C16 A F5');
  });

  it('reads a pooling column of the convolution rows ("Max (2)", "Global avg") and a "Softmax | 5" row as the classifier', () => {
    const rows = [
      ['Layer', 'Type', 'Filters', 'Kernel', 'Pool'],
      ['1', 'Convolution', '16', '9', 'Max (3)'],
      ['2', 'Convolution', '32', '9', 'Avg (2)'],
      ['3', 'Convolution', '64', '5', 'Global avg'],
      ['4', 'Fully connected', '32', '–', '–'],
      ['5', 'Softmax', '5', '–', '–'],
    ];
    expect(read([40, 80, 180, 240, 300], rows)).toEqual(['C16 P C32 A C64 A F32 F5']);
    // An activation beside the layer its row names is that layer's, whatever the width column says.
    const fullyConvolutional = [
      ['Layer', 'Type', 'Filters', 'Kernel', 'Pool'],
      ['1', 'Convolution', '16', '3', 'Max (2)'],
      ['2', 'Convolution', '32', '3', '–'],
      ['3', 'Convolution (sigmoid)', '1', '1', '–'],
    ];
    expect(read([40, 80, 200, 260, 320], fullyConvolutional)).toEqual(['C16 P C32 C1']);
  });

  it('takes widths from output sizes written "positions × channels" where the header says so ("Output size (T × C)")', () => {
    const rows = [
      ['Layer', 'Type', 'Kernel', 'Stride', 'Output size (T × C)'],
      ['conv1', 'conv', '3', '3', '8000 × 64'],
      ['pool1', 'max-pool', '3', '3', '2666 × 64'],
      ['conv2', 'conv', '3', '1', '2666 × 96'],
      ['pool2', 'global avg-pool', '–', '–', '1 × 96'],
      ['fc3', 'fully connected', '–', '–', '10'],
    ];
    expect(read([40, 90, 230, 280, 330], rows)).toEqual(['C64 P C96 A F10']);
  });

  it('reads layers written out in one column beside their output size', () => {
    const rows = [
      ['Layer', 'Output size'],
      ['Input', '96×96×3'],
      ['Conv 5×5, 16, stride 2', '48×48×16'],
      ['Max pool 2×2', '24×24×16'],
      ['Conv 3×3, 32', '24×24×32'],
      ['Global avg pool', '1×1×32'],
      ['FC 4, softmax', '4'],
    ];
    expect(read([40, 200], rows)).toEqual(['C16 P C32 A F4']);
  });

  it('cuts a table at section rows that name separate networks, keeping each section its own', () => {
    const rows = [
      ['Layer', 'Filters / Units', 'Kernel', 'Stride'],
      ['Critic'],
      ['Conv', '32', '4×4', '2'],
      ['Conv', '64', '4×4', '2'],
      ['Dense', '1', '–', '–'],
      ['Actor'],
      ['Dense', '200', '–', '–'],
      ['Dense', '2', '–', '–'],
    ];
    expect(read([40, 120, 200, 260], rows)).toEqual(['C32 C64 F1', 'F200 F2']);
    // Sections written as functions of their inputs, the label stating the input.
    const written = [
      ['Operation', 'Feature maps', 'Kernel', 'Stride'],
      ['G(z) – 64 × 1 × 1 input'],
      ['Transposed convolution', '128', '4×4', '2'],
      ['Transposed convolution', '3', '4×4', '2'],
      ['D(x) – 3 × 16 × 16 input'],
      ['Convolution', '32', '4×4', '2'],
      ['Convolution', '1', '4×4', '2'],
    ];
    expect(read([40, 160, 240, 290], written)).toEqual(['U128 U3', 'C32 C1']);
  });

  it('builds a table of sequence layers as a sequence network, reading a "Configuration" column', () => {
    const rows = [
      ['Layer', 'Configuration', 'Output shape'],
      ['Embedding', '5000 × 64', '80 × 64'],
      ['Conv1D', '96 filters, kernel 3', '78 × 96'],
      ['MaxPool1D', 'pool size 2', '39 × 96'],
      ['GRU', '48 units', '48'],
      ['Dense', '2, softmax', '2'],
    ];
    expect(read([40, 120, 260], rows)).toEqual(['E64 C96 P G48 F2']);
  });

  it('reads "BiLSTM" and "Bidirectional GRU" as two-directional recurrent layers, each direction its units wide', () => {
    const rows = [
      ['Layer', 'Configuration', 'Output shape'],
      ['Embedding', '20000 × 100', '60 × 100'],
      ['BiLSTM', '64 units', '60 × 128'],
      ['Bidirectional GRU', '32 units', '64'],
      ['Dense', '3, softmax', '3'],
    ];
    const g = grid([40, 120, 260], rows);
    const [draft] = interpretTable(g, { blockStyle: 'plain' });
    const { graph, errors } = assembleGraph(draft!, { name: 't', source: { kind: 'table' } });
    expect(errors).toEqual([]);
    expect(tokens(graph)).toBe('E100 L64 G32 F3');
    expect(graph.layers.filter((l) => l.params?.bidirectional === true).map((l) => l.type)).toEqual(['LSTM', 'GRU']);
  });

  it('takes a 1-D input from a row its name calls the input, so a long signal keeps its length through the pools', () => {
    const rows = [
      ['Layer', 'Type', 'Kernel', 'Stride', 'Filters', 'Output'],
      ['input', 'Signal', '–', '–', '–', '4000×1'],
      ['c1', 'Conv1D', '40', '4', '64', '1000×64'],
      ['p1', 'Max pool', '4', '4', '–', '250×64'],
      ['c2', 'Conv1D', '3', '1', '128', '250×128'],
      ['p2', 'Max pool', '4', '4', '–', '62×128'],
      ['c3', 'Conv1D', '3', '1', '128', '62×128'],
      ['p3', 'Max pool', '4', '4', '–', '15×128'],
      ['gap', 'Global avg pool', '–', '–', '–', '128'],
      ['fc', 'Dense', '–', '–', '5', '5'],
    ];
    expect(read([40, 80, 160, 200, 240, 280], rows)).toEqual(['C64 P C128 P C128 P A F5']);
  });

  it('reads the operator column beside a stage-number column, with a channel count and a layer count per row', () => {
    const rows = [
      ['Stage', 'Operator', 'Resolution', '#Channels', '#Layers'],
      ['1', 'Conv3×3', '96×96', '24', '2'],
      ['2', 'Max pool 2×2', '96×96', '24', '1'],
      ['3', 'Conv3×3', '48×48', '48', '3'],
      ['4', 'Global avg pool', '48×48', '48', '1'],
      ['5', 'FC', '1×1', '6', '1'],
    ];
    expect(read([40, 80, 160, 220, 280], rows)).toEqual(['C24 C24 P C48 C48 C48 A F6']);
  });

  it('reads operations written as "conv window, width", with a bracketed repeat inside the cell', () => {
    const rows = [
      ['Stage', 'Operation', 'Output'],
      ['Stem', 'conv 7, 16, /2', '56×56×16'],
      ['Stage 1', '(conv 3, 32) ×2', '56×56×32'],
      ['', 'max pool 2', '28×28×32'],
      ['', 'MP 2×2', '14×14×32'],
      ['Head', 'fully connected, 5 (softmax)', '5'],
    ];
    expect(read([40, 100, 250], rows)).toEqual(['C16 C32 C32 P P F5']);
  });

  it('reads a row whose name is no layer word ("block1") from its spec cell', () => {
    const rows = [
      ['Layer', 'Output size', 'Details'],
      ['input', '64×64×3', 'RGB image'],
      ['block1', '64×64×24', '3×3, 24'],
      ['pool1', '32×32×24', '2×2 max pool, stride 2'],
      ['block2', '32×32×48', '3×3, 48'],
      ['gap', '1×1×48', 'global average pool'],
      ['fc', '3', '3-d fc, softmax'],
    ];
    expect(read([40, 100, 180], rows)).toEqual(['C24 P C48 A F3']);
  });

  it('reads one network per column beside a type column, cells as "3×3×32", "2×2" and "128"', () => {
    const rows = [
      ['Layer type', 'Small model', 'Large model'],
      ['Convolution + ReLU', '3×3×16', '3×3×32'],
      ['Max pooling', '2×2', '2×2'],
      ['Convolution + ReLU', '3×3×32', '3×3×64'],
      ['Fully connected + ReLU', '128', '256'],
      ['Fully connected + softmax', '5', '5'],
    ];
    expect(read([40, 160, 240], rows)).toEqual(['C16 P C32 F128 F5', 'C32 P C64 F256 F5']);
  });

  it('reads stages ruled between rows, each a bracketed block drawn with strokes and a repeat mark, one network per depth column', () => {
    const items: TextItem[] = [];
    const paths: PathItem[] = [];
    const line = (box: PathItem['box']): PathItem => ({ kind: 'line', box, stroked: true, filled: false });
    const rule = (y: number) => paths.push(line([36, y, 420, y + 0.5]));
    const depthColumns = [150, 250, 350];
    // A block: its lines stacked from y, a stroke with two short ticks on each side, "×n" beside it.
    const block = (x: number, y: number, lines: string[], times: number) => {
      const right = x + 4 + Math.max(...lines.map((l) => l.length * 4.5)) + 4;
      const bottom = y + lines.length * 11;
      lines.forEach((l, i) => items.push(run(l, x + 4, y + i * 11)));
      for (const side of [x, right]) {
        paths.push(line([side, y - 1, side + 0.5, bottom + 1]));
        const tick = side === x ? [side, side + 2.5] : [side - 2.5, side];
        paths.push(line([tick[0]!, y - 1, tick[1]!, y - 0.5]), line([tick[0]!, bottom + 1, tick[1]!, bottom + 1.5]));
      }
      items.push(run(`×${times}`, right + 4, y + ((lines.length - 1) * 11) / 2));
    };
    const centred = (str: string, x: number, y: number) => items.push(run(str, x - (str.length * 4.5) / 2, y));
    rule(96);
    ['stage', 'output', 'narrow', 'middle', 'wide'].forEach((h, i) => items.push(run(h, [40, 90, ...depthColumns][i]!, 100)));
    rule(112);
    items.push(run('stem', 40, 116), run('32×32', 90, 116));
    centred('3×3, 16, stride 1', 250 + 22, 116);
    rule(128);
    let y = 132;
    for (const [stage, size, width] of [
      ['res1', '32×32', 16],
      ['res2', '16×16', 32],
    ] as const) {
      items.push(run(stage, 40, y + 5.5), run(size, 90, y + 5.5));
      depthColumns.forEach((x, i) => block(x, y, [`3×3, ${width}`, `3×3, ${width}`], i + 1));
      rule(y + 26);
      y += 30;
    }
    items.push(run('1×1', 90, y));
    centred('global average pool, 10-d fc', 250 + 22, y);
    rule(y + 12);
    const box: PathItem['box'] = [36, 96, 420, y + 12];
    const g = buildGrid(groupLines(items), paths, box);
    expect(g.ruled).toBe(false);
    expect(classifyTable(g, 'Table 2: Networks of three depths. Blocks are shown in brackets.').architecture).toBe(true);
    const read = interpretTable(g, { blockStyle: 'plain' }).map((draft) => {
      const { graph, errors } = assembleGraph(draft, { name: draft.name || 't', source: { kind: 'table' } });
      expect(errors).toEqual([]);
      return tokens(graph);
    });
    const stage = (width: number, times: number) => Array.from({ length: 2 * times }, () => `C${width}`).join(' ');
    expect(read).toEqual([1, 2, 3].map((n) => `C16 ${stage(16, n)} ${stage(32, n)} A F10`));
  });
});

describe('more header and row forms', () => {
  it('reads counted widths ("No. of kernels"), a window with its stride ("Size / stride": "5×5 / 2") and one window column for convolutions and pools', () => {
    const counted = [
      ['Layer', 'Size / stride', 'No. of kernels'],
      ['Convolution', '5×5 / 2', '24'],
      ['Max pooling', '3×3 / 2', '–'],
      ['Convolution', '3×3 / 1', '40'],
      ['Fully connected', '–', '12'],
    ];
    const [graph] = graphsOf([40, 140, 230], counted);
    expect(tokens(graph)).toBe('C24 P C40 F12');
    expect(graph.layers.find((l) => l.type === 'Conv2D')?.params).toMatchObject({ kernel: [5, 5], stride: [2, 2] });
    expect(graph.layers.find((l) => l.type === 'MaxPool2D')?.params).toMatchObject({ pool: [3, 3], stride: [2, 2] });
    const shared = [
      ['Type', 'Kernel / pool size', 'Number of filters'],
      ['Conv', '7', '20'],
      ['Max-pool', '2', '–'],
      ['Conv', '5', '36'],
      ['Dense', '–', '9'],
    ];
    const [second] = graphsOf([40, 120, 230], shared);
    expect(tokens(second)).toBe('C20 P C36 F9');
    expect(second.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.kernel)).toEqual([
      [7, 7],
      [5, 5],
    ]);
  });

  it('adds a dropout layer after each row whose "Dropout" cell states a rate', () => {
    const rows = [
      ['Layer', 'Units', 'Activation', 'Dropout'],
      ['Dense', '384', 'ReLU', '0.4'],
      ['Dense', '96', 'ReLU', '0.25'],
      ['Dense', '4', 'Softmax', '–'],
    ];
    const [graph] = graphsOf([40, 100, 160, 230], rows);
    expect(tokens(graph)).toBe('F384 F96 F4');
    expect(graph.layers.filter((l) => l.type === 'Dropout').map((l) => l.params?.rate)).toEqual([0.4, 0.25]);
    const afterFirst = graph.layers[graph.layers.findIndex((l) => l.type === 'Dropout') - 1];
    expect(afterFirst).toMatchObject({ type: 'Dense', params: { units: 384 } });
  });

  it('reads an "Input | 40" row as a vector input and an "Output | 1" row as the last fully connected layer', () => {
    const rows = [
      ['Layer', 'Units', 'Activation'],
      ['Input', '40', '–'],
      ['Dense', '72', 'tanh'],
      ['Dense', '18', 'tanh'],
      ['Output', '1', 'sigmoid'],
    ];
    const [graph] = graphsOf([40, 110, 170], rows);
    expect(tokens(graph)).toBe('F72 F18 F1');
    expect(graph.layers[0]).toMatchObject({ type: 'Input', params: { shape: [40] } });
    expect(graph.layers.at(-1)).toMatchObject({ type: 'Dense', params: { units: 1, activation: 'sigmoid' } });
  });

  it('sizes the classifier row from its output-size cell ("Softmax | – | 10")', () => {
    const rows = [
      ['Layer', 'Filters', 'Output size'],
      ['Convolution', '28', '30×30×28'],
      ['Max pooling', '–', '15×15×28'],
      ['Fully connected', '150', '150'],
      ['Softmax', '–', '11'],
    ];
    expect(read([40, 130, 200], rows)).toEqual(['C28 P F150 F11']);
  });

  it('reads "length × channels" output sizes that repeat the stated filters as a network over sequences', () => {
    const rows = [
      ['Layer', 'Filters', 'Kernel', 'Output size'],
      ['Convolution', '24', '11', '2000×24'],
      ['Max pooling', '–', '4', '500×24'],
      ['Convolution', '48', '11', '500×48'],
      ['Global average pooling', '–', '–', '48'],
      ['Fully connected', '6', '–', '6'],
    ];
    const [graph] = graphsOf([40, 150, 200, 250], rows);
    expect(tokens(graph)).toBe('C24 P C48 A F6');
    expect(graph.layers.filter((l) => l.type.startsWith('Conv')).map((l) => l.type)).toEqual(['Conv1D', 'Conv1D']);
    expect(graph.layers[0]).toMatchObject({ type: 'Input', params: { shape: [2000, 1] } });
    // An image table whose sizes are "height × width" stays two-dimensional.
    const image = [
      ['Layer', 'Filters', 'Kernel', 'Output size'],
      ['Convolution', '24', '3', '64×64'],
      ['Max pooling', '–', '2', '32×32'],
      ['Convolution', '48', '3', '32×32'],
      ['Fully connected', '6', '–', '6'],
    ];
    const [flat] = graphsOf([40, 150, 200, 250], image);
    expect(flat.layers.filter((l) => l.type.startsWith('Conv')).map((l) => l.type)).toEqual(['Conv2D', 'Conv2D']);
  });

  it('reads an embedding spec with its vocabulary written with a thousands separator', () => {
    const rows = [
      ['Layer', 'Configuration'],
      ['Embedding', 'vocabulary 30,000, dim 96'],
      ['LSTM', '48 units'],
      ['Dense', '1, sigmoid'],
    ];
    const [graph] = graphsOf([40, 120], rows);
    expect(tokens(graph)).toBe('E96 L48 F1');
    expect(graph.layers.find((l) => l.type === 'Embedding')?.params).toMatchObject({ vocab: 30000, dim: 96 });
  });

  it('reads a two-column list of settings as one network, kind by kind', () => {
    const rows = [
      ['Hyper-parameter', 'Value'],
      ['Convolutional layers', '2'],
      ['Filters per layer', '12, 28'],
      ['Kernel size', '5'],
      ['Pooling', 'max, 2'],
      ['Dense layers', '80'],
      ['Output', '7 (softmax)'],
      ['Optimizer', 'SGD, momentum 0.9'],
    ];
    const [graph] = graphsOf([40, 160], rows, 'Table 3: Model settings.');
    expect(tokens(graph)).toBe('C12 C28 P F80 F7');
    expect(graph.layers.filter((l) => l.type === 'Conv2D').every((l) => String(l.params?.kernel) === '5,5')).toBe(true);
    expect(graph.layers.at(-1)?.params).toMatchObject({ units: 7, activation: 'softmax' });
  });

  it('joins header words stacked over one column ("Filters /" above and "units" below a one-line header row)', () => {
    const rows = [
      ['', 'Filters /', '', ''],
      ['Layer', '', 'Kernel', 'Dropout'],
      ['', 'units', '', ''],
      ['Conv', '18', '5×5', '–'],
      ['MaxPool', '–', '2×2', '–'],
      ['Conv', '30', '3×3', '–'],
      ['Dense', '70', '–', '0.5'],
      ['Dense', '5', '–', '–'],
    ];
    expect(read([40, 110, 170, 230], rows)).toEqual(['C18 P C30 F70 F5']);
  });

  it('takes a "Parameters" column of weight counts for no layer spec, and a "1×1×N" output as a fully connected width', () => {
    const rows = [
      ['Layer', 'Output size', 'Parameters'],
      ['Conv, 24 filters', '30×30×24', '672'],
      ['Max pooling', '15×15×24', '0'],
      ['Dense', '1×1×40', '216,040'],
      ['Dense', '1×1×9', '369'],
    ];
    expect(read([40, 150, 230], rows)).toEqual(['C24 P F40 F9']);
  });

  it('reads a column-major table whose unlabelled first row names the layers, an "Input" column sizing a sequence', () => {
    const rows = [
      ['', 'Input', 'Conv', 'MaxPool', 'Conv', 'Dense'],
      ['Channels / units', '1', '32', '–', '48', '4'],
      ['Kernel', '–', '9', '3', '5', '–'],
      ['Stride', '–', '2', '3', '1', '–'],
      ['Output', '1200 × 1', '600 × 32', '200 × 32', '200 × 48', '4'],
    ];
    const [graph] = graphsOf([40, 130, 190, 250, 310, 370], rows);
    expect(tokens(graph)).toBe('C32 P C48 F4');
    expect(graph.layers[0]).toMatchObject({ type: 'Input', params: { shape: [1200, 1] } });
    expect(graph.layers.filter((l) => l.type.startsWith('Conv')).map((l) => l.type)).toEqual(['Conv1D', 'Conv1D']);
  });

  it('reads an "Output" row by the units its spec states, and an activation column with a width as the classifier', () => {
    const rows = [
      ['Stage', 'Operation'],
      ['Conv 1', '48 filters, width 9, ReLU'],
      ['Pool 1', 'max pool, width 3'],
      ['FC 1', '320 units, dropout 0.2'],
      ['Output', '21 sigmoid units'],
    ];
    expect(read([40, 120], rows)).toEqual(['C48 P F320 F21']);
    // "out" and "logits" rows name the output by its place too.
    const short = [
      ['Layer', 'Configuration', 'Activation'],
      ['conv1', '24 filters, stride 2', 'ReLU'],
      ['conv2', '24 filters, stride 1', 'ReLU'],
      ['fc1', '150 units', 'ReLU'],
      ['out', '5 units', 'tanh'],
    ];
    expect(read([40, 120, 220], short)).toEqual(['C24 C24 F150 F5']);
  });

  it('reads model sizes side by side as settings, the first size: layer counts with a window aside, a BiGRU, output classes', () => {
    const rows = [
      ['Hyper-parameter', 'Small', 'Medium', 'Large'],
      ['Embedding dimension', '16', '32', '64'],
      ['Conv. layers (kernel 5)', '2', '2', '3'],
      ['Filters per conv. layer', '48', '96', '192'],
      ['BiGRU layers', '1', '1', '2'],
      ['GRU units per direction', '40', '80', '160'],
      ['Output classes', '230', '230', '230'],
      ['#Params', '0.2M', '0.8M', '3.1M'],
    ];
    const graph = graphsOf([40, 200, 260, 320], rows, 'Table 2: Model sizes.')[0]!;
    expect(tokens(graph)).toBe('E16 C48 C48 G40 F230');
    expect(graph.layers.find((l) => l.type === 'GRU')?.params?.bidirectional).toBe(true);
    expect(graph.layers.find((l) => l.type === 'Conv1D')?.params?.kernel).toBe(5);
    const columns = [
      ['Layer', 'c1', 'p1', 'f2', 'out'],
      ['Type', 'conv', 'max-pool', 'dense', 'softmax'],
      ['Filters / units', '20', '–', '90', '11'],
      ['Kernel', '5 × 5', '2 × 2', '–', '–'],
    ];
    expect(read([40, 130, 190, 250, 310], columns)).toEqual(['C20 P F90 F11']);
  });
  it("reads each row's input size as the width of the row before it", () => {
    const rows = [
      ['type', 'patch size/stride', 'input size'],
      ['conv', '3×3/2', '96×96×3'],
      ['conv', '3×3/1', '47×47×24'],
      ['max pool', '3×3/2', '45×45×48'],
      ['conv', '3×3/1', '22×22×48'],
      ['avg pool', '20×20', '20×20×96'],
      ['linear', 'logits', '1×1×96'],
      ['softmax', 'classifier', '1×1×9'],
    ];
    expect(read([40, 120, 220], rows)).toEqual(['C24 C48 P C96 A F9']);
  });

  it('reads a table with one layer per numbered column under spanning group headers, typed by their kernels', () => {
    const rows = [
      ['', '', 'Convolutional', '', 'Dense layers', ''],
      ['Layer', '1', '2', '3', '4', '5'],
      ['Filters / units', '16', '24', '40', '256', '3'],
      ['Kernel size', '7', '5', '3', '–', '–'],
      ['Activation', 'ReLU', 'ReLU', 'ReLU', 'ReLU', 'softmax'],
    ];
    expect(read([40, 130, 170, 210, 235, 285], rows)).toEqual(['C16 C24 C40 F256 F3']);
  });

  it('reads "Layer | Model-S | Model-L" as two networks, rows spanning both columns shared', () => {
    const rows = [
      ['Layer', 'Model-S', 'Model-L'],
      ['Conv1', '3×3, 12', '3×3, 24'],
      ['Pool1', '2×2 max pool, stride 2'],
      ['Conv2', '3×3, 24', '3×3, 48'],
      ['Pool2', '2×2 max pool, stride 2'],
      ['FC1', '64', '128'],
      ['FC2', '4, softmax'],
    ];
    expect(read([40, 110, 170], rows)[0]).toBe('C12 P C24 P F64 F4');
  });

  it('reads the column that names layers of two name columns, a group label over the headers, blank widths as the width above', () => {
    const rows = [
      ['', '', '', 'Convolution', ''],
      ['Block', 'Layer', 'Kernel', 'Channels', 'Stride'],
      ['', 'Conv3×3-BN-ReLU', '3×3', '24', '2'],
      ['B1', 'Conv3×3-BN-ReLU', '3×3', '', '1'],
      ['', 'Conv3×3-BN-ReLU', '3×3', '48', '2'],
      ['B2', 'Conv3×3-BN-ReLU', '3×3', '', '1'],
      ['', 'GAP', '–', '48', '–'],
      ['Head', 'FC (linear)', '–', '2', '–'],
    ];
    expect(read([40, 90, 190, 240, 300], rows)).toEqual(['C24 C24 C48 C48 A F2']);
  });

  it('reads a "Size" column as the width of layers without a window, and a stage column of names as no layer types', () => {
    const rows = [
      ['Layer', 'Size', 'Dropout'],
      ['Embedding', '64', '–'],
      ['GRU', '96', '0.1'],
      ['GRU', '96', '0.1'],
      ['Dense (sigmoid)', '30', '–'],
    ];
    expect(read([40, 140, 200], rows)).toEqual(['E64 G96 G96 F30']);
  });

  it('reads a "Network" column as the name of the rows beside it, each row with its nearest label', () => {
    const rows = [
      ['Network', 'Layer', 'Units', 'Activation'],
      ['', 'fc1', '200', 'ReLU'],
      ['Policy', 'fc2', '100', 'ReLU'],
      ['', 'output', '4', 'tanh'],
      ['', 'fc1', '300', 'ReLU'],
      ['Value', 'fc2', '150', 'ReLU'],
      ['', 'output', '1', 'linear'],
    ];
    expect(read([40, 110, 170, 230], rows)).toEqual(['F200 F100 F4', 'F300 F150 F1']);
  });

  it('reads two tables side by side under repeated headers, left first; a fully connected layer whose output is maps', () => {
    const rows = [
      ['Generator', '', 'Discriminator', ''],
      ['Layer', 'Output', 'Layer', 'Output'],
      ['FC 6×6×64, BN, ReLU', '6 × 6 × 64', '4×4 conv, 32, stride 2', '12 × 12 × 32'],
      ['4×4 deconv, 32, stride 2', '12 × 12 × 32', '4×4 conv, 64, stride 2', '6 × 6 × 64'],
      ['4×4 deconv, 1, stride 2, tanh', '24 × 24 × 1', 'FC 1, sigmoid', '1'],
    ];
    expect(read([40, 170, 240, 370], rows)).toEqual(['F2304 U32 U1', 'C32 C64 F1']);
  });
});
