/**
 * A transformer configuration read from a paper (layers, width, feed-forward width, heads) → graph, built by
 * the block library: an encoder–decoder, or an encoder alone (token, segment and position embeddings).
 */
import type { DesignSource, Graph } from '../graph/index.ts';
import { bertEncoder, transformerEncoderDecoder } from './blocks/index.ts';
import type { TransformerConfig } from './transformerStatements.ts';

export function transformerGraph(c: TransformerConfig, source: DesignSource): Graph {
  const name = `${c.name} (${c.layers} layers, d=${c.width}, ${c.heads} heads)`;
  const graph =
    c.kind === 'encoder-decoder'
      ? transformerEncoderDecoder({ layers: c.layers, dModel: c.width, dFF: c.ff, heads: c.heads, name, source })
      : bertEncoder({ layers: c.layers, hidden: c.width, heads: c.heads, ...(c.inferred.includes('ff') ? {} : { ff: c.ff }), name, source });
  // Settings the text did not state stay marked on the layers they size.
  if (c.inferred.includes('heads'))
    for (const l of graph.layers) if (l.type === 'DotProductAttention') l.inferred = [...new Set([...(l.inferred ?? []), 'heads'])];
  return graph;
}
