/**
 * Random valid graphs for property tests: image and sequence networks with branches that merge
 * (Concat, Add, Multiply). Every graph is checked with inferShapes before it is returned.
 */
import { GRAPH_FORMAT, analyseGraph, type Graph, type Layer, type Params, type Shape } from '../../src/graph/index.ts';

/** mulberry32: small, fast, seedable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Builder {
  readonly layers: Layer[] = [];
  private readonly shapes = new Map<string, Shape>();
  constructor(readonly random: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }
  shape(id: string): Shape {
    return this.shapes.get(id)!;
  }

  /** Adds the layer if the graph stays valid; returns its id, or undefined when it would not fit. */
  tryAdd(type: string, inputs: string[], params: Params = {}): string | undefined {
    const id = `${type.toLowerCase()}_${this.layers.length}`;
    const layer: Layer = { id, type, inputs, params };
    const analysis = analyseGraph({ format: GRAPH_FORMAT, name: 'probe', layers: [...this.layers, layer] });
    const shape = analysis.shapes.get(id);
    if (!shape || analysis.issues.some((i) => i.severity === 'error')) return undefined;
    // Keep tensors small so 500 graphs run quickly in every runtime.
    if (shape.reduce((a, b) => a * b, 1) > 200_000) return undefined;
    this.layers.push(layer);
    this.shapes.set(id, shape);
    return id;
  }
}

const ACTIVATION_FNS = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'softmax', 'gelu', 'prelu'] as const;

function imageStep(b: Builder, from: string): string | undefined {
  const channels = b.shape(from)[2]!;
  const padding = b.pick(['valid', 'same', [b.int(0, 2), b.int(0, 2)]] as const);
  const choice = b.int(0, 16);
  switch (choice) {
    case 0:
    case 1:
    case 2: {
      const groups = channels % 2 === 0 && b.random() < 0.2 ? 2 : 1;
      return b.tryAdd('Conv2D', [from], {
        filters: groups * b.int(2, 12),
        kernel: [b.int(1, 5), b.int(1, 5)],
        stride: b.pick([
          [1, 1],
          [2, 2],
          [1, 2],
        ]),
        padding: padding as Params[string],
        groups,
        activation: b.pick(['linear', 'relu', 'sigmoid', 'tanh']),
      });
    }
    case 3:
      return b.tryAdd('MaxPool2D', [from], { pool: b.int(2, 3), stride: b.int(1, 2), ceil_mode: b.random() < 0.3 });
    case 4:
      return b.tryAdd('AvgPool2D', [from], { pool: b.int(2, 3), stride: b.int(1, 2) });
    case 5:
      return b.tryAdd('BatchNorm', [from]);
    case 6:
      return b.tryAdd('Activation', [from], { fn: b.pick(ACTIVATION_FNS.filter((f) => f !== 'softmax')) });
    case 7:
      return b.tryAdd('DepthwiseConv2D', [from], { kernel: 3, stride: b.int(1, 2), padding: b.pick(['same', 'valid']) });
    case 8:
      return b.tryAdd('Conv2DTranspose', [from], { filters: b.int(2, 8), kernel: 2, stride: 2 });
    case 9:
      return b.tryAdd('UpSampling2D', [from], { size: 2 });
    case 10:
      return b.tryAdd('ZeroPadding2D', [from], { padding: [b.int(0, 2), b.int(0, 2)] });
    case 11:
      return b.tryAdd('LRN', [from], { size: b.pick([3, 5]) });
    case 12:
      return b.tryAdd('Dropout', [from], { rate: 0.25 });
    case 13:
      return b.tryAdd('Cropping2D', [from], { cropping: [b.int(0, 2), b.int(0, 2), b.int(0, 2), b.int(0, 2)] });
    default:
      return imageBranch(b, from);
  }
}

/** Two or three parallel convolutions merged by Concat, or a residual Add/Multiply. */
function imageBranch(b: Builder, from: string): string | undefined {
  const kind = b.pick(['Concat', 'Add', 'Multiply'] as const);
  const arms: string[] = [];
  const filters = b.int(2, 8);
  for (let i = 0; i < b.int(2, 3); i++) {
    const kernel = b.pick([1, 3, 5]);
    const arm = b.tryAdd('Conv2D', [from], { filters: kind === 'Concat' ? b.int(2, 8) : filters, kernel, padding: 'same', activation: 'relu' });
    if (arm) arms.push(arm);
  }
  if (kind !== 'Concat' && arms.length >= 2 && b.random() < 0.5)
    arms[arms.length - 1] = b.tryAdd('BatchNorm', [arms[arms.length - 1]!]) ?? arms[arms.length - 1]!;
  return arms.length >= 2 ? b.tryAdd(kind, arms) : arms[0];
}

function imageGraph(b: Builder): void {
  const size = b.pick([16, 24, 28, 32]);
  let head = b.tryAdd('Input', [], { shape: [size, size, b.pick([1, 3, 4])] })!;
  const depth = b.int(2, 9);
  for (let i = 0; i < depth; i++) head = imageStep(b, head) ?? head;
  head = b.random() < 0.5 ? b.tryAdd('Flatten', [head])! : b.tryAdd(b.pick(['GlobalAvgPool2D', 'GlobalMaxPool2D']), [head])!;
  if (b.random() < 0.5) head = b.tryAdd('Dense', [head], { units: b.int(4, 32), activation: 'relu' })!;
  if (b.random() < 0.3) head = b.tryAdd('Dropout', [head], { rate: 0.5 })!;
  head = b.tryAdd('Dense', [head], { units: b.int(2, 10) })!;
  b.tryAdd('Activation', [head], { fn: 'softmax' });
}

function sequenceStep(b: Builder, from: string): string | undefined {
  const features = b.shape(from)[1]!;
  switch (b.int(0, 9)) {
    case 0:
      return b.tryAdd(b.pick(['LSTM', 'GRU', 'SimpleRNN']), [from], { units: b.int(2, 12), return_sequences: true });
    case 1:
      return b.tryAdd(b.pick(['LSTM', 'GRU']), [from], { bidirectional: true, units: b.int(2, 8), return_sequences: true });
    case 2:
      return b.tryAdd('Conv1D', [from], { filters: b.int(2, 12), kernel: b.int(1, 3), padding: b.pick(['valid', 'same']) });
    case 3:
      return b.tryAdd('LayerNorm', [from]);
    case 4:
      return b.tryAdd('MultiHeadAttention', [from], { heads: features % 2 === 0 ? 2 : 1, key_dim: 4 });
    case 5:
      return b.tryAdd('Dense', [from], { units: b.int(2, 12), activation: 'tanh' });
    case 6: {
      const arm = b.tryAdd('Dense', [from], { units: features });
      return arm ? b.tryAdd('Add', [from, arm]) : undefined;
    }
    case 7:
      return b.tryAdd('Dropout', [from], { rate: 0.1 });
    case 8:
      return b.tryAdd(b.pick(['MaxPool1D', 'AvgPool1D']), [from], { pool: b.int(2, 3), stride: b.int(1, 2), padding: b.pick(['valid', 'same']) });
    default:
      return b.tryAdd('Activation', [from], { fn: 'relu' });
  }
}

function sequenceGraph(b: Builder): void {
  const steps = b.int(4, 12);
  let head: string;
  if (b.random() < 0.6) {
    const tokens = b.tryAdd('Input', [], { shape: [steps], dtype: 'int32' })!;
    head = b.tryAdd('Embedding', [tokens], { vocab: b.int(20, 200), dim: b.pick([4, 8, 16]) })!;
  } else {
    head = b.tryAdd('Input', [], { shape: [steps, b.pick([3, 6, 8])] })!;
  }
  const depth = b.int(1, 5);
  for (let i = 0; i < depth; i++) head = sequenceStep(b, head) ?? head;
  const summary = b.random();
  if (summary < 0.4) head = b.tryAdd(b.pick(['LSTM', 'GRU', 'SimpleRNN']), [head], { units: b.int(2, 10) })!;
  else if (summary < 0.7) head = b.tryAdd(b.pick(['GlobalMaxPool1D', 'GlobalAvgPool1D']), [head])!;
  else head = b.tryAdd('Flatten', [head])!;
  b.tryAdd('Dense', [head], { units: b.int(2, 5), activation: 'softmax' });
}

export interface RandomGraphOptions {
  /** Share of sequence networks (the rest are image networks). */
  sequenceShare?: number;
}

/** `count` valid graphs, the same for the same seed. */
export function randomGraphs(count: number, seed: number, options: RandomGraphOptions = {}): Graph[] {
  const random = seededRandom(seed);
  const graphs: Graph[] = [];
  for (let i = 0; i < count; i++) {
    const b = new Builder(random);
    if (random() < (options.sequenceShare ?? 0.25)) sequenceGraph(b);
    else imageGraph(b);
    graphs.push({ format: GRAPH_FORMAT, name: `random_${seed}_${i}`, layers: b.layers });
  }
  return graphs;
}
