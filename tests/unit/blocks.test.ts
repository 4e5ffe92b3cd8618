/** The block library: blocks stated by their settings come out as the exact catalog layers, and their shapes fit. */
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, inferShapes, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';
import {
  basicBlock,
  bertEncoder,
  bottleneckBlock,
  denseBlock,
  denseLayer,
  LayerStack,
  transformerEncoderDecoder,
  transitionLayer,
  type TransformerOptions,
} from '../../src/reading/blocks/index.ts';

const count = (graph: Graph) => graph.layers.reduce<Record<string, number>>((c, l) => ((c[l.type] = (c[l.type] ?? 0) + 1), c), {});
const errors = (graph: Graph) => validateGraph(graph).filter((i) => i.severity === 'error');
const layer = (graph: Graph, id: string) => graph.layers.find((l) => l.id === id)!;

describe('transformerEncoderDecoder', () => {
  it.each<[string, TransformerOptions, { Dense: number; Add: number }]>([
    ['base', { layers: 6, dModel: 512, dFF: 2048, heads: 8 }, { Dense: 97, Add: 30 }],
    ['big', { layers: 6, dModel: 1024, dFF: 4096, heads: 16 }, { Dense: 97, Add: 30 }],
    ['4-layer', { layers: 4, dModel: 512, dFF: 2048, heads: 8 }, { Dense: 65, Add: 20 }],
    ['6 encoder, 2 decoder layers', { layers: 6, decoderLayers: 2, dModel: 256, dFF: 1024, heads: 4 }, { Dense: 57, Add: 18 }],
  ])('%s: Embedding 2, Dense 6·N_enc + 10·N_dec + 1, Add 2·N_enc + 3·N_dec; validates', (_name, options, expected) => {
    const graph = transformerEncoderDecoder(options);
    const c = count(graph);
    const encoder = options.layers;
    const decoder = options.decoderLayers ?? options.layers;
    expect(c).toMatchObject({ Input: 2, Embedding: 2, ...expected, LayerNorm: expected.Add, DotProductAttention: encoder + 2 * decoder });
    expect(c.Dense).toBe(6 * encoder + 10 * decoder + 1);
    expect(c.Add).toBe(2 * encoder + 3 * decoder);
    expect(c.MultiHeadAttention).toBeUndefined();
    expect(errors(graph)).toEqual([]);
  });

  it('wires each decoder layer: causal self-attention, then attention whose keys and values come from the last encoder layer', () => {
    const graph = transformerEncoderDecoder({ layers: 2, dModel: 32, dFF: 64, heads: 4 });
    expect(layer(graph, 'decoder1_self_attention').params).toEqual({ heads: 4, causal: true });
    expect(layer(graph, 'encoder1_self_attention').params).toEqual({ heads: 4 });
    expect(layer(graph, 'decoder2_cross_attention').params).toEqual({ heads: 4 });
    expect(layer(graph, 'decoder2_cross_attention').inputs).toEqual(['decoder2_cross_query', 'decoder2_cross_key', 'decoder2_cross_value']);
    expect(layer(graph, 'decoder2_cross_key').inputs).toEqual(['encoder2_ffn_norm']);
    expect(layer(graph, 'decoder2_cross_query').inputs).toEqual(['decoder2_self_norm']);
    expect(layer(graph, 'encoder1_ffn_inner').params).toEqual({ units: 64, activation: 'relu' });
    expect(layer(graph, 'output').params).toEqual({ units: 32000, activation: 'softmax' });
    expect(inferShapes(graph).get('output')).toEqual([128, 32000]);
  });

  it('token ids are int32 inputs; sizes the options leave out are marked inferred', () => {
    const guessed = transformerEncoderDecoder({ layers: 1, dModel: 32, dFF: 64, heads: 4 });
    expect(layer(guessed, 'source_ids')).toMatchObject({ type: 'Input', params: { shape: [128], dtype: 'int32' }, inferred: ['shape'] });
    expect(layer(guessed, 'target_embedding').inferred).toEqual(['vocab']);
    expect(layer(guessed, 'output').inferred).toEqual(['units']);
    const stated = transformerEncoderDecoder({ layers: 1, dModel: 32, dFF: 64, heads: 4, sourceVocab: 100, targetVocab: 80, maxLength: 10 });
    expect(stated.layers.filter((l) => l.inferred)).toEqual([]);
    expect(layer(stated, 'source_embedding').params).toEqual({ vocab: 100, dim: 32 });
    expect(inferShapes(stated).get('output')).toEqual([10, 80]);
  });
});

describe('bertEncoder', () => {
  it.each([
    ['base', 12, 768, 12],
    ['large', 24, 1024, 16],
  ])('%s: Embedding 3, Dense 6·L, Add 2·L; validates', (_name, layers, hidden, heads) => {
    const graph = bertEncoder({ layers, hidden, heads });
    const c = count(graph);
    expect(c).toMatchObject({ Input: 3, Embedding: 3, Dense: 6 * layers, Add: 2 * layers, DotProductAttention: layers, LayerNorm: 2 * layers + 1 });
    expect(errors(graph)).toEqual([]);
    expect(inferShapes(graph).get(`encoder${layers}_ffn_norm`)).toEqual([512, hidden]);
  });

  it('sums the three embeddings in the LayerNorm that normalises them; feed-forward is GELU at 4H unless stated', () => {
    const graph = bertEncoder({ layers: 1, hidden: 64, heads: 4 });
    expect(layer(graph, 'embedding_norm')).toMatchObject({ type: 'LayerNorm', inputs: ['token_embedding', 'segment_embedding', 'position_embedding'] });
    expect(layer(graph, 'position_embedding').params).toEqual({ vocab: 512, dim: 64 });
    expect(layer(graph, 'segment_embedding').params).toEqual({ vocab: 2, dim: 64 });
    expect(layer(graph, 'encoder1_ffn_inner')).toMatchObject({ params: { units: 256, activation: 'gelu' }, inferred: ['units'] });
    const stated = bertEncoder({ layers: 1, hidden: 64, heads: 4, ff: 100, vocab: 500, maxLength: 16, segments: 3 });
    expect(stated.layers.filter((l) => l.inferred)).toEqual([]);
    expect(layer(stated, 'encoder1_ffn_inner').params).toEqual({ units: 100, activation: 'gelu' });
    expect(inferShapes(stated).get('encoder1_ffn_norm')).toEqual([16, 64]);
  });
});

describe('residual and dense blocks', () => {
  const image = (shape: number[]) => {
    const stack = new LayerStack();
    return { stack, x: stack.input('image', shape) };
  };

  it('basic block: identity shortcut when the shape stays, a 1×1 projection when it strides or widens', () => {
    const { stack, x } = image([16, 16, 16]);
    const same = basicBlock(stack, x, { filters: 16 });
    const down = basicBlock(stack, same, { filters: 32, stride: 2 });
    const graph = stack.graph('residual');
    expect(errors(graph)).toEqual([]);
    expect(layer(graph, 'block1_add').inputs).toEqual(['block1_conv2_bn', 'image']);
    expect(layer(graph, 'block2_shortcut').params).toMatchObject({ filters: 32, kernel: [1, 1], stride: [2, 2] });
    expect(inferShapes(graph).get(down)).toEqual([8, 8, 32]);
    expect(count(graph)).toMatchObject({ Conv2D: 5, BatchNorm: 5, Add: 2, Activation: 4 });
  });

  it('bottleneck block: 1×1, 3×3 (stride), 1×1 to 4 × filters; projection when stated even if the shape stays', () => {
    const { stack, x } = image([8, 8, 64]);
    const widened = bottleneckBlock(stack, x, { filters: 16, name: 'conv2_1' });
    const kept = bottleneckBlock(stack, widened, { filters: 16, projection: true });
    const down = bottleneckBlock(stack, kept, { filters: 32, stride: 2, expansion: 2 });
    const graph = stack.graph('bottlenecks');
    expect(errors(graph)).toEqual([]);
    const shapes = inferShapes(graph);
    expect(shapes.get(widened)).toEqual([8, 8, 64]);
    expect(layer(graph, 'conv2_1_add').inputs).toEqual(['conv2_1_conv3_bn', 'image']);
    expect(layer(graph, 'bottleneck1_shortcut')).toBeDefined();
    expect(layer(graph, 'bottleneck2_conv2').params).toMatchObject({ stride: [2, 2], kernel: [3, 3] });
    expect(shapes.get(down)).toEqual([4, 4, 64]);
  });

  it('dense layers add k maps each (with or without the 1×1 bottleneck); a transition compresses and halves', () => {
    const { stack, x } = image([8, 8, 24]);
    const one = denseLayer(stack, x, { growthRate: 12 });
    const block = denseBlock(stack, one, { layers: 3, growthRate: 12, bottleneck: true });
    const out = transitionLayer(stack, block, { compression: 0.5 });
    const graph = stack.graph('dense');
    expect(errors(graph)).toEqual([]);
    const shapes = inferShapes(graph);
    expect(shapes.get(one)).toEqual([8, 8, 36]);
    expect(shapes.get(block)).toEqual([8, 8, 72]);
    expect(shapes.get('dense_block1_layer1_conv1')).toEqual([8, 8, 48]);
    expect(shapes.get(out)).toEqual([4, 4, 36]);
    expect(count(graph)).toMatchObject({ Concat: 4, Conv2D: 1 + 6 + 1, AvgPool2D: 1 });
  });
});

describe('catalog: the attention core and LayerNorm over a sum', () => {
  const graph = (layers: Layer[]): Graph => ({ format: GRAPH_FORMAT, name: 'test', layers });
  const inputs: Layer[] = [
    { id: 'q', type: 'Input', params: { shape: [5, 8] } },
    { id: 'k', type: 'Input', params: { shape: [7, 8] } },
    { id: 'v', type: 'Input', params: { shape: [7, 12] } },
  ];

  it('DotProductAttention: [Tq, D] × [Tk, D] × [Tk, Dv] → [Tq, Dv]; one input attends to itself, two share key and value', () => {
    const shapes = inferShapes(
      graph([
        ...inputs,
        { id: 'qkv', type: 'DotProductAttention', inputs: ['q', 'k', 'v'], params: { heads: 4 } },
        { id: 'self', type: 'DotProductAttention', inputs: ['q'], params: { heads: 2, causal: true } },
        { id: 'cross', type: 'DotProductAttention', inputs: ['q', 'k'] },
      ]),
    );
    expect(shapes.get('qkv')).toEqual([5, 12]);
    expect(shapes.get('self')).toEqual([5, 8]);
    expect(shapes.get('cross')).toEqual([5, 8]);
  });

  it('DotProductAttention names what does not fit', () => {
    const messages = (layers: Layer[]) => validateGraph(graph([...inputs, ...layers])).map((i) => i.message);
    expect(messages([{ id: 'a', type: 'DotProductAttention', inputs: ['q', 'k', 'v'], params: { heads: 3 } }])).toEqual([
      'a: DotProductAttention query features 8 do not split into 3 heads',
    ]);
    expect(messages([{ id: 'a', type: 'DotProductAttention', inputs: ['q', 'v'] }])).toEqual([
      'a: DotProductAttention query [5,8] and key [7,12] need the same feature size',
    ]);
    expect(messages([{ id: 'a', type: 'DotProductAttention', inputs: ['k', 'k', 'q'] }])).toEqual([
      'a: DotProductAttention key [7,8] and value [5,8] need the same number of steps',
    ]);
  });

  it('LayerNorm normalises the sum of several inputs of one shape', () => {
    expect(inferShapes(graph([...inputs, { id: 'n', type: 'LayerNorm', inputs: ['k', 'k'] }])).get('n')).toEqual([7, 8]);
    expect(validateGraph(graph([...inputs, { id: 'n', type: 'LayerNorm', inputs: ['q', 'k'] }])).map((i) => i.message)).toEqual([
      'n: LayerNorm needs inputs of one shape, got [5,8] and [7,8]',
    ]);
  });
});
