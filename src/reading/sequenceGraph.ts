/**
 * A stated network over sequences (embeddings, recurrent layers, 1-D convolutions, then fully connected
 * layers) → graph. Token ids go into an Embedding; recurrent layers pass every step on while another
 * sequence layer follows. What the text leaves open (sequence length, vocabulary, feature size) takes a
 * default and is marked inferred.
 */
import { GRAPH_FORMAT, type DesignSource, type Graph, type Layer, type Params } from '../graph/index.ts';
import { outputFunction } from './classes.ts';
import type { StatedLayer, StatedNetwork } from './statedNetworks.ts';
import { draftModifiers } from './vocabulary.ts';

const SEQUENCE_TYPES = new Set(['Embedding', 'LSTM', 'GRU', 'SimpleRNN', 'Conv1D']);
/** Pools over a sequence, by the image pool the shared words name ("max pooling", "global average pooling"). */
const WINDOWED_1D: Record<string, string> = { MaxPool2D: 'MaxPool1D', AvgPool2D: 'AvgPool1D', MaxPool1D: 'MaxPool1D', AvgPool1D: 'AvgPool1D' };
const GLOBAL_1D: Record<string, string> = {
  MaxPool2D: 'GlobalMaxPool1D',
  AvgPool2D: 'GlobalAvgPool1D',
  GlobalMaxPool2D: 'GlobalMaxPool1D',
  GlobalAvgPool2D: 'GlobalAvgPool1D',
  GlobalMaxPool1D: 'GlobalMaxPool1D',
  GlobalAvgPool1D: 'GlobalAvgPool1D',
};
const isPool = (type: string) => type in WINDOWED_1D || type in GLOBAL_1D;
const STEPS = 100;
const VOCAB = 10000;
const FEATURES = 128;

/** True for a network read from text that works on sequences and has no 2-D layer but pools (which pool over the sequence). */
export function isSequenceNetwork(net: StatedNetwork): boolean {
  return net.layers.some((l) => SEQUENCE_TYPES.has(l.type)) && !net.layers.some((l) => /2D$/.test(l.type) && !isPool(l.type));
}

/** Layers after which the sequence goes on: sequence layers and windowed pools. */
const keepsSequence = (later: StatedLayer[]) => later.some((l) => (SEQUENCE_TYPES.has(l.type) && l.type !== 'Embedding') || isPool(l.type));

/**
 * A pool in a sequence network: windowed where its window is stated or sequence layers follow it, else
 * over the whole sequence ("max-over-time pooling", "a max-pooling layer" before the classifier).
 */
function sequencePool(layer: StatedLayer, later: StatedLayer[]): { type: string; params: Params } {
  const first = (v: unknown) => (Array.isArray(v) ? Number(v[0]) : v === undefined ? undefined : Number(v));
  const pool = first(layer.params.pool);
  const sequenceFollows = later.some((l) => SEQUENCE_TYPES.has(l.type) && l.type !== 'Embedding');
  if (layer.type in WINDOWED_1D && (pool !== undefined || sequenceFollows)) {
    const stride = first(layer.params.stride);
    return { type: WINDOWED_1D[layer.type], params: { pool: pool ?? 2, ...(stride ? { stride } : {}) } };
  }
  return { type: GLOBAL_1D[layer.type], params: {} };
}

function paramsOf(layer: StatedLayer, later: StatedLayer[]): Params | undefined {
  const p = layer.params;
  switch (layer.type) {
    case 'Embedding':
      return { vocab: p.vocab ?? VOCAB, dim: p.dim ?? FEATURES };
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN':
      return { units: p.units, return_sequences: keepsSequence(later), ...draftModifiers(layer) };
    case 'Conv1D':
      return {
        filters: p.filters,
        kernel: Array.isArray(p.kernel) ? p.kernel[0] : (p.kernel ?? 3),
        ...(p.stride ? { stride: Array.isArray(p.stride) ? p.stride[0] : p.stride } : {}),
        padding: 'same',
      };
    case 'Dropout':
      return { rate: typeof p.rate === 'number' ? p.rate : 0.5 };
    case 'Dense': {
      // "Fully connected (sigmoid)": an activation stated right after the layer is the layer's.
      const stated = p.activation ?? (later[0]?.type === 'Activation' ? later[0].params.fn : undefined);
      return { units: p.units, activation: stated ?? (later.some((l) => l.type === 'Dense') ? 'relu' : outputFunction(p.units)) };
    }
    default:
      return undefined;
  }
}

export function sequenceGraph(net: StatedNetwork, name: string, source: DesignSource): Graph {
  const tokens = net.layers[0]?.type === 'Embedding';
  const steps = net.inputSteps ?? STEPS;
  const layers: Layer[] = [
    { id: 'input', type: 'Input', params: tokens ? { shape: [steps], dtype: 'int32' } : { shape: [steps, net.inputWidth ?? FEATURES] }, inferred: ['shape'] },
  ];
  const warnings: string[] = [];
  let previous = 'input';
  // Whether the layer before passes a sequence on (a fully connected layer after one reads it flattened).
  let sequence = !tokens;
  net.layers.forEach((layer, i) => {
    const later = net.layers.slice(i + 1);
    const pooled = isPool(layer.type) ? sequencePool(layer, later) : undefined;
    const type = pooled?.type ?? layer.type;
    const params = pooled?.params ?? paramsOf(layer, later);
    // (an activation right after a fully connected layer that states none is that layer's)
    const before = net.layers[i - 1];
    if (layer.type === 'Activation' && before?.type === 'Dense' && before.params.activation === undefined) return;
    if (!params) {
      warnings.push(`"${layer.text}": a ${layer.type} is not placed in a sequence network; left out`);
      return;
    }
    if (type === 'Dense' && sequence) {
      layers.push({ id: `flatten${i + 1}`, type: 'Flatten', params: {}, inputs: [previous], inferred: ['*'] });
      previous = `flatten${i + 1}`;
    }
    sequence = type === 'Dense' || type.startsWith('Global') ? false : type in WINDOWED_1D || params.return_sequences !== false;
    const id = `${type.toLowerCase()}${i + 1}`;
    const inferred = [
      ...layer.inferred,
      ...(layer.type === 'Embedding' && layer.params.vocab === undefined ? ['vocab'] : []),
      ...(layer.type === 'Dense' && !later.length && layer.params.activation === undefined ? ['activation'] : []),
    ];
    layers.push({
      id,
      type,
      params,
      inputs: [previous],
      ...(inferred.length ? { inferred } : {}),
      source: { page: layer.unit.page, bbox: layer.unit.box, text: layer.text },
    });
    previous = id;
  });
  return { format: GRAPH_FORMAT, name, layers, source, ...(warnings.length ? { warnings } : {}) };
}
