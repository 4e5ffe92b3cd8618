/** The 1-D pools in the catalog: their shape rules, and the words that name them (and the 2-D words that still do not). */
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, inferShapes, resolveAlias, validateGraph, type Graph, type Params } from '../../src/graph/index.ts';
import { kindNamed } from '../../src/reading/index.ts';

function pooled(input: number[], type: string, params: Params = {}): Graph {
  return {
    format: GRAPH_FORMAT,
    name: type,
    layers: [
      { id: 'input', type: 'Input', params: { shape: input } },
      { id: 'pool', type, inputs: ['input'], params },
    ],
  };
}

const errors = (graph: Graph) => validateGraph(graph).filter((issue) => issue.severity === 'error');

describe('1-D pooling shape rules', () => {
  it('pools the steps of a [T, F] sequence, the stride defaulting to the window, with valid, same and explicit padding', () => {
    const out = (type: string, params: Params = {}) => inferShapes(pooled([100, 16], type, params)).get('pool');
    expect(out('MaxPool1D')).toEqual([50, 16]);
    expect(out('MaxPool1D', { pool: 3 })).toEqual([33, 16]);
    expect(out('AvgPool1D', { pool: 3, stride: 2, padding: 'same' })).toEqual([50, 16]);
    expect(out('AvgPool1D', { pool: 5, stride: 2, padding: 2 })).toEqual([50, 16]);
    expect(out('GlobalMaxPool1D')).toEqual([16]);
    expect(out('GlobalAvgPool1D')).toEqual([16]);
  });

  it('refuses images, windows longer than the sequence and pads wider than half the window', () => {
    expect(errors(pooled([8, 8, 3], 'MaxPool1D'))[0]?.message).toMatch(/\[T,F\]/);
    expect(errors(pooled([8, 8, 3], 'GlobalAvgPool1D'))[0]?.message).toMatch(/\[T,F\]/);
    expect(errors(pooled([4, 6], 'AvgPool1D', { pool: 5 }))[0]?.message).toMatch(/longer than/);
    expect(errors(pooled([40, 6], 'MaxPool1D', { pool: 3, padding: 2 }))[0]?.message).toMatch(/at most half/);
  });
});

describe('words for the 1-D pools', () => {
  const named = {
    MaxPool1D: ['1-D max pooling', '1D max-pooling', '1d maxpooling', 'one-dimensional max pooling', 'temporal max pooling'],
    AvgPool1D: ['1-D average pooling', '1D avg pooling', 'one-dimensional average pooling', 'temporal average pooling', 'temporal mean pooling'],
    GlobalMaxPool1D: ['max-over-time pooling', 'max over time pooling', 'max pooling over time', 'global max pooling over time', 'global temporal max pooling'],
    GlobalAvgPool1D: ['average-over-time pooling', 'mean-over-time pooling', 'average pooling over time', 'global average pooling over time'],
  };

  it.each(Object.entries(named))('%s is named in running text and in cells by words that say time or 1-D', (type, words) => {
    for (const word of words) {
      expect(kindNamed(word)?.type, word).toBe(type);
      expect(resolveAlias(word)?.type, word).toBe(type);
    }
  });

  it('leaves the 2-D words on the 2-D pools', () => {
    const twoD = {
      MaxPool2D: ['max pooling', 'max-pooling', 'pooling'],
      AvgPool2D: ['average pooling'],
      GlobalMaxPool2D: ['global max pooling'],
      GlobalAvgPool2D: ['global average pooling'],
    };
    for (const [type, words] of Object.entries(twoD)) {
      for (const word of words) {
        expect(kindNamed(word)?.type, word).toBe(type);
        expect(resolveAlias(word)?.type, word).toBe(type);
      }
    }
  });
});
