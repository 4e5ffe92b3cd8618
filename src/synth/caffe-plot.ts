/**
 * The look of Caffe's `draw_net.py`: a record node per layer coloured by type, an octagon per blob, in-place
 * layers (Dropout, ReLU) in light green looping on their blob, and num_output written on the edges.
 */
import { caffeType, isLayerType, isUnsupported, targetEntry, windowKind, type Graph, type Layer } from '../graph/index.ts';
import { dotString, layoutDot, recordText, type DotNodeMeta } from './graphviz.ts';
import { drawLook, lookAttributes, lookVariation } from './look.ts';
import type { Random } from './random.ts';
import type { DrawnFigure } from './truth.ts';
import type { Viz } from '@viz-js/viz';

/** draw_net's colours (caffe/python/caffe/draw.py). */
export const CAFFE_COLOURS = {
  convolution: '#FF5050',
  pooling: '#FF9900',
  innerProduct: '#CC33FF',
  other: '#6495ED',
  inPlace: '#90EE90',
  blob: '#E0E0E0',
} as const;

/** Caffe has these layer types, though the catalog refuses them for generated code (a deploy net cannot feed them). */
const DRAWN_ONLY: Record<string, string> = { SimpleRNN: 'RNN', LSTM: 'LSTM' };

/** The Caffe type draw_net would print for the layer: the catalog's. */
function caffeTypeOf(layer: Layer): string {
  if (!isLayerType(layer.type) || isUnsupported(targetEntry(layer.type, 'caffe', layer.params))) return DRAWN_ONLY[layer.type] ?? layer.type;
  return caffeType(layer.type, layer.params);
}

const CAFFE_NAME: Record<string, string> = {
  Input: 'data',
  Conv2D: 'conv',
  MaxPool2D: 'pool',
  AvgPool2D: 'pool',
  Dense: 'fc',
  Dropout: 'drop',
  Flatten: 'flatten',
  Concat: 'concat',
  Embedding: 'embed',
  SimpleRNN: 'rnn',
  LSTM: 'lstm',
};

/** Layer names in the BVLC style: conv1, pool1, fc1 …; the input is `data`. */
export function caffeNames(graph: Graph): Map<string, string> {
  const counts = new Map<string, number>();
  const names = new Map<string, string>();
  for (const layer of graph.layers) {
    const base = CAFFE_NAME[layer.type] ?? layer.type.toLowerCase();
    if (layer.type === 'Input') {
      names.set(layer.id, 'data');
      continue;
    }
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    names.set(layer.id, `${base}${n}`);
  }
  return names;
}

function colourOf(type: string): string {
  if (type === caffeType('Conv2D')) return CAFFE_COLOURS.convolution;
  if (type === caffeType('MaxPool2D')) return CAFFE_COLOURS.pooling;
  if (type === caffeType('Dense')) return CAFFE_COLOURS.innerProduct;
  return CAFFE_COLOURS.other;
}

function first(value: unknown): number {
  return Array.isArray(value) ? Number(value[0]) : Number(value);
}

/** Same padding of an odd kernel at stride 1 is (k-1)/2, as a Caffe model would write it. */
function padOf(layer: Layer): number {
  const kernel = first(layer.params?.kernel ?? layer.params?.pool ?? 1);
  return layer.params?.padding === 'same' ? Math.floor((kernel - 1) / 2) : 0;
}

function layerLabel(layer: Layer, name: string, type: string, separator: string): string {
  const p = layer.params ?? {};
  const window = windowKind(layer.type);
  if (window === 'convolution') {
    return [name, `(${type})`, `kernel size: ${first(p.kernel)}`, `stride: ${first(p.stride ?? 1)}`, `pad: ${padOf(layer)}`].join(separator);
  }
  if (window === 'pooling') {
    const kind = layer.type === 'MaxPool2D' ? 'MAX' : 'AVE';
    return [name, `(${kind} ${type})`, `kernel size: ${first(p.pool)}`, `stride: ${first(p.stride ?? p.pool)}`, `pad: ${padOf(layer)}`].join(separator);
  }
  return [name, `(${type})`].join(separator);
}

function edgeLabel(layer: Layer, batch: number): string {
  if (layer.type === 'Input') return `Batch ${batch}`;
  if (layer.type === 'Conv2D') return String(layer.params?.filters ?? '');
  if (layer.type === 'Dense') return String(layer.params?.units ?? '');
  return '';
}

/** `draw_net.py --rankdir LR|TB|BT` of the graph as a Caffe net. */
export function drawCaffe(graph: Graph, rng: Random, viz: Viz): DrawnFigure {
  const look = drawLook(rng, { rankdirs: ['LR', 'LR', 'TB', 'BT'], face: 'Liberation Serif', fontSize: 14 }, 0.7);
  // draw_net separates label parts by spaces when the graph is vertical and by newlines when horizontal.
  const separator = look.rankdir === 'LR' ? '\\n' : ' ';
  const drawReLU = rng.chance(0.6);
  const dataLayer = rng.chance(0.5);
  const labelEdges = rng.chance(0.85);
  const batch = rng.pick([1, 10, 32, 50, 64, 100, 128, 256]);
  const names = caffeNames(graph);
  const meta = new Map<string, DotNodeMeta>();
  const nodes: string[] = [];
  const edges: string[] = [];
  /** The blob node each layer's output lives in (in-place layers write into their input's blob). */
  const blobOf = new Map<string, string>();
  const blobNode = (blobName: string, producer: string): string => {
    const node = `blob_${blobName}`;
    if (!meta.has(node)) {
      meta.set(node, { layerId: producer, role: 'blob' });
      nodes.push(`${node} [label=${dotString(recordText(blobName))}, shape=octagon, style=filled, fillcolor="${CAFFE_COLOURS.blob}"];`);
    }
    return node;
  };
  const edge = (from: string, to: string, label: string): void => {
    edges.push(`${from} -> ${to}${labelEdges && label ? ` [label=${dotString(label)}]` : ''};`);
  };

  for (const layer of graph.layers) {
    const name = names.get(layer.id)!;
    const drawnType = layer.type === 'Input' && dataLayer ? 'Data' : caffeTypeOf(layer);
    const node = `layer_${name}`;
    const inPlace = layer.type === 'Dropout';
    meta.set(node, { layerId: layer.id, role: 'layer' });
    const fill = inPlace ? CAFFE_COLOURS.inPlace : colourOf(drawnType);
    nodes.push(`${node} [label=${dotString(recordText(layerLabel(layer, name, drawnType, separator)))}, shape=record, style=filled, fillcolor="${fill}"];`);
    const bottoms = (layer.inputs ?? []).map((id) => blobOf.get(id)!);
    for (const bottom of bottoms) edge(bottom, node, '');
    const top = inPlace ? bottoms[0]! : blobNode(name, layer.id);
    edge(node, top, edgeLabel(layer, batch));
    blobOf.set(layer.id, top);

    const activation = layer.params?.activation;
    if (activation === 'relu' && drawReLU) {
      const relu = `relu_${name}`;
      meta.set(relu, { layerId: layer.id, role: 'activation' });
      // BVLC names: relu1 after conv1, relu_fc1 after fc1 (so conv and fc counters cannot collide).
      const reluName = layer.type === 'Conv2D' ? `relu${name.replace(/^\D+/, '')}` : `relu_${name}`;
      nodes.push(
        `${relu} [label=${dotString([reluName, `(${caffeType('Activation', { fn: 'relu' })})`].join(separator))}, shape=record, style=filled, fillcolor="${CAFFE_COLOURS.inPlace}"];`,
      );
      edge(top, relu, '');
      edge(relu, top, '');
    } else if (activation === 'softmax') {
      const prob = 'layer_prob';
      meta.set(prob, { layerId: layer.id, role: 'activation' });
      nodes.push(
        `${prob} [label=${dotString(['prob', `(${caffeType('Activation', { fn: 'softmax' })})`].join(separator))}, shape=record, style=filled, fillcolor="${CAFFE_COLOURS.other}"];`,
      );
      edge(top, prob, '');
      edge(prob, blobNode('prob', layer.id), '');
    }
  }
  const dot = `digraph Net {\n${lookAttributes(look)}\n${nodes.join('\n')}\n${edges.join('\n')}\n}`;
  const figure = layoutDot(viz, dot, meta, look.face);
  return {
    style: 'caffe',
    ...figure,
    fonts: [look.face.family],
    variation: { drawReLU, dataLayer, labelEdges, ...lookVariation(look) },
  };
}
