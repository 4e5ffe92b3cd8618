/**
 * Network draft → `paper2net.graph/1`. Expands repeats and blocks (a residual block becomes convolutions
 * + Add, a dense block convolutions + Concat) and adds what papers leave implicit — the Input shape, ReLU
 * after convolutions, Flatten before the first fully connected layer, softmax at the end, strides that a
 * stated output size requires — marking each such param in `layer.inferred`. A network over sequences (a
 * table of Embedding, Conv1D, LSTM rows) is built by the reading core's sequence graph instead.
 */
import {
  GRAPH_FORMAT,
  getSpec,
  imageWindow,
  inferShapes,
  traitsOf,
  validateGraph,
  type DesignSource,
  type Graph,
  type Layer,
  type Params,
} from '../graph/index.ts';
import { draftModifiers, outputFunction, sequenceGraph, widthParam, type StatedNetwork } from '../reading/index.ts';
import type { Box } from '../paper/index.ts';
import { roundBox } from '../geometry/index.ts';
import type { NetworkDraft, SeqBand, SeqItem, SeqLayer } from './interpret.ts';

export interface AssembleContext {
  name: string;
  source: DesignSource;
  page?: number;
}

export interface Assembled {
  graph: Graph;
  /** Layers with weights (convolutions, dense); the measure of how much network was read. */
  weightLayers: number;
  /** Validation errors left after assembly. */
  errors: string[];
}

const pair = (v: unknown, fallback: number): [number, number] =>
  Array.isArray(v) ? [Number(v[0]), Number(v[1] ?? v[0])] : typeof v === 'number' ? [v, v] : [fallback, fallback];
/** Image convolutions (Conv2D, DepthwiseConv2D, Conv2DTranspose), as the catalog's traits say. */
const isImageConv = (type: string) => imageWindow(type) === 'convolution';

/** The width of a generator's noise vector when the text does not say it. */
const LATENT = 100;
/** Recurrent layers: a sequence in, a sequence or a vector out. */
const RECURRENT = new Set(['LSTM', 'GRU', 'SimpleRNN']);

class Builder {
  readonly layers: Layer[] = [];
  private counters = new Map<string, number>();
  current = '';
  channels = 3;
  spatial: number | undefined;
  rank = 3;
  warnings: string[] = [];

  constructor(private readonly page: number | undefined) {}

  private id(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  add(type: string, params: Params, inferred: string[], origin?: { box: Box; text: string }, inputs?: string[]): string {
    const prefix =
      {
        Conv2D: 'conv',
        DepthwiseConv2D: 'dwconv',
        Conv2DTranspose: 'upconv',
        MaxPool2D: 'pool',
        AvgPool2D: 'avgpool',
        Dense: 'fc',
        Activation: 'act',
        GlobalAvgPool2D: 'gap',
      }[type] ?? type.toLowerCase();
    const id = type === 'Input' ? 'input' : this.id(prefix);
    const layer: Layer = { id, type, params };
    if (type !== 'Input') layer.inputs = inputs ?? [this.current];
    if (inferred.length) layer.inferred = [...new Set(inferred)];
    if (origin && this.page !== undefined) layer.source = { page: this.page, bbox: roundBox(origin.box), text: origin.text.slice(0, 120) };
    this.layers.push(layer);
    this.current = id;
    return id;
  }

  /** Tracks the spatial size through a window op, as the catalog's shape rule would. */
  window(kernel: [number, number], stride: [number, number], padding: unknown): void {
    if (this.spatial === undefined) return;
    if (padding === 'same') this.spatial = Math.ceil(this.spatial / stride[0]);
    else {
      const p = Array.isArray(padding) ? Number(padding[0]) : 0;
      this.spatial = Math.floor((this.spatial + 2 * p - kernel[0]) / stride[0]) + 1;
    }
  }
}

/** Map sides a generator's fully connected output is commonly reshaped to, most common first. */
const SEED_SIDES = [4, 7, 8, 2, 1];

/**
 * A decoder that grows from a vector ("a fully connected layer …, followed by transposed convolutions"): the
 * vector becomes small maps. Papers state the map ("reshaped to 4×4×512") less often than the units; the side
 * is the first common one that divides them.
 */
function reshapeToMaps(b: Builder, text: string): void {
  const units = b.channels;
  // (maps of a multiple of 16 channels first, as papers size them: 6272 units are 7×7×128 rather than 4×4×392)
  const fits = (s: number) => units % (s * s) === 0 && units / (s * s) >= 8;
  const side = SEED_SIDES.find((s) => fits(s) && (units / (s * s)) % 16 === 0) ?? SEED_SIDES.find(fits) ?? 1;
  b.add('Reshape', { shape: [side, side, units / (side * side)] }, ['*']);
  b.warnings.push(
    `"${text}": the fully connected output before it is reshaped to ${side}×${side}×${units / (side * side)} maps (a guess: the text does not state them)`,
  );
  b.rank = 3;
  b.spatial = side;
  b.channels = units / (side * side);
}

/** Sets a param the paper left out and marks it inferred. */
function infer(params: Params, inferred: string[], name: string, value: Params[string]): void {
  params[name] = value;
  inferred.push(name);
}

/** The maps so far become a sequence of their positions, for the layer `d` that reads a sequence. */
function asSequence(b: Builder, d: SeqLayer['draft']): void {
  b.add('Reshape', { shape: [-1, b.channels] }, ['*']);
  b.warnings.push(`"${d.text}": the feature maps before it are read as a sequence of their positions (a Reshape the text does not state)`);
  b.rank = 2;
}

/** Emits one layer; returns false when it could not be used. */
function emitLayer(
  b: Builder,
  item: SeqLayer,
  opts: { linear?: boolean; extraStride?: number; nextIsActivation?: boolean; convFollows?: boolean; recurrentFollows?: boolean },
): boolean {
  const d = item.draft;
  const params: Params = { ...d.params };
  // The reader's 'type' guess ("3×3, 64" read as a convolution) is not a param; the params were stated.
  const inferred = d.inferred.filter((p) => p !== 'type');
  const origin = { box: item.box, text: d.text };
  switch (d.type) {
    case 'Conv2D':
    case 'DepthwiseConv2D':
    case 'Conv2DTranspose': {
      // (through the batch norm and activation that may follow the fully connected layer)
      if (b.rank === 1 && b.layers.findLast((l) => traitsOf(l.type).weightLayer)?.type === 'Dense') reshapeToMaps(b, d.text);
      if (b.rank !== 3) return false;
      if (params.kernel === undefined) infer(params, inferred, 'kernel', [3, 3]);
      if (d.type !== 'DepthwiseConv2D' && params.filters === undefined) infer(params, inferred, 'filters', b.channels);
      if (opts.extraStride && opts.extraStride > 1) {
        const s = pair(params.stride, 1);
        params.stride = [s[0] * opts.extraStride, s[1] * opts.extraStride];
        inferred.push('stride');
      }
      if (params.padding === undefined) infer(params, inferred, 'padding', 'same');
      // The last convolution of a residual branch stays linear (the ReLU comes after the Add).
      if (opts.linear) {
        if (params.activation !== 'linear') inferred.push('activation');
        params.activation = 'linear';
      } else if (!opts.nextIsActivation && params.activation === undefined) {
        params.activation = 'relu';
        inferred.push('activation');
      }
      b.add(d.type, params, inferred, origin);
      if (d.type === 'Conv2DTranspose') {
        if (b.spatial !== undefined) b.spatial *= pair(params.stride, 1)[0];
      } else b.window(pair(params.kernel, 3), pair(params.stride, 1), params.padding);
      if (d.type !== 'DepthwiseConv2D') b.channels = Number(params.filters);
      return true;
    }
    case 'MaxPool2D':
    case 'AvgPool2D': {
      if (b.rank !== 3) return false;
      if (params.pool === undefined && d.type === 'AvgPool2D' && !opts.convFollows) {
        // "average pool" with no window before the classifier: global pooling (not one with convolutions after it).
        b.add('GlobalAvgPool2D', {}, ['*'], origin);
        b.rank = 1;
        return true;
      }
      if (params.pool === undefined) infer(params, inferred, 'pool', [2, 2]);
      const pool = pair(params.pool, 2);
      const stride = pair(params.stride ?? params.pool, 2);
      if (params.padding === undefined && stride[0] > 1 && stride[0] < pool[0]) infer(params, inferred, 'padding', 'same');
      if (b.spatial !== undefined && b.spatial < pool[0] && params.padding !== 'same') {
        b.warnings.push(`"${d.text}": a ${pool[0]}×${pool[0]} window does not fit the ${b.spatial}×${b.spatial} map here; left out`);
        return false;
      }
      b.add(d.type, params, inferred, origin);
      b.window(pool, stride, params.padding);
      return true;
    }
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D':
      if (b.rank !== 3) return false;
      b.add(d.type, {}, inferred, origin);
      b.rank = 1;
      return true;
    case 'Dense': {
      if (typeof params.units !== 'number' || !Number.isFinite(params.units)) return false;
      // Between convolutions and recurrent layers (a projection in a speech model) it acts on each position of the
      // maps' sequence; elsewhere the maps are flattened first.
      if (b.rank === 3 && opts.recurrentFollows) asSequence(b, d);
      else if (b.rank === 3) {
        b.add('Flatten', {}, ['*']);
        b.rank = 1;
      }
      if (!opts.nextIsActivation && params.activation === undefined) infer(params, inferred, 'activation', 'relu');
      b.add('Dense', params, inferred, origin);
      b.channels = Number(params.units);
      return true;
    }
    case 'Activation': {
      const prev = b.layers[b.layers.length - 1];
      // "FC-1000, soft-max": the softmax is the dense layer's activation as the paper states it.
      if (prev && (prev.type === 'Dense' || isImageConv(prev.type)) && prev.inferred?.includes('activation')) {
        prev.params = { ...prev.params, activation: String(params.fn ?? 'relu') };
        prev.inferred = prev.inferred.filter((p) => p !== 'activation');
        if (prev.inferred.length === 0) delete prev.inferred;
        return true;
      }
      b.add('Activation', params, inferred, origin);
      return true;
    }
    case 'Input':
      return false;
    case 'BatchNorm':
    case 'LRN':
    case 'Dropout':
    case 'UpSampling2D':
    case 'Flatten':
      if (d.type === 'Flatten') b.rank = 1;
      if (d.type !== 'Dropout' && d.type !== 'Flatten' && b.rank !== 3) return false;
      if (d.type === 'UpSampling2D' && b.spatial !== undefined) b.spatial *= pair(params.size, 2)[0];
      b.add(d.type, params, inferred, origin);
      return true;
    case 'LSTM':
    case 'GRU':
    case 'SimpleRNN': {
      if (typeof params.units !== 'number' || b.rank === 1) return false;
      // Convolutions, then recurrent layers (text lines, speech): the maps become a sequence of their positions.
      if (b.rank === 3) asSequence(b, d);
      const directions = draftModifiers({ ...d, params });
      b.add(d.type, { units: params.units, return_sequences: Boolean(opts.recurrentFollows), ...directions }, [...inferred, 'return_sequences'], origin);
      if (!opts.recurrentFollows) b.rank = 1;
      b.channels = directions.bidirectional && directions.merge !== 'sum' ? 2 * params.units : params.units;
      return true;
    }
    default:
      b.warnings.push(`${d.type} "${d.text}" not placed: the sequence reader handles it only inside blocks`);
      return false;
  }
}

function strideOf(item: SeqItem): number {
  const one = (l: SeqLayer) =>
    isImageConv(l.draft.type) || /Pool2D$/.test(l.draft.type)
      ? pair(l.draft.params.stride ?? (/Pool2D$/.test(l.draft.type) ? (l.draft.params.pool ?? 2) : 1), 1)[0]
      : 1;
  return item.kind === 'layer' ? one(item) : item.layers.reduce((s, l) => s * one(l), 1);
}

function emitBlock(b: Builder, block: Extract<SeqItem, { kind: 'block' }>, extraStride: number): void {
  for (let rep = 0; rep < block.repeat; rep++) {
    const entry = b.current;
    const entryChannels = b.channels;
    const entrySpatial = b.spatial;
    const stride = rep === 0 ? extraStride : 1;
    block.layers.forEach((layer, i) => {
      const firstConv = block.layers.findIndex((l) => isImageConv(l.draft.type));
      emitLayer(b, layer, { linear: block.style === 'residual' && i === block.layers.length - 1, extraStride: i === firstConv ? stride : 1 });
    });
    if (block.style === 'residual') {
      const body = b.current;
      let shortcut = entry;
      const downsampled = entrySpatial !== undefined && b.spatial !== undefined && b.spatial < entrySpatial;
      if (entryChannels !== b.channels || downsampled || stride > 1) {
        const s = entrySpatial && b.spatial ? Math.max(1, Math.round(entrySpatial / b.spatial)) : stride;
        b.current = entry;
        shortcut = b.add('Conv2D', { filters: b.channels, kernel: [1, 1], stride: [s, s], padding: 'same', activation: 'linear' }, ['*'], undefined, [entry]);
      }
      b.add('Add', {}, ['*'], undefined, [body, shortcut]);
      b.add('Activation', { fn: 'relu' }, ['*']);
    } else if (block.style === 'dense') {
      const body = b.current;
      b.add('Concat', {}, ['*'], undefined, [entry, body]);
      b.channels += entryChannels;
    }
  }
}

/**
 * The table states a stride its own sizes contradict (MobileNet's second "Conv dw / s2" at 7×7): trust the
 * stated sizes, use stride 1 and say so.
 */
function relaxStride(band: SeqBand, b: Builder): void {
  for (const item of band.items) {
    if (item.kind !== 'layer' || !isImageConv(item.draft.type) || pair(item.draft.params.stride, 1)[0] < 2) continue;
    b.warnings.push(`"${item.draft.text}": stride ${pair(item.draft.params.stride, 1)[0]} contradicts the sizes the table states; used stride 1`);
    item.draft.params = { ...item.draft.params, stride: [1, 1] };
    item.draft.inferred = [...item.draft.inferred, 'stride'];
    return;
  }
}

/** Input size implied by the first stated output size and the strides before it. */
function impliedInput(bands: SeqBand[]): number | undefined {
  const first = bands[0];
  if (!first?.outputSize) return undefined;
  return first.outputSize * first.items.reduce((s, i) => s * strideOf(i), 1);
}

/** What stops a graph from being used: validation errors, else the shape error inference meets. */
function graphErrors(graph: Graph): string[] {
  const errors = validateGraph(graph)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.layerId}${i.param ? `.${i.param}` : ''}: ${i.message}`);
  if (errors.length === 0) {
    try {
      inferShapes(graph);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return errors;
}

/** The drafts in order, blocks written out. */
function writtenOut(draft: NetworkDraft): SeqLayer[] {
  return draft.bands.flatMap((band) =>
    band.items.flatMap((item) => (item.kind === 'layer' ? [item] : Array.from({ length: item.repeat }, () => item.layers).flat())),
  );
}

/** A network over sequences (embeddings, 1-D convolutions, recurrent layers) and no image layer: the reading core builds it. */
function sequenceAssembled(draft: NetworkDraft, ctx: AssembleContext): Assembled | undefined {
  const layers = writtenOut(draft);
  const types = layers.map((l) => l.draft.type);
  const sequenceLayer = (t: string) => getSpec(t)?.category === 'recurrent' || (traitsOf(t).spatialAxes === 1 && traitsOf(t).window === 'convolution');
  if (!types.some(sequenceLayer) || types.some((t) => imageWindow(t) === 'convolution')) return undefined;
  // A stated input "steps × features" (a table's input row; a third number there is the image default).
  const [steps, width] = draft.input ?? [];
  const stated: StatedNetwork = {
    layers: layers.map((l, index) => ({ ...l.draft, unit: { text: l.draft.text, page: ctx.page ?? 1, box: roundBox(l.box), index } })),
    units: [],
    ...(steps && width ? { inputSteps: steps, inputWidth: width } : {}),
  };
  const graph = sequenceGraph(stated, ctx.name, ctx.source);
  const errors = graphErrors(graph);
  return { graph, weightLayers: graph.layers.filter((l) => widthParam(l.type) !== undefined).length, errors };
}

export function assembleGraph(draft: NetworkDraft, ctx: AssembleContext): Assembled {
  const sequence = sequenceAssembled(draft, ctx);
  if (sequence) return sequence;
  const b = new Builder(ctx.page);
  let inputShape = draft.input;
  const inputInferred: string[] = [];
  const flat = draft.bands.flatMap((band) => band.items);
  if (!inputShape) {
    const side = impliedInput(draft.bands) ?? 224;
    // A network that starts fully connected and then convolves grows maps from a vector (a generator's noise).
    const first = flat[0];
    const fromVector = first?.kind === 'layer' && first.draft.type === 'Dense' && flat.some((i) => i.kind === 'layer' && isImageConv(i.draft.type));
    inputShape = fromVector ? [LATENT] : [side, side, 3];
    inputInferred.push('shape');
  }
  b.add('Input', { shape: inputShape }, inputInferred);
  b.channels = inputShape[2] ?? 3;
  b.spatial = inputShape[0];
  // A vector input (a layer-size chain's first number) goes straight into fully connected layers.
  if (inputShape.length === 1) b.rank = 1;
  for (const band of draft.bands) {
    // A stated output size the band's own strides do not reach: the first strided op was left implicit.
    let extra = 1;
    if (band.outputSize && b.spatial) {
      const reached = band.items.reduce((s, i) => Math.ceil(s / strideOf(i)), b.spatial);
      const factor = Math.round(reached / band.outputSize);
      if (factor >= 2 && (factor & (factor - 1)) === 0) extra = factor;
      else if (reached < band.outputSize) relaxStride(band, b);
    }
    band.items.forEach((item) => {
      // A stated activation row right after (past a BatchNorm row) is this layer's activation.
      let ahead = flat.indexOf(item) + 1;
      while (flat[ahead]?.kind === 'layer' && (flat[ahead] as SeqLayer).draft.type === 'BatchNorm') ahead++;
      const next = flat[ahead];
      const nextIsActivation = next?.kind === 'layer' && next.draft.type === 'Activation' && next.draft.params.fn !== 'softmax';
      if (item.kind === 'block') {
        emitBlock(b, item, extra);
        extra = 1;
      } else {
        const isConv = isImageConv(item.draft.type);
        const after = flat.slice(flat.indexOf(item) + 1);
        const convFollows = after.some((later) => later.kind === 'block' || isImageConv(later.draft.type));
        const recurrentFollows = after.some((later) => later.kind === 'layer' && RECURRENT.has(later.draft.type));
        if (emitLayer(b, item, { extraStride: isConv ? extra : 1, nextIsActivation, convFollows, recurrentFollows }) && isConv) extra = 1;
      }
    });
    // The size the table states for the band is the output of its last layer: kept to check the shapes against.
    const last = b.layers.at(-1);
    if (band.outputSize && last && last.type !== 'Input') last.statedSize = [band.outputSize, band.outputSize];
  }
  // Softmax (a sigmoid on one unit) at the end of a classifier the table does not spell out.
  const last = b.layers[b.layers.length - 1];
  if (last?.type === 'Dense' && last.inferred?.includes('activation')) last.params = { ...last.params, activation: outputFunction(last.params?.units) };
  const graph: Graph = { format: GRAPH_FORMAT, name: ctx.name, layers: b.layers, source: ctx.source };
  if (b.warnings.length) graph.warnings = b.warnings;
  const errors = graphErrors(graph);
  const weightLayers = b.layers.filter((l) => isImageConv(l.type) || l.type === 'Dense').length;
  return { graph, weightLayers, errors };
}
