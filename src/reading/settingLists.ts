/**
 * Lists of model settings, one setting per table row or per "key = value" clause ("Convolutional layers | 3",
 * "Filters per layer | 64, 128, 128", "Kernel sizes | 7, 5, 3", "Pooling | global max", "Dense layers | 256, 64",
 * "Output | 1 (linear)"; "hidden layers = [400, 400, 400]"): the layers they state, kind by kind in the order
 * the kinds first appear. Which words name a kind is the catalog's (`kindNamed`); settings that name none
 * (optimizer, batch size, learning rate) state no layer.
 */
import { getSpec, traitsOf, type Params } from '../graph/index.ts';
import { numbersIn } from './numbers.ts';
import type { LayerDraft } from './types.ts';
import { kindNamed, namedParams, typeCountedBy, widthParam } from './vocabulary.ts';

export interface SettingRow {
  key: string;
  value: string;
}

interface KindGroup {
  type: string;
  count?: number;
  widths?: number[];
  kernels?: number[];
  strides?: number[];
  params: Params;
  text: string;
  /** A pooling placed after these convolutions, counted from 1 ("pool_after: [2, 4]"), or after each. */
  after?: number[] | 'each';
}

/** "number of layers", "# layers", "LSTM layers | 2": a count of layers. */
const COUNT_KEY = /\b(?:number|num\.?|no\.?)\s+of\b|#|\b(?:layers|blocks|depth)\s*$/i;
/** "kernel sizes", "filter widths", "window": the windows of the convolutions ("filters" alone counts them). */
const KERNEL_KEY =
  /\b(?:kernel|window|receptive field)s?\s*(?:sizes?|widths?|lengths?|shapes?)?\s*$|\bfilter\s*(?:sizes?|widths?|lengths?|shapes?)\s*$|\bwindows?\b/i;
/** "strides", "stride": the strides of the convolutions. */
const STRIDE_KEY = /\bstrides?\s*$/i;
/** Width words that are no catalog noun ("hidden size", "embedding dimension"). */
const WIDTH_KEY = /\b(?:size|dim|dims|dimension|dimensions|dimensionality|width|units|neurons|filters|channels|feature maps|kernels|cells)\b/i;
/** The key of the network's last layer ("Output", "Output layer", "Output units", "Output classes", "Number of classes"). */
const OUTPUT_KEY = /^\s*(?:the\s+)?output(?:\s+(?:layer|units?|size|dim\w*|neurons?|classes))?\s*$|^\s*(?:number\s+of\s+|#\s*)?(?:output\s+)?classes\s*$/i;
const ACTIVATION = /\b(relu|sigmoid|tanh|softmax|linear|elu|gelu)\b/i;
/** A count of layers is small; a larger lone number on a "layers" key is their width. */
const MAX_COUNT = 16;

/** The catalog kind the key names: its longest run of words the vocabulary knows, leftmost first. */
function kindOfKey(key: string): string | undefined {
  const words = key
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, ' ')
    .trim()
    .split(' ');
  for (let span = 3; span >= 1; span--) {
    for (let i = 0; i + span <= words.length; i++) {
      const phrase = words.slice(i, i + span).join(' ');
      const kind = kindNamed(phrase) ?? kindNamed(phrase.replace(/s$/, ''));
      if (kind) return kind.type;
    }
  }
  return undefined;
}

/** The numbers a value states, thousands separators read ("20,000"), a bracketed list as its items ("(16, 32)", "[400, 400]"), asides
 * in brackets left out ("6 (one per action)"); decimals are no layer size. */
function valueNumbers(value: string): number[] {
  const list = /^\s*[([{]([^)\]}]*)[)\]}]\s*$/.exec(value);
  const cleaned = (list ? list[1] : value).replace(/(\d),(\d{3})\b/g, '$1$2');
  if (/\d\.\d/.test(cleaned) && !/\d\s*[,;]\s*\d/.test(cleaned)) return [];
  return numbersIn(cleaned.replace(/\(.*?\)/g, ' '));
}

/** A pooling setting's value ("global max", "max, 2", "average"): the pool it states. */
function poolOf(value: string, text: string): KindGroup {
  const global = /\bglobal\b|over time|over the sequence/i.test(value);
  const average = /\b(?:avg|average|mean)\b/i.test(value);
  const type = global ? (average ? 'GlobalAvgPool2D' : 'GlobalMaxPool2D') : average ? 'AvgPool2D' : 'MaxPool2D';
  const size = global ? undefined : valueNumbers(value)[0];
  return { type, params: size ? { pool: [size, size] } : {}, text };
}

/** Each layer of a group: its count from the stated count or its lists, a single stated width or window shared. */
function layersOf(group: KindGroup): LayerDraft[] {
  const count = group.count ?? Math.max(group.widths?.length ?? 1, group.kernels?.length ?? 1);
  const width = widthParam(group.type);
  return Array.from({ length: count }, (_, i) => {
    const params: Params = { ...group.params };
    const w = group.widths?.length === count ? group.widths[i] : group.widths?.length === 1 ? group.widths[0] : undefined;
    if (width && w !== undefined) params[width] = w;
    const k = group.kernels?.length === count ? group.kernels[i] : group.kernels?.length === 1 ? group.kernels[0] : undefined;
    if (k !== undefined) params.kernel = [k, k];
    const s = group.strides?.length === count ? group.strides[i] : group.strides?.length === 1 ? group.strides[0] : undefined;
    if (s !== undefined) params.stride = [s, s];
    return { type: group.type, params, inferred: [], text: group.text };
  });
}

/** The layers a list of settings states, or undefined when it states fewer than two kinds with weights. */
export function settingListLayers(rows: SettingRow[]): LayerDraft[] | undefined {
  const groups: KindGroup[] = [];
  let output: LayerDraft | undefined;
  const groupOf = (type: string, text: string) => {
    let group = groups.find((g) => g.type === type);
    if (!group) groups.push((group = { type, params: {}, text }));
    return group;
  };
  for (const { key: stated, value } of rows) {
    const text = `${stated}: ${value}`;
    // "Conv. layers (kernel 9)": an aside in the key states a window of the layers it counts.
    const aside = /\(\s*(?:kernel|filter|window)\s*(?:size|width)?\s*[:=]?\s*(\d{1,2})\s*\)/i.exec(stated);
    const key = stated.replace(/\([^)]*\)/g, ' ').trim();
    const numbers = valueNumbers(value);
    // (a configuration file's scoped key, "head outputs": its last word)
    if (OUTPUT_KEY.test(key) || /^outputs?$/i.test(key.split(/\s+/).pop() ?? '')) {
      if (numbers.length === 1) output = { type: 'Dense', params: { units: numbers[0], ...activationOf(value) }, inferred: [], text };
      continue;
    }
    const named = kindOfKey(key);
    if (named && traitsOf(named).window === 'pooling') {
      // "pool after: [2, 4] (2×2 max pooling …)": the positions of the convolutions it follows, its window in the aside.
      const placed = /\b(?:after|at|positions?)\b/i.test(key) && numbers.length > 0 && numbers.every((n) => n >= 1 && n <= MAX_COUNT);
      // "pool = max 2×2 after every convolution": after each of them.
      const afterEach = /\bafter\s+(?:every|each)\s+(?:conv\w*|layer)\b/i.test(value);
      if (afterEach) groups.push({ ...poolOf(`${key} ${value}`, text), after: 'each' });
      else if (placed) {
        const window = /(\d{1,2})\s*x\s*\d{1,2}/.exec(value);
        groups.push({ ...poolOf(`${key} ${value}`, text), params: window ? { pool: [Number(window[1]), Number(window[1])] } : {}, after: numbers });
      } else groups.push(poolOf(`${key} ${value}`, text));
      continue;
    }
    const windowed = KERNEL_KEY.test(key) && !COUNT_KEY.test(key) ? 'kernels' : STRIDE_KEY.test(key) ? 'strides' : undefined;
    if (windowed) {
      const convolution = [...groups].reverse().find((g) => traitsOf(g.type).window === 'convolution');
      if (convolution && numbers.length) convolution[windowed] = numbers;
      continue;
    }
    // "Filters per layer": a key without a kind whose width noun says which kind it sizes.
    // ("hidden = [128]": the hidden fully connected layers)
    const type = named ?? (WIDTH_KEY.test(key) ? typeCountedBy(WIDTH_KEY.exec(key)![0].toLowerCase()) : /\bhidden\s*$/i.test(key) ? 'Dense' : undefined);
    if (!type || !widthParam(type) || numbers.length === 0) continue;
    const group = groupOf(type, text);
    // ("BiGRU layers": the catalog's name sets the flag it carries)
    Object.assign(group.params, activationOf(value), namedParams(type, key));
    if (aside) group.kernels ??= [Number(aside[1])];
    const lone = numbers.length === 1 ? numbers[0] : undefined;
    if (lone !== undefined && COUNT_KEY.test(key) && !WIDTH_KEY.test(key) && lone <= MAX_COUNT) group.count = lone;
    else group.widths = numbers;
  }
  const layers = [...groups.filter((g) => !g.after).flatMap(layersOf), ...(output ? [output] : [])];
  for (const pool of groups.filter((g) => g.after)) {
    const convolutions = layers.filter((l) => traitsOf(l.type).window === 'convolution');
    const positions = pool.after === 'each' ? convolutions.map((_, k) => k + 1) : pool.after!;
    for (const n of [...positions].sort((a, b) => b - a)) {
      const after = convolutions[n - 1];
      if (after) layers.splice(layers.indexOf(after) + 1, 0, { type: pool.type, params: { ...pool.params }, inferred: [], text: pool.text });
    }
  }
  const weighted = layers.filter((l) => widthParam(l.type) !== undefined && l.params[widthParam(l.type)!] !== undefined);
  if (weighted.length < 2 || groups.length + (output ? 1 : 0) < 2) return undefined;
  // Over tokens or steps (an embedding, a recurrent layer), convolutions run along the sequence.
  const sequence = layers.some((l) => l.type === 'Embedding' || getSpec(l.type)?.category === 'recurrent');
  return sequence ? layers.map((l) => (l.type === 'Conv2D' ? { ...l, type: 'Conv1D' } : l)) : layers;
}

function activationOf(value: string): Params {
  const fn = ACTIVATION.exec(value);
  return fn ? { activation: fn[1].toLowerCase() } : {};
}
