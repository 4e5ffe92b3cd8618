/** The catalog as a whole: every layer type once, looked up by canonical name or by a paper's spelling. */
import type { Params } from '../types.ts';
import type { LayerSpec } from './spec.ts';
import { activation } from './layers/activation.ts';
import { dotProductAttention, multiHeadAttention } from './layers/attention.ts';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d } from './layers/convolution.ts';
import { dense, dropout, flatten, input } from './layers/core.ts';
import { add, concat, multiply } from './layers/merge.ts';
import { batchNorm, layerNorm, lrn } from './layers/normalization.ts';
import { avgPool2d, globalAvgPool2d, globalMaxPool2d, maxPool2d } from './layers/pooling.ts';
import { avgPool1d, globalAvgPool1d, globalMaxPool1d, maxPool1d } from './layers/pooling1d.ts';
import { embedding, gru, lstm, simpleRnn } from './layers/recurrent.ts';
import { cropping2d, permute, reshape, upSampling2d, zeroPadding2d } from './layers/reshape.ts';

/** Every layer type once, keyed by its canonical name; the key order is the palette's. */
const SPECS = {
  Input: input,
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv2DTranspose: conv2dTranspose,
  DepthwiseConv2D: depthwiseConv2d,
  MaxPool2D: maxPool2d,
  AvgPool2D: avgPool2d,
  GlobalAvgPool2D: globalAvgPool2d,
  GlobalMaxPool2D: globalMaxPool2d,
  MaxPool1D: maxPool1d,
  AvgPool1D: avgPool1d,
  GlobalMaxPool1D: globalMaxPool1d,
  GlobalAvgPool1D: globalAvgPool1d,
  Dense: dense,
  Flatten: flatten,
  Dropout: dropout,
  BatchNorm: batchNorm,
  LRN: lrn,
  LayerNorm: layerNorm,
  Activation: activation,
  ZeroPadding2D: zeroPadding2d,
  UpSampling2D: upSampling2d,
  Cropping2D: cropping2d,
  Concat: concat,
  Add: add,
  Multiply: multiply,
  Embedding: embedding,
  SimpleRNN: simpleRnn,
  LSTM: lstm,
  GRU: gru,
  Reshape: reshape,
  Permute: permute,
  MultiHeadAttention: multiHeadAttention,
  DotProductAttention: dotProductAttention,
} as const satisfies Record<string, LayerSpec>;

/** A canonical layer type. Tables keyed by it (`Record<LayerType, …>`) must say what to do with every type. */
export type LayerType = keyof typeof SPECS;

/** Every type but the network input, which each target writes as its model's signature. */
export type LoweredLayerType = Exclude<LayerType, 'Input'>;

for (const [key, spec] of Object.entries(SPECS)) {
  if (spec.type !== key) throw new Error(`catalog entry ${spec.type} is filed under ${key}`);
}

export const CATALOG: readonly LayerSpec[] = Object.values(SPECS);

export const LAYER_TYPES = Object.keys(SPECS) as LayerType[];

export function isLayerType(type: string): type is LayerType {
  return Object.hasOwn(SPECS, type);
}

const byType = new Map<string, LayerSpec>(CATALOG.map((spec) => [spec.type, spec]));

export function getSpec(type: string): LayerSpec | undefined {
  return byType.get(type);
}

/** Lower-case, no punctuation or spaces: "Max-Pool" and "max pool" meet as "maxpool". */
export function normaliseSpelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-\s.:]+/g, '')
    .trim();
}

const byAlias = new Map<string, { type: string; params: Params }>();
for (const spec of CATALOG) {
  for (const alias of [{ text: spec.type }, ...spec.aliases]) {
    const key = normaliseSpelling(alias.text);
    if (!byAlias.has(key)) byAlias.set(key, { type: spec.type, params: { ...(alias.params ?? {}) } });
  }
}

/** Edit distance at most 1 (one letter replaced, added or dropped): the OCR typos a spelling may have. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // After the first difference the rest must match once the one edit is made.
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export interface AliasMatch {
  type: string;
  /** Params the spelling implies ("conv3-64" → kernel and filters). */
  params: Params;
  /** 1 for an exact alias or pattern, lower for a fuzzy (OCR-typo) match. */
  score: number;
}

/**
 * A paper's spelling of a layer ("conv3-64", "max pool", "FC-4096", "softmx") → canonical type and the
 * params it implies, or undefined. `fuzzy` also accepts one typo in spellings of five letters or more.
 */
export function resolveAlias(text: string, options: { fuzzy?: boolean } = {}): AliasMatch | undefined {
  const trimmed = text.trim();
  for (const spec of CATALOG) {
    for (const { pattern, params } of spec.patterns ?? []) {
      const match = trimmed.match(pattern);
      if (match) return { type: spec.type, params: params(match), score: 1 };
    }
  }
  const key = normaliseSpelling(trimmed);
  const exact = byAlias.get(key);
  if (exact) return { type: exact.type, params: { ...exact.params }, score: 1 };
  if (!options.fuzzy || key.length < 5) return undefined;
  // The first alias within one typo, in catalog order.
  for (const [alias, hit] of byAlias) {
    if (alias.length >= 5 && withinOneEdit(key, alias)) return { type: hit.type, params: { ...hit.params }, score: 0.8 };
  }
  return undefined;
}
