/**
 * The Caffe emitter, checked by OpenCV's Caffe importer (prototxt + caffemodel, forward pass) and by
 * running the NetSpec script against a pycaffe stand-in that must rebuild the same layers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emitCaffe, emitOnnx, UnsupportedLayerError, type CaffeOutput } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, getSpec, inferShapes, isUnsupported, outputLayers, targetEntry, type Graph, type Shape } from '../../src/graph/index.ts';
import { decodeCaffeNet } from '../../src/proto/index.ts';
import { compilePython, netSpecLayers, prototxtLayers, runCaffeBatch, type CaffeRunResult } from '../support/caffe-runtime.ts';
import { hostileGraph } from '../support/hostile-graphs.ts';
import * as graphs from '../support/reference-graphs.ts';
import { runOnnx } from '../support/onnx-runtime.ts';

function nchw(shape: Shape): number[] {
  return shape.length === 3 ? [1, shape[2]!, shape[0]!, shape[1]!] : [1, ...shape];
}

function sortedDims(dims: number[][]): string[] {
  return dims.map((d) => d.join('x')).sort();
}

const cases: Array<[string, () => Graph]> = [
  ['LeNet', graphs.mnistLenet],
  ['AlexNet (groups 2, LRN)', () => graphs.alexnet(1024)],
  ['VGG-16', () => graphs.vgg16(32, 10, 512)],
  ['ResNet blocks (Eltwise SUM, BatchNorm + Scale, projection shortcut)', () => graphs.resnetBlocks('same')],
  ['Inception block (Concat of four branches)', () => graphs.inception3a('same')],
  ['MobileNet piece (depthwise as group, folded ZeroPadding2D)', graphs.mobilenetZeroPadded],
  ['U-Net piece (Deconvolution, upsampling as fixed deconvolution, skip Concat)', graphs.unetInterpolated],
  ['odds and ends (folded padding, Cropping2D as Slice, ceil pooling, PReLU, ELU, Eltwise PROD, Reshape, per-step InnerProduct)', graphs.caffeOddsAndEnds],
  ['convolution variety (non-square, dilation, groups, depth multiplier, deconvolution, W-axis Concat)', graphs.convolutionVariety],
  ['hostile layer ids', hostileGraph],
];

describe('Caffe emitter', () => {
  const emitted = new Map<string, CaffeOutput>();
  const runs = new Map<string, CaffeRunResult>();

  beforeAll(() => {
    for (const [label, build] of cases) emitted.set(label, emitCaffe(build()));
    const results = runCaffeBatch([...emitted.values()], { values: true });
    [...emitted.keys()].forEach((label, i) => runs.set(label, results[i]!));
  });

  it.each(cases)('%s loads in OpenCV and runs forward with the inferred output shapes', (label, build) => {
    const graph = build();
    const shapes = inferShapes(graph);
    const run = runs.get(label)!;
    expect(run.error).toBeUndefined();
    expect(sortedDims(run.outputs.map((o) => o.dims))).toEqual(sortedDims(outputLayers(graph).map((layer) => nchw(shapes.get(layer.id)!))));
    expect(emitted.get(label)!.notes).toEqual([]);
  });

  it.each(cases)('%s: the NetSpec script compiles and builds the same layers as the prototxt', (label) => {
    const { netspec, prototxt } = emitted.get(label)!;
    expect(compilePython(netspec)).toBe('');
    expect(netSpecLayers(netspec)).toEqual(prototxtLayers(prototxt));
  });

  // Same seeded weights, same input: where Caffe expresses the graph exactly, OpenCV and onnxruntime must agree.
  // (ResNet's strided 'same' conv pads asymmetrically in Keras and ONNX but not in Caffe; U-Net's bilinear
  // upsampling is FCN's kernel in Caffe, half-pixel Resize in ONNX; Caffe's average pooling counts padding
  // and its Reshape reads channels first: all differ by design.)
  it.each(cases.filter(([label]) => !/ResNet|U-Net|odds/.test(label)))(
    '%s computes the same values in OpenCV as its ONNX model in onnxruntime',
    async (label, build) => {
      const [onnx] = await runOnnx(emitOnnx(build()), { batch: 1 });
      const [caffe] = runs.get(label)!.outputs;
      expect(caffe!.dims).toEqual(onnx!.dims);
      const scale = Array.from(onnx!.data).reduce((max, value) => Math.max(max, Math.abs(value)), 1);
      const worst = caffe!.data.reduce((max, value, i) => Math.max(max, Math.abs(value - onnx!.data[i]!)), 0);
      expect(worst / scale).toBeLessThan(1e-4);
    },
  );

  it('writes the caffemodel blobs in Caffe layout under the prototxt layer names', () => {
    const { caffemodel, prototxt } = emitted.get('AlexNet (groups 2, LRN)')!;
    const net = decodeCaffeNet(caffemodel);
    const byName = new Map(net.layer!.map((layer) => [layer.name, layer]));
    expect(byName.get('conv2')!.blobs!.map((b) => b.shape!.dim)).toEqual([[256, 48, 5, 5], [256]]);
    expect(byName.get('fc6')!.blobs!.map((b) => b.shape!.dim)).toEqual([[1024, 9216], [1024]]);
    const names = new Set(prototxtLayers(prototxt).layers.map((layer) => layer.name));
    for (const layer of net.layer!) expect(names.has(layer.name)).toBe(true);
  });

  it('lays the prototxt out like BVLC: Input shape, in-place ReLU and Dropout, group, LRN', () => {
    const { prototxt } = emitted.get('AlexNet (groups 2, LRN)')!;
    expect(prototxt).toContain('input_param { shape { dim: 1 dim: 3 dim: 227 dim: 227 } }');
    expect(prototxt).toMatch(/name: "conv1_relu"\n {2}type: "ReLU"\n {2}bottom: "conv1"\n {2}top: "conv1"/);
    expect(prototxt).toMatch(/name: "drop6"\n {2}type: "Dropout"\n {2}bottom: "fc6"\n {2}top: "fc6"/);
    expect(prototxt).toMatch(/num_output: 256\n\s+pad: 2\n\s+kernel_size: 5\n\s+group: 2/);
    expect(prototxt).toMatch(/lrn_param \{\n\s+local_size: 5\n\s+alpha: 0.0001\n\s+beta: 0.75/);
  });

  it("writes LRN's k when it is not 1 (OpenCV 4.6 ignores it, so the agreement tests keep k = 1)", () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'lrn',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [8, 8, 16] } },
        { id: 'norm', type: 'LRN', inputs: ['data'], params: { size: 3, alpha: 2e-4, beta: 0.5, k: 2 } },
      ],
    };
    expect(prototxtLayers(emitCaffe(graph).prototxt).layers[1]!.params).toEqual([
      ['lrn_param.alpha', '0.0002'],
      ['lrn_param.beta', '0.5'],
      ['lrn_param.k', '2'],
      ['lrn_param.local_size', '3'],
    ]);
  });

  it('folds a ZeroPadding2D into the following convolution pad', () => {
    const { prototxt } = emitted.get('MobileNet piece (depthwise as group, folded ZeroPadding2D)')!;
    expect(prototxt).not.toContain('conv_pad_2');
    expect(prototxt).toMatch(/name: "conv_dw_2"\n\s+type: "Convolution"\n\s+bottom: "conv_pw_1"[\s\S]*?pad: 1\n\s+kernel_size: 3\n\s+group: 64\n\s+stride: 2/);
  });

  it('keeps hostile ids out of the prototxt and the Python', () => {
    const { prototxt, netspec } = emitted.get('hostile layer ids')!;
    for (const text of [prototxt, netspec]) expect(text).not.toContain('import os');
    const net = prototxtLayers(prototxt);
    expect(net.name).toBe('evil_name_x');
    expect(net.layers.map((layer) => layer.type)).toEqual([
      'Input',
      'Convolution',
      'ReLU',
      'BatchNorm',
      'Scale',
      'Pooling',
      'Convolution',
      'Eltwise',
      'Flatten',
      'InnerProduct',
      'ReLU',
      'Dropout',
      'InnerProduct',
      'Softmax',
    ]);
    for (const layer of net.layers) expect(layer.name).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it("slices off the remainder that Caffe's upward pooling rounding would add, so floor pooling keeps its size", () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'floor pooling',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [7, 9, 4] } },
        { id: 'pool', type: 'MaxPool2D', inputs: ['data'], params: { pool: [2, 2] } },
        { id: 'pool_avg', type: 'AvgPool2D', inputs: ['data'], params: { pool: [3, 3], stride: [2, 2] } },
      ],
    };
    const output = emitCaffe(graph);
    expect(output.notes).toEqual([]);
    const layers = prototxtLayers(output.prototxt).layers;
    expect(layers.map((layer) => layer.type)).toEqual(['Input', 'Slice', 'Slice', 'Silence', 'Pooling', 'Pooling']);
    expect(layers[1]!.params).toEqual([
      ['slice_param.axis', '2'],
      ['slice_param.slice_point', '6'],
    ]);
    expect(layers[2]!.params).toEqual([
      ['slice_param.axis', '3'],
      ['slice_param.slice_point', '8'],
    ]);
    expect(output.prototxt).toContain('# Caffe rounds pooling up; keep the 6 rows and 8 columns that pool reads when rounding down');
    const [run] = runCaffeBatch([output]);
    expect(run!.error).toBeUndefined();
    expect(sortedDims(run!.outputs.map((o) => o.dims))).toEqual(
      sortedDims([
        [1, 4, 3, 4],
        [1, 4, 3, 4],
      ]),
    );
    expect(netSpecLayers(output.netspec)).toEqual(prototxtLayers(output.prototxt));
  });

  it("says where padded floor pooling keeps Caffe's extra window", () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'padded floor pooling',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [8, 8, 2] } },
        { id: 'pool', type: 'MaxPool2D', inputs: ['data'], params: { pool: [3, 3], stride: [2, 2], padding: [1, 1] } },
      ],
    };
    const { notes, prototxt } = emitCaffe(graph);
    expect(notes).toEqual(['pool: Caffe rounds pooling up: Caffe gives 5x5 here where the graph has 4x4']);
    expect(prototxt).toContain('# Caffe rounds pooling up: Caffe gives 5x5');
  });

  it('says where symmetric padding cannot give a transposed convolution\'s "same" size', () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'odd deconvolution',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [8, 8, 4] } },
        { id: 'up', type: 'Conv2DTranspose', inputs: ['data'], params: { filters: 2, kernel: [3, 3], stride: [2, 2], padding: 'same' } },
      ],
    };
    const output = emitCaffe(graph);
    expect(output.notes).toEqual(['up: symmetric padding: Caffe gives 17x17 here where the graph has 16x16']);
    expect(runCaffeBatch([output])[0]!.outputs.map((o) => o.dims)).toEqual([[1, 2, 17, 17]]);
  });

  it('writes Embedding as Embed and a per-step Dense as InnerProduct on axis 2 (OpenCV has no Embed: checked through NetSpec and caffemodel)', () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'bag of embeddings',
      layers: [
        { id: 'tokens', type: 'Input', params: { shape: [12], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 500, dim: 16 } },
        { id: 'per_step', type: 'Dense', inputs: ['embed'], params: { units: 8, activation: 'relu' } },
        { id: 'flat', type: 'Flatten', inputs: ['per_step'] },
        { id: 'out', type: 'Dense', inputs: ['flat'], params: { units: 2, activation: 'softmax' } },
      ],
    };
    const { prototxt, netspec, caffemodel } = emitCaffe(graph);
    const layers = prototxtLayers(prototxt).layers;
    expect(layers.map((layer) => layer.type)).toEqual(['Input', 'Embed', 'InnerProduct', 'ReLU', 'Flatten', 'InnerProduct', 'Softmax']);
    expect(layers[1]!.params).toEqual([
      ['embed_param.bias_term', 'false'],
      ['embed_param.input_dim', '500'],
      ['embed_param.num_output', '16'],
    ]);
    expect(layers[2]!.params).toContainEqual(['inner_product_param.axis', '2']);
    expect(netSpecLayers(netspec)).toEqual(prototxtLayers(prototxt));
    const blobs = new Map(decodeCaffeNet(caffemodel).layer!.map((layer) => [layer.name, layer.blobs!.map((b) => b.shape!.dim)]));
    expect(blobs.get('embed')).toEqual([[500, 16]]);
    expect(blobs.get('per_step')).toEqual([[8, 16], [8]]);
    expect(blobs.get('out')).toEqual([[2, 96], [2]]);
  });

  it.each([
    ['LayerNorm', { type: 'LayerNorm' }],
    ['GRU on a sequence', { type: 'GRU' }],
    ['LSTM on a sequence', { type: 'LSTM' }],
    ['GELU', { type: 'Activation', params: { fn: 'gelu' } }],
  ])('reports %s as UnsupportedLayerError naming the layer', (_label, layer) => {
    const sequence = ['LayerNorm', 'GRU', 'LSTM'].includes(layer.type);
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'unsupported',
      layers: [
        { id: 'data', type: 'Input', params: { shape: sequence ? [10, 8] : [8, 8, 3] } },
        { id: 'odd one', inputs: ['data'], ...layer },
      ],
    };
    expect(() => emitCaffe(graph)).toThrow(UnsupportedLayerError);
    expect(() => emitCaffe(graph)).toThrow(/odd one/);
  });

  it('pads with a fixed 1x1 depthwise convolution where no convolution follows to take the padding', async () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'pad then pool',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [8, 8, 3] } },
        { id: 'pad', type: 'ZeroPadding2D', inputs: ['data'], params: { padding: [2, 1] } },
        { id: 'pool', type: 'MaxPool2D', inputs: ['pad'], params: { pool: [2, 2] } },
      ],
    };
    const output = emitCaffe(graph);
    const [, pad] = prototxtLayers(output.prototxt).layers;
    expect(pad!.type).toBe('Convolution');
    expect(pad!.params).toContainEqual(['convolution_param.group', '3']);
    expect(pad!.params).toContainEqual(['param.lr_mult', '0']);
    const [caffe] = runCaffeBatch([output], { values: true })[0]!.outputs;
    expect(caffe!.dims).toEqual([1, 3, 6, 5]);
    // Zero padding then max pooling: the border windows see the zeros, as in onnxruntime.
    const [onnx] = await runOnnx(emitOnnx(graph), { batch: 1 });
    expect(caffe!.data).toEqual(Array.from(onnx!.data));
  });
});

describe('Caffe activation layers by function', () => {
  const fns = getSpec('Activation')!
    .params.find((p) => p.name === 'fn')!
    .options!.filter((fn) => !isUnsupported(targetEntry('Activation', 'caffe', { fn })));
  const graphOf = (fn: string, fused: boolean): Graph => ({
    format: GRAPH_FORMAT,
    name: `act_${fn}`,
    layers: [
      { id: 'input', type: 'Input', params: { shape: [5, 6, 3] } },
      fused
        ? { id: 'conv', type: 'Conv2D', inputs: ['input'], params: { filters: 4, kernel: 3, activation: fn } }
        : { id: 'act', type: 'Activation', inputs: ['input'], params: { fn, alpha: fn === 'elu' ? 1 : 0.3 } },
    ],
  });
  const built = fns.flatMap((fn) => [graphOf(fn, false), graphOf(fn, true)]);
  const outputs = built.map((graph) => emitCaffe(graph));

  it("writes each function as the catalog's Caffe type, and OpenCV loads it and computes what onnxruntime does", async () => {
    const runs = runCaffeBatch(outputs, { values: true });
    for (const [i, graph] of built.entries()) {
      const fn = (graph.layers[1]!.params!.fn ?? graph.layers[1]!.params!.activation) as string;
      const types = prototxtLayers(outputs[i]!.prototxt).layers.map((layer) => layer.type);
      expect(types.at(-1)).toBe((targetEntry('Activation', 'caffe', { fn }) as { type: string }).type);
      expect(runs[i]!.error).toBeUndefined();
      const [caffe] = runs[i]!.outputs;
      const [onnx] = await runOnnx(emitOnnx(graph), { batch: 1 });
      expect(caffe!.dims).toEqual(onnx!.dims);
      const worst = caffe!.data.reduce((max, value, j) => Math.max(max, Math.abs(value - onnx!.data[j]!)), 0);
      expect({ fn, worst: worst < 1e-4 }).toEqual({ fn, worst: true });
    }
    expect(new Set(built.map((_, i) => prototxtLayers(outputs[i]!.prototxt).layers.at(-1)!.type))).toEqual(
      new Set(['ReLU', 'PReLU', 'Sigmoid', 'TanH', 'Softmax', 'ELU']),
    );
  });
});

describe('pooling rounding in Caffe and ONNX', () => {
  // [input size, window, stride, explicit pad, ceil_mode]: floor cases Caffe must crop for, ceil cases
  // whose last window would start in the padding (dropped by Caffe and the graph, kept by onnxruntime's ceil_mode).
  const windows: Array<[number, number, number, number, boolean]> = [
    [7, 2, 2, 0, false],
    [9, 3, 2, 0, false],
    [10, 3, 3, 0, false],
    [7, 2, 2, 1, true],
    [7, 3, 2, 1, true],
    [10, 4, 3, 1, true],
    [11, 5, 3, 2, true],
  ];
  const graphOf = ([size, pool, stride, pad, ceil]: (typeof windows)[number]): Graph => ({
    format: GRAPH_FORMAT,
    name: `pool ${size} ${pool} ${stride} ${pad} ${ceil}`,
    layers: [
      { id: 'data', type: 'Input', params: { shape: [size, size + 1, 3] } },
      { id: 'max', type: 'MaxPool2D', inputs: ['data'], params: { pool: [pool, pool], stride: [stride, stride], padding: [pad, pad], ceil_mode: ceil } },
    ],
  });
  let caffeRuns: CaffeRunResult[] = [];
  beforeAll(() => {
    caffeRuns = runCaffeBatch(
      windows.map((window) => emitCaffe(graphOf(window))),
      { values: true },
    );
  });

  it.each(windows.map((window, i) => [window.join(' '), window, i] as const))(
    "max pool %s: both give the graph's size and the same values",
    async (_label, window, i) => {
      const graph = graphOf(window);
      const expected = nchw(inferShapes(graph).get('max')!);
      const [onnx] = await runOnnx(emitOnnx(graph), { batch: 1 });
      const [caffe] = caffeRuns[i]!.outputs;
      expect(onnx!.dims).toEqual(expected);
      expect(caffe!.dims).toEqual(expected);
      expect(caffe!.data).toEqual(Array.from(onnx!.data));
    },
  );
});
