import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasJson, emitOnnx, UnsupportedLayerError } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, resolveParams, type Graph } from '../../src/graph/index.ts';
import { importCaffePrototxt, importKerasJson, importModel, importOnnx } from '../../src/importers/index.ts';
import { decodeCaffeNet } from '../../src/proto/index.ts';
import { generateModel } from '../../src/synth/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const models = ['prototxt', 'modeljson', 'onnx'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, corpus))
    .sort()
    .map((file) => ({ dir, file })),
);
const load = ({ dir, file }: { dir: string; file: string }) => importModel(new Uint8Array(readFileSync(new URL(`${dir}/${file}`, corpus))), file);

const STRUCTURAL = [
  'Conv1D',
  'Conv2D',
  'DepthwiseConv2D',
  'Conv2DTranspose',
  'Dense',
  'MaxPool2D',
  'AvgPool2D',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
  'BatchNorm',
  'LayerNorm',
  'LRN',
  'Concat',
  'Add',
  'Multiply',
  'Embedding',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'UpSampling2D',
  'MultiHeadAttention',
];

/** The layers that carry the architecture, with their sizes, as a sorted list (writers may order branches differently). */
function signature(graph: Graph): string[] {
  return graph.layers
    .filter((l) => STRUCTURAL.includes(l.type))
    .map((l) => {
      const p = resolveParams(l);
      return `${l.type} ${JSON.stringify([p.filters ?? p.units ?? p.dim, p.kernel ?? p.pool ?? p.size, p.stride])}`;
    })
    .sort();
}

const outputShape = (graph: Graph) => inferShapes(graph).get(outputLayers(graph)[0]!.id);

/** Weights in convolutions and dense layers: the writers fill them with random values, so big nets are slow. */
function weightCount(graph: Graph): number {
  const shapes = inferShapes(graph);
  return graph.layers.reduce((n, layer) => {
    const inputs = (layer.inputs ?? []).map((id) => shapes.get(id)!);
    const channels = inputs[0]?.at(-1) ?? 0;
    const kernel = (layer.params?.kernel as number[] | undefined) ?? [1, 1];
    const outputs = Number(layer.params?.filters ?? layer.params?.units ?? 0);
    return n + channels * outputs * kernel[0]! * kernel[1]!;
  }, 0);
}

/** The corpus nets small enough to write with weights in a unit test (LeNet … GoogLeNet, not VGG or AlexNet). */
const smallModels = models.map((model) => ({ model, graph: load(model) })).filter(({ graph }) => weightCount(graph) < 8_000_000);

interface ReadBack {
  back: Graph;
  /** False when the target had to change a shape the graph states (and said so). */
  exactShapes: boolean;
}

/** Emits with a writer and reads back; undefined when the target cannot express one of the layers. */
function roundTrip(graph: Graph, write: (g: Graph) => ReadBack): ReadBack | undefined {
  try {
    return write(graph);
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw error;
    expect(graph.layers.map((l) => l.id)).toContain(error.layerId);
    return undefined;
  }
}

const targets: Array<[string, (g: Graph) => ReadBack]> = [
  ['Keras JSON', (g) => ({ back: importKerasJson(emitKerasJson(g)), exactShapes: true })],
  [
    'Caffe prototxt',
    (g) => {
      // Caffe rounds pooling up; the emitter notes where that changes a shape the graph states.
      const { prototxt, notes } = emitCaffe(g);
      return { back: importCaffePrototxt(prototxt), exactShapes: !notes.some((n) => /rounds pooling up/.test(n)) };
    },
  ],
  ['ONNX', (g) => ({ back: importOnnx(emitOnnx(g)), exactShapes: true })],
];

describe('corpus models written by the code generators read back the same', () => {
  it('covers a good part of the corpus', () => {
    expect(smallModels.length).toBeGreaterThanOrEqual(12);
  });

  for (const [target, write] of targets) {
    it(`${target}: same layers, sizes and output shape`, () => {
      let compared = 0;
      for (const { model, graph } of smallModels) {
        const result = roundTrip(graph, write);
        if (!result) continue;
        compared++;
        expect(signature(result.back), `${model.file} via ${target}`).toEqual(signature(graph));
        if (result.exactShapes) expect(outputShape(result.back), `${model.file} via ${target}`).toEqual(outputShape(graph));
      }
      // Most of the corpus fits every target; the rest use layers a target lacks (LRN in Keras, padding layers in Caffe).
      expect(compared).toBeGreaterThanOrEqual(smallModels.length / 2);
    });
  }

  it('the .caffemodel blobs match the layer sizes the prototxt states', () => {
    const graph = load({ dir: 'prototxt', file: 'caffe__examples_cifar10_cifar10_quick.prototxt' });
    const { prototxt, caffemodel } = emitCaffe(graph);
    const net = decodeCaffeNet(caffemodel);
    const back = importCaffePrototxt(prototxt);
    for (const layer of back.layers.filter((l) => l.type === 'Conv2D' || l.type === 'Dense')) {
      const stored = net.layer!.find((l) => l.name === layer.id);
      expect(stored, layer.id).toBeDefined();
      const dims = stored!.blobs![0]!.shape!.dim;
      expect(dims[0]).toBe(layer.params!.filters ?? layer.params!.units);
      if (layer.type === 'Conv2D') expect(dims.slice(2)).toEqual(layer.params!.kernel);
    }
  });
});

describe('grammar models written by the code generators read back the same', () => {
  // The writers fill weights with random values; small nets keep this test quick.
  const graphs = Array.from({ length: 60 }, (_, seed) => generateModel(seed).graph).filter((graph) => weightCount(graph) < 1_000_000);
  it('has enough small grammar models to test with', () => {
    expect(graphs.length).toBeGreaterThanOrEqual(15);
  });
  for (const [target, write] of targets) {
    it(`${target}: same layers, sizes and output shape`, () => {
      let compared = 0;
      graphs.forEach((graph) => {
        const result = roundTrip(graph, write);
        if (!result) return;
        compared++;
        expect(signature(result.back), `${graph.name} via ${target}`).toEqual(signature(graph));
        if (result.exactShapes) expect(outputShape(result.back), `${graph.name} via ${target}`).toEqual(outputShape(graph));
      });
      expect(compared).toBeGreaterThan(0);
    });
  }
});
