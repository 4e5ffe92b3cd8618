/** Transformers read from stated settings and built by the block library: their structure, and their ONNX runs in onnxruntime. */
import { describe, expect, it } from 'vitest';
import { emitOnnx } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, validateGraph } from '../../src/graph/index.ts';
import { transformerGraph, type TransformerConfig } from '../../src/reading/index.ts';
import { checkOnnxModel, runOnnx } from '../support/onnx-runtime.ts';

const config = (kind: TransformerConfig['kind'], layers: number, width: number, heads: number): TransformerConfig => ({
  kind,
  layers,
  width,
  ff: 4 * width,
  heads,
  name: 'test',
  units: [],
  inferred: [],
});
const source = { page: 1, kind: 'text' as const };
const count = (types: string[]) => types.reduce<Record<string, number>>((c, t) => ((c[t] = (c[t] ?? 0) + 1), c), {});

describe('transformer block', () => {
  it('has the sub-layers of its settings: projections, attention core and feed-forward per layer, a residual Add around each', () => {
    const c = count(transformerGraph(config('encoder-decoder', 6, 512, 8), source).layers.map((l) => l.type));
    expect(c).toMatchObject({ Input: 2, Embedding: 2, DotProductAttention: 18, Dense: 97, Add: 30 });
    const e = count(transformerGraph(config('encoder', 12, 768, 12), source).layers.map((l) => l.type));
    expect(e).toMatchObject({ Embedding: 3, DotProductAttention: 12, Dense: 72, Add: 24 });
  });

  it.each([['encoder-decoder'], ['encoder']] as const)('%s: validates and its ONNX runs in onnxruntime with the inferred shapes', async (kind) => {
    const graph = transformerGraph(config(kind, 2, 32, 4), source);
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
    const bytes = emitOnnx(graph);
    expect(checkOnnxModel(bytes)).toBe('');
    const shapes = inferShapes(graph);
    // Segment ids of an encoder index a table of two: keep every id within it.
    const outputs = await runOnnx(bytes, { batch: 2, maxTokenId: kind === 'encoder' ? 1 : 999 });
    expect(outputs.map((o) => o.dims)).toEqual(outputLayers(graph).map((l) => [2, ...shapes.get(l.id)!]));
    for (const output of outputs) expect(output.data.every((v) => Number.isFinite(v))).toBe(true);
  });
});
