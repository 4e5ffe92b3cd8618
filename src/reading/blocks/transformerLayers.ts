/**
 * The sub-layers of a transformer, as catalog layers: attention with explicit query/key/value/output
 * projections (Dense) around a DotProductAttention core, the position-wise feed-forward network, and the
 * residual Add + LayerNorm that wraps each (normalised after the sum).
 */
import type { LayerStack } from './layerStack.ts';

export interface AttentionSettings {
  /** Width of the model: every projection maps to it. */
  dModel: number;
  heads: number;
  /** Mask later steps (decoder self-attention). */
  causal?: boolean;
}

/** Dense Q, K, V → DotProductAttention → Dense O: 4 Dense layers. `memory` gives keys and values for cross-attention. */
export function attentionWithProjections(stack: LayerStack, prefix: string, query: string, settings: AttentionSettings, memory: string = query): string {
  const project = (what: string, from: string) => stack.add('Dense', [from], { units: settings.dModel }, { id: `${prefix}_${what}` });
  const q = project('query', query);
  const k = project('key', memory);
  const v = project('value', memory);
  const params = { heads: settings.heads, ...(settings.causal ? { causal: true } : {}) };
  const mixed = stack.add('DotProductAttention', [q, k, v], params, { id: `${prefix}_attention` });
  return project('output', mixed);
}

export interface FeedForwardSettings {
  dModel: number;
  dFF: number;
  activation: 'relu' | 'gelu';
  /** True when dFF was not stated but taken from a convention (4 × dModel). */
  dFFInferred?: boolean;
}

/** Dense(dFF, activation) → Dense(dModel): 2 Dense layers. */
export function feedForward(stack: LayerStack, prefix: string, x: string, settings: FeedForwardSettings): string {
  const inner = stack.add(
    'Dense',
    [x],
    { units: settings.dFF, activation: settings.activation },
    { id: `${prefix}_inner`, inferred: settings.dFFInferred ? ['units'] : [] },
  );
  return stack.add('Dense', [inner], { units: settings.dModel }, { id: `${prefix}_output` });
}

/** LayerNorm(x + sublayer(x)): one Add, one LayerNorm. */
export function addAndNorm(stack: LayerStack, prefix: string, x: string, sublayer: string): string {
  return stack.add('LayerNorm', [stack.add('Add', [x, sublayer], {}, { id: `${prefix}_residual` })], {}, { id: `${prefix}_norm` });
}

export type EncoderLayerSettings = Omit<AttentionSettings, 'causal'> & FeedForwardSettings;

/** Self-attention, then feed-forward, each with Add + LayerNorm: 6 Dense, 2 Add. */
export function encoderLayer(stack: LayerStack, prefix: string, x: string, settings: EncoderLayerSettings): string {
  const attended = addAndNorm(stack, `${prefix}_self`, x, attentionWithProjections(stack, `${prefix}_self`, x, settings));
  return addAndNorm(stack, `${prefix}_ffn`, attended, feedForward(stack, `${prefix}_ffn`, attended, settings));
}

/** Masked self-attention, attention over the encoder output, feed-forward, each with Add + LayerNorm: 10 Dense, 3 Add. */
export function decoderLayer(stack: LayerStack, prefix: string, x: string, memory: string, settings: EncoderLayerSettings): string {
  const own = addAndNorm(stack, `${prefix}_self`, x, attentionWithProjections(stack, `${prefix}_self`, x, { ...settings, causal: true }));
  const crossed = addAndNorm(stack, `${prefix}_cross`, own, attentionWithProjections(stack, `${prefix}_cross`, own, settings, memory));
  return addAndNorm(stack, `${prefix}_ffn`, crossed, feedForward(stack, `${prefix}_ffn`, crossed, settings));
}
