/**
 * A bidirectional transformer encoder stated by its settings (L layers, hidden size H, A heads) as catalog
 * layers, up to its last hidden states (no pooler or task head).
 *
 * Its input representation is the sum of token, position and segment embeddings, normalised. That sum is
 * one LayerNorm with three inputs (LayerNorm sums several inputs before normalising), so every Add in the
 * graph is a residual connection: 2 per layer.
 */
import type { DesignSource, Graph } from '../../graph/index.ts';
import { LayerStack } from './layerStack.ts';
import { encoderLayer } from './transformerLayers.ts';

export interface BertOptions {
  /** Encoder layers (L). */
  layers: number;
  /** Hidden size (H). */
  hidden: number;
  /** Attention heads (A). */
  heads: number;
  /** Feed-forward size; 4H when not stated. */
  ff?: number;
  vocab?: number;
  /** Tokens per sequence, also the size of the position table. */
  maxLength?: number;
  /** Segment types (sentence A / B). */
  segments?: number;
  name?: string;
  source?: DesignSource;
}

const VOCAB = 30000;
const MAX_LENGTH = 512;
const SEGMENTS = 2;

/**
 * Three int32 inputs of one length: token ids, segment ids and position ids (0, 1, … — the graph has no
 * layer that counts positions itself); an Embedding for each; L encoder layers with GELU feed-forward
 * networks (6 Dense, 2 Add each).
 */
export function bertEncoder(options: BertOptions): Graph {
  const stack = new LayerStack();
  const length = options.maxLength ?? MAX_LENGTH;
  const lengthInferred = options.maxLength === undefined;
  const embedded = (what: string, vocab: number, vocabInferred: boolean): string => {
    const ids = stack.input(`${what}_ids`, [length], { dtype: 'int32', inferred: lengthInferred ? ['shape'] : [] });
    return stack.add('Embedding', [ids], { vocab, dim: options.hidden }, { id: `${what}_embedding`, inferred: vocabInferred ? ['vocab'] : [] });
  };
  const token = embedded('token', options.vocab ?? VOCAB, options.vocab === undefined);
  const segment = embedded('segment', options.segments ?? SEGMENTS, options.segments === undefined);
  const position = embedded('position', length, lengthInferred);
  let x = stack.add('LayerNorm', [token, segment, position], {}, { id: 'embedding_norm' });

  const settings = {
    dModel: options.hidden,
    dFF: options.ff ?? 4 * options.hidden,
    dFFInferred: options.ff === undefined,
    heads: options.heads,
    activation: 'gelu' as const,
  };
  for (let i = 1; i <= options.layers; i++) x = encoderLayer(stack, `encoder${i}`, x, settings);

  const name = options.name ?? `transformer encoder (L=${options.layers}, H=${options.hidden}, A=${options.heads})`;
  return stack.graph(name, options.source);
}
