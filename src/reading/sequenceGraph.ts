/**
 * A stated network over sequences (embeddings, recurrent layers, 1-D convolutions, then fully connected
 * layers) → graph. Token ids go into an Embedding; recurrent layers pass every step on while another
 * sequence layer follows. What the text leaves open (sequence length, vocabulary, feature size) takes a
 * default and is marked inferred.
 */
import { GRAPH_FORMAT, type DesignSource, type Graph, type Layer, type Params } from '../graph/index.ts';
import type { StatedLayer, StatedNetwork } from './statedNetworks.ts';

const SEQUENCE_TYPES = new Set(['Embedding', 'LSTM', 'GRU', 'SimpleRNN', 'Conv1D']);
const STEPS = 100;
const VOCAB = 10000;
const FEATURES = 128;

/** True for a network read from text that works on sequences and has no 2-D layer. */
export function isSequenceNetwork(net: StatedNetwork): boolean {
  return net.layers.some((l) => SEQUENCE_TYPES.has(l.type)) && !net.layers.some((l) => /2D$/.test(l.type));
}

function paramsOf(layer: StatedLayer, later: StatedLayer[]): Params | undefined {
  const p = layer.params;
  switch (layer.type) {
    case 'Embedding':
      return { vocab: VOCAB, dim: p.dim ?? FEATURES };
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN':
      return { units: p.units, return_sequences: later.some((l) => SEQUENCE_TYPES.has(l.type)) };
    case 'Conv1D':
      return {
        filters: p.filters,
        kernel: Array.isArray(p.kernel) ? p.kernel[0] : (p.kernel ?? 3),
        ...(p.stride ? { stride: Array.isArray(p.stride) ? p.stride[0] : p.stride } : {}),
        padding: 'same',
      };
    case 'Dense':
      return { units: p.units, activation: later.some((l) => l.type === 'Dense') ? 'relu' : (p.activation ?? 'softmax') };
    default:
      return undefined;
  }
}

export function sequenceGraph(net: StatedNetwork, name: string, source: DesignSource): Graph {
  const tokens = net.layers[0]?.type === 'Embedding';
  const layers: Layer[] = [
    { id: 'input', type: 'Input', params: tokens ? { shape: [STEPS], dtype: 'int32' } : { shape: [STEPS, net.inputWidth ?? FEATURES] }, inferred: ['shape'] },
  ];
  const warnings: string[] = [];
  let previous = 'input';
  net.layers.forEach((layer, i) => {
    const later = net.layers.slice(i + 1);
    const params = paramsOf(layer, later);
    if (!params) {
      warnings.push(`"${layer.text}": a ${layer.type} is not placed in a sequence network; left out`);
      return;
    }
    const id = `${layer.type.toLowerCase()}${i + 1}`;
    const inferred = [
      ...layer.inferred,
      ...(layer.type === 'Embedding' ? ['vocab'] : []),
      ...(layer.type === 'Dense' && !later.length && layer.params.activation === undefined ? ['activation'] : []),
    ];
    layers.push({
      id,
      type: layer.type,
      params,
      inputs: [previous],
      ...(inferred.length ? { inferred } : {}),
      source: { page: layer.unit.page, bbox: layer.unit.box, text: layer.text },
    });
    previous = id;
  });
  return { format: GRAPH_FORMAT, name, layers, source, ...(warnings.length ? { warnings } : {}) };
}
