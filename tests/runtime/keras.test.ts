import { beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedLayerError, emitKerasJson, emitKerasPython, emitPytorch } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, resolveParams, type Graph } from '../../src/graph/index.ts';
import { HOSTILE_GRAPHS, mentionsInjectedCode } from '../support/hostile-graphs.ts';
import { REFERENCE_GRAPHS, alexnet, attentionBlock, imageOddments, vgg16 } from '../support/reference-graphs.ts';
import {
  compilePythonFiles,
  forwardPytorch,
  inspectPythonFiles,
  kerasLrnDifference,
  kerasWiring,
  nchwToNhwc,
  nhwcToNchw,
  runKerasJson,
  runPythonFiles,
  writeTempFiles,
  type KerasWiring,
  type TensorData,
} from '../support/runtime.ts';

/**
 * Deterministic channels-last inputs, batch first: images in [0, 1] as after a ReLU or a camera (where
 * Keras' zero padding of max pools is exact), signed values for sequences, token ids below the vocabulary.
 */
function inputsFor(graph: Graph): Array<TensorData & { dtype: 'float32' | 'int32' }> {
  const shapes = inferShapes(graph);
  return graph.layers
    .filter((layer) => layer.type === 'Input')
    .map((input) => {
      const shape = [1, ...shapes.get(input.id)!];
      const size = shape.reduce((a, b) => a * b, 1);
      if (resolveParams(input).dtype !== 'int32') {
        const value = (i: number): number => Math.sin(i * 1.7) * (1 + (i % 5) / 10);
        const image = shape.length === 4;
        return { shape, dtype: 'float32' as const, data: Array.from({ length: size }, (_, i) => (image ? 0.5 + value(i) / 2.2 : value(i))) };
      }
      const vocab = Math.min(...graph.layers.filter((l) => l.type === 'Embedding' && l.inputs?.[0] === input.id).map((l) => resolveParams(l).vocab as number));
      return { shape, dtype: 'int32' as const, data: Array.from({ length: size }, (_, i) => (i * 7 + 3) % vocab) };
    });
}

function expectedOutputs(graph: Graph): number[][] {
  const shapes = inferShapes(graph);
  return outputLayers(graph).map((layer) => [1, ...shapes.get(layer.id)!]);
}

/** AlexNet with its LRN layers taken out: grouped convolutions and ceil pooling, loadable by TensorFlow.js. */
function alexnetWithoutLrn(): Graph {
  const graph = alexnet();
  const lrnInput = new Map(graph.layers.filter((l) => l.type === 'LRN').map((l) => [l.id, l.inputs![0]!]));
  return {
    ...graph,
    name: 'AlexNet without LRN',
    layers: graph.layers.filter((l) => l.type !== 'LRN').map((l) => ({ ...l, inputs: l.inputs?.map((id) => lrnInput.get(id) ?? id) })),
  };
}

const referenceGraphs = REFERENCE_GRAPHS.map(([title, make]) => ({ title, graph: make() }));
/** What TensorFlow.js cannot load, by graph title. */
const NOT_FOR_TFJS = ['multi-head attention', 'AlexNet (groups = 2, LRN)', 'image oddments', 'padded 1-D pools'];
// Pure-JS CPU kernels: VGG-16 runs at CIFAR size, and AlexNet's 227×227 convolutions are the slowest case kept.
const tfjsGraphs = [
  ...referenceGraphs.filter(({ title }) => !NOT_FOR_TFJS.includes(title) && title !== 'VGG-16'),
  { title: 'VGG-16 (32×32, CIFAR head)', graph: vgg16(32, 10, 512) },
  { title: 'AlexNet without LRN', graph: alexnetWithoutLrn() },
];

describe('Keras JSON, loaded by TensorFlow.js', () => {
  let torchOutputs: Map<Graph, TensorData[]>;

  beforeAll(async () => {
    const files = writeTempFiles(
      tfjsGraphs.map(({ graph }, i) => [`same_model_${i}.py`, emitPytorch(graph)]),
      'paper2net-keras-vs-torch-',
    );
    const runs = await forwardPytorch(
      tfjsGraphs.map(({ graph }, i) => ({
        file: files[i]!,
        inputs: inputsFor(graph).map((input) => ({ ...nhwcToNchw(input), dtype: input.dtype === 'int32' ? ('int64' as const) : ('float32' as const) })),
        uniformWeights: true,
      })),
    );
    torchOutputs = new Map(tfjsGraphs.map(({ graph }, i) => [graph, runs[i]!.outputs.map(nchwToNhwc)]));
  }, 600_000);

  it.each(tfjsGraphs.map(({ title, graph }) => [title, graph] as const))(
    '%s loads with modelFromJSON, predicts the inferred shapes, and matches PyTorch given the same weights',
    async (_title, graph) => {
      const keras = await runKerasJson(emitKerasJson(graph), inputsFor(graph), { uniformWeights: true });
      expect(keras.map((output) => output.shape)).toEqual(expectedOutputs(graph));
      // TensorFlow.js ignores Conv groups; the reference graphs group only channels a uniform convolution made
      // equal, where a grouped and a full average agree.
      const torch = torchOutputs.get(graph)!;
      outputLayers(graph).forEach((layer, i) => {
        const scale = 1 + keras[i]!.data.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
        const worst = keras[i]!.data.reduce((max, value, j) => Math.max(max, Math.abs(value - torch[i]!.data[j]!)), 0);
        expect(worst / scale, `${layer.id}: largest difference`).toBeLessThan(1e-4);
      });
    },
  );

  it.each([
    ['LRN', alexnet(), 'norm1'],
    ['MultiHeadAttention', attentionBlock(), 'self_attention'],
    ['ELU with alpha 0.5', imageOddments(), 'elu'],
  ] as const)('refuses %s, which TensorFlow.js cannot load, naming the layer', (_what, graph, layerId) => {
    let error: unknown;
    try {
      emitKerasJson(graph);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsupportedLayerError);
    expect((error as UnsupportedLayerError).layerId).toBe(layerId);
  });

  it('names the same layers, in the same order, as the Python file', () => {
    for (const { graph } of tfjsGraphs) {
      const json = JSON.parse(emitKerasJson(graph)) as { config: { layers: Array<{ name: string }> } };
      const python = [...emitKerasPython(graph).matchAll(/\bname="([^"]+)"\)/g)].map((m) => m[1]);
      expect(python.slice(0, -1)).toEqual(json.config.layers.map((layer) => layer.name));
    }
  });
});

describe('Keras Python', () => {
  let compiled: Array<{ file: string; error: string | null }>;
  let wiring: KerasWiring[];
  let hostileWiring: Awaited<ReturnType<typeof kerasWiring>>;
  let hostileRuns: Awaited<ReturnType<typeof runPythonFiles>>;
  let hostileInspected: Awaited<ReturnType<typeof inspectPythonFiles>>;

  beforeAll(async () => {
    const files = writeTempFiles(
      referenceGraphs.map(({ graph }, i) => [`keras_${i}.py`, emitKerasPython(graph)]),
      'paper2net-keras-',
    );
    compiled = (await compilePythonFiles(files)).results;
    wiring = (await kerasWiring(files)).results;
    const hostileFiles = writeTempFiles(
      HOSTILE_GRAPHS.map((graph, i) => [`hostile_${i}.py`, emitKerasPython(graph)]),
      'paper2net-keras-hostile-',
    );
    compiled.push(...(await compilePythonFiles(hostileFiles)).results);
    hostileRuns = await runPythonFiles(hostileFiles);
    hostileInspected = await inspectPythonFiles(hostileFiles);
    hostileWiring = await kerasWiring(hostileFiles);
  }, 300_000);

  it('compiles for every reference graph and every hostile name', () => {
    expect(compiled.length).toBe(referenceGraphs.length + HOSTILE_GRAPHS.length);
    expect(compiled.filter((c) => c.error)).toEqual([]);
  });

  it('runs nothing injected: only keras is imported, os is never named, nothing prints "pwned"', () => {
    expect(mentionsInjectedCode(hostileRuns.rawStdout + hostileRuns.rawStderr)).toBe(false);
    for (const run of hostileRuns.results) {
      // No Keras on this machine: the file stops at its first import, having run nothing else.
      expect(run.error).toMatch(/No module named 'keras'/);
      expect(mentionsInjectedCode(run.stdout + run.stderr)).toBe(false);
    }
    // On the stand-in for Keras the whole build function runs, hostile names and all.
    expect(mentionsInjectedCode(hostileWiring.rawStdout + hostileWiring.rawStderr)).toBe(false);
    for (const built of hostileWiring.results) {
      expect(built.error).toBeNull();
      expect(built.layers.length).toBeGreaterThan(4);
    }
    for (const { imports, names } of hostileInspected.results) {
      expect(imports).toEqual(['keras']);
      expect(names.filter((name) => ['os', 'subprocess', '__import__', 'eval', 'exec'].includes(name))).toEqual([]);
    }
  });

  it('builds, on a recording stand-in for Keras, exactly the layers and wiring of the JSON', () => {
    referenceGraphs.forEach(({ title, graph }, i) => {
      const built = wiring[i]!;
      expect(built.error, title).toBeNull();
      expect(built.outputs.length, title).toBe(outputLayers(graph).length);
      const seen = new Set<string>();
      for (const layer of built.layers) {
        expect(
          layer.inbound.every((name) => seen.has(name)),
          `${title}: ${layer.name} reads only earlier layers`,
        ).toBe(true);
        seen.add(layer.name);
      }
      let json: {
        config: {
          layers: Array<{ class_name: string; name: string; inbound_nodes: Array<Array<[string]>> }>;
          input_layers: Array<[string]>;
          output_layers: Array<[string]>;
        };
      };
      try {
        json = JSON.parse(emitKerasJson(graph));
      } catch (error) {
        if (error instanceof UnsupportedLayerError) return;
        throw error;
      }
      const fromJson = json.config.layers.map((layer) => ({
        class_name: layer.class_name,
        name: layer.name,
        inbound: (layer.inbound_nodes[0] ?? []).map((node) => node[0]),
      }));
      expect(
        built.layers.map(({ class_name, name, inbound }) => ({ class_name, name, inbound })),
        title,
      ).toEqual(fromJson);
      expect(built.inputs).toEqual(json.config.input_layers.map((node) => node[0]));
      expect(built.outputs).toEqual(json.config.output_layers.map((node) => node[0]));
    });
  });

  it.each([3, 4, 5])('defines an LRN layer that computes what PyTorch LocalResponseNorm does (size %i)', async (size) => {
    const [file] = writeTempFiles([['alexnet_keras.py', emitKerasPython(alexnet())]], 'paper2net-keras-lrn-');
    expect(await kerasLrnDifference(file!, { size, alpha: 0.5, beta: 0.75, k: 2 })).toBeLessThan(1e-5);
  });

  it('writes the functional API with meaningful names and a runnable __main__', () => {
    const code = emitKerasPython(referenceGraphs.find((g) => g.title.startsWith('Inception'))!.graph);
    expect(code).toContain('data = keras.Input(shape=(57, 57, 192), name="data")');
    expect(code).toContain('layers.Conv2D(128, 3, padding="same", activation="relu", name="inception_3a_3x3")(x)');
    expect(code).toMatch(
      /inception_3a_output = layers\.Concatenate\(name="inception_3a_output"\)\(\[inception_3a_1x1, inception_3a_3x3, inception_3a_5x5, x\]\)/,
    );
    expect(code).toContain('return keras.Model(inputs=data, outputs=inception_3a_output, name="GoogLeNet_inception_3a")');
    expect(code).toContain('print("output inception_3a_output:", list(inception_3a_output.shape))');
  });
});
