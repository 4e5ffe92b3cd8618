import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importCaffePrototxt, importKerasJson, importOnnx } from '../../src/importers/index.ts';
import { decodeOnnxModel, encodeOnnxModel } from '../../src/proto/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const text = (path: string) => readFileSync(new URL(path, corpus), 'utf8');

/** The importer either returns a graph or throws an ImportError: never a TypeError or a hang. */
function importsOrExplains(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof ImportError) return true;
    throw error;
  }
}

/** A corpus file with one span cut out, one span duplicated, or cut short. */
const mutated = (source: string) =>
  fc.tuple(fc.nat(source.length), fc.nat(200), fc.constantFrom('cut', 'dup', 'truncate')).map(([at, len, how]) => {
    if (how === 'truncate') return source.slice(0, at);
    if (how === 'cut') return source.slice(0, at) + source.slice(at + len);
    return source.slice(0, at + len) + source.slice(at);
  });

describe('importers on damaged files', () => {
  it('Caffe: damaged prototxt imports or fails with an ImportError', () => {
    const source = text('prototxt/caffe__models_bvlc_googlenet_deploy.prototxt');
    fc.assert(
      fc.property(mutated(source), (damaged) => importsOrExplains(() => importCaffePrototxt(damaged))),
      { numRuns: 300 },
    );
  });

  it('Keras: JSON with layers removed or fields replaced imports or fails with an ImportError', () => {
    // Keras 1 Sequential, Keras 2 Functional held twice-encoded, Keras 3 Functional with {args, kwargs} nodes.
    const models = [
      JSON.parse(text('modeljson/hieroglyphclassifier__model_architecture.json')),
      JSON.parse(JSON.parse(text('modeljson/cnn-affect-recognition__resnet18.json')) as string),
      JSON.parse(text('modeljson/u-net-application__unet.json')),
    ];
    const layersOf = (model: { config: unknown }) =>
      (Array.isArray(model.config) ? model.config : (model.config as { layers: unknown[] }).layers) as Array<Record<string, unknown>>;
    const junk = fc.constantFrom<unknown>(null, 0, -1, 'same', [], {}, [null], [[1, 2], [3]], 'x', [['nowhere', 0, 0]]);
    fc.assert(
      fc.property(fc.nat(models.length - 1), fc.nat(1000), fc.nat(1000), fc.nat(50), junk, fc.boolean(), (which, drop, edit, key, value, inLayer) => {
        const copy = structuredClone(models[which]);
        const layers = layersOf(copy);
        const layer = layers[edit % layers.length]!;
        // Damage either the layer entry itself (class_name, inbound_nodes, ...) or its config.
        const target = inLayer ? layer : (layer.config as Record<string, unknown>);
        const keys = Object.keys(target);
        target[keys[key % keys.length]!] = value;
        layers.splice(drop % layers.length, 1);
        return importsOrExplains(() => importKerasJson(JSON.stringify(copy)));
      }),
      { numRuns: 300 },
    );
  });

  it('ONNX: bytes with flipped bits imports or fails with an ImportError', () => {
    const bytes = new Uint8Array(readFileSync(new URL('onnx/onnx__light_squeezenet.onnx', corpus)));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const damaged = bytes.slice();
        for (const [at, mask] of flips) damaged[at] = damaged[at]! ^ mask;
        return importsOrExplains(() => importOnnx(damaged));
      }),
      { numRuns: 300 },
    );
  });

  it('ONNX: graphs with a node removed or an attribute changed import or fail with an ImportError', () => {
    const files = ['onnx/onnx__light_inception_v1.onnx', 'onnx/pytorch-__mnist-8.onnx', 'onnx/onnx__light_squeezenet.onnx'];
    const models = files.map((f) => decodeOnnxModel(new Uint8Array(readFileSync(new URL(f, corpus)))));
    const junk = fc.constantFrom<number[]>([], [0], [-1], [0, 0, 0, 0, 0, 0, 0, 0], [5, 0, 0, 9], [1, 1], [100000, 3]);
    fc.assert(
      fc.property(fc.nat(models.length - 1), fc.nat(5000), fc.nat(5000), fc.nat(20), junk, fc.boolean(), (which, drop, edit, attr, ints, remove) => {
        const model = structuredClone(models[which]!);
        const nodes = model.graph!.node!;
        const node = nodes[edit % nodes.length]!;
        const attribute = node.attribute?.[attr % Math.max(node.attribute.length, 1)];
        if (attribute) {
          attribute.ints = ints;
          attribute.i = ints[0] ?? 0;
        }
        if (remove) nodes.splice(drop % nodes.length, 1);
        return importsOrExplains(() => importOnnx(encodeOnnxModel(model)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the damage it reports at the place it happened', () => {
    const source = text('prototxt/caffe__models_bvlc_alexnet_deploy.prototxt');
    const line = source.split('\n').findIndex((l) => l.includes('type: "LRN"')) + 1;
    const broken = source.replace('type: "LRN"', 'type: "SPP"');
    expect(() => importCaffePrototxt(broken)).toThrow(new RegExp(`line ${line},.*"norm1".*unsupported layer type "SPP"`));
  });
});
