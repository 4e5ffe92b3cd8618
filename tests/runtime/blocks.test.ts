/**
 * Graphs of the block library, small enough to run: their PyTorch code runs in torch, their ONNX in
 * onnxruntime, with the inferred shapes; the weight-free attention core and the LayerNorm over a sum compute
 * the same numbers in every target, and the core what torch.nn.MultiheadAttention computes without projections.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emitKerasJson, emitKerasPython, emitOnnx, emitPytorch, UnsupportedLayerError } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, inferShapes, outputLayers, validateGraph, type Graph } from '../../src/graph/index.ts';
import {
  basicBlock,
  bertEncoder,
  bottleneckBlock,
  denseBlock,
  LayerStack,
  transformerEncoderDecoder,
  transitionLayer,
} from '../../src/reading/blocks/index.ts';
import { checkOnnxModel, runOnnx } from '../support/onnx-runtime.ts';
import {
  attentionCoreDifferences,
  forwardPytorch,
  kerasWiring,
  printedOutputShapes,
  runKerasJson,
  runPythonFiles,
  toNCHW,
  writeTempFiles,
  type KerasWiring,
  type PythonRun,
} from '../support/runtime.ts';
import { sampleValues } from '../support/sample-input.ts';

function residualNetwork(): Graph {
  const stack = new LayerStack();
  let x = stack.add('Conv2D', [stack.input('image', [16, 16, 3])], { filters: 16, kernel: [3, 3], padding: 'same', activation: 'relu' }, { id: 'stem' });
  x = basicBlock(stack, x, { filters: 16 });
  x = basicBlock(stack, x, { filters: 32, stride: 2 });
  x = bottleneckBlock(stack, x, { filters: 8, stride: 2 });
  x = denseBlock(stack, x, { layers: 2, growthRate: 8, bottleneck: true });
  x = transitionLayer(stack, x, { compression: 0.5 });
  stack.add('Dense', [stack.add('GlobalAvgPool2D', [x])], { units: 10, activation: 'softmax' }, { id: 'classes' });
  return stack.graph('residual and dense blocks');
}

/** [title, graph, the largest token id every Embedding of the graph accepts] */
const GRAPHS: Array<[string, Graph, number]> = [
  ['transformer N=2, d_model=32, h=4', transformerEncoderDecoder({ layers: 2, dModel: 32, dFF: 64, heads: 4, sourceVocab: 50, maxLength: 8 }), 49],
  [
    'transformer 1 encoder + 2 decoder layers, h=3',
    transformerEncoderDecoder({ layers: 1, decoderLayers: 2, dModel: 24, dFF: 48, heads: 3, sourceVocab: 40, targetVocab: 30, maxLength: 6 }),
    29,
  ],
  ['encoder L=2, H=32, A=4', bertEncoder({ layers: 2, hidden: 32, heads: 4, vocab: 50, maxLength: 8 }), 1],
  ['residual and dense blocks', residualNetwork(), 0],
];
const ATTENTION_GRAPHS = GRAPHS.slice(0, 3);

/** No weights anywhere: the same inputs must give the same outputs in every target. */
const weightless: Graph = {
  format: GRAPH_FORMAT,
  name: 'attention core and summed norm',
  layers: [
    { id: 'query', type: 'Input', params: { shape: [5, 8] } },
    { id: 'memory', type: 'Input', params: { shape: [7, 8] } },
    { id: 'values', type: 'Input', params: { shape: [7, 12] } },
    { id: 'qkv', type: 'DotProductAttention', inputs: ['query', 'memory', 'values'], params: { heads: 4 } },
    { id: 'own', type: 'DotProductAttention', inputs: ['query'], params: { heads: 2, causal: true } },
    { id: 'cross', type: 'DotProductAttention', inputs: ['query', 'memory'], params: { heads: 2, causal: true } },
    { id: 'summed', type: 'LayerNorm', inputs: ['query', 'own', 'cross'] },
  ],
};
/** Two inputs fed the same values: one is turned round, so the summed tensors differ. */
const summedNorm: Graph = {
  format: GRAPH_FORMAT,
  name: 'summed norm',
  layers: [
    { id: 'steps', type: 'Input', params: { shape: [5, 8] } },
    { id: 'features', type: 'Input', params: { shape: [8, 5] } },
    { id: 'turned', type: 'Permute', inputs: ['features'], params: { dims: [2, 1] } },
    { id: 'summed', type: 'LayerNorm', inputs: ['steps', 'turned'] },
  ],
};

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

let runs: PythonRun[];
let wiring: KerasWiring[];

beforeAll(async () => {
  const torchFiles = writeTempFiles(
    GRAPHS.map(([, graph], i) => [`blocks_${i}.py`, emitPytorch(graph)]),
    'paper2net-blocks-',
  );
  runs = (await runPythonFiles(torchFiles)).results;
  const kerasFiles = writeTempFiles(
    GRAPHS.map(([, graph], i) => [`blocks_keras_${i}.py`, emitKerasPython(graph)]),
    'paper2net-blocks-keras-',
  );
  wiring = (await kerasWiring(kerasFiles)).results;
}, 300_000);

describe('block library graphs in real runtimes', () => {
  it.each(GRAPHS.map(([title, graph], i) => [title, graph, i] as const))('%s: validates; PyTorch prints the inferred output shapes', (_title, graph, i) => {
    expect(validateGraph(graph).filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(runs[i]!.error).toBeNull();
    const shapes = inferShapes(graph);
    expect(printedOutputShapes(runs[i]!.stdout).map((p) => p.shape)).toEqual(outputLayers(graph).map((l) => toNCHW(shapes.get(l.id)!)));
  });

  it.each(GRAPHS)('%s: ONNX passes the checker and runs in onnxruntime with the inferred shapes', async (_title, graph, maxTokenId) => {
    const bytes = emitOnnx(graph);
    expect(checkOnnxModel(bytes)).toBe('');
    const shapes = inferShapes(graph);
    const outputs = await runOnnx(bytes, { batch: 2, maxTokenId });
    expect(outputs.map((o) => o.dims)).toEqual(outputLayers(graph).map((l) => toNCHW(shapes.get(l.id)!, 2)));
    for (const output of outputs) expect(output.data.every((v) => Number.isFinite(v))).toBe(true);
  });

  it.each(GRAPHS.map(([title, graph], i) => [title, graph, i] as const))('%s: the Keras file builds every layer, wired as the graph is', (_title, graph, i) => {
    expect(wiring[i]!.error).toBeNull();
    const cores = wiring[i]!.layers.filter((l) => l.class_name === 'DotProductAttention');
    const expected = graph.layers.filter((l) => l.type === 'DotProductAttention');
    expect(cores.map((l) => [l.name, l.inbound])).toEqual(expected.map((l) => [l.id, l.inputs]));
  });

  it('Keras JSON: the attention core is refused with its reason (the Python file defines the layer); the CNN blocks load in TensorFlow.js', async () => {
    for (const [, graph] of ATTENTION_GRAPHS) {
      expect(() => emitKerasJson(graph)).toThrow(UnsupportedLayerError);
      expect(() => emitKerasJson(graph)).toThrow(/TensorFlow\.js has no attention layer without projections/);
    }
    const [, cnn] = GRAPHS[3]!;
    const [output] = await runKerasJson(emitKerasJson(cnn), [{ shape: [1, 16, 16, 3], dtype: 'float32', data: Array.from(sampleValues(768)) }]);
    expect(output!.shape).toEqual([1, 10]);
  });
});

describe('the attention core and LayerNorm over a sum, numerically', () => {
  it('PyTorch and Keras cores match torch.nn.MultiheadAttention with identity projections (self, causal, cross)', async () => {
    const [torchFile, kerasFile] = writeTempFiles(
      [
        ['core_pytorch.py', emitPytorch(weightless)],
        ['core_keras.py', emitKerasPython(weightless)],
      ],
      'paper2net-attention-core-',
    );
    const differences = await attentionCoreDifferences(torchFile!, kerasFile!);
    expect(Object.keys(differences)).toEqual(['self', 'self causal', 'cross', 'cross causal']);
    for (const { pytorch, keras } of Object.values(differences)) {
      expect(pytorch).toBeLessThan(1e-5);
      expect(keras).toBeLessThan(1e-5);
    }
  });

  it('ONNX computes what the PyTorch code computes on the same inputs', async () => {
    const shapes = inferShapes(weightless);
    const inputs = weightless.layers.filter((l) => l.type === 'Input').map((l) => [1, ...shapes.get(l.id)!]);
    const [file] = writeTempFiles([['core.py', emitPytorch(weightless)]], 'paper2net-attention-onnx-');
    const [torch] = await forwardPytorch([
      { file: file!, inputs: inputs.map((shape) => ({ shape, dtype: 'float32', data: Array.from(sampleValues(shape.reduce((a, b) => a * b, 1))) })) },
    ]);
    expect(torch!.error).toBeNull();
    const onnx = await runOnnx(emitOnnx(weightless), { batch: 1 });
    expect(onnx.map((o) => o.dims)).toEqual(torch!.outputs.map((o) => o.shape));
    onnx.forEach((output, i) => expect(maxDifference(output.data, torch!.outputs[i]!.data)).toBeLessThan(1e-5));
  });

  it('Keras JSON in TensorFlow.js normalises the sum as ONNX does', async () => {
    const [onnx] = await runOnnx(emitOnnx(summedNorm), { batch: 1 });
    const inputs = [
      [1, 5, 8],
      [1, 8, 5],
    ].map((shape) => ({ shape, dtype: 'float32' as const, data: Array.from(sampleValues(shape[1]! * shape[2]!)) }));
    const [keras] = await runKerasJson(emitKerasJson(summedNorm), inputs);
    expect(keras!.shape).toEqual(onnx!.dims);
    expect(maxDifference(onnx!.data, keras!.data)).toBeLessThan(1e-5);
  });
});
