/**
 * An encoder-decoder transformer stated by its settings (N layers, d_model, d_ff, heads) as catalog layers.
 * The fixed sinusoidal position encoding has no weights and no catalog layer, so the graph leaves it out:
 * each stack starts at its token embedding.
 */
import type { DesignSource, Graph } from '../../graph/index.ts';
import { LayerStack } from './layerStack.ts';
import { decoderLayer, encoderLayer } from './transformerLayers.ts';

export interface TransformerOptions {
  /** Encoder layers (N). */
  layers: number;
  /** Decoder layers; as many as the encoder's when not stated. */
  decoderLayers?: number;
  dModel: number;
  dFF: number;
  heads: number;
  sourceVocab?: number;
  /** The source vocabulary when not stated (a shared vocabulary). */
  targetVocab?: number;
  /** Tokens per sequence. */
  maxLength?: number;
  name?: string;
  source?: DesignSource;
}

const VOCAB = 32000;
const MAX_LENGTH = 128;

/**
 * Two int32 token-id inputs (source, target) and their Embeddings; N encoder layers (6 Dense, 2 Add each),
 * decoder layers (10 Dense, 3 Add each) attending over the last encoder output; a softmax Dense over the
 * target vocabulary. Sizes the options leave out take defaults and are marked inferred.
 */
export function transformerEncoderDecoder(options: TransformerOptions): Graph {
  const stack = new LayerStack();
  const length = options.maxLength ?? MAX_LENGTH;
  const sourceVocab = options.sourceVocab ?? VOCAB;
  const targetVocab = options.targetVocab ?? sourceVocab;
  const shapeInferred = options.maxLength === undefined ? ['shape'] : [];
  const tokens = (what: string, vocab: number, stated: boolean): string => {
    const ids = stack.input(`${what}_ids`, [length], { dtype: 'int32', inferred: shapeInferred });
    return stack.add('Embedding', [ids], { vocab, dim: options.dModel }, { id: `${what}_embedding`, inferred: stated ? [] : ['vocab'] });
  };
  const settings = { dModel: options.dModel, dFF: options.dFF, heads: options.heads, activation: 'relu' as const };

  let memory = tokens('source', sourceVocab, options.sourceVocab !== undefined);
  for (let i = 1; i <= options.layers; i++) memory = encoderLayer(stack, `encoder${i}`, memory, settings);
  const targetStated = options.targetVocab !== undefined || options.sourceVocab !== undefined;
  let y = tokens('target', targetVocab, targetStated);
  for (let i = 1; i <= (options.decoderLayers ?? options.layers); i++) y = decoderLayer(stack, `decoder${i}`, y, memory, settings);
  stack.add('Dense', [y], { units: targetVocab, activation: 'softmax' }, { id: 'output', inferred: targetStated ? [] : ['units'] });

  const name = options.name ?? `transformer (N=${options.layers}, d_model=${options.dModel}, d_ff=${options.dFF}, h=${options.heads})`;
  return stack.graph(name, options.source);
}
