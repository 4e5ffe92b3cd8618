/**
 * The block library: standard blocks a text names by their settings instead of drawing them, expanded into
 * ordinary catalog layers so the code generated from them runs.
 */
export { LayerStack, type LayerOptions } from './layerStack.ts';
export { transformerEncoderDecoder, type TransformerOptions } from './transformer.ts';
export { bertEncoder, type BertOptions } from './bert.ts';
export {
  attentionWithProjections,
  feedForward,
  addAndNorm,
  encoderLayer,
  decoderLayer,
  type AttentionSettings,
  type FeedForwardSettings,
  type EncoderLayerSettings,
} from './transformerLayers.ts';
export { basicBlock, bottleneckBlock, type ResidualOptions, type BottleneckOptions } from './residual.ts';
export { denseLayer, denseBlock, transitionLayer, type DenseLayerOptions, type DenseBlockOptions, type TransitionOptions } from './denseNet.ts';
