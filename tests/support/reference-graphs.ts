/**
 * Well-known networks and pieces of them, written as paper2net graphs, for runtime tests of the
 * emitters: each exercises layers and wiring the papers use (branches, merges, grouped and
 * depthwise convolutions, Caffe pooling, recurrent and attention layers).
 */
import { GRAPH_FORMAT, type Graph, type Layer, type Params } from '../../src/graph/index.ts';

function graph(name: string, layers: Layer[]): Graph {
  return { format: GRAPH_FORMAT, name, layers };
}

function layer(id: string, type: string, inputs: string[], params: Params = {}): Layer {
  return inputs.length ? { id, type, inputs, params } : { id, type, params };
}

/** VGG-16 (configuration D); `size` lets runtimes without a fast backend use CIFAR-sized input. */
export function vgg16(size = 224, classes = 1000, fc = 4096): Graph {
  const layers: Layer[] = [layer('input', 'Input', [], { shape: [size, size, 3] })];
  let last = 'input';
  const blocks = [
    [64, 2],
    [128, 2],
    [256, 3],
    [512, 3],
    [512, 3],
  ] as const;
  blocks.forEach(([filters, convs], b) => {
    for (let c = 1; c <= convs; c++) {
      const id = `conv${b + 1}_${c}`;
      layers.push(layer(id, 'Conv2D', [last], { filters, kernel: [3, 3], padding: 'same', activation: 'relu' }));
      last = id;
    }
    layers.push(layer(`pool${b + 1}`, 'MaxPool2D', [last], { pool: [2, 2], stride: [2, 2] }));
    last = `pool${b + 1}`;
  });
  layers.push(
    layer('flatten', 'Flatten', [last]),
    layer('fc6', 'Dense', ['flatten'], { units: fc, activation: 'relu' }),
    layer('drop6', 'Dropout', ['fc6'], { rate: 0.5 }),
    layer('fc7', 'Dense', ['drop6'], { units: fc, activation: 'relu' }),
    layer('drop7', 'Dropout', ['fc7'], { rate: 0.5 }),
    layer('fc8', 'Dense', ['drop7'], { units: classes, activation: 'softmax' }),
  );
  return graph('VGG-16', layers);
}

/** Two ResNet basic blocks: identity shortcut, then a strided block with a 1×1 projection. */
export function resnetBlocks(): Graph {
  return graph('ResNet-34 conv2_x/conv3_1', [
    layer('image', 'Input', [], { shape: [56, 56, 64] }),
    layer('res2a_conv1', 'Conv2D', ['image'], { filters: 64, kernel: 3, padding: 'same', use_bias: false }),
    layer('res2a_bn1', 'BatchNorm', ['res2a_conv1']),
    layer('res2a_relu1', 'Activation', ['res2a_bn1'], { fn: 'relu' }),
    layer('res2a_conv2', 'Conv2D', ['res2a_relu1'], { filters: 64, kernel: 3, padding: 'same', use_bias: false }),
    layer('res2a_bn2', 'BatchNorm', ['res2a_conv2']),
    layer('res2a_add', 'Add', ['res2a_bn2', 'image']),
    layer('res2a_out', 'Activation', ['res2a_add'], { fn: 'relu' }),
    layer('res3a_conv1', 'Conv2D', ['res2a_out'], { filters: 128, kernel: 3, stride: 2, padding: [1, 1], use_bias: false }),
    layer('res3a_bn1', 'BatchNorm', ['res3a_conv1']),
    layer('res3a_relu1', 'Activation', ['res3a_bn1'], { fn: 'relu' }),
    layer('res3a_conv2', 'Conv2D', ['res3a_relu1'], { filters: 128, kernel: 3, padding: 'same', use_bias: false }),
    layer('res3a_bn2', 'BatchNorm', ['res3a_conv2']),
    layer('res3a_proj', 'Conv2D', ['res2a_out'], { filters: 128, kernel: 1, stride: 2, use_bias: false }),
    layer('res3a_proj_bn', 'BatchNorm', ['res3a_proj']),
    layer('res3a_add', 'Add', ['res3a_bn2', 'res3a_proj_bn']),
    layer('res3a_out', 'Activation', ['res3a_add'], { fn: 'relu' }),
  ]);
}

/** GoogLeNet's stem pooling (Caffe ceil rounding) and inception (3a): four branches joined by Concat. */
export function inception3a(): Graph {
  return graph('GoogLeNet inception (3a)', [
    layer('data', 'Input', [], { shape: [57, 57, 192] }),
    layer('pool2/3x3_s2', 'MaxPool2D', ['data'], { pool: 3, stride: 2, ceil_mode: true }),
    layer('inception_3a/1x1', 'Conv2D', ['pool2/3x3_s2'], { filters: 64, kernel: 1, activation: 'relu' }),
    layer('inception_3a/3x3_reduce', 'Conv2D', ['pool2/3x3_s2'], { filters: 96, kernel: 1, activation: 'relu' }),
    layer('inception_3a/3x3', 'Conv2D', ['inception_3a/3x3_reduce'], { filters: 128, kernel: 3, padding: [1, 1], activation: 'relu' }),
    layer('inception_3a/5x5_reduce', 'Conv2D', ['pool2/3x3_s2'], { filters: 16, kernel: 1, activation: 'relu' }),
    layer('inception_3a/5x5', 'Conv2D', ['inception_3a/5x5_reduce'], { filters: 32, kernel: 5, padding: [2, 2], activation: 'relu' }),
    layer('inception_3a/pool', 'MaxPool2D', ['pool2/3x3_s2'], { pool: 3, stride: 1, padding: [1, 1] }),
    layer('inception_3a/pool_proj', 'Conv2D', ['inception_3a/pool'], { filters: 32, kernel: 1, activation: 'relu' }),
    layer('inception_3a/output', 'Concat', ['inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool_proj']),
  ]);
}

/** LeNet-5 as in LeCun et al. 1998, Fig. 2 (tanh units, average subsampling). */
export function lenet5(): Graph {
  return graph('LeNet-5', [
    layer('input', 'Input', [], { shape: [32, 32, 1] }),
    layer('C1', 'Conv2D', ['input'], { filters: 6, kernel: 5, activation: 'tanh' }),
    layer('S2', 'AvgPool2D', ['C1'], { pool: 2 }),
    layer('C3', 'Conv2D', ['S2'], { filters: 16, kernel: 5, activation: 'tanh' }),
    layer('S4', 'AvgPool2D', ['C3'], { pool: 2 }),
    layer('flatten', 'Flatten', ['S4']),
    layer('C5', 'Dense', ['flatten'], { units: 120, activation: 'tanh' }),
    layer('F6', 'Dense', ['C5'], { units: 84, activation: 'tanh' }),
    layer('output', 'Dense', ['F6'], { units: 10, activation: 'softmax' }),
  ]);
}

/** An IMDB-style sentiment model: token ids → Embedding → stacked LSTMs → sigmoid. */
export function textLstm(): Graph {
  return graph('text LSTM classifier', [
    layer('tokens', 'Input', [], { shape: [80], dtype: 'int32' }),
    layer('embedding', 'Embedding', ['tokens'], { vocab: 20000, dim: 128 }),
    layer('lstm_1', 'LSTM', ['embedding'], { units: 64, return_sequences: true }),
    layer('dropout', 'Dropout', ['lstm_1'], { rate: 0.2 }),
    layer('lstm_2', 'LSTM', ['dropout'], { units: 32 }),
    layer('sentiment', 'Dense', ['lstm_2'], { units: 1, activation: 'sigmoid' }),
  ]);
}

/** A speech-style tagger: bidirectional GRUs over feature frames, concat then sum merges. */
export function bidirectionalGru(): Graph {
  return graph('BiGRU tagger', [
    layer('frames', 'Input', [], { shape: [50, 40] }),
    layer('bigru_1', 'Bidirectional', ['frames'], { cell: 'GRU', units: 64, return_sequences: true }),
    layer('tags', 'Dense', ['bigru_1'], { units: 12, activation: 'softmax' }),
    layer('bigru_2', 'Bidirectional', ['bigru_1'], { cell: 'GRU', units: 32, merge: 'sum' }),
    layer('bilstm', 'Bidirectional', ['frames'], { cell: 'LSTM', units: 16 }),
    layer('summary', 'Concat', ['bigru_2', 'bilstm']),
    layer('label', 'Dense', ['summary'], { units: 5, activation: 'softmax' }),
  ]);
}

/** A 1-D CNN over sensor sequences: strided "same", dilated and explicitly padded convolutions. */
export function conv1dNet(): Graph {
  return graph('Conv1D sensor net', [
    layer('signal', 'Input', [], { shape: [128, 12] }),
    layer('conv1', 'Conv1D', ['signal'], { filters: 32, kernel: 5, stride: 2, padding: 'same', activation: 'relu' }),
    layer('conv2', 'Conv1D', ['conv1'], { filters: 64, kernel: 3, dilation: 2, activation: 'relu' }),
    layer('conv3', 'Conv1D', ['conv2'], { filters: 64, kernel: 4, padding: 'same', groups: 4 }),
    layer('bn', 'BatchNorm', ['conv3']),
    layer('flatten', 'Flatten', ['bn']),
    layer('classes', 'Dense', ['flatten'], { units: 6, activation: 'softmax' }),
  ]);
}

/** A Transformer encoder block and a cross-attention over a second sequence. */
export function attentionBlock(): Graph {
  return graph('Transformer encoder block', [
    layer('tokens', 'Input', [], { shape: [16, 64] }),
    layer('memory', 'Input', [], { shape: [10, 64] }),
    layer('self_attention', 'MultiHeadAttention', ['tokens'], { heads: 8, key_dim: 8 }),
    layer('residual_1', 'Add', ['tokens', 'self_attention']),
    layer('norm_1', 'LayerNorm', ['residual_1'], { epsilon: 1e-6 }),
    layer('ffn_1', 'Dense', ['norm_1'], { units: 128, activation: 'gelu' }),
    layer('ffn_2', 'Dense', ['ffn_1'], { units: 64 }),
    layer('residual_2', 'Add', ['norm_1', 'ffn_2']),
    layer('norm_2', 'LayerNorm', ['residual_2'], { epsilon: 1e-6 }),
    layer('cross_attention', 'MultiHeadAttention', ['norm_2', 'memory'], { heads: 4, key_dim: 16 }),
    layer('odd_heads', 'MultiHeadAttention', ['cross_attention'], { heads: 3, key_dim: 10 }),
  ]);
}

/** The lowest level of U-Net's expansive path: up-convolutions, skip concat, upsampling. */
export function unetPiece(): Graph {
  return graph('U-Net (bottom)', [
    layer('input', 'Input', [], { shape: [64, 64, 1] }),
    layer('down1_conv1', 'Conv2D', ['input'], { filters: 16, kernel: 3, padding: 'same', activation: 'relu' }),
    layer('down1_conv2', 'Conv2D', ['down1_conv1'], { filters: 16, kernel: 3, padding: 'same', activation: 'relu' }),
    layer('down1_pool', 'MaxPool2D', ['down1_conv2'], { pool: 2 }),
    layer('bottom_conv1', 'Conv2D', ['down1_pool'], { filters: 32, kernel: 3, padding: 'same', activation: 'relu' }),
    layer('bottom_conv2', 'Conv2D', ['bottom_conv1'], { filters: 32, kernel: 3, padding: 'same', activation: 'relu' }),
    layer('up1_upconv', 'Conv2DTranspose', ['bottom_conv2'], { filters: 16, kernel: 2, stride: 2 }),
    layer('up1_concat', 'Concat', ['down1_conv2', 'up1_upconv']),
    layer('up1_conv1', 'Conv2D', ['up1_concat'], { filters: 16, kernel: 3, padding: 'same', activation: 'relu' }),
    layer('up1_same', 'Conv2DTranspose', ['up1_conv1'], { filters: 8, kernel: 3, stride: 2, padding: 'same' }),
    layer('up1_even', 'Conv2DTranspose', ['up1_same'], { filters: 8, kernel: [4, 2], stride: 1, padding: 'same' }),
    layer('up1_padded', 'Conv2DTranspose', ['up1_even'], { filters: 8, kernel: 3, stride: 1, padding: [1, 1] }),
    layer('upsample', 'UpSampling2D', ['up1_padded'], { size: [2, 2] }),
    layer('mask', 'Conv2D', ['upsample'], { filters: 1, kernel: 1, activation: 'sigmoid' }),
  ]);
}

/** MobileNet v1's first rows: full conv /2, then depthwise-separable pairs, one strided with uneven "same". */
export function mobilenetPiece(): Graph {
  return graph('MobileNet v1 (rows 1-5)', [
    layer('input', 'Input', [], { shape: [224, 224, 3] }),
    layer('conv1', 'Conv2D', ['input'], { filters: 32, kernel: 3, stride: 2, padding: 'same', use_bias: false }),
    layer('conv1_bn', 'BatchNorm', ['conv1'], { epsilon: 1e-3, momentum: 0.99 }),
    layer('conv1_relu', 'Activation', ['conv1_bn'], { fn: 'relu' }),
    layer('conv_dw_1', 'DepthwiseConv2D', ['conv1_relu'], { kernel: 3, padding: 'same', use_bias: false }),
    layer('conv_dw_1_bn', 'BatchNorm', ['conv_dw_1']),
    layer('conv_dw_1_relu', 'Activation', ['conv_dw_1_bn'], { fn: 'relu' }),
    layer('conv_pw_1', 'Conv2D', ['conv_dw_1_relu'], { filters: 64, kernel: 1, use_bias: false, activation: 'relu' }),
    layer('conv_dw_2', 'DepthwiseConv2D', ['conv_pw_1'], { kernel: 3, stride: 2, padding: 'same', depth_multiplier: 2, activation: 'relu' }),
    layer('conv_pw_2', 'Conv2D', ['conv_dw_2'], { filters: 128, kernel: 1, activation: 'relu' }),
    layer('pool', 'GlobalAvgPool2D', ['conv_pw_2']),
    layer('predictions', 'Dense', ['pool'], { units: 1000, activation: 'softmax' }),
  ]);
}

/** AlexNet's two-GPU convolutions (groups = 2) with LRN, as in the Caffe reference model. */
export function alexnet(): Graph {
  return graph('AlexNet', [
    layer('data', 'Input', [], { shape: [227, 227, 3] }),
    layer('conv1', 'Conv2D', ['data'], { filters: 96, kernel: 11, stride: 4, activation: 'relu' }),
    layer('norm1', 'LRN', ['conv1'], { size: 5, alpha: 1e-4, beta: 0.75 }),
    layer('pool1', 'MaxPool2D', ['norm1'], { pool: 3, stride: 2, ceil_mode: true }),
    layer('conv2', 'Conv2D', ['pool1'], { filters: 256, kernel: 5, padding: [2, 2], groups: 2, activation: 'relu' }),
    layer('norm2', 'LRN', ['conv2'], { size: 5, alpha: 1e-4, beta: 0.75 }),
    layer('pool2', 'MaxPool2D', ['norm2'], { pool: 3, stride: 2, ceil_mode: true }),
    layer('conv3', 'Conv2D', ['pool2'], { filters: 384, kernel: 3, padding: [1, 1], activation: 'relu' }),
    layer('conv4', 'Conv2D', ['conv3'], { filters: 384, kernel: 3, padding: [1, 1], groups: 2, activation: 'relu' }),
    layer('conv5', 'Conv2D', ['conv4'], { filters: 256, kernel: 3, padding: [1, 1], groups: 2, activation: 'relu' }),
    layer('pool5', 'MaxPool2D', ['conv5'], { pool: 3, stride: 2, ceil_mode: true }),
    layer('flatten', 'Flatten', ['pool5']),
    layer('fc6', 'Dense', ['flatten'], { units: 4096, activation: 'relu' }),
    layer('drop6', 'Dropout', ['fc6']),
    layer('fc7', 'Dense', ['drop6'], { units: 4096, activation: 'relu' }),
    layer('drop7', 'Dropout', ['fc7']),
    layer('fc8', 'Dense', ['drop7'], { units: 1000, activation: 'softmax' }),
  ]);
}

/** The remaining image layers: padding, permutes, reshapes, every activation, uneven "same" pools, two outputs. */
export function imageOddments(): Graph {
  return graph('image oddments', [
    layer('image', 'Input', [], { shape: [15, 22, 3] }),
    layer('pad', 'ZeroPadding2D', ['image'], { padding: [1, 2] }),
    layer('conv', 'Conv2D', ['pad'], { filters: 8, kernel: [3, 5], stride: [1, 2], padding: 'same', activation: 'leaky_relu' }),
    layer('conv_dilated', 'Conv2D', ['conv'], { filters: 8, kernel: 3, dilation: [2, 1], padding: 'same', activation: 'prelu' }),
    layer('prelu', 'Activation', ['conv_dilated'], { fn: 'prelu' }),
    layer('elu', 'Activation', ['prelu'], { fn: 'elu', alpha: 0.5 }),
    layer('gelu', 'Activation', ['elu'], { fn: 'gelu' }),
    layer('leaky', 'Activation', ['gelu'], { fn: 'leaky_relu', alpha: 0.1 }),
    layer('pool_same', 'MaxPool2D', ['leaky'], { pool: 2, stride: 2, padding: 'same' }),
    layer('avg_same', 'AvgPool2D', ['pool_same'], { pool: 3, stride: 2, padding: 'same' }),
    layer('avg_caffe', 'AvgPool2D', ['pool_same'], { pool: 3, stride: 2, padding: [1, 1], ceil_mode: true }),
    layer('gate', 'Activation', ['avg_caffe'], { fn: 'sigmoid' }),
    layer('gated', 'Multiply', ['avg_same', 'gate']),
    layer('norm', 'LayerNorm', ['gated']),
    layer('swap', 'Permute', ['norm'], { dims: [2, 1, 3] }),
    layer('to_sequence', 'Reshape', ['swap'], { shape: [-1, 8] }),
    layer('to_image', 'Reshape', ['to_sequence'], { shape: [5, 4, 8] }),
    layer('channels_first', 'Permute', ['to_image'], { dims: [3, 1, 2] }),
    layer('bilinear', 'UpSampling2D', ['channels_first'], { size: [2, 3], interpolation: 'bilinear' }),
    layer('global_max', 'GlobalMaxPool2D', ['to_image']),
    layer('softmax', 'Activation', ['global_max'], { fn: 'softmax' }),
  ]);
}

/** The remaining sequence layers: SimpleRNN, BatchNorm and PReLU on [T, F], Embedding into Conv1D. */
export function sequenceOddments(): Graph {
  return graph('sequence oddments', [
    layer('ids', 'Input', [], { shape: [20], dtype: 'int32' }),
    layer('embed', 'Embedding', ['ids'], { vocab: 50, dim: 16 }),
    layer('conv', 'Conv1D', ['embed'], { filters: 16, kernel: 3, padding: 1, activation: 'elu' }),
    layer('bn', 'BatchNorm', ['conv']),
    layer('prelu', 'Activation', ['bn'], { fn: 'prelu' }),
    layer('rnn', 'SimpleRNN', ['prelu'], { units: 8, return_sequences: true }),
    layer('swap', 'Permute', ['rnn'], { dims: [2, 1] }),
    layer('dense', 'Dense', ['swap'], { units: 5, activation: 'prelu' }),
    layer('flat', 'Flatten', ['dense']),
    layer('vector_bn', 'BatchNorm', ['flat']),
    layer('out', 'Dense', ['vector_bn'], { units: 3 }),
  ]);
}

/** Settings a framework cannot take as given: dilated and strided at once, kernels smaller than the stride, and Caffe's rounding. */
export function awkwardWindows(): Graph {
  return graph('awkward windows', [
    layer('image', 'Input', [], { shape: [23, 17, 4] }),
    layer('dilated_strided', 'Conv2D', ['image'], { filters: 6, kernel: 3, stride: [2, 3], dilation: 2, padding: 'same', activation: 'relu' }),
    layer('dilated_strided_valid', 'Conv2D', ['dilated_strided'], { filters: 6, kernel: 2, stride: 2, dilation: [2, 1] }),
    layer('sparse_upconv', 'Conv2DTranspose', ['dilated_strided_valid'], { filters: 5, kernel: [2, 1], stride: [3, 2] }),
    layer('cropped_upconv', 'Conv2DTranspose', ['sparse_upconv'], { filters: 5, kernel: 4, stride: 2, padding: [1, 2], activation: 'leaky_relu' }),
    layer('padded_pool', 'MaxPool2D', ['cropped_upconv'], { pool: 3, stride: 2, padding: [1, 1] }),
    layer('caffe_max', 'MaxPool2D', ['padded_pool'], { pool: 3, stride: 2, ceil_mode: true }),
    layer('sequence', 'Reshape', ['caffe_max'], { shape: [-1, 5] }),
    layer('dilated_strided_1d', 'Conv1D', ['sequence'], { filters: 3, kernel: 2, stride: 2, dilation: 3, padding: 'same' }),
    layer('same_1d', 'Conv1D', ['dilated_strided_1d'], { filters: 3, kernel: 3, padding: 1 }),
  ]);
}

/**
 * Layers without random weights (LayerNorm and BatchNorm start as identities), so two frameworks must
 * compute the same numbers: padding, every pooling mode, merges on several axes, activations,
 * permutes and reshapes between image and sequence layouts. Bilinear upsampling is left out:
 * TensorFlow.js samples pixel corners where Keras 3 and PyTorch sample pixel centres.
 */
export function weightlessImage(): Graph {
  return graph('weight-free image layers', [
    layer('image', 'Input', [], { shape: [9, 11, 3] }),
    layer('relu', 'Activation', ['image'], { fn: 'relu' }),
    layer('pad', 'ZeroPadding2D', ['relu'], { padding: [1, 2] }),
    layer('max_valid', 'MaxPool2D', ['pad'], { pool: 2 }),
    layer('max_same', 'MaxPool2D', ['pad'], { pool: 2, padding: 'same' }),
    layer('max_caffe', 'MaxPool2D', ['pad'], { pool: 2, ceil_mode: true }),
    layer('avg_same_uneven', 'AvgPool2D', ['pad'], { pool: 2, padding: 'same' }),
    layer('avg_same', 'AvgPool2D', ['max_same'], { pool: 3, stride: 1, padding: 'same' }),
    layer('avg_explicit', 'AvgPool2D', ['pad'], { pool: 3, stride: 2, padding: [1, 1] }),
    layer('channels', 'Concat', ['max_same', 'max_caffe', 'avg_same_uneven', 'avg_same'], { axis: -1 }),
    layer('width', 'Concat', ['max_same', 'avg_explicit'], { axis: 1 }),
    layer('height', 'Concat', ['width', 'width'], { axis: 0 }),
    layer('softmax', 'Activation', ['image'], { fn: 'softmax' }),
    layer('elu', 'Activation', ['softmax'], { fn: 'elu' }),
    layer('gelu', 'Activation', ['image'], { fn: 'gelu' }),
    layer('leaky', 'Activation', ['image'], { fn: 'leaky_relu', alpha: 0.1 }),
    layer('tanh', 'Activation', ['image'], { fn: 'tanh' }),
    layer('sigmoid', 'Activation', ['image'], { fn: 'sigmoid' }),
    layer('sum', 'Add', ['elu', 'gelu', 'leaky']),
    layer('product', 'Multiply', ['sum', 'tanh', 'sigmoid']),
    layer('layer_norm', 'LayerNorm', ['product']),
    layer('batch_norm', 'BatchNorm', ['layer_norm']),
    layer('drop', 'Dropout', ['batch_norm']),
    layer('nearest', 'UpSampling2D', ['drop'], { size: [2, 3] }),
    layer('swap', 'Permute', ['nearest'], { dims: [3, 1, 2] }),
    layer('pixels', 'Reshape', ['drop'], { shape: [-1, 3] }),
    layer('back_to_image', 'Reshape', ['pixels'], { shape: [11, 9, 3] }),
    layer('global_avg', 'GlobalAvgPool2D', ['max_valid']),
    layer('global_max', 'GlobalMaxPool2D', ['max_valid']),
  ]);
}

/** Weight-free sequence layers: permutes and reshapes of [T, F], normalisation over features. */
export function weightlessSequence(): Graph {
  return graph('weight-free sequence layers', [
    layer('frames', 'Input', [], { shape: [7, 6] }),
    layer('transposed', 'Permute', ['frames'], { dims: [2, 1] }),
    layer('regrouped', 'Reshape', ['transposed'], { shape: [3, 14] }),
    layer('layer_norm', 'LayerNorm', ['regrouped']),
    layer('batch_norm', 'BatchNorm', ['regrouped']),
    layer('features', 'Concat', ['layer_norm', 'batch_norm'], { axis: -1 }),
    layer('steps', 'Concat', ['layer_norm', 'batch_norm'], { axis: 0 }),
    layer('softmax', 'Activation', ['steps'], { fn: 'softmax' }),
    layer('as_image', 'Reshape', ['frames'], { shape: [7, 3, 2] }),
    layer('image_permuted', 'Permute', ['as_image'], { dims: [2, 3, 1] }),
    layer('as_vector', 'Reshape', ['image_permuted'], { shape: [42] }),
  ]);
}

/** Every reference graph, named for test titles. */
export const REFERENCE_GRAPHS: ReadonlyArray<[string, () => Graph]> = [
  ['VGG-16', () => vgg16()],
  ['ResNet basic blocks (Add)', resnetBlocks],
  ['Inception 3a (Concat, ceil pooling)', inception3a],
  ['LeNet-5', lenet5],
  ['text LSTM', textLstm],
  ['bidirectional GRU', bidirectionalGru],
  ['Conv1D', conv1dNet],
  ['multi-head attention', attentionBlock],
  ['U-Net piece (Conv2DTranspose, UpSampling2D)', unetPiece],
  ['MobileNet piece (DepthwiseConv2D)', mobilenetPiece],
  ['AlexNet (groups = 2, LRN)', alexnet],
  ['image oddments', imageOddments],
  ['sequence oddments', sequenceOddments],
  ['awkward windows', awkwardWindows],
];
