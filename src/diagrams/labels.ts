/**
 * Layer recognition: the text of one diagram node → catalog type + params. Knows the labels the common
 * drawing tools write (Keras plot_model records with input:/output: shape rows, Caffe draw_net
 * "conv1 (Convolution) kernel size: 11 stride: 4 pad: 0", MXNet "Convolution 7x7/2, 96", paper
 * spellings "3x3 conv, 64", "conv3-64", "FC 4096", "pool/2") and recovers what a label leaves out from
 * its shape rows, marking those params as inferred.
 */
import { CATALOG, editDistance, getSpec, isUnsupported, resolveAlias, type Params } from '../graph/index.ts';

export interface Recognition {
  type: string;
  params: Params;
  /** Params filled in from shapes or guessed, not read from the label. */
  inferred: string[];
  /** The layer's own name when the label has one ("conv2d_12", "conv1_1"). */
  name?: string;
  /** Shapes from input:/output: rows, batch axis dropped, channels-last as Keras writes them. */
  inShape?: number[];
  outShape?: number[];
  /** 1 for an exact spelling, lower for OCR-typo matches. */
  score: number;
  /** Widths of a block of like layers written as one row ("64 64" over "conv1"): one layer each. */
  widths?: number[];
}

/** Words that a drawing tool writes around the type, never the type itself. */
const NOISE = /^(input|output|inputs|outputs|none|layer|kernel|size|stride|pad|group|dilation)$/i;

/** Caffe type spellings the catalog aliases do not cover (draw_net writes "MAX Pooling", "AVE Pooling"). */
const CAFFE_TYPES: Record<string, { type: string; params?: Params }> = {
  maxpooling: { type: 'MaxPool2D' },
  avepooling: { type: 'AvgPool2D' },
  pooling: { type: 'MaxPool2D' },
  eltwise: { type: 'Add' },
  data: { type: 'Input' },
  memorydata: { type: 'Input' },
  deconvolution: { type: 'Conv2DTranspose' },
  scale: { type: 'BatchNorm' },
  // LeCun's subsampling layers average their window (LeNet-5, section II.B).
  subsampling: { type: 'AvgPool2D' },
};

/** "(None, 28, 28, 32)" — OCR misreads None ("Mone", "Nore") and drops the opening bracket. */
const SHAPE_TUPLE = /\(?\s*\b[A-Za-z]{2,5}\s*[,.]\s*([\d\s,.]*\d)\s*\)/g;

function shapeRows(text: string): { inShape?: number[]; outShape?: number[]; rest: string } {
  const tuples: Array<{ at: number; shape: number[] }> = [];
  for (const match of text.matchAll(SHAPE_TUPLE)) {
    const shape = match[1]!
      .split(/[,.\s]+/)
      .filter(Boolean)
      .map(Number);
    if (shape.every((n) => Number.isInteger(n) && n > 0)) tuples.push({ at: match.index, shape });
  }
  // The row labels "input:" / "output:" name no layer (an OCR typo of them must not read as Input).
  const rest = text
    .replace(SHAPE_TUPLE, ' ')
    .replace(/[[\]]/g, ' ')
    .replace(/\b[a-z]{0,2}(?:in|out)?put\s*:/gi, ' ');
  if (tuples.length === 0) return { rest };
  const inAt = text.search(/\binput\s*:/i);
  const outAt = text.search(/\boutput\s*:/i);
  const after = (at: number) => tuples.findIndex((t) => t.at > at);
  const inIndex = inAt >= 0 ? after(inAt) : 0;
  let outIndex = outAt >= 0 ? after(outAt) : tuples.length - 1;
  // Both row labels before both shapes (a record read column by column): the shapes come in row order.
  if (outIndex === inIndex && tuples.length > 1) outIndex = inIndex + 1;
  const inShape = tuples[inIndex]?.shape;
  const outShape = tuples[outIndex]?.shape ?? inShape;
  return { inShape, outShape, rest };
}

interface TypeHit {
  type: string;
  params: Params;
  score: number;
  /** Where the hit came from: a parenthesised or CamelCase class name outranks a layer name. */
  rank: number;
  token: string;
}

function lookup(text: string, rank: number): TypeHit | undefined {
  const key = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!key || /^\d+$/.test(key)) return undefined;
  const caffe = CAFFE_TYPES[key];
  if (caffe) return { type: caffe.type, params: { ...(caffe.params ?? {}) }, score: 1, rank, token: text };
  const hit = resolveAlias(text, { fuzzy: true });
  // An OCR-typo match never outranks an exact spelling elsewhere in the label.
  return hit ? { ...hit, rank: hit.score < 1 ? 0.5 : rank, token: text } : undefined;
}

/** "conv1_1", "fc6", "pool5": a layer's name (letters + index), whose digits are not a size. */
const INDEXED_NAME = /^([a-z]+)\d{1,2}(?:_\d+)*$/i;

/** Last resort for names and OCR noise: the word's stem ("conv…", "…pool…", "fc…"). */
const STEMS: Array<[RegExp, string, Params?]> = [
  [/^deconv|^upconv|^up-conv/i, 'Conv2DTranspose'],
  [/^conv/i, 'Conv2D'],
  [/^av(?:e|g).*pool/i, 'AvgPool2D'],
  [/pool/i, 'MaxPool2D'],
  [/^fc|^dense/i, 'Dense'],
  [/softmax/i, 'Activation', { fn: 'softmax' }],
  [/^relu/i, 'Activation', { fn: 'relu' }],
  [/^drop/i, 'Dropout'],
  [/^norm|^lrn/i, 'LRN'],
  [/^bn|^batch_?norm/i, 'BatchNorm'],
  [/^concat/i, 'Concat'],
  [/^upsampl/i, 'UpSampling2D'],
  // Keras names layers after their class (lstm_2, simple_rnn_1, embedding_3); OCR reads a leading l as I or 1
  // and "rn" as "m".
  [/^[il1|]stm(?:_|$)/i, 'LSTM'],
  [/^simple_?(?:rn|m)/i, 'SimpleRNN'],
  [/^gru(?:_|$)/i, 'GRU'],
  [/^embedding/i, 'Embedding'],
  [/^flatten/i, 'Flatten'],
];

function stemOf(word: string): TypeHit | undefined {
  for (const [pattern, type, params] of STEMS) if (pattern.test(word)) return { type, params: { ...(params ?? {}) }, score: 0.7, rank: 0, token: word };
  return undefined;
}

/** The best type spelling in a label, trying parentheses, the whole, each line and single words. */
function findType(rest: string): TypeHit | undefined {
  const hits: TypeHit[] = [];
  const push = (hit: TypeHit | undefined) => hit && hits.push(hit);
  const whole = rest.replace(/\s+/g, ' ').trim();
  for (const match of rest.matchAll(/\(([^()]+)\)/g)) push(lookup(match[1]!, 5));
  if (!INDEXED_NAME.test(whole)) push(lookup(whole, 4));
  for (const line of rest.split('\n').map((l) => l.trim())) if (!INDEXED_NAME.test(line)) push(lookup(line, 4));
  const words = whole.split(/[\s:,;|()/+]+/).filter((w) => w && !NOISE.test(w));
  for (const word of words) {
    const camel = /^[A-Z][a-zA-Z0-9]+$/.test(word) && /[a-z]/.test(word);
    const indexed = word.match(INDEXED_NAME);
    push(indexed ? lookup(indexed[1]!, 1) : lookup(word, camel ? 2 : 1));
    // Keras layer names: "max_pooling2d_6" → "max_pooling2d".
    const base = word.replace(/_\d+$/, '');
    if (base !== word) push(lookup(base, 1));
  }
  for (let i = 0; i + 1 < words.length; i++) push(lookup(`${words[i]} ${words[i + 1]}`, 1));
  if (hits.length === 0) for (const word of words) push(stemOf(word));
  hits.sort((a, b) => b.rank - a.rank || b.score - a.score || b.token.length - a.token.length);
  let best = hits[0];
  if (!best) return undefined;
  // "FC 10, softmax": the activation is the layer's own, not a layer of its own.
  const host = best.type === 'Activation' ? hits.find((h) => h.rank >= best!.rank && getSpec(h.type)?.params.some((p) => p.name === 'activation')) : undefined;
  if (host && typeof best.params.fn === 'string') best = { ...host, params: { ...host.params, activation: best.params.fn } };
  // "Activation / relu": params implied by other spellings of the same type fill the gaps.
  const params = { ...best.params };
  for (const hit of hits) if (hit.type === best.type) for (const [k, v] of Object.entries(hit.params)) params[k] ??= v;
  return { ...best, params };
}

/** Numbers written next to keywords: Caffe "kernel size: 3 stride: 1 pad: 1", MXNet "3x3/2, 96". */
function labelParams(type: string, rest: string, params: Params, hasShapes: boolean): void {
  const isConv = type === 'Conv2D' || type === 'Conv2DTranspose' || type === 'DepthwiseConv2D';
  const isPool = type === 'MaxPool2D' || type === 'AvgPool2D';
  const pair = (n: number): number[] => [n, n];
  const kernel = rest.match(/kernel\s*(?:size)?\s*[:=]?\s*(\d+)/i);
  const stride = rest.match(/stride\s*[:=]?\s*(\d+)/i);
  const pad = rest.match(/\bpad\s*[:=]?\s*(\d+)/i);
  const window = rest.match(/(\d+)\s*[x×*]\s*(\d+)(?:\s*\/\s*(\d+))?/);
  const slash = rest.match(/\/\s*(\d+)\b/);
  if (isConv || isPool) {
    const sizeName = isConv ? 'kernel' : 'pool';
    if (kernel && params[sizeName] === undefined) params[sizeName] = pair(Number(kernel[1]));
    if (window && params[sizeName] === undefined && Number(window[1]) <= 15) params[sizeName] = [Number(window[1]), Number(window[2])];
    const s = stride?.[1] ?? window?.[3] ?? slash?.[1];
    if (s && params.stride === undefined) params.stride = pair(Number(s));
    if (pad) params.padding = Number(pad[1]) === 0 ? 'valid' : pair(Number(pad[1]));
  }
  const withoutWindows = rest.replace(/\d+\s*[x×*]\s*\d+(\s*\/\s*\d+)?/g, ' ').replace(/\/\s*\d+/g, ' ');
  // With shape rows, a bare number is part of a layer name ("conv2d 13"), never a width.
  const loose = hasShapes || kernel || stride || pad ? null : withoutWindows.match(/(?:^|[\s,:-])(\d{1,5})(?=$|[\s,)])/);
  if (isConv && type !== 'DepthwiseConv2D' && params.filters === undefined && loose && !kernel) params.filters = Number(loose[1]);
  if (type === 'Dense' && params.units === undefined && loose) params.units = Number(loose[1]);
  if (type === 'Dropout' && params.rate === undefined) {
    const rate = rest.match(/\b0?\.\d+\b/);
    if (rate) params.rate = Number(rate[0]);
  }
}

const spatial = (s: number[] | undefined) => (s && s.length === 3 ? s : undefined);

/** Params a label leaves out, recovered from its input/output shapes (marked inferred). */
export function shapeParams(rec: Recognition): void {
  const { type, params, inferred, inShape, outShape } = rec;
  const set = (name: string, value: Params[string]) => {
    if (params[name] !== undefined || !getSpec(type)?.params.some((p) => p.name === name)) return;
    params[name] = value;
    inferred.push(name);
  };
  const last = outShape?.[outShape.length - 1];
  if (type === 'Input' && outShape) set('shape', outShape);
  if ((type === 'Conv2D' || type === 'Conv2DTranspose' || type === 'Conv1D') && last) set('filters', last);
  if ((type === 'Dense' || type === 'LSTM' || type === 'GRU' || type === 'SimpleRNN') && last) set('units', last);
  if (type === 'Embedding' && last) set('dim', last);
  if ((type === 'LSTM' || type === 'GRU' || type === 'SimpleRNN') && outShape) set('return_sequences', outShape.length === 2);
  if (type === 'Reshape' && outShape) set('shape', outShape);
  const i = spatial(inShape);
  const o = spatial(outShape);
  if (!i || !o) return;
  if (type === 'Conv2D' || type === 'DepthwiseConv2D') {
    if (o[0] === i[0] && o[1] === i[1]) set('padding', 'same');
    else if (params.stride === undefined && i[0]! - o[0]! > 0 && i[0]! - o[0]! < 12) {
      set('padding', 'valid');
      set('kernel', [i[0]! - o[0]! + 1, i[1]! - o[1]! + 1]);
    } else if (params.stride === undefined && o[0]! > 0 && i[0]! % o[0]! === 0) {
      set('stride', [i[0]! / o[0]!, i[1]! / o[1]!]);
      set('padding', 'same');
    }
  }
  if ((type === 'MaxPool2D' || type === 'AvgPool2D') && o[0]! > 0 && i[0]! % o[0]! === 0 && i[1]! % o[1]! === 0) {
    set('pool', [i[0]! / o[0]!, i[1]! / o[1]!]);
  }
  if (type === 'UpSampling2D' && i[0]! > 0 && o[0]! % i[0]! === 0) set('size', [o[0]! / i[0]!, o[1]! / i[1]!]);
  if (type === 'Conv2DTranspose' && i[0]! > 0 && o[0]! % i[0]! === 0) {
    set('stride', [o[0]! / i[0]!, o[1]! / i[1]!]);
    set('kernel', [o[0]! / i[0]!, o[1]! / i[1]!]);
    set('padding', 'same');
  }
  if (type === 'ZeroPadding2D') set('padding', [(o[0]! - i[0]!) / 2, (o[1]! - i[1]!) / 2]);
}

/** A layer name the label carries: the first identifier-like word that is not the type word. */
function findName(rest: string, hit: TypeHit): string | undefined {
  const first = rest.trim().split('\n')[0]!.trim();
  if (/^\(/.test(rest.split('\n')[1]?.trim() ?? '') && /^[\w./-]+$/.test(first)) return first;
  const words = rest.split(/[\s:,;|()]+/).filter((w) => w && !NOISE.test(w));
  return words.find((w) => w !== hit.token && /^[a-z][a-z0-9_./-]*\d[a-z0-9_]*$|^[a-z]+_[a-z0-9_]+$/i.test(w) && !/^\d/.test(w));
}

/** "fc8+softmax", "conv + ReLU": a layer with its activation written after a plus. */
function withActivation(text: string): Recognition | undefined {
  const parts = text.split('+').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  const layer = recognizeOne(parts[0]);
  const act = recognizeOne(parts[1]);
  if (!layer || act?.type !== 'Activation' || !getSpec(layer.type)?.params.some((p) => p.name === 'activation')) return undefined;
  layer.params.activation = act.params.fn ?? 'relu';
  return layer;
}

/**
 * "Dense Block 1", "Inception module", "Residual block (3)": a group of layers the figure names but does not
 * draw. It is no layer of the kind its first word names; until the graph has modules it is left unread.
 */
const MODULE_NAME = /^[\w.-]+(?:\s+[\w.-]+)?\s+(?:block|module|stage)s?(?:\s*[(#]?\s*\d+\)?)?$/i;

/** "weight layer": a layer with weights whose kind the drawing leaves out, as residual-block figures draw them. */
const GENERIC_WEIGHT_LAYER = /^weight(?:ed)?\s+layers?$/i;

/** Recent recognitions by label text: a figure's labels are recognised more than once, and repeat ("conv", "relu"). */
const recognized = new Map<string, Recognition | undefined>();
const RECOGNIZED_KEPT = 5_000;

/** Recognises one node's text (lines joined by "\n"); undefined when no layer type is found. */
export function recognizeLabel(text: string): Recognition | undefined {
  if (!recognized.has(text)) {
    if (recognized.size >= RECOGNIZED_KEPT) recognized.clear();
    recognized.set(text, recognition(text));
  }
  // A copy: callers fill in the params and shapes of what they get.
  const found = recognized.get(text);
  return found && structuredClone(found);
}

function recognition(text: string): Recognition | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (MODULE_NAME.test(flat)) return undefined;
  // A merge drawn as an operator alone ("+" or "⊕" in a circle): the catalog's spelling of that symbol.
  if (/^[^\p{L}\p{N}\s]$/u.test(flat)) {
    const hit = resolveAlias(flat);
    return hit ? { type: hit.type, params: hit.params, inferred: [], score: 1 } : undefined;
  }
  // Its kind is a guess: a convolution, as the images these figures stand in for need; half the score.
  if (GENERIC_WEIGHT_LAYER.test(flat)) return { type: 'Conv2D', params: {}, inferred: [], score: 0.5 };
  return (text.includes('+') ? withActivation(text) : undefined) ?? recognizeOne(text);
}

/**
 * Paper figures label the tensors between layers: "C1: feature maps 6@28x28", "S2: f. maps", "F6: layer 84",
 * "OUTPUT 10". A map count at a size reads as a convolution's output, a bare count as a dense layer's.
 */
function tensorLabel(text: string): Recognition | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  const maps = flat.match(/(\d+)\s*@\s*(\d+)\s*[x×*]\s*(\d+)/);
  if (maps) {
    const [c, h, w] = [Number(maps[1]), Number(maps[2]), Number(maps[3])];
    return { type: 'Conv2D', params: { filters: c }, inferred: [], outShape: [h, w, c], score: 0.7 };
  }
  if (/\b(?:feature|f\.)\s*maps?\b/i.test(flat)) return { type: 'Conv2D', params: {}, inferred: [], score: 0.6 };
  const count = flat.match(/\b(?:layer|output|units?)\s*:?\s*(\d{1,5})$/i);
  if (count) return { type: 'Dense', params: { units: Number(count[1]) }, inferred: [], outShape: [Number(count[1])], score: 0.6 };
  return undefined;
}

function recognizeOne(text: string): Recognition | undefined {
  // "Conv 1-1", "conv3-2": a block and position index, no size.
  text = text.replace(/\b(\d{1,2})\s*[-_.]\s*(\d{1,2})\b(?!\s*[x×@])/g, ' ');
  if (/@|\b(?:feature|f\.)\s*maps?\b|\b(?:layer|output)\s*:?\s*\d+\s*$/i.test(text)) {
    const tensor = tensorLabel(text);
    if (tensor) {
      // A type word beside the sizes ("Input 1@28×28", "AvgPool 16@5×5") decides; the sizes are its output.
      const named = recognizeOne(text.replace(/\d+\s*@\s*\d+\s*[x×*]\s*\d+|\b(?:feature|f\.)\s*maps?\b|\b(?:layer|output|units?)\s*:?\s*\d+\s*$/gi, ' '));
      if (!named || named.type === tensor.type) return { ...tensor, score: named?.score ?? tensor.score };
      named.outShape ??= tensor.outShape;
      if (named.type === 'Input' && tensor.outShape) named.params.shape ??= tensor.outShape;
      shapeParams(named);
      return named;
    }
  }
  const { inShape, outShape, rest } = shapeRows(text);
  const hit = findType(rest);
  if (!hit) return undefined;
  // "Pooling / avg, 13x13/1": the pooling kind is a word of its own.
  const type = hit.type === 'MaxPool2D' && /\bav(?:e|g|erage)\b/i.test(rest) ? 'AvgPool2D' : hit.type;
  const rec: Recognition = { type, params: { ...hit.params }, inferred: [], score: hit.score };
  const name = findName(rest, hit);
  if (name) rec.name = name;
  if (inShape) rec.inShape = inShape;
  if (outShape) rec.outShape = outShape;
  const row = rest
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^\d+(?:\s+\d+)+$/.test(l));
  if (row && !outShape && (type === 'Conv2D' || type === 'Dense')) {
    rec.widths = row.split(/\s+/).map(Number);
    rec.params[type === 'Dense' ? 'units' : 'filters'] = rec.widths[0]!;
  } else labelParams(type, rest, rec.params, outShape !== undefined);
  writtenActivation(rest, rec);
  shapeParams(rec);
  return rec;
}

/** "Activation: relu", the row Keras plot_model adds with show_layer_activations: the layer's own activation. */
function writtenActivation(rest: string, rec: Recognition): void {
  const written = rest.match(/\bactivation\s*[:;]\s*([A-Za-z][\w-]*)/i);
  if (!written || rec.params.activation !== undefined || !getSpec(rec.type)?.params.some((p) => p.name === 'activation')) return;
  const hit = resolveAlias(written[1]!, { fuzzy: true });
  if (hit?.type === 'Activation' && typeof hit.params.fn === 'string') rec.params.activation = hit.params.fn;
}

/** Caffe draw_net marks a layer by "(Type)"; a node without it in such a figure is a blob. */
export const hasParenthesisedType = (text: string) => /\([A-Za-z][A-Za-z0-9_ ]+\)/.test(text);

/**
 * The layer types a draw_net figure can name: the catalog's Caffe types, Caffe's recurrent layers (which the catalog
 * refuses for generated code, not as names) and the spellings of CAFFE_TYPES ("MAX Pooling"), each letters-only.
 */
const CAFFE_TYPE_NAMES: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  const add = (name: string) => names.set(name.toLowerCase().replace(/[^a-z]/g, ''), name);
  for (const spec of CATALOG) {
    const entries = [spec.targets.caffe, ...Object.values(spec.targets.byFn ?? {}).map((e) => e.caffe)];
    for (const entry of entries) if (entry && !isUnsupported(entry)) add(entry.type);
  }
  for (const name of ['RNN', 'LSTM', 'MAX Pooling', 'AVE Pooling', 'Data', 'MemoryData', 'Deconvolution', 'Eltwise', 'Scale']) add(name);
  return names;
})();

/**
 * Where a draw_net label writes its type: inside the brackets after the name ("conv1 (Convolution) kernel size: 3"),
 * OCR often turning a bracket into "{", "[" or losing one; else, in a label of lines, the line under the name.
 */
function drawNetTypeSpan(text: string): { start: number; end: number } | undefined {
  const bracketed =
    text.match(/[({[]\s*([A-Za-z][A-Za-z ]{1,24}?)\s*(?:[)}\]]|$|\n|\s+(?=kernel|stride|pad))/m) ?? text.match(/([A-Za-z][A-Za-z ]{1,24}?)\s*[)}\]]/);
  if (bracketed) return { start: bracketed.index!, end: bracketed.index! + bracketed[0].length };
  const lines = text.split('\n');
  // One line and no brackets: the name line was lost, the line is the type.
  if (lines.length === 1) return { start: 0, end: text.length };
  if (!/^\S+$/.test(lines[0]!.trim())) return undefined;
  const start = lines[0]!.length + 1;
  return { start, end: start + lines[1]!.length };
}

/** The three numbers draw_net writes under a window's type, by the word before each (OCR typos and all). */
const WINDOW_WORDS = ['size', 'stride', 'pad'] as const;

/**
 * "kernel size: 3 stride: 1 pad: 0" under a convolution or pooling type, written back exactly: three numbers are
 * those three in draw_net's order; fewer are placed by the word before each, when it is within two letters of one.
 */
function windowRows(rest: string): string | undefined {
  const found = [...rest.matchAll(/([A-Za-z]*)[^A-Za-z\d]*(\d+)/g)];
  const values: Partial<Record<(typeof WINDOW_WORDS)[number], string>> = {};
  if (found.length === 3) found.forEach((m, k) => (values[WINDOW_WORDS[k]!] = m[2]!));
  else {
    for (const m of found) {
      const word = WINDOW_WORDS.find((w) => editDistance(m[1]!.toLowerCase(), w) <= 2 && m[1]!.length >= 2);
      if (word && values[word] === undefined) values[word] = m[2]!;
    }
  }
  const rows = [
    values.size !== undefined ? `kernel size: ${values.size}` : '',
    values.stride !== undefined ? `stride: ${values.stride}` : '',
    values.pad !== undefined ? `pad: ${values.pad}` : '',
  ].filter(Boolean);
  return rows.length ? rows.join('\n') : undefined;
}

/**
 * A draw_net label whose type OCR misspelt by more than the one typo the alias table forgives ("(lanes Product)",
 * "Flaten", "LST"): the type is one of few Caffe names, so the nearest within a third of its letters, when no
 * other is as near, is written back in its exact spelling. Undefined when no Caffe type is that near.
 */
export function withDrawNetType(text: string): string | undefined {
  const span = drawNetTypeSpan(text);
  if (!span) return undefined;
  const key = text
    .slice(span.start, span.end)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (key.length < 3) return undefined;
  let best: { name: string; distance: number } | undefined;
  let tie = false;
  for (const [spelling, name] of CAFFE_TYPE_NAMES) {
    const distance = editDistance(key, spelling);
    if (distance > Math.floor(spelling.length / 3)) continue;
    if (!best || distance < best.distance) [best, tie] = [{ name, distance }, false];
    else if (distance === best.distance && name !== best.name) tie = true;
  }
  if (!best || tie) return undefined;
  // The first line is the layer's name: digits alone there are a misread name ("fc9" as "19"), not a width.
  const name = text.slice(0, span.start).trim();
  const window = /Convolution|Pooling/.test(best.name) ? windowRows(text.slice(span.end)) : undefined;
  const after = window ?? text.slice(span.end).trim();
  return [/^\d+$/.test(name) ? '' : name, `(${best.name})`, after].filter(Boolean).join('\n');
}
