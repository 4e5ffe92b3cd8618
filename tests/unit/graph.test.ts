import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  GRAPH_FORMAT,
  getSpec,
  inferShapes,
  inferTensors,
  isWeightLayer,
  readElementTypes,
  targetEntry,
  windowKind,
  parseGraphJson,
  resolveAlias,
  resolveParams,
  serializeGraph,
  validateGraph,
  type Graph,
  type Layer,
} from '../../src/graph/index.ts';

function graph(layers: Layer[]): Graph {
  return { format: GRAPH_FORMAT, name: 'test', layers };
}

const vggStart: Layer[] = [
  { id: 'input', type: 'Input', params: { shape: [224, 224, 3] } },
  { id: 'conv1_1', type: 'Conv2D', inputs: ['input'], params: { filters: 64, kernel: [3, 3], padding: 'same', activation: 'relu' } },
  { id: 'pool1', type: 'MaxPool2D', inputs: ['conv1_1'], params: { pool: [2, 2], stride: [2, 2] } },
];

describe('shape inference', () => {
  it('follows convolutions and pooling with same and valid padding', () => {
    const shapes = inferShapes(graph(vggStart));
    expect(shapes.get('conv1_1')).toEqual([224, 224, 64]);
    expect(shapes.get('pool1')).toEqual([112, 112, 64]);
  });

  it('computes AlexNet conv1 with explicit padding 0 and Caffe ceil pooling', () => {
    const shapes = inferShapes(
      graph([
        { id: 'data', type: 'Input', params: { shape: [227, 227, 3] } },
        { id: 'conv1', type: 'Conv2D', inputs: ['data'], params: { filters: 96, kernel: 11, stride: 4, padding: [0, 0] } },
        { id: 'pool1', type: 'MaxPool2D', inputs: ['conv1'], params: { pool: 3, stride: 2, ceil_mode: true } },
      ]),
    );
    expect(shapes.get('conv1')).toEqual([55, 55, 96]);
    expect(shapes.get('pool1')).toEqual([27, 27, 96]);
  });

  it('merges branches: Concat sums channels, Add keeps the shape', () => {
    const shapes = inferShapes(
      graph([
        { id: 'in', type: 'Input', params: { shape: [28, 28, 16] } },
        { id: 'a', type: 'Conv2D', inputs: ['in'], params: { filters: 8, kernel: 1 } },
        { id: 'b', type: 'Conv2D', inputs: ['in'], params: { filters: 24, kernel: 3, padding: 'same' } },
        { id: 'cat', type: 'Concat', inputs: ['a', 'b'] },
        { id: 'res', type: 'Add', inputs: ['cat', 'cat'] },
        { id: 'gap', type: 'GlobalAvgPool2D', inputs: ['res'] },
      ]),
    );
    expect(shapes.get('cat')).toEqual([28, 28, 32]);
    expect(shapes.get('gap')).toEqual([32]);
  });

  it('follows sequences through Embedding and one- and two-directional LSTMs', () => {
    const shapes = inferShapes(
      graph([
        { id: 'tokens', type: 'Input', params: { shape: [100], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 20000, dim: 128 } },
        { id: 'bi', type: 'LSTM', inputs: ['embed'], params: { units: 32, return_sequences: true, bidirectional: true } },
        { id: 'bisum', type: 'GRU', inputs: ['bi'], params: { units: 24, return_sequences: true, bidirectional: true, merge: 'sum' } },
        { id: 'lstm', type: 'LSTM', inputs: ['bisum'], params: { units: 16 } },
        { id: 'out', type: 'Dense', inputs: ['lstm'], params: { units: 2, activation: 'softmax' } },
      ]),
    );
    expect(shapes.get('bi')).toEqual([100, 64]);
    expect(shapes.get('bisum')).toEqual([100, 24]);
    expect(shapes.get('lstm')).toEqual([16]);
    expect(shapes.get('out')).toEqual([2]);
  });
});

describe('validation names the layer and the problem', () => {
  it('asks for Flatten before a Dense on a spatial tensor', () => {
    const issues = validateGraph(
      graph([
        { id: 'in', type: 'Input', params: { shape: [7, 7, 512] } },
        { id: 'conv4', type: 'Dense', inputs: ['in'], params: { units: 10 } },
      ]),
    );
    expect(issues.map((i) => i.message)).toEqual(['conv4: Dense after a [7,7,512] tensor needs Flatten first']);
    expect(issues[0]!.layerId).toBe('conv4');
  });

  it('reports a stride out of range with its param', () => {
    const issues = validateGraph(graph([...vggStart.slice(0, 2), { id: 'pool2', type: 'MaxPool2D', inputs: ['conv1_1'], params: { stride: 0 } }]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ layerId: 'pool2', param: 'stride', severity: 'error' });
    expect(issues[0]!.message).toMatch(/^pool2: stride 0 out of range 1\.\./);
  });

  it('reports unknown types, dangling inputs, wrong arity and a pool larger than its input', () => {
    const messages = validateGraph(
      graph([
        { id: 'in', type: 'Input', params: { shape: [4, 4, 3] } },
        { id: 'x', type: 'Convolve', inputs: ['in'] },
        { id: 'y', type: 'Conv2D', inputs: ['nowhere'] },
        { id: 'z', type: 'Add', inputs: ['in'] },
        { id: 'p', type: 'MaxPool2D', inputs: ['in'], params: { pool: 5 } },
      ]),
    ).map((i) => i.message);
    expect(messages).toEqual([
      'x: unknown layer type "Convolve"',
      'y: input "nowhere" is not a layer of this graph',
      'z: Add takes 2..64 input(s), has 1',
      'p: MaxPool2D window [5,5] is larger than its [4,4,3] input',
    ]);
  });

  it('throws from inferShapes with every error listed', () => {
    expect(() => inferShapes(graph([{ id: 'd', type: 'Dense', inputs: [] }]))).toThrow(/no Input layer; d: Dense takes 1 input/);
  });
});

describe('catalog', () => {
  // DESIGN.md's Bidirectional is the `bidirectional` flag of SimpleRNN, LSTM and GRU (as in PyTorch and ONNX).
  it('has every layer type DESIGN.md asks for, each with doc, params and all four targets', () => {
    const required =
      'Input Conv1D Conv2D Conv2DTranspose DepthwiseConv2D MaxPool2D AvgPool2D GlobalAvgPool2D GlobalMaxPool2D Dense Flatten Dropout BatchNorm LRN Activation ZeroPadding2D UpSampling2D Concat Add Multiply Embedding SimpleRNN LSTM GRU Reshape Permute LayerNorm MultiHeadAttention'.split(
        ' ',
      );
    expect(CATALOG.map((s) => s.type)).toEqual(expect.arrayContaining(required));
    for (const spec of CATALOG) {
      for (const target of ['caffe', 'keras', 'onnx', 'pytorch']) expect(spec.targets).toHaveProperty(target);
      for (const param of spec.params) expect(param.doc.length).toBeGreaterThan(3);
    }
  });

  it('resolves the spellings papers use', () => {
    expect(resolveAlias('conv3-64')).toMatchObject({ type: 'Conv2D', params: { kernel: [3, 3], filters: 64 } });
    expect(resolveAlias('FC-4096')).toMatchObject({ type: 'Dense', params: { units: 4096 } });
    expect(resolveAlias('InnerProduct')?.type).toBe('Dense');
    expect(resolveAlias('max pool')?.type).toBe('MaxPool2D');
    expect(resolveAlias('mpool')?.type).toBe('MaxPool2D');
    expect(resolveAlias('3x3 max pool, stride 2')).toMatchObject({ type: 'MaxPool2D', params: { pool: [3, 3], stride: [2, 2] } });
    expect(resolveAlias('Convolution')?.type).toBe('Conv2D');
    expect(resolveAlias('ReLU')).toMatchObject({ type: 'Activation', params: { fn: 'relu' } });
    expect(resolveAlias('softmx')).toMatchObject({ type: 'Activation', params: { fn: 'softmax' } });
    expect(resolveAlias('sofmax')).toBeUndefined();
    expect(resolveAlias('sofmax', { fuzzy: true })).toMatchObject({ type: 'Activation', params: { fn: 'softmax' }, score: 0.8 });
    expect(resolveAlias('banana bread')).toBeUndefined();
  });

  it('fills defaults, widening bare numbers and deriving pool stride from the window', () => {
    expect(resolveParams({ id: 'p', type: 'MaxPool2D', params: { pool: 3 } })).toMatchObject({ pool: [3, 3], stride: [3, 3], padding: 'valid' });
    expect(resolveParams({ id: 'c', type: 'Conv2D', params: { kernel: 5, padding: 2 } })).toMatchObject({ kernel: [5, 5], padding: [2, 2], stride: [1, 1] });
  });
});

describe('graph JSON', () => {
  it('round-trips and rejects other versions with a clear message', () => {
    const g = graph(vggStart);
    expect(parseGraphJson(serializeGraph(g))).toEqual(g);
    expect(serializeGraph(g)).toContain('"shape": [224, 224, 3]');
    expect(() => parseGraphJson(JSON.stringify({ ...g, format: 'paper2net.graph/2' }))).toThrow(/unsupported format "paper2net.graph\/2"/);
    expect(() => parseGraphJson('{"format":"paper2net.graph/1","name":"x","layers":[{"id":3}]}')).toThrow(/layers\[0\]\.id must be a string/);
    expect(() => parseGraphJson('{oops')).toThrow(/not JSON/);
  });

  it('opens a graph saved with the old Bidirectional wrapper as its cell flagged bidirectional', () => {
    const saved = graph([
      { id: 'seq', type: 'Input', params: { shape: [20, 8] } },
      { id: 'bi', type: 'Bidirectional', inputs: ['seq'], params: { cell: 'GRU', units: 6, merge: 'sum' } },
    ]);
    const opened = parseGraphJson(JSON.stringify(saved));
    expect(opened.layers[1]).toEqual({ id: 'bi', type: 'GRU', inputs: ['seq'], params: { units: 6, merge: 'sum', bidirectional: true } });
    expect(inferShapes(opened).get('bi')).toEqual([6]);
  });
});

describe('pooling padding', () => {
  it('refuses explicit padding wider than half the window, as PyTorch and ONNX do', () => {
    const messages = validateGraph(
      graph([
        { id: 'in', type: 'Input', params: { shape: [8, 8, 3] } },
        { id: 'pool2', type: 'MaxPool2D', inputs: ['in'], params: { pool: 3, stride: 2, padding: [2, 1] } },
        { id: 'pool3', type: 'MaxPool2D', inputs: ['in'], params: { pool: 3, stride: 2, padding: [1, 1] } },
      ]),
    ).map((i) => i.message);
    expect(messages).toEqual(['pool2: MaxPool2D padding 2 must be at most half the [3,3] window']);
  });
});

describe('element types', () => {
  const ids: Layer = { id: 'ids', type: 'Input', params: { shape: [12], dtype: 'int32' } };

  it('carries token ids through layout layers and reals out of every other layer', () => {
    const { elementTypes } = inferTensors(
      graph([
        ids,
        { id: 'shaped', type: 'Reshape', inputs: ['ids'], params: { shape: [3, 4] } },
        { id: 'flat', type: 'Flatten', inputs: ['shaped'] },
        { id: 'embed', type: 'Embedding', inputs: ['flat'], params: { vocab: 50, dim: 8 } },
        { id: 'dense', type: 'Dense', inputs: ['ids'], params: { units: 4 } },
      ]),
    );
    expect(Object.fromEntries(elementTypes)).toEqual({ ids: 'int', shaped: 'int', flat: 'int', embed: 'float', dense: 'float' });
  });

  it('says which inputs a layer reads as another type: ids into a Dense are read as reals, reals into an Embedding as ids', () => {
    expect(readElementTypes('Dense', ['int'])).toEqual(['float']);
    expect(readElementTypes('Embedding', ['float'])).toEqual(['int']);
    expect(readElementTypes('Concat', ['int', 'int'])).toEqual(['int', 'int']);
    expect(readElementTypes('Concat', ['int', 'float'])).toEqual(['float', 'float']);
  });

  it('warns, with a code, when an Embedding is fed real values', () => {
    const issues = validateGraph(
      graph([
        { id: 'x', type: 'Input', params: { shape: [12] } },
        { id: 'embed', type: 'Embedding', inputs: ['x'] },
      ]),
    );
    expect(issues).toEqual([expect.objectContaining({ layerId: 'embed', severity: 'warning', code: 'element-type' })]);
  });
});

describe('catalog traits and target names', () => {
  it('marks convolutions and fully connected layers as weight layers, and only those', () => {
    expect(CATALOG.filter((s) => isWeightLayer(s.type)).map((s) => s.type)).toEqual(['Conv1D', 'Conv2D', 'Conv2DTranspose', 'DepthwiseConv2D', 'Dense']);
    expect(windowKind('MaxPool2D')).toBe('pooling');
    expect(windowKind('DepthwiseConv2D')).toBe('convolution');
    expect(windowKind('Dense')).toBeUndefined();
  });

  it('names each activation function in every target, Caffe by its own layer type', () => {
    const fns = getSpec('Activation')!.params.find((p) => p.name === 'fn')!.options!;
    expect(fns.map((fn) => (targetEntry('Activation', 'caffe', { fn }) as { type?: string }).type ?? 'unsupported')).toEqual([
      'ReLU',
      'ReLU',
      'PReLU',
      'Sigmoid',
      'TanH',
      'Softmax',
      'ELU',
      'unsupported',
    ]);
    expect(fns.map((fn) => (targetEntry('Activation', 'pytorch', { fn }) as { module: string }).module)).toEqual([
      'ReLU',
      'LeakyReLU',
      'PReLU',
      'Sigmoid',
      'Tanh',
      'Softmax',
      'ELU',
      'GELU',
    ]);
  });

  it('gives merge mismatches a code', () => {
    const issues = validateGraph(
      graph([
        { id: 'x', type: 'Input', params: { shape: [8, 8, 4] } },
        { id: 'p', type: 'MaxPool2D', inputs: ['x'] },
        { id: 'sum', type: 'Add', inputs: ['x', 'p'] },
      ]),
    );
    expect(issues).toEqual([expect.objectContaining({ layerId: 'sum', code: 'merge-mismatch' })]);
  });
});
