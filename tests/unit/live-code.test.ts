import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, parseGraphJson, type Graph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { emitLiveCode } from '../../src/pipeline/liveCode.ts';

describe('live code for the editor tabs', () => {
  it('writes each tab of VGG-16 (Keras, PyTorch, Caffe, JSON) without building its 138 M weights', () => {
    const file = new URL('../../../shared/corpus/prototxt/vgg-benchmarks__vgg16_deploy.prototxt', import.meta.url);
    const graph = importModel(new Uint8Array(readFileSync(file)), 'vgg16_deploy.prototxt');
    const caffe = emitLiveCode(graph, 'caffe');
    expect(caffe).toMatchObject({ tab: 'caffe' });
    expect(caffe.error).toBeUndefined();
    expect(caffe.text.match(/type: "Convolution"/g)).toHaveLength(13);
    expect(emitLiveCode(graph, 'pytorch').text).toContain('nn.Conv2d(3, 64');
    expect(emitLiveCode(graph, 'keras').text).toContain('layers.Conv2D(64');
    expect(parseGraphJson(emitLiveCode(graph, 'json').text).layers).toHaveLength(graph.layers.length);
  });

  it('says why Caffe cannot express a layer while the other tabs still get code', () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'text',
      layers: [
        { id: 'tokens', type: 'Input', params: { shape: [20], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 100, dim: 8 } },
        { id: 'gru', type: 'GRU', inputs: ['embed'], params: { units: 4 } },
      ],
    };
    const caffe = emitLiveCode(graph, 'caffe');
    expect(caffe.text).toBe('');
    expect(caffe.error).toMatch(/layer gru \(GRU\)/);
    expect(emitLiveCode(graph, 'keras').error).toBeUndefined();
    expect(emitLiveCode(graph, 'pytorch').text).toContain('nn.GRU');
  });
});
