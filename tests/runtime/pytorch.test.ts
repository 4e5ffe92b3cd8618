import { beforeAll, describe, expect, it } from 'vitest';
import { emitPytorch } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, type Graph } from '../../src/graph/index.ts';
import { REFERENCE_GRAPHS, vgg16, weightlessImage, weightlessSequence } from '../support/reference-graphs.ts';
import {
  forwardPytorch,
  inspectPythonFiles,
  nchwToNhwc,
  nhwcToNchw,
  printedOutputShapes,
  runKerasJson,
  runPythonFiles,
  toNCHW,
  writeTempFiles,
  type PythonRun,
  type TensorData,
} from '../support/runtime.ts';
import { emitKerasJson } from '../../src/codegen/index.ts';
import { HOSTILE_GRAPHS, mentionsInjectedCode } from '../support/hostile-graphs.ts';

/** Every graph truncated after each of its layers, so every layer's output shape is printed once. */
function prefixes(graph: Graph): Graph[] {
  return graph.layers.flatMap((layer, i) =>
    layer.type === 'Input' ? [] : [{ ...graph, name: `${graph.name} to ${layer.id}`, layers: graph.layers.slice(0, i + 1) }],
  );
}

function expectedOutputs(graph: Graph): number[][] {
  const shapes = inferShapes(graph);
  return outputLayers(graph).map((layer) => toNCHW(shapes.get(layer.id)!));
}

const referenceGraphs = REFERENCE_GRAPHS.map(([title, make]) => ({ title, graph: make() }));
// VGG-16 at 224 runs whole; its prefixes use CIFAR-sized input to keep the batch quick.
const prefixGraphs = referenceGraphs.flatMap(({ title, graph }) => prefixes(title === 'VGG-16' ? vgg16(32, 10, 64) : graph));

let runs: Map<Graph, PythonRun>;
let hostile: { runs: PythonRun[]; rawOutput: string; imports: string[][]; names: string[][] };

beforeAll(async () => {
  const graphs = [...referenceGraphs.map((entry) => entry.graph), ...prefixGraphs];
  const files = writeTempFiles(
    graphs.map((graph, i) => [`model_${i}.py`, emitPytorch(graph)]),
    'paper2net-pytorch-',
  );
  const { results } = await runPythonFiles(files);
  runs = new Map(graphs.map((graph, i) => [graph, results[i]!]));

  const hostileFiles = writeTempFiles(
    HOSTILE_GRAPHS.map((graph, i) => [`hostile_${i}.py`, emitPytorch(graph)]),
    'paper2net-hostile-',
  );
  const hostileRun = await runPythonFiles(hostileFiles);
  const inspected = await inspectPythonFiles(hostileFiles);
  hostile = {
    runs: hostileRun.results,
    rawOutput: hostileRun.rawStdout + hostileRun.rawStderr,
    imports: inspected.results.map((r) => r.imports),
    names: inspected.results.map((r) => r.names),
  };
}, 900_000);

describe('PyTorch emitter, run by torch', () => {
  it.each(referenceGraphs.map(({ title, graph }) => [title, graph] as const))('%s prints the inferred output shapes (NCHW)', (_title, graph) => {
    const run = runs.get(graph)!;
    expect(run.error).toBeNull();
    const printed = printedOutputShapes(run.stdout);
    expect(printed.map((p) => p.shape)).toEqual(expectedOutputs(graph));
  });

  it('matches the inferred shape after every layer of every reference graph', () => {
    const mismatches = prefixGraphs.flatMap((graph) => {
      const run = runs.get(graph)!;
      const printed = printedOutputShapes(run.stdout).map((p) => p.shape);
      const expected = expectedOutputs(graph);
      return run.error || JSON.stringify(printed) !== JSON.stringify(expected)
        ? [`${graph.name}: printed ${JSON.stringify(printed)}, expected ${JSON.stringify(expected)} ${run.error ?? ''}`]
        : [];
    });
    expect(prefixGraphs.length).toBeGreaterThan(150);
    expect(mismatches).toEqual([]);
  });

  it('declares in __init__ the modules of a diagram in order, with in_channels from the shapes', () => {
    const code = emitPytorch(referenceGraphs.find((g) => g.title.startsWith('AlexNet'))!.graph);
    const declared = [...code.matchAll(/^ {8}self\.(\w+) = nn\.(\w+)\((.*)\)$/gm)].map((m) => `${m[1]}=${m[2]}(${m[3]})`);
    expect(declared.slice(0, 4)).toEqual([
      'conv1=Conv2d(3, 96, kernel_size=11, stride=4)',
      'norm1=LocalResponseNorm(5, alpha=0.0001, beta=0.75, k=1)',
      'pool1=MaxPool2d(3, stride=2, ceil_mode=True)',
      'conv2=Conv2d(96, 256, kernel_size=5, padding=2, groups=2)',
    ]);
    expect(declared).toContain('fc6=Linear(9216, 4096)');
  });
});

describe('PyTorch emitter with hostile text from a PDF', () => {
  it('writes files that run without executing injected code', () => {
    for (const run of hostile.runs) {
      expect(run.error).toBeNull();
      expect(printedOutputShapes(run.stdout).length).toBeGreaterThan(0);
    }
    expect(mentionsInjectedCode(hostile.rawOutput)).toBe(false);
    expect(hostile.runs.some((run) => mentionsInjectedCode(run.stdout + run.stderr))).toBe(false);
  });

  it('imports only torch and never names os or subprocess', () => {
    for (const imports of hostile.imports) expect(imports.every((name) => ['torch', 'torch.nn', 'torch.nn.functional'].includes(name))).toBe(true);
    for (const names of hostile.names) expect(names.filter((name) => ['os', 'subprocess', 'system', 'eval', 'exec'].includes(name))).toEqual([]);
  });
});

describe('PyTorch and Keras (TensorFlow.js) compute the same numbers where there are no random weights', () => {
  /** Deterministic input with negative and positive values and no ties. */
  function input(shape: number[]): TensorData {
    const size = shape.reduce((a, b) => a * b, 1);
    return { shape, data: Array.from({ length: size }, (_, i) => Math.sin(i * 1.7) * (1 + (i % 5) / 10)) };
  }

  it.each([
    ['image layers', weightlessImage()],
    ['sequence layers', weightlessSequence()],
  ] as const)('%s', async (_title, graph) => {
    const shapes = inferShapes(graph);
    const channelsLast = input([1, ...shapes.get(graph.layers[0]!.id)!]);
    const [file] = writeTempFiles([['weightless.py', emitPytorch(graph)]], 'paper2net-weightless-');
    const [torchRun] = await forwardPytorch([{ file: file!, inputs: [{ ...nhwcToNchw(channelsLast), dtype: 'float32' }] }]);
    expect(torchRun!.error).toBeNull();
    const keras = await runKerasJson(emitKerasJson(graph), [{ ...channelsLast, dtype: 'float32' }]);
    const outputs = outputLayers(graph);
    expect(torchRun!.outputs.length).toBe(outputs.length);
    outputs.forEach((layer, i) => {
      const torchOutput = nchwToNhwc(torchRun!.outputs[i]!);
      expect(torchOutput.shape, layer.id).toEqual(keras[i]!.shape);
      const worst = Math.max(...torchOutput.data.map((value, j) => Math.abs(value - keras[i]!.data[j]!)));
      expect(worst, `${layer.id}: largest difference`).toBeLessThan(1e-4);
    });
  });
});
