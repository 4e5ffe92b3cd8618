/**
 * Placeholder weights, for designs too big to carry seeded ones (the app's downloads of VGG-16): the ONNX
 * file stays small, passes onnx.checker and runs in onnxruntime with the same output shapes as the seeded one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleFiles, emitCaffeText, emitOnnx, UnsupportedLayerError } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { browserExportWeights } from '../../src/pipeline/index.ts';
import { decodeOnnxModel } from '../../src/proto/index.ts';
import { randomGraphs } from '../support/random-graphs.ts';
import { checkOnnxModel, runOnnx } from '../support/onnx-runtime.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const vgg16 = (): Graph =>
  importModel(new Uint8Array(readFileSync(new URL('prototxt/vgg-benchmarks__vgg16_deploy.prototxt', CORPUS))), 'vgg16_deploy.prototxt');

describe('placeholder weights', () => {
  it('VGG-16: the app picks placeholders, and the ZIP has Caffe text and a small ONNX file that runs', async () => {
    const graph = vgg16();
    const choice = browserExportWeights(graph);
    expect(choice.weights).toBe('placeholder');
    expect(choice.reason).toMatch(/138\.\d M weights/);

    const { files, failures } = bundleFiles(graph, undefined, { weights: 'placeholder' });
    expect(failures).toEqual([]);
    const byPath = new Map(files.map((f) => [f.path, f.contents]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        'README.md',
        'caffe/deploy.prototxt',
        'caffe/netspec.py',
        'graph.json',
        'keras/model.json',
        'keras/model_keras.py',
        'onnx/model.onnx',
        'pytorch/model_pytorch.py',
      ].sort(),
    );
    expect(byPath.get('caffe/deploy.prototxt')).toBe(emitCaffeText(graph).prototxt);
    expect(byPath.get('README.md')).toContain('## Placeholder weights');

    const onnx = byPath.get('onnx/model.onnx') as Uint8Array;
    expect(onnx.length).toBeLessThan(64 * 1024);
    const model = decodeOnnxModel(onnx);
    expect(model.graph?.node?.filter((n) => n.op_type === 'ConstantOfShape')).toHaveLength(32); // 16 kernels + 16 biases
    expect(checkOnnxModel(onnx)).toBe('');
    const [output] = await runOnnx(onnx);
    expect(output!.dims).toEqual([1, 1000]);
    const probabilities = Array.from(output!.data as Float32Array);
    expect(probabilities.every(Number.isFinite)).toBe(true);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  }, 120_000);

  it('a design past the 2 GB protobuf limit: seeded ONNX is refused, placeholder ONNX is written', () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'huge',
      layers: [
        { id: 'x', type: 'Input', params: { shape: [50_000] } },
        { id: 'fc', type: 'Dense', inputs: ['x'], params: { units: 20_000 } },
      ],
    };
    expect(() => emitOnnx(graph)).toThrow(UnsupportedLayerError);
    const onnx = emitOnnx(graph, { weights: 'placeholder' });
    expect(onnx.length).toBeLessThan(4096);
    expect(checkOnnxModel(onnx)).toBe('');
  });

  it('every layer lowering accepts ConstantOfShape weights: 200 random graphs run with the seeded output shapes', async () => {
    for (const graph of randomGraphs(200, 7, { sequenceShare: 0.4 })) {
      const seeded = await runOnnx(emitOnnx(graph), { batch: 1, maxTokenId: 19 });
      const placeholder = await runOnnx(emitOnnx(graph, { weights: 'placeholder' }), { batch: 1, maxTokenId: 19 });
      expect(
        placeholder.map((o) => o.dims),
        graph.name,
      ).toEqual(seeded.map((o) => o.dims));
    }
  }, 300_000);
});
