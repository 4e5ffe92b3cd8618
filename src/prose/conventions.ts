/**
 * Paper-wide conventions stated once in the text and left out of the tables: "Max-pooling is performed
 * over a 2 × 2 pixel window, with stride 2", pooling "spaced s pixels apart … of size z × z … with s = 2 and
 * z = 3", "the spatial resolution is preserved after convolution", "We adopt batch normalization (BN) right
 * after each convolution", the normalization constants "k = 2, n = 5, α = 10−4, and β = 0.75", dropout
 * "with probability 0.5", the number of classes, and whether the images are grey-level.
 */
import type { Sentence } from './sentences.ts';
import { normaliseLayerText } from '../tables/index.ts';
import { classCountsIn, proseForm } from '../reading/index.ts';

export interface Conventions {
  pool?: { pool: [number, number]; stride?: [number, number]; sentence: Sentence };
  samePadding?: { sentence: Sentence };
  batchNormAfterConv?: { sentence: Sentence };
  /** Local response normalization constants, in the catalog's names (size = n). */
  lrn?: { params: { size?: number; alpha?: number; beta?: number; k?: number }; sentence: Sentence };
  dropout?: { rate: number; sentence: Sentence };
  /** "one of the ten classes", "1000 class labels": every class count the paper states, in text order. */
  classes?: Array<{ count: number; sentence: Sentence }>;
  /**
   * "the number of neurons in the network's remaining layers is given by 253,440–186,624–…–1000": neurons per
   * layer, in order, for every such statement.
   */
  neuronCounts?: Array<{ counts: number[]; sentence: Sentence }>;
  /** "The squashing function is a scaled hyperbolic tangent", "we use ReLU as the activation function": every such statement. */
  activations?: Array<{ fn: string; sentence: Sentence }>;
  /** Input channels the paper's image descriptions imply (1 for grey-level or binary images, 3 for colour). */
  channels?: { count: 1 | 3; sentence: Sentence };
}

const strip = (s: Sentence) => normaliseLayerText(s.text).replace(/\[\d+(?:\s*,\s*\d+)*\]\s*/g, '');
/** How far (in sentences) a symbol's definition reaches: "spaced s pixels apart" … "with s = 2". */
const SYMBOL_REACH = 6;

/** "0.75", "10-4" (10⁻⁴ with the superscript flattened), "1e-4", "10^-4". */
function numberOf(text: string): number | undefined {
  const power = /^10\s*(?:\^\s*)?-\s*(\d)\b/.exec(text);
  if (power) return Number(`1e-${power[1]}`);
  const m = /^(\d+(?:\.\d+)?(?:e-?\d+)?)/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Numeric assignments in a sentence: "k = 2, n = 5, α = 10-4" → {k: 2, n: 5, α: 0.0001}. */
function assignments(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of text.matchAll(/(?:^|[\s,(;])([a-zα-ω]|alpha|beta)\s*=\s*([\d.^e-]+)/gi)) {
    const value = numberOf(m[2]);
    if (value !== undefined && Number.isFinite(value)) found.set(m[1].toLowerCase(), value);
  }
  return found;
}

/** "spaced s pixels apart" / "a neighborhood of size z x z": the letters a paper uses for pooling stride and window. */
function poolSymbols(t: string): { stride?: string; window?: string } {
  const stride = /spaced\s+([a-z])\s+(?:pixels?|units?)\s+apart|\bstride\s+(?:of\s+)?([a-z])\b(?!\s*\d)/i.exec(t);
  const window = /(?:neighbou?rhood|window|region)\s+(?:of\s+)?(?:size\s+)?([a-z])\s*x\s*([a-z])\b/i.exec(t);
  return {
    ...(stride ? { stride: (stride[1] ?? stride[2]).toLowerCase() } : {}),
    ...(window && window[1].toLowerCase() === window[2].toLowerCase() ? { window: window[1].toLowerCase() } : {}),
  };
}

/** The first later sentence that gives both pooling letters numbers, preferring the one the authors say they use. */
function poolFromSymbols(sentences: Sentence[], at: number, symbols: { stride: string; window: string }): Conventions['pool'] {
  const near = sentences.slice(at, at + SYMBOL_REACH).map((sentence) => ({ sentence, values: assignments(strip(sentence)) }));
  const stated = near.filter(({ values }) => values.has(symbols.stride) && values.has(symbols.window));
  const chosen = stated.find(({ sentence }) => /\bwe\s+(?:use|set|choose|adopt)|\bour\s+(?:network|model|net)|throughout/i.test(sentence.text)) ?? stated[0];
  if (!chosen) return undefined;
  const z = chosen.values.get(symbols.window)!;
  const s = chosen.values.get(symbols.stride)!;
  if (!Number.isInteger(z) || !Number.isInteger(s) || z < 1 || z > 8 || s < 1 || s > 8) return undefined;
  return { pool: [z, z], stride: [s, s], sentence: chosen.sentence };
}

const LRN_SYMBOLS: Record<string, 'size' | 'alpha' | 'beta' | 'k'> = { n: 'size', α: 'alpha', alpha: 'alpha', β: 'beta', beta: 'beta', k: 'k' };

/** "we used k = 2, n = 5, α = 10-4, and β = 0.75" near a sentence about response normalization. */
function lrnConstants(sentences: Sentence[], i: number): Conventions['lrn'] {
  const values = assignments(strip(sentences[i]));
  const params: NonNullable<Conventions['lrn']>['params'] = {};
  for (const [symbol, value] of values) if (LRN_SYMBOLS[symbol]) params[LRN_SYMBOLS[symbol]] = value;
  if (Object.keys(params).length < 3) return undefined;
  const context = sentences
    .slice(Math.max(0, i - 4), i + 3)
    .some((s) => /response[- ]?normali[sz]|\blrn\b|local\s+(?:response|contrast|brightness)\s+normali[sz]/i.test(s.text));
  if (!context || (params.size !== undefined && (!Number.isInteger(params.size) || params.size < 1 || params.size > 15))) return undefined;
  return { params, sentence: sentences[i] };
}

const FUNCTIONS: Array<[RegExp, string]> = [
  [/hyperbolic\s+tangent|\btanh\b/i, 'tanh'],
  [/leaky\s+relu|leaky\s+rectifi/i, 'leaky_relu'],
  [/\brelu\b|rectified\s+linear|rectifier/i, 'relu'],
  [/\bsigmoid\b|logistic/i, 'sigmoid'],
  [/\belu\b|exponential\s+linear/i, 'elu'],
];
const NAMES =
  '(?:a\\s+|the\\s+)?(?:scaled\\s+)?(hyperbolic\\s+tangent|tanh|leaky\\s+relu|relu|rectified\\s+linear(?:\\s+units?)?|sigmoid|logistic(?:\\s+function)?|elu)';
const ACTIVATION_STATEMENTS = [
  // "The squashing function is a scaled hyperbolic tangent", "the activation function used is ReLU"
  new RegExp(`\\b(?:squashing|activation|transfer|non-?linear(?:ity)?)\\s+function\\s+(?:used\\s+)?(?:is|was)\\s+${NAMES}`, 'i'),
  // "All hidden layers are equipped with the rectification (ReLU) non-linearity", "all hidden layers use tanh"
  new RegExp(
    `\\b(?:all|every|each)\\s+hidden\\s+(?:layers?|units?)\\s+(?:are\\s+equipped\\s+with|use|uses|have|apply)\\s+(?:the\\s+)?(?:rectification\\s+\\(\\s*)?${NAMES}`,
    'i',
  ),
  // "We use ReLU as the activation function", "using tanh as non-linearity"
  new RegExp(`\\b(?:we\\s+use|using)\\s+${NAMES}\\s+(?:as\\s+(?:the\\s+|our\\s+)?)(?:activation|non-?linearity|squashing)`, 'i'),
];

/** The activation function a sentence says the network uses, in the catalog's names. */
function activationStated(t: string): string | undefined {
  const m = ACTIVATION_STATEMENTS.map((re) => re.exec(t)).find(Boolean);
  return m ? FUNCTIONS.find(([re]) => re.test(m[1]))?.[1] : undefined;
}

const GREY = /\bgr[ae]y[- ]?(?:levels?|scale)|\bgrayscale\b|\bblack[- ]and[- ]white\b|\bbi-?level\b|\bbinary\s+images?\b|\bmonochrome\b/gi;
const COLOUR = /\bRGB\b|\bcolou?r\s+(?:images?|channels?|photographs?)\b|\bthree[- ](?:colou?r[- ])?channels?\b/gi;

export function readConventions(sentences: Sentence[]): Conventions {
  const found: Conventions = {};
  const classes: NonNullable<Conventions['classes']> = [];
  const neuronCounts: NonNullable<Conventions['neuronCounts']> = [];
  const activations: NonNullable<Conventions['activations']> = [];
  let grey: { n: number; sentence?: Sentence } = { n: 0 };
  let colour: { n: number; sentence?: Sentence } = { n: 0 };
  sentences.forEach((sentence, i) => {
    const t = strip(sentence);
    if (!found.pool && /max[- ]?pool/i.test(t)) {
      const window = /(\d+)x(\d+)\s+(?:pixel\s+)?(?:window|region|neighbou?rhood)/i.exec(t);
      const stride = /\bstride\s+(?:of\s+)?(\d+)/i.exec(t);
      if (window && Number(window[1]) <= 8) {
        found.pool = {
          pool: [Number(window[1]), Number(window[2])],
          sentence,
          ...(stride ? { stride: [Number(stride[1]), Number(stride[1])] as [number, number] } : {}),
        };
      }
    }
    if (!found.pool && /pool/i.test(t)) {
      const symbols = poolSymbols(t);
      const pool = symbols.stride && symbols.window ? poolFromSymbols(sentences, i, { stride: symbols.stride, window: symbols.window }) : undefined;
      if (pool) found.pool = pool;
    }
    if (!found.samePadding && /pad/i.test(t) && /(resolution|spatial size|size)\s+is\s+preserved|"same"\s+padding|\bsame\s+padding/i.test(t))
      found.samePadding = { sentence };
    if (
      !found.batchNormAfterConv &&
      (/batch\s*-?\s*norm\w*(?:\s*\(bn\))?[^.]{0,60}\b(?:after|following)\s+(?:each|every|all)\s+(?:the\s+)?conv/i.test(t) ||
        /\b(?:all|each|every)\s+(?:conv\w*\s+)?layers?\s+(?:are|is)\s+followed\s+by\s+(?:a\s+)?batch\s*-?\s*norm/i.test(t))
    ) {
      found.batchNormAfterConv = { sentence };
    }
    const lrn = !found.lrn && /=/.test(t) ? lrnConstants(sentences, i) : undefined;
    if (lrn) found.lrn = lrn;
    if (!found.dropout && /drop-?out/i.test(t)) {
      const rate = /(?:probability|rate|ratio|\bp\s*=)\s*(?:of\s+)?(0?\.\d+)/i.exec(t);
      if (rate && Number(rate[1]) > 0 && Number(rate[1]) < 1) found.dropout = { rate: Number(rate[1]), sentence };
    }
    for (const count of classCountsIn(proseForm(t))) classes.push({ count, sentence });
    const counts =
      /\b(?:number\s+of\s+)?(?:neurons|units)\s+(?:in|of)\s+[^.]{0,60}?\blayers\b[^.\d]{0,30}?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\s*-\s*(?:\d{1,3}(?:,\d{3})+|\d+)){3,})/i.exec(
        t,
      );
    if (counts) neuronCounts.push({ counts: counts[1].split(/\s*-\s*/).map((n) => Number(n.replace(/,/g, ''))), sentence });
    const fn = activationStated(t);
    if (fn) activations.push({ fn, sentence });
    const g = t.match(GREY)?.length ?? 0;
    const c = t.match(COLOUR)?.length ?? 0;
    if (g) grey = { n: grey.n + g, sentence: grey.sentence ?? sentence };
    if (c) colour = { n: colour.n + c, sentence: colour.sentence ?? sentence };
  });
  if (classes.length) found.classes = classes;
  if (neuronCounts.length) found.neuronCounts = neuronCounts;
  if (activations.length) found.activations = activations;
  if (grey.n > colour.n && grey.sentence) found.channels = { count: 1, sentence: grey.sentence };
  else if (colour.n > grey.n && colour.sentence) found.channels = { count: 3, sentence: colour.sentence };
  return found;
}
