/**
 * The block library's transformer: a configuration read from the text (layers, width, feed-forward width,
 * heads) → ordinary catalog layers. Each attention sub-layer is the catalog's MultiHeadAttention (its
 * query/key/value/output projections are inside it), then a residual Add and LayerNorm; each feed-forward
 * sub-layer is two Dense layers, then Add and LayerNorm. What the text does not give (vocabulary, sequence
 * length) takes a default and is marked inferred.
 */
import { GRAPH_FORMAT, type DesignSource, type Graph, type Layer } from '../graph/index.ts';
import type { TransformerConfig } from './transformerStatements.ts';

const SEQUENCE = 128;
const VOCAB = 32000;

class Stack {
  readonly layers: Layer[] = [];
  private n = 0;

  add(type: string, params: Layer['params'], inputs: string[], inferred?: string[], name?: string): string {
    const id = name ?? `${type.toLowerCase()}${++this.n}`;
    this.layers.push({ id, type, params, ...(inputs.length ? { inputs } : {}), ...(inferred?.length ? { inferred } : {}) });
    return id;
  }

  /** x + f(x), normalised: the residual wrapper around every sub-layer. */
  residual(x: string, fx: string): string {
    return this.add('LayerNorm', {}, [this.add('Add', {}, [x, fx])]);
  }

  attention(query: string, c: TransformerConfig, memory?: string): string {
    const params = { heads: c.heads, key_dim: Math.max(1, Math.round(c.width / c.heads)) };
    const inferred = c.inferred.includes('heads') ? ['heads', 'key_dim'] : [];
    return this.residual(query, this.add('MultiHeadAttention', params, memory ? [query, memory] : [query], inferred));
  }

  feedForward(x: string, c: TransformerConfig, activation: string): string {
    const inner = this.add('Dense', { units: c.ff, activation }, [x], c.inferred.includes('ff') ? ['units'] : []);
    return this.residual(x, this.add('Dense', { units: c.width, activation: 'linear' }, [inner]));
  }

  tokens(name: string, c: TransformerConfig): string {
    const ids = this.add('Input', { shape: [SEQUENCE], dtype: 'int32' }, [], ['shape'], name);
    return this.add('Embedding', { vocab: VOCAB, dim: c.width }, [ids], ['vocab']);
  }
}

export function transformerGraph(c: TransformerConfig, source: DesignSource): Graph {
  const s = new Stack();
  let x = s.tokens('source_ids', c);
  for (let i = 0; i < c.layers; i++) x = s.feedForward(s.attention(x, c), c, c.kind === 'encoder' ? 'gelu' : 'relu');
  if (c.kind === 'encoder-decoder') {
    const memory = x;
    let y = s.tokens('target_ids', c);
    for (let i = 0; i < c.layers; i++) y = s.feedForward(s.attention(s.attention(y, c), c, memory), c, 'relu');
    s.add('Dense', { units: VOCAB, activation: 'softmax' }, [y], ['units']);
  }
  return { format: GRAPH_FORMAT, name: `${c.name} (${c.layers} layers, d=${c.width}, ${c.heads} heads)`, layers: s.layers, source };
}
