/**
 * Well-known networks and pieces of them, written as paper2net graphs, for runtime tests of the
 * emitters: each exercises layers and wiring the papers use (branches, merges, grouped and
 * depthwise convolutions, Caffe pooling, recurrent and attention layers). Where two tests need
 * the same network in different sizes or spellings, the builder takes parameters.
 */
import { GRAPH_FORMAT, type Graph, type Layer, type Params } from '../../src/graph/index.ts';

/** Builds a graph quickly: each layer is fed by the previous one unless `inputs` says otherwise. */
class Chain {
  private readonly layers: Layer[] = [];
  private last = '';

  add(id: string, type: string, params: Params = {}, inputs?: string[]): this {
    this.layers.push({ id, type, params, ...(type === 'Input' ? {} : { inputs: inputs ?? [this.last] }) });
    this.last = id;
    return this;
  }

  graph(name: string): Graph {
    return { format: GRAPH_FORMAT, name, layers: this.layers };
  }
}

const relu = { activation: 'relu' };

/** LeNet-5 as in LeCun et al. 1998, Fig. 2 (tanh units, average subsampling). */
export function lenet5(): Graph {
  return new Chain()
    .add('input', 'Input', { shape: [32, 32, 1] })
    .add('C1', 'Conv2D', { filters: 6, kernel: 5, activation: 'tanh' })
    .add('S2', 'AvgPool2D', { pool: 2 })
    .add('C3', 'Conv2D', { filters: 16, kernel: 5, activation: 'tanh' })
    .add('S4', 'AvgPool2D', { pool: 2 })
    .add('flatten', 'Flatten')
    .add('C5', 'Dense', { units: 120, activation: 'tanh' })
    .add('F6', 'Dense', { units: 84, activation: 'tanh' })
    .add('output', 'Dense', { units: 10, activation: 'softmax' })
    .graph('LeNet-5');
}

/** LeNet as in Caffe's MNIST example (max pooling, ReLU, a separate softmax layer). */
export function mnistLenet(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [28, 28, 1] })
    .add('conv1', 'Conv2D', { filters: 20, kernel: [5, 5] })
    .add('pool1', 'MaxPool2D', { pool: [2, 2], stride: [2, 2] })
    .add('conv2', 'Conv2D', { filters: 50, kernel: [5, 5] })
    .add('pool2', 'MaxPool2D', { pool: [2, 2], stride: [2, 2] })
    .add('flatten', 'Flatten')
    .add('ip1', 'Dense', { units: 500, ...relu })
    .add('ip2', 'Dense', { units: 10 })
    .add('prob', 'Activation', { fn: 'softmax' })
    .graph('LeNet');
}

/** AlexNet's two-GPU convolutions (groups = 2) with LRN, as in the Caffe reference model; `fc` narrows the classifier to keep weight files small. */
export function alexnet(fc = 4096): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [227, 227, 3] })
    .add('conv1', 'Conv2D', { filters: 96, kernel: 11, stride: 4, ...relu })
    .add('norm1', 'LRN', { size: 5, alpha: 1e-4, beta: 0.75 })
    .add('pool1', 'MaxPool2D', { pool: 3, stride: 2, ceil_mode: true })
    .add('conv2', 'Conv2D', { filters: 256, kernel: 5, padding: [2, 2], groups: 2, ...relu })
    .add('norm2', 'LRN', { size: 5, alpha: 1e-4, beta: 0.75 })
    .add('pool2', 'MaxPool2D', { pool: 3, stride: 2, ceil_mode: true })
    .add('conv3', 'Conv2D', { filters: 384, kernel: 3, padding: [1, 1], ...relu })
    .add('conv4', 'Conv2D', { filters: 384, kernel: 3, padding: [1, 1], groups: 2, ...relu })
    .add('conv5', 'Conv2D', { filters: 256, kernel: 3, padding: [1, 1], groups: 2, ...relu })
    .add('pool5', 'MaxPool2D', { pool: 3, stride: 2, ceil_mode: true })
    .add('flatten', 'Flatten')
    .add('fc6', 'Dense', { units: fc, ...relu })
    .add('drop6', 'Dropout')
    .add('fc7', 'Dense', { units: fc, ...relu })
    .add('drop7', 'Dropout')
    .add('fc8', 'Dense', { units: 1000, activation: 'softmax' })
    .graph('AlexNet');
}

/** VGG-16 (configuration D); `size`, `classes` and `fc` give the CIFAR-sized variant that runtimes without a fast backend can run. */
export function vgg16(size = 224, classes = 1000, fc = 4096): Graph {
  const chain = new Chain().add('input', 'Input', { shape: [size, size, 3] });
  const blocks = [
    [64, 2],
    [128, 2],
    [256, 3],
    [512, 3],
    [512, 3],
  ] as const;
  blocks.forEach(([filters, convs], b) => {
    for (let c = 1; c <= convs; c++) chain.add(`conv${b + 1}_${c}`, 'Conv2D', { filters, kernel: [3, 3], padding: 'same', ...relu });
    chain.add(`pool${b + 1}`, 'MaxPool2D', { pool: [2, 2], stride: [2, 2] });
  });
  return chain
    .add('flatten', 'Flatten')
    .add('fc6', 'Dense', { units: fc, ...relu })
    .add('drop6', 'Dropout', { rate: 0.5 })
    .add('fc7', 'Dense', { units: fc, ...relu })
    .add('drop7', 'Dropout', { rate: 0.5 })
    .add('fc8', 'Dense', { units: classes, activation: 'softmax' })
    .graph('VGG-16');
}

/**
 * Two ResNet basic blocks: identity shortcut, then a strided block with a 1×1 projection.
 * `stridedPadding` 'same' gives the strided conv Keras' asymmetric padding instead of ResNet's explicit pad.
 */
export function resnetBlocks(stridedPadding: 'same' | [number, number] = [1, 1]): Graph {
  return new Chain()
    .add('image', 'Input', { shape: [56, 56, 64] })
    .add('res2a_conv1', 'Conv2D', { filters: 64, kernel: 3, padding: 'same', use_bias: false })
    .add('res2a_bn1', 'BatchNorm')
    .add('res2a_relu1', 'Activation', { fn: 'relu' })
    .add('res2a_conv2', 'Conv2D', { filters: 64, kernel: 3, padding: 'same', use_bias: false })
    .add('res2a_bn2', 'BatchNorm')
    .add('res2a_add', 'Add', {}, ['res2a_bn2', 'image'])
    .add('res2a_out', 'Activation', { fn: 'relu' })
    .add('res3a_conv1', 'Conv2D', { filters: 128, kernel: 3, stride: 2, padding: stridedPadding, use_bias: false })
    .add('res3a_bn1', 'BatchNorm')
    .add('res3a_relu1', 'Activation', { fn: 'relu' })
    .add('res3a_conv2', 'Conv2D', { filters: 128, kernel: 3, padding: 'same', use_bias: false })
    .add('res3a_bn2', 'BatchNorm')
    .add('res3a_proj', 'Conv2D', { filters: 128, kernel: 1, stride: 2, use_bias: false }, ['res2a_out'])
    .add('res3a_proj_bn', 'BatchNorm')
    .add('res3a_add', 'Add', {}, ['res3a_bn2', 'res3a_proj_bn'])
    .add('res3a_out', 'Activation', { fn: 'relu' })
    .graph('ResNet-34 conv2_x/conv3_1');
}

/**
 * GoogLeNet's stem pooling (Caffe ceil rounding) and inception (3a): four branches joined by Concat.
 * `padding` spells the branch pads as Caffe's explicit numbers or as Keras' 'same'.
 */
export function inception3a(padding: 'explicit' | 'same' = 'explicit'): Graph {
  const pad = (p: number): 'same' | [number, number] => (padding === 'same' ? 'same' : [p, p]);
  return new Chain()
    .add('data', 'Input', { shape: [57, 57, 192] })
    .add('pool2/3x3_s2', 'MaxPool2D', { pool: 3, stride: 2, ceil_mode: true })
    .add('inception_3a/1x1', 'Conv2D', { filters: 64, kernel: 1, ...relu }, ['pool2/3x3_s2'])
    .add('inception_3a/3x3_reduce', 'Conv2D', { filters: 96, kernel: 1, ...relu }, ['pool2/3x3_s2'])
    .add('inception_3a/3x3', 'Conv2D', { filters: 128, kernel: 3, padding: pad(1), ...relu })
    .add('inception_3a/5x5_reduce', 'Conv2D', { filters: 16, kernel: 1, ...relu }, ['pool2/3x3_s2'])
    .add('inception_3a/5x5', 'Conv2D', { filters: 32, kernel: 5, padding: pad(2), ...relu })
    .add('inception_3a/pool', 'MaxPool2D', { pool: 3, stride: 1, padding: pad(1) }, ['pool2/3x3_s2'])
    .add('inception_3a/pool_proj', 'Conv2D', { filters: 32, kernel: 1, ...relu })
    .add('inception_3a/output', 'Concat', {}, ['inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool_proj'])
    .graph('GoogLeNet inception (3a)');
}

/** MobileNet v1's first rows: full conv /2, then depthwise-separable pairs, one strided with uneven "same". */
export function mobilenetPiece(): Graph {
  return new Chain()
    .add('input', 'Input', { shape: [224, 224, 3] })
    .add('conv1', 'Conv2D', { filters: 32, kernel: 3, stride: 2, padding: 'same', use_bias: false })
    .add('conv1_bn', 'BatchNorm', { epsilon: 1e-3, momentum: 0.99 })
    .add('conv1_relu', 'Activation', { fn: 'relu' })
    .add('conv_dw_1', 'DepthwiseConv2D', { kernel: 3, padding: 'same', use_bias: false })
    .add('conv_dw_1_bn', 'BatchNorm')
    .add('conv_dw_1_relu', 'Activation', { fn: 'relu' })
    .add('conv_pw_1', 'Conv2D', { filters: 64, kernel: 1, use_bias: false, ...relu })
    .add('conv_dw_2', 'DepthwiseConv2D', { kernel: 3, stride: 2, padding: 'same', depth_multiplier: 2, ...relu })
    .add('conv_pw_2', 'Conv2D', { filters: 128, kernel: 1, ...relu })
    .add('pool', 'GlobalAvgPool2D')
    .add('predictions', 'Dense', { units: 1000, activation: 'softmax' })
    .graph('MobileNet v1 (rows 1-5)');
}

/** MobileNet's first separable blocks as Keras builds them: an explicit ZeroPadding2D before the strided depthwise conv. */
export function mobilenetZeroPadded(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [112, 112, 32] })
    .add('conv_dw_1', 'DepthwiseConv2D', { kernel: [3, 3], padding: 'same', use_bias: false })
    .add('conv_dw_1_bn', 'BatchNorm', { epsilon: 1e-3 })
    .add('conv_dw_1_relu', 'Activation', { fn: 'relu' })
    .add('conv_pw_1', 'Conv2D', { filters: 64, kernel: [1, 1], use_bias: false })
    .add('conv_pw_1_bn', 'BatchNorm', { epsilon: 1e-3 })
    .add('conv_pw_1_relu', 'Activation', { fn: 'relu' })
    .add('conv_pad_2', 'ZeroPadding2D', { padding: [1, 1] })
    .add('conv_dw_2', 'DepthwiseConv2D', { kernel: [3, 3], stride: [2, 2], use_bias: false })
    .add('conv_dw_2_bn', 'BatchNorm', { epsilon: 1e-3 })
    .add('conv_dw_2_relu', 'Activation', { fn: 'relu' })
    .add('conv_pw_2', 'Conv2D', { filters: 128, kernel: [1, 1], ...relu })
    .add('pool', 'GlobalAvgPool2D')
    .add('dropout', 'Dropout', { rate: 1e-3 })
    .add('logits', 'Dense', { units: 10, activation: 'softmax' })
    .graph('MobileNet piece');
}

/** The lowest level of U-Net's expansive path: up-convolutions ("same", even-kernel, padded), skip concat, upsampling. */
export function unetPiece(): Graph {
  return new Chain()
    .add('input', 'Input', { shape: [64, 64, 1] })
    .add('down1_conv1', 'Conv2D', { filters: 16, kernel: 3, padding: 'same', ...relu })
    .add('down1_conv2', 'Conv2D', { filters: 16, kernel: 3, padding: 'same', ...relu })
    .add('down1_pool', 'MaxPool2D', { pool: 2 })
    .add('bottom_conv1', 'Conv2D', { filters: 32, kernel: 3, padding: 'same', ...relu })
    .add('bottom_conv2', 'Conv2D', { filters: 32, kernel: 3, padding: 'same', ...relu })
    .add('up1_upconv', 'Conv2DTranspose', { filters: 16, kernel: 2, stride: 2 })
    .add('up1_concat', 'Concat', {}, ['down1_conv2', 'up1_upconv'])
    .add('up1_conv1', 'Conv2D', { filters: 16, kernel: 3, padding: 'same', ...relu })
    .add('up1_same', 'Conv2DTranspose', { filters: 8, kernel: 3, stride: 2, padding: 'same' })
    .add('up1_even', 'Conv2DTranspose', { filters: 8, kernel: [4, 2], stride: 1, padding: 'same' })
    .add('up1_padded', 'Conv2DTranspose', { filters: 8, kernel: 3, stride: 1, padding: [1, 1] })
    .add('upsample', 'UpSampling2D', { size: [2, 2] })
    .add('mask', 'Conv2D', { filters: 1, kernel: 1, activation: 'sigmoid' })
    .graph('U-Net (bottom)');
}

/** One U-Net level whose skip Concat also takes nearest and bilinear upsamplings; every deconvolution Caffe can express. */
export function unetInterpolated(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [64, 64, 1] })
    .add('conv1_1', 'Conv2D', { filters: 16, kernel: [3, 3], padding: 'same', ...relu })
    .add('conv1_2', 'Conv2D', { filters: 16, kernel: [3, 3], padding: 'same', ...relu })
    .add('pool1', 'MaxPool2D', { pool: [2, 2] })
    .add('conv2_1', 'Conv2D', { filters: 32, kernel: [3, 3], padding: 'same', ...relu })
    .add('conv2_2', 'Conv2D', { filters: 32, kernel: [3, 3], padding: 'same', ...relu })
    .add('upconv', 'Conv2DTranspose', { filters: 16, kernel: [2, 2], stride: [2, 2] })
    .add('up_nearest', 'UpSampling2D', { size: [2, 2] }, ['conv2_2'])
    .add('up_bilinear', 'UpSampling2D', { size: [2, 2], interpolation: 'bilinear' }, ['conv2_2'])
    .add('merge', 'Concat', {}, ['conv1_2', 'upconv', 'up_nearest', 'up_bilinear'])
    .add('conv3_1', 'Conv2D', { filters: 16, kernel: [3, 3], padding: 'same', ...relu })
    .add('upconv_same', 'Conv2DTranspose', { filters: 8, kernel: [4, 4], stride: [2, 2], padding: 'same' })
    .add('score', 'Conv2D', { filters: 1, kernel: [1, 1], activation: 'sigmoid' })
    .graph('U-Net piece');
}

/** An IMDB-style sentiment model: token ids → Embedding → stacked LSTMs → sigmoid. */
export function textLstm(): Graph {
  return new Chain()
    .add('tokens', 'Input', { shape: [80], dtype: 'int32' })
    .add('embedding', 'Embedding', { vocab: 20000, dim: 128 })
    .add('lstm_1', 'LSTM', { units: 64, return_sequences: true })
    .add('dropout', 'Dropout', { rate: 0.2 })
    .add('lstm_2', 'LSTM', { units: 32 })
    .add('sentiment', 'Dense', { units: 1, activation: 'sigmoid' })
    .graph('text LSTM classifier');
}

/** A text classifier through every sequence layer in one chain: embedding, 1-D convolution, recurrent layers, self-attention. */
export function textModel(): Graph {
  return new Chain()
    .add('tokens', 'Input', { shape: [20], dtype: 'int32' })
    .add('embedding', 'Embedding', { vocab: 1000, dim: 32 })
    .add('conv', 'Conv1D', { filters: 48, kernel: 3, padding: 'same', ...relu })
    .add('lstm', 'LSTM', { units: 64, return_sequences: true })
    .add('norm', 'LayerNorm')
    .add('attention', 'MultiHeadAttention', { heads: 4, key_dim: 16 })
    .add('bilstm', 'LSTM', { bidirectional: true, units: 24, return_sequences: true })
    .add('bigru_sum', 'GRU', { bidirectional: true, units: 16, return_sequences: true, merge: 'sum' })
    .add('rnn', 'SimpleRNN', { units: 16, return_sequences: true })
    .add('per_step', 'Dense', { units: 8, activation: 'tanh' })
    .add('seq_bn', 'BatchNorm')
    .add('gru', 'GRU', { units: 32 })
    .add('dropout', 'Dropout', { rate: 0.2 })
    .add('out', 'Dense', { units: 1, activation: 'sigmoid' })
    .graph('Text classifier');
}

/** A speech-style tagger: bidirectional GRUs over feature frames, concat then sum merges. */
export function bidirectionalGru(): Graph {
  return new Chain()
    .add('frames', 'Input', { shape: [50, 40] })
    .add('bigru_1', 'GRU', { bidirectional: true, units: 64, return_sequences: true })
    .add('tags', 'Dense', { units: 12, activation: 'softmax' })
    .add('bigru_2', 'GRU', { bidirectional: true, units: 32, merge: 'sum' }, ['bigru_1'])
    .add('bilstm', 'LSTM', { bidirectional: true, units: 16 }, ['frames'])
    .add('summary', 'Concat', {}, ['bigru_2', 'bilstm'])
    .add('label', 'Dense', { units: 5, activation: 'softmax' })
    .graph('BiGRU tagger');
}

/** A 1-D CNN over sensor sequences: strided "same", dilated and explicitly padded convolutions. */
export function conv1dNet(): Graph {
  return new Chain()
    .add('signal', 'Input', { shape: [128, 12] })
    .add('conv1', 'Conv1D', { filters: 32, kernel: 5, stride: 2, padding: 'same', ...relu })
    .add('conv2', 'Conv1D', { filters: 64, kernel: 3, dilation: 2, ...relu })
    .add('conv3', 'Conv1D', { filters: 64, kernel: 4, padding: 'same', groups: 4 })
    .add('bn', 'BatchNorm')
    .add('flatten', 'Flatten')
    .add('classes', 'Dense', { units: 6, activation: 'softmax' })
    .graph('Conv1D sensor net');
}

/** A text CNN over word vectors (Kim 2014 style): 1-D convolutions, max pooling of size 2, max-over-time pooling. */
export function textCnn(): Graph {
  return new Chain()
    .add('words', 'Input', { shape: [100, 16] })
    .add('conv1', 'Conv1D', { filters: 32, kernel: 3, ...relu })
    .add('pool1', 'MaxPool1D', { pool: 2 })
    .add('conv2', 'Conv1D', { filters: 64, kernel: 3, ...relu })
    .add('max_over_time', 'GlobalMaxPool1D')
    .add('classes', 'Dense', { units: 5, activation: 'softmax' })
    .graph('text CNN');
}

/** An audio-style 1-D CNN that averages: strided "same" and valid average pools, global average pooling over time. */
export function averagePooling1dNet(): Graph {
  return new Chain()
    .add('signal', 'Input', { shape: [100, 16] })
    .add('conv1', 'Conv1D', { filters: 32, kernel: 5, ...relu })
    .add('pool_same', 'AvgPool1D', { pool: 3, stride: 2, padding: 'same' })
    .add('conv2', 'Conv1D', { filters: 24, kernel: 3, ...relu })
    .add('pool_valid', 'AvgPool1D', { pool: 4, stride: 3 })
    .add('mean_over_time', 'GlobalAvgPool1D')
    .add('classes', 'Dense', { units: 5, activation: 'softmax' })
    .graph('1-D average pooling net');
}

/** 1-D pools with explicit padding, which Keras writes as a ZeroPadding1D that TensorFlow.js cannot load. */
export function paddedPooling1d(): Graph {
  return new Chain()
    .add('signal', 'Input', { shape: [31, 8] })
    .add('conv', 'Conv1D', { filters: 12, kernel: 3, ...relu })
    .add('max_padded', 'MaxPool1D', { pool: 3, stride: 2, padding: 1 })
    .add('avg_padded', 'AvgPool1D', { pool: 5, stride: 2, padding: 2 })
    .add('global_max', 'GlobalMaxPool1D')
    .graph('padded 1-D pools');
}

/** A Transformer encoder block and a cross-attention over a second sequence. */
export function attentionBlock(): Graph {
  return new Chain()
    .add('tokens', 'Input', { shape: [16, 64] })
    .add('memory', 'Input', { shape: [10, 64] })
    .add('self_attention', 'MultiHeadAttention', { heads: 8, key_dim: 8 }, ['tokens'])
    .add('residual_1', 'Add', {}, ['tokens', 'self_attention'])
    .add('norm_1', 'LayerNorm', { epsilon: 1e-6 })
    .add('ffn_1', 'Dense', { units: 128, activation: 'gelu' })
    .add('ffn_2', 'Dense', { units: 64 })
    .add('residual_2', 'Add', {}, ['norm_1', 'ffn_2'])
    .add('norm_2', 'LayerNorm', { epsilon: 1e-6 })
    .add('cross_attention', 'MultiHeadAttention', { heads: 4, key_dim: 16 }, ['norm_2', 'memory'])
    .add('odd_heads', 'MultiHeadAttention', { heads: 3, key_dim: 10 })
    .graph('Transformer encoder block');
}

/** The remaining image layers: padding, permutes, reshapes, every activation, uneven "same" pools, two outputs. */
export function imageOddments(): Graph {
  return new Chain()
    .add('image', 'Input', { shape: [15, 22, 3] })
    .add('pad', 'ZeroPadding2D', { padding: [1, 2] })
    .add('conv', 'Conv2D', { filters: 8, kernel: [3, 5], stride: [1, 2], padding: 'same', activation: 'leaky_relu' })
    .add('conv_dilated', 'Conv2D', { filters: 8, kernel: 3, dilation: [2, 1], padding: 'same', activation: 'prelu' })
    .add('prelu', 'Activation', { fn: 'prelu' })
    .add('elu', 'Activation', { fn: 'elu', alpha: 0.5 })
    .add('gelu', 'Activation', { fn: 'gelu' })
    .add('leaky', 'Activation', { fn: 'leaky_relu', alpha: 0.1 })
    .add('pool_same', 'MaxPool2D', { pool: 2, stride: 2, padding: 'same' })
    .add('avg_same', 'AvgPool2D', { pool: 3, stride: 2, padding: 'same' })
    .add('avg_caffe', 'AvgPool2D', { pool: 3, stride: 2, padding: [1, 1], ceil_mode: true }, ['pool_same'])
    .add('gate', 'Activation', { fn: 'sigmoid' })
    .add('gated', 'Multiply', {}, ['avg_same', 'gate'])
    .add('norm', 'LayerNorm')
    .add('swap', 'Permute', { dims: [2, 1, 3] })
    .add('to_sequence', 'Reshape', { shape: [-1, 8] })
    .add('to_image', 'Reshape', { shape: [5, 4, 8] })
    .add('channels_first', 'Permute', { dims: [3, 1, 2] })
    .add('bilinear', 'UpSampling2D', { size: [2, 3], interpolation: 'bilinear' })
    .add('global_max', 'GlobalMaxPool2D', {}, ['to_image'])
    .add('softmax', 'Activation', { fn: 'softmax' })
    .graph('image oddments');
}

/** The remaining sequence layers: SimpleRNN, BatchNorm and PReLU on [T, F], Embedding into Conv1D. */
export function sequenceOddments(): Graph {
  return new Chain()
    .add('ids', 'Input', { shape: [20], dtype: 'int32' })
    .add('embed', 'Embedding', { vocab: 50, dim: 16 })
    .add('conv', 'Conv1D', { filters: 16, kernel: 3, padding: 1, activation: 'elu' })
    .add('bn', 'BatchNorm')
    .add('prelu', 'Activation', { fn: 'prelu' })
    .add('rnn', 'SimpleRNN', { units: 8, return_sequences: true })
    .add('swap', 'Permute', { dims: [2, 1] })
    .add('dense', 'Dense', { units: 5, activation: 'prelu' })
    .add('flat', 'Flatten')
    .add('vector_bn', 'BatchNorm')
    .add('out', 'Dense', { units: 3 })
    .graph('sequence oddments');
}

/** Layers the classic networks leave out, for ONNX: reshapes, permutes, products, other activations, last-state bidirectional. */
export function oddsAndEnds(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [15, 15, 6] })
    .add('pad', 'ZeroPadding2D', { padding: [2, 1] })
    .add('leaky', 'Activation', { fn: 'leaky_relu', alpha: 0.1 })
    .add('pool_ceil', 'MaxPool2D', { pool: [3, 3], stride: [2, 2], ceil_mode: true })
    .add('prelu', 'Activation', { fn: 'prelu' }, ['pool_ceil'])
    .add('elu', 'Activation', { fn: 'elu' }, ['pool_ceil'])
    .add('product', 'Multiply', {}, ['prelu', 'elu', 'pool_ceil'])
    .add('gelu', 'Activation', { fn: 'gelu' })
    .add('avg', 'AvgPool2D', { pool: [2, 2], stride: [1, 1], padding: 'same' })
    .add('rows', 'Concat', { axis: 0 }, ['avg', 'gelu'])
    .add('gmp', 'GlobalMaxPool2D')
    .add('tanh', 'Activation', { fn: 'tanh' })
    .add('as_sequence', 'Reshape', { shape: [3, -1] }, ['rows'])
    .add('swap', 'Permute', { dims: [2, 1] })
    .add('last_state', 'SimpleRNN', { bidirectional: true, units: 5 })
    .add('as_image', 'Reshape', { shape: [2, 5, 1] })
    .add('image_permute', 'Permute', { dims: [3, 1, 2] })
    .add('flat', 'Flatten')
    .add('joined', 'Concat', {}, ['flat', 'tanh'])
    .add('sig', 'Dense', { units: 4, activation: 'sigmoid', use_bias: false })
    .graph('Odds and ends');
}

/** The layers Caffe can take that the classic networks leave out; recurrent and Permute layers excluded. */
export function caffeOddsAndEnds(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [15, 15, 6] })
    .add('pad', 'ZeroPadding2D', { padding: [2, 1] })
    .add('conv', 'Conv2D', { filters: 8, kernel: [3, 3], activation: 'leaky_relu' })
    .add('crop', 'Cropping2D', { cropping: [1, 0, 2, 1] })
    .add('crop_rows', 'Cropping2D', { cropping: [0, 1, 0, 0] })
    .add('pool_ceil', 'MaxPool2D', { pool: [3, 3], stride: [2, 2], ceil_mode: true })
    .add('prelu', 'Activation', { fn: 'prelu' }, ['pool_ceil'])
    .add('elu', 'Activation', { fn: 'elu', alpha: 0.5 }, ['pool_ceil'])
    .add('product', 'Multiply', {}, ['prelu', 'elu', 'pool_ceil'])
    .add('avg', 'AvgPool2D', { pool: [3, 3], stride: [1, 1], padding: 'same' })
    .add('rows', 'Concat', { axis: 0 }, ['avg', 'product'])
    .add('gmp', 'GlobalMaxPool2D')
    .add('vector_bn', 'BatchNorm')
    .add('tanh', 'Activation', { fn: 'tanh' })
    .add('as_sequence', 'Reshape', { shape: [4, -1] }, ['rows'])
    .add('per_step', 'Dense', { units: 5 })
    .add('step_softmax', 'Activation', { fn: 'softmax' })
    .add('flat', 'Flatten')
    .add('kept', 'Dropout', { rate: 0.3 }, ['tanh'])
    .add('joined', 'Concat', {}, ['flat', 'kept', 'tanh'])
    .add('sig', 'Dense', { units: 4, activation: 'sigmoid', use_bias: false })
    .graph('Caffe odds and ends');
}

/** Convolution params the classic networks keep simple: non-square kernels, strides and pads, dilation, groups, depth multiplier. */
export function convolutionVariety(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [20, 17, 4] })
    .add('wide', 'Conv2D', { filters: 6, kernel: [3, 5], stride: [2, 1], padding: [1, 2], dilation: [1, 2], activation: 'leaky_relu' })
    .add('dw', 'DepthwiseConv2D', { kernel: [3, 3], padding: 'same', depth_multiplier: 2, activation: 'elu' })
    .add('grouped', 'Conv2D', { filters: 8, kernel: [1, 1], groups: 4 })
    .add('bn', 'BatchNorm', { epsilon: 1e-3 })
    .add('norm', 'LRN', { size: 3, alpha: 2e-4, beta: 0.5 })
    .add('up', 'Conv2DTranspose', { filters: 3, kernel: [3, 4], stride: [2, 3], padding: [1, 1], activation: 'tanh' })
    .add('side', 'Conv2D', { filters: 3, kernel: [1, 1], activation: 'sigmoid' }, ['up'])
    .add('side_by_side', 'Concat', { axis: 1 }, ['up', 'side'])
    .add('avg', 'AvgPool2D', { pool: [2, 3], stride: [2, 3] })
    .graph('Convolution variety');
}

/** Settings a framework cannot take as given: dilated and strided at once, kernels smaller than the stride, and Caffe's rounding. */
export function awkwardWindows(): Graph {
  return new Chain()
    .add('image', 'Input', { shape: [23, 17, 4] })
    .add('dilated_strided', 'Conv2D', { filters: 6, kernel: 3, stride: [2, 3], dilation: 2, padding: 'same', ...relu })
    .add('dilated_strided_valid', 'Conv2D', { filters: 6, kernel: 2, stride: 2, dilation: [2, 1] })
    .add('sparse_upconv', 'Conv2DTranspose', { filters: 5, kernel: [2, 1], stride: [3, 2] })
    .add('cropped_upconv', 'Conv2DTranspose', { filters: 5, kernel: 4, stride: 2, padding: [1, 2], activation: 'leaky_relu' })
    .add('padded_pool', 'MaxPool2D', { pool: 3, stride: 2, padding: [1, 1] })
    .add('caffe_max', 'MaxPool2D', { pool: 3, stride: 2, ceil_mode: true })
    .add('sequence', 'Reshape', { shape: [-1, 5] })
    .add('dilated_strided_1d', 'Conv1D', { filters: 3, kernel: 2, stride: 2, dilation: 3, padding: 'same' })
    .add('same_1d', 'Conv1D', { filters: 3, kernel: 3, padding: 1 })
    .graph('awkward windows');
}

/**
 * Layers without random weights (LayerNorm and BatchNorm start as identities), so two frameworks must
 * compute the same numbers: padding, every pooling mode, merges on several axes, activations,
 * permutes and reshapes between image and sequence layouts. Bilinear upsampling is left out:
 * TensorFlow.js samples pixel corners where Keras 3 and PyTorch sample pixel centres.
 */
export function weightlessImage(): Graph {
  return new Chain()
    .add('image', 'Input', { shape: [9, 11, 3] })
    .add('relu', 'Activation', { fn: 'relu' })
    .add('pad', 'ZeroPadding2D', { padding: [1, 2] })
    .add('max_valid', 'MaxPool2D', { pool: 2 })
    .add('max_same', 'MaxPool2D', { pool: 2, padding: 'same' }, ['pad'])
    .add('max_caffe', 'MaxPool2D', { pool: 2, ceil_mode: true }, ['pad'])
    .add('avg_same_uneven', 'AvgPool2D', { pool: 2, padding: 'same' }, ['pad'])
    .add('avg_same', 'AvgPool2D', { pool: 3, stride: 1, padding: 'same' }, ['max_same'])
    .add('avg_explicit', 'AvgPool2D', { pool: 3, stride: 2, padding: [1, 1] }, ['pad'])
    .add('channels', 'Concat', { axis: -1 }, ['max_same', 'max_caffe', 'avg_same_uneven', 'avg_same'])
    .add('width', 'Concat', { axis: 1 }, ['max_same', 'avg_explicit'])
    .add('height', 'Concat', { axis: 0 }, ['width', 'width'])
    .add('softmax', 'Activation', { fn: 'softmax' }, ['image'])
    .add('elu', 'Activation', { fn: 'elu' })
    .add('gelu', 'Activation', { fn: 'gelu' }, ['image'])
    .add('leaky', 'Activation', { fn: 'leaky_relu', alpha: 0.1 }, ['image'])
    .add('tanh', 'Activation', { fn: 'tanh' }, ['image'])
    .add('sigmoid', 'Activation', { fn: 'sigmoid' }, ['image'])
    .add('sum', 'Add', {}, ['elu', 'gelu', 'leaky'])
    .add('product', 'Multiply', {}, ['sum', 'tanh', 'sigmoid'])
    .add('layer_norm', 'LayerNorm')
    .add('batch_norm', 'BatchNorm')
    .add('drop', 'Dropout')
    .add('nearest', 'UpSampling2D', { size: [2, 3] })
    .add('swap', 'Permute', { dims: [3, 1, 2] })
    .add('pixels', 'Reshape', { shape: [-1, 3] }, ['drop'])
    .add('back_to_image', 'Reshape', { shape: [11, 9, 3] })
    .add('global_avg', 'GlobalAvgPool2D', {}, ['max_valid'])
    .add('global_max', 'GlobalMaxPool2D', {}, ['max_valid'])
    .graph('weight-free image layers');
}

/** Weight-free sequence layers: permutes and reshapes of [T, F], normalisation over features, every 1-D pooling mode. */
export function weightlessSequence(): Graph {
  return new Chain()
    .add('frames', 'Input', { shape: [7, 6] })
    .add('transposed', 'Permute', { dims: [2, 1] })
    .add('regrouped', 'Reshape', { shape: [3, 14] })
    .add('layer_norm', 'LayerNorm')
    .add('batch_norm', 'BatchNorm', {}, ['regrouped'])
    .add('features', 'Concat', { axis: -1 }, ['layer_norm', 'batch_norm'])
    .add('steps', 'Concat', { axis: 0 }, ['layer_norm', 'batch_norm'])
    .add('softmax', 'Activation', { fn: 'softmax' })
    .add('max_steps', 'MaxPool1D', { pool: 2 }, ['frames'])
    .add('max_same_uneven', 'MaxPool1D', { pool: 2, padding: 'same' }, ['frames'])
    .add('avg_same_uneven', 'AvgPool1D', { pool: 2, padding: 'same' }, ['frames'])
    .add('avg_same', 'AvgPool1D', { pool: 3, stride: 1, padding: 'same' }, ['frames'])
    .add('avg_strided', 'AvgPool1D', { pool: 3, stride: 2 }, ['frames'])
    .add('global_max', 'GlobalMaxPool1D', {}, ['frames'])
    .add('global_avg', 'GlobalAvgPool1D', {}, ['frames'])
    .add('as_image', 'Reshape', { shape: [7, 3, 2] }, ['frames'])
    .add('image_permuted', 'Permute', { dims: [2, 3, 1] })
    .add('as_vector', 'Reshape', { shape: [42] })
    .graph('weight-free sequence layers');
}

/** The graphs every Python emitter runs, named for test titles. */
export const REFERENCE_GRAPHS: ReadonlyArray<[string, () => Graph]> = [
  ['VGG-16', () => vgg16()],
  ['ResNet basic blocks (Add)', () => resnetBlocks()],
  ['Inception 3a (Concat, ceil pooling)', () => inception3a()],
  ['LeNet-5', lenet5],
  ['text LSTM', textLstm],
  ['bidirectional GRU', bidirectionalGru],
  ['Conv1D', conv1dNet],
  ['text CNN (MaxPool1D, GlobalMaxPool1D)', textCnn],
  ['1-D average pooling (AvgPool1D, GlobalAvgPool1D)', averagePooling1dNet],
  ['padded 1-D pools', paddedPooling1d],
  ['multi-head attention', attentionBlock],
  ['U-Net piece (Conv2DTranspose, UpSampling2D)', unetPiece],
  ['MobileNet piece (DepthwiseConv2D)', mobilenetPiece],
  ['AlexNet (groups = 2, LRN)', () => alexnet()],
  ['image oddments', imageOddments],
  ['sequence oddments', sequenceOddments],
  ['awkward windows', awkwardWindows],
];
