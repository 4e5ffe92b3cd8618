import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, importCaffePrototxt, importKerasJson, importOnnx } from '../../src/importers/index.ts';

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
    fc.assert(fc.property(mutated(source), (damaged) => importsOrExplains(() => importCaffePrototxt(damaged))), { numRuns: 300 });
  });

  it('Keras: JSON with layers removed or fields replaced imports or fails with an ImportError', () => {
    const model = JSON.parse(JSON.parse(text('modeljson/cnn-affect-recognition__resnet18.json')) as string);
    const layers = model.config.layers as Array<{ config: Record<string, unknown> }>;
    const junk = fc.constantFrom<unknown>(null, 0, -1, 'same', [], {}, [null], [[1, 2], [3]], 'x');
    fc.assert(
      fc.property(fc.nat(layers.length - 1), fc.nat(layers.length - 1), fc.string({ maxLength: 12 }), junk, (drop, edit, key, value) => {
        const copy = structuredClone(model);
        const target = copy.config.layers[edit].config;
        const keys = Object.keys(target);
        target[keys[key.length % keys.length]!] = value;
        copy.config.layers.splice(drop, 1);
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

  it('keeps the damage it reports at the place it happened', () => {
    const source = text('prototxt/caffe__models_bvlc_alexnet_deploy.prototxt');
    const line = source.split('\n').findIndex((l) => l.includes('type: "LRN"')) + 1;
    const broken = source.replace('type: "LRN"', 'type: "SPP"');
    expect(() => importCaffePrototxt(broken)).toThrow(new RegExp(`line ${line},.*"norm1".*unsupported layer type "SPP"`));
  });
});
