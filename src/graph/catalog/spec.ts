/** What a catalog entry is: one declarative description of a layer type, read by every stage. */
import type { ParamValue, Params, Shape } from '../types.ts';
import type { LayerTargets } from './targets.ts';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'prelu', 'sigmoid', 'tanh', 'softmax', 'elu', 'gelu'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/**
 * Param kinds. `pair` is `[h, w]` (a bare number n means `[n, n]`); `padding2d` is 'valid' | 'same' | pair;
 * `padding1d` is 'valid' | 'same' | int; `ints` is a list of ints of any length.
 */
export type ParamKind = 'int' | 'float' | 'bool' | 'enum' | 'pair' | 'ints' | 'padding1d' | 'padding2d';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  /** The value when the layer leaves the param out; a function when it depends on other params. */
  default: ParamValue | ((params: Params) => ParamValue);
  /** Inclusive lower bound for numbers (each element of pairs and int lists). */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Allowed values of an `enum`. */
  options?: readonly string[];
  /** One line for the editor's inspector. */
  doc: string;
}

/** A spelling seen in papers; may imply params ("relu" is an Activation with fn relu). */
export interface Alias {
  text: string;
  params?: Params;
}

/** A notation seen in papers that carries params, such as VGG's "conv3-64". */
export interface AliasPattern {
  pattern: RegExp;
  params: (match: RegExpMatchArray) => Params;
}

/**
 * How running text names a layer type: the words written before "layer(s)" ("three fully connected layers",
 * "a max-pooling layer") and, for types with a width, the nouns that count it ("96 filters", "512 units")
 * with the param they set. Prose, table cells and figure labels all read these through src/reading.
 */
export interface ProseWords {
  kinds: readonly string[];
  /** Words that name the layer without "layer" after them ("two LSTMs", "word embeddings"). */
  nouns?: readonly string[];
  width?: { param: string; nouns: readonly string[] };
  /** Words written before the kind that set params: "bidirectional" in "a bidirectional LSTM". */
  modifiers?: ReadonlyArray<{ words: readonly string[]; params: Params }>;
}

export type LayerCategory = 'input' | 'convolution' | 'pooling' | 'core' | 'normalization' | 'activation' | 'merge' | 'reshape' | 'recurrent' | 'attention';

/**
 * What kind of shape problem, for code that repairs graphs rather than shows the message:
 * `merge-mismatch` — branches meeting in a Concat/Add/Multiply do not fit together.
 */
export type ShapeErrorCode = 'merge-mismatch';

/** Raised by an output-shape rule; the validator attaches the layer id. */
export class ShapeError extends Error {
  constructor(
    message: string,
    readonly param?: string,
    readonly code?: ShapeErrorCode,
  ) {
    super(message);
    this.name = 'ShapeError';
  }
}

/**
 * The element type a layer reads: `floats` (token ids fed to it are cast to floats), `ids` (an Embedding:
 * float values fed to it are truncated to ids), or `any` (layout only: the output keeps the input's type).
 */
export type ReadsElements = 'floats' | 'ids' | 'any';

/** Traits every stage reads from the catalog rather than keeping its own list of layer types. */
export interface LayerTraits {
  /** Learns a weight tensor that papers count among a network's layers ("16 weight layers"): convolutions, fully connected. */
  weightLayer: boolean;
  /** A sliding window over the spatial axes, sized by its kernel (or pool), stride and padding. */
  window?: 'convolution' | 'pooling';
  /**
   * With `window`: how many spatial axes it slides over — 2 for images ([H, W, C]: Conv2D, pools), 1 for
   * sequences ([T, F]: Conv1D). Readers of papers' tables and sentences, which describe image networks
   * ("3×3 conv, 64", "the 28×28 map"), ask for the 2-axis windows.
   */
  spatialAxes?: 1 | 2;
  /** With `window`: a transposed window (Conv2DTranspose) whose output grows by the stride instead of shrinking. */
  transposed?: boolean;
  reads: ReadsElements;
}

export interface LayerSpec {
  /** Canonical name, as written in graph JSON. */
  type: string;
  category: LayerCategory;
  /** One line for the palette. */
  doc: string;
  aliases: Alias[];
  patterns?: AliasPattern[];
  prose?: ProseWords;
  params: ParamSpec[];
  /** How many inputs the layer takes. */
  arity: { min: number; max: number };
  /** Output shape from the input shapes and resolved params; throws ShapeError when they do not fit. */
  outputShape: (inputs: Shape[], params: Params) => Shape;
  /** How the layer maps to each code-generation target. */
  targets: LayerTargets;
  /** Traits left out: no weight layer, no sliding window, reads floats. */
  traits?: Partial<LayerTraits>;
}
