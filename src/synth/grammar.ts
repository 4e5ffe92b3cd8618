/**
 * The DLPaper2Code grammar: Table 1 (which layer may follow which) and Table 2 (hyper-parameter ranges),
 * walked as a seeded state machine that emits only models whose shapes check out.
 */
import { GRAPH_FORMAT, getSpec, resolveParamsFor, type Graph, type Layer, type Params, type Shape } from '../graph/index.ts';
import { createRandom, type Random } from './random.ts';
import { kerasNameBase } from './keras-plot.ts';

/** The grammar state of a layer: what its next layer may be is decided by this. */
export type GrammarState = 'Input' | 'Dense' | 'Conv2D' | 'Flatten' | 'Pool' | 'RNNLast' | 'RNNSeq' | 'Embed';

/** A next-layer choice of Table 1. RNN choices expand to SimpleRNN or LSTM. */
export type Choice = 'Dense' | 'Conv2D' | 'Embed' | 'Dropout' | 'Concat' | 'Flatten' | 'MaxPool' | 'AvgPool' | 'RNNLast' | 'RNNSeq';

/** Table 1 of the paper, plus the Embed row it lacks. Dropout and Concat take the row of the layer before them. */
export const NEXT_LAYERS: Readonly<Record<GrammarState, readonly Choice[]>> = {
  Input: ['Dense', 'Conv2D', 'Embed'],
  Dense: ['Dense', 'Dropout', 'Concat', 'Embed'],
  Conv2D: ['Conv2D', 'Flatten', 'Dropout', 'MaxPool', 'AvgPool', 'Concat'],
  Flatten: ['Dense', 'Dropout', 'Concat', 'Embed'],
  Pool: ['Conv2D', 'Flatten', 'Dropout', 'MaxPool', 'AvgPool', 'Concat'],
  RNNLast: ['Dense', 'Dropout', 'Concat', 'Embed'],
  RNNSeq: ['Flatten', 'Dropout', 'Concat', 'RNNLast', 'RNNSeq'],
  Embed: ['RNNLast', 'RNNSeq', 'Dropout', 'Flatten'],
};

/** Table 2 of the paper: `[start, step, end]` ranges, or explicit value lists. */
export const PARAM_RANGES = {
  conv: { filters: [16, 16, 256], kernel: [1, 2, 11] },
  pool: { pool: [1, 2, 11], stride: [2, 1, 5] },
  dense: { units: [5, 5, 500] },
  // The paper's 0:0.1:1 stops at 0.9 here: a rate of 1 drops everything and Keras rejects it.
  dropout: { rate: [0, 0.1, 0.9] },
  embedding: { dim: [64, 100, 128, 200], vocab: [10000, 20000, 50000, 75000] },
  rnn: { units: [3, 1, 25] },
} as const;

export interface DatasetSpec {
  name: string;
  shape: Shape;
  dtype: 'float32' | 'int32';
  classes: number;
}

/** The paper's four inputs. IMDB reviews are padded to one of the usual lengths. */
export const DATASETS = {
  mnist: { shape: [28, 28, 1], dtype: 'float32', classes: 10 },
  cifar10: { shape: [32, 32, 3], dtype: 'float32', classes: 10 },
  imagenet: { shape: [224, 224, 3], dtype: 'float32', classes: 1000 },
  imdb: { shape: [0], dtype: 'int32', classes: 2 },
} as const;
export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
const IMDB_LENGTHS = [80, 100, 200, 400, 500];

export interface GenerateOptions {
  dataset?: DatasetName;
  /** Layers between Input and the final Dense, counted along the longest path. Default 5. */
  minDepth?: number;
  /** Default 40. */
  maxDepth?: number;
}

export interface SynthModel {
  graph: Graph;
  dataset: DatasetSpec;
  /** Grammar state per layer id (what Table 1 row applies after it). */
  states: Map<string, GrammarState>;
  shapes: Map<string, Shape>;
  /** Longest Input→output path, not counting Input and the final Dense. */
  depth: number;
}

interface Node {
  layer: Layer;
  shape: Shape;
  state: GrammarState;
  depth: number;
}

/** A layer drawn but not yet added to the model. */
type Planned = Omit<Node, 'layer'> & { type: string; params: Params };

/** The layer's output shape by the catalog's rule, or undefined when the params do not fit the input. */
function tryOutputShape(type: string, params: Params, inputs: Shape[]): Shape | undefined {
  const spec = getSpec(type);
  if (!spec) throw new Error(`synth grammar: layer type ${type} is missing from the catalog`);
  try {
    const shape = spec.outputShape(inputs, resolveParamsFor(spec, params));
    return shape.every((d) => Number.isInteger(d) && d >= 1) ? shape : undefined;
  } catch {
    return undefined;
  }
}

/** The Table 1 row that applies after a layer. Dropout and Concat inherit from the layer before them. */
function stateAfter(type: string, params: Params, shape: Shape, before: Node | undefined): GrammarState {
  switch (type) {
    case 'Input':
      return 'Input';
    case 'Conv2D':
      return 'Conv2D';
    case 'MaxPool2D':
    case 'AvgPool2D':
      return 'Pool';
    case 'Dense':
      return 'Dense';
    case 'Flatten':
      return 'Flatten';
    case 'Embedding':
      return 'Embed';
    case 'SimpleRNN':
    case 'LSTM':
      return params.return_sequences ? 'RNNSeq' : 'RNNLast';
    case 'Dropout':
      return before!.state;
    case 'Concat':
      return shape.length === 1 ? 'Dense' : before!.state;
    default:
      throw new Error(`synth grammar: no Table 1 row for ${type}`);
  }
}

/** A layer that ends the hidden part: the final classifier Dense may follow it. */
function canFeedClassifier(node: Omit<Node, 'layer'>): boolean {
  return NEXT_LAYERS[node.state].includes('Dense') && node.shape.length === 1;
}

class ModelBuilder {
  readonly nodes: Node[] = [];
  private readonly counters = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  name(type: string): string {
    const base = kerasNameBase(type);
    const n = (this.counters.get(base) ?? 0) + 1;
    this.counters.set(base, n);
    return `${base}_${n}`;
  }

  /** Draw a layer for `choice` after `from` with Table 2 params; undefined when no draw fits the shape. */
  draw(choice: Exclude<Choice, 'Concat'>, from: Node): Planned | undefined {
    // Two dropouts in a row are legal by Table 1 but never seen in a real model.
    if (choice === 'Dropout' && from.layer.type === 'Dropout') return undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      const { type, params } = this.params(choice, from.shape);
      const shape = tryOutputShape(type, params, [from.shape]);
      if (!shape) continue;
      return { type, params, shape, state: stateAfter(type, params, shape, from), depth: from.depth + 1 };
    }
    return undefined;
  }

  private params(choice: Exclude<Choice, 'Concat'>, input: Shape): { type: string; params: Params } {
    const rng = this.rng;
    const r = PARAM_RANGES;
    switch (choice) {
      case 'Conv2D': {
        const kernel = rng.range(...r.conv.kernel);
        // Small maps cannot take a big valid window: fall back to same padding rather than fail.
        const padding = kernel > Math.min(input[0] ?? 0, input[1] ?? 0) || rng.chance(0.5) ? 'same' : 'valid';
        return { type: 'Conv2D', params: { filters: rng.range(...r.conv.filters), kernel: [kernel, kernel], padding, activation: 'relu' } };
      }
      case 'MaxPool':
      case 'AvgPool': {
        const side = Math.min(input[0] ?? 1, input[1] ?? 1);
        const pools = [1, 3, 5, 7, 9, 11].filter((p) => p <= side);
        const pool = rng.pick(pools.length ? pools : [1]);
        return {
          type: choice === 'MaxPool' ? 'MaxPool2D' : 'AvgPool2D',
          params: { pool: [pool, pool], stride: Array(2).fill(rng.range(...r.pool.stride)) },
        };
      }
      case 'Dense':
        return { type: 'Dense', params: { units: rng.range(...r.dense.units), activation: 'relu' } };
      case 'Dropout':
        return { type: 'Dropout', params: { rate: rng.range(...r.dropout.rate) } };
      case 'Flatten':
        return { type: 'Flatten', params: {} };
      case 'Embed':
        return { type: 'Embedding', params: { vocab: rng.pick(r.embedding.vocab), dim: rng.pick(r.embedding.dim) } };
      case 'RNNLast':
      case 'RNNSeq':
        return {
          type: rng.pick(['SimpleRNN', 'LSTM']),
          params: { units: rng.range(...r.rnn.units), return_sequences: choice === 'RNNSeq' },
        };
    }
  }

  add(type: string, params: Params, inputs: Node[], shape: Shape, state: GrammarState, depth: number): Node {
    const layer: Layer = { id: this.name(type), type, params };
    if (inputs.length) layer.inputs = inputs.map((n) => n.layer.id);
    const node = { layer, shape, state, depth };
    this.nodes.push(node);
    return node;
  }

  /**
   * A branch for Concat at `at`: a short grammar walk from `at` or an earlier main-path layer whose
   * output can be joined with `at` on the channel axis. Layers are added only when a fitting walk is found.
   */
  concat(at: Node, mainPath: Node[], accept: (merged: Omit<Node, 'layer'>) => boolean): Node | undefined {
    const rng = this.rng;
    for (let attempt = 0; attempt < 8; attempt++) {
      const back = Math.min(mainPath.length - 1, rng.int(0, 4));
      const fork = mainPath[mainPath.length - 1 - back]!;
      const length = rng.int(1, 3);
      const planned: Planned[] = [];
      let tip: Node = fork;
      for (let i = 0; i < length; i++) {
        const choices = NEXT_LAYERS[tip.state].filter((c): c is Exclude<Choice, 'Concat'> => c !== 'Concat');
        const drawn = this.draw(rng.pick(choices), tip);
        if (!drawn) break;
        planned.push(drawn);
        tip = { layer: { id: '', type: drawn.type, params: drawn.params }, shape: drawn.shape, state: drawn.state, depth: drawn.depth };
      }
      if (planned.length === 0 || !NEXT_LAYERS[tip.state].includes('Concat')) continue;
      const inputs = [at.shape, tip.shape];
      const shape = tryOutputShape('Concat', {}, inputs);
      const depth = Math.max(at.depth, tip.depth) + 1;
      if (!shape) continue;
      const state = stateAfter('Concat', {}, shape, at);
      if (!accept({ shape, state, depth })) continue;
      let previous = fork;
      for (const step of planned) previous = this.add(step.type, step.params, [previous], step.shape, step.state, step.depth);
      return this.add('Concat', {}, [at, previous], shape, state, depth);
    }
    return undefined;
  }
}

/** Concat is drawn less often than the rest so most models stay readable chains with a few merges. */
const CHOICE_WEIGHT: Partial<Record<Choice, number>> = { Concat: 0.5 };

/** One random model from the grammar, valid by construction. Same seed, same model. */
export function generateModel(seed: number | Random, options: GenerateOptions = {}): SynthModel {
  const rng = typeof seed === 'number' ? createRandom(seed) : seed;
  const minDepth = options.minDepth ?? 5;
  const maxDepth = options.maxDepth ?? 40;
  const datasetName = options.dataset ?? rng.pick(DATASET_NAMES);
  const base = DATASETS[datasetName];
  const dataset: DatasetSpec = {
    name: datasetName,
    shape: datasetName === 'imdb' ? [rng.pick(IMDB_LENGTHS)] : [...base.shape],
    dtype: base.dtype,
    classes: base.classes,
  };
  const target = rng.int(minDepth, maxDepth);
  const builder = new ModelBuilder(rng);
  const inputParams: Params = { shape: dataset.shape, ...(dataset.dtype === 'int32' ? { dtype: 'int32' } : {}) };
  let current = builder.add('Input', inputParams, [], dataset.shape, 'Input', 0);
  const mainPath: Node[] = [current];
  // The last hidden layer must be one the classifier Dense may follow.
  const fitsDepth = (n: Omit<Node, 'layer'>): boolean => n.depth < target || (n.depth === target && canFeedClassifier(n));

  while (current.depth < target) {
    const choices = [...NEXT_LAYERS[current.state]];
    let next: Node | undefined;
    while (!next && choices.length) {
      const choice = rng.weighted(
        choices,
        choices.map((c) => CHOICE_WEIGHT[c] ?? 1),
      );
      choices.splice(choices.indexOf(choice), 1);
      if (choice === 'Concat') {
        next = builder.concat(current, mainPath, fitsDepth);
        continue;
      }
      const drawn = builder.draw(choice, current);
      if (!drawn || !fitsDepth(drawn)) continue;
      next = builder.add(drawn.type, drawn.params, [current], drawn.shape, drawn.state, drawn.depth);
    }
    if (!next) throw new Error(`synth grammar: no legal layer after ${current.layer.id} (${current.state}, shape [${current.shape}])`);
    current = next;
    mainPath.push(current);
  }

  const classifierShape = tryOutputShape('Dense', { units: dataset.classes }, [current.shape])!;
  builder.add('Dense', { units: dataset.classes, activation: 'softmax' }, [current], classifierShape, 'Dense', current.depth + 1);

  const graph: Graph = {
    format: GRAPH_FORMAT,
    name: `synth_${datasetName}_${target}`,
    layers: builder.nodes.map((n) => n.layer),
    source: { kind: 'synth' },
  };
  return {
    graph,
    dataset,
    states: new Map(builder.nodes.map((n) => [n.layer.id, n.state])),
    shapes: new Map(builder.nodes.map((n) => [n.layer.id, n.shape])),
    depth: current.depth,
  };
}
