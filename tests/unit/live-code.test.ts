import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { emitLiveCode } from '../../src/pipeline/liveCode.ts';

describe('live code for the editor tabs', () => {
  it('writes Keras, PyTorch and Caffe for VGG-16 without building its 138 M weights', () => {
    const file = new URL('../../../shared/corpus/prototxt/vgg-benchmarks__vgg16_deploy.prototxt', import.meta.url);
    const code = emitLiveCode(importModel(new Uint8Array(readFileSync(file)), 'vgg16_deploy.prototxt'));
    expect(code.errors).toEqual({});
    expect(code.caffe.match(/type: "Convolution"/g)).toHaveLength(13);
    expect(code.pytorch).toContain('nn.Conv2d(3, 64');
    expect(code.keras).toContain('layers.Conv2D(64');
  });

  it('says why Caffe cannot express a layer while the other tabs still get code', () => {
    const code = emitLiveCode({
      format: GRAPH_FORMAT,
      name: 'text',
      layers: [
        { id: 'tokens', type: 'Input', params: { shape: [20], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 100, dim: 8 } },
        { id: 'gru', type: 'GRU', inputs: ['embed'], params: { units: 4 } },
      ],
    });
    expect(code.errors.caffe).toMatch(/layer gru \(GRU\)/);
    expect(code.errors.keras).toBeUndefined();
    expect(code.pytorch).toContain('nn.GRU');
  });
});
