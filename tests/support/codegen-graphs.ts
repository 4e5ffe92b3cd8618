/**
 * Reference networks for the code-generation runtime tests, written as a paper would describe
 * them. Widths of the big classifiers are reduced where noted, to keep weight files small.
 */
import { GRAPH_FORMAT, type Graph, type Layer, type Params } from '../../src/graph/index.ts';

/** Builds a chain quickly: each call appends a layer fed by the previous one unless `inputs` says otherwise. */
class Chain {
  readonly layers: Layer[] = [];
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

export function lenet(): Graph {
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

/** AlexNet's convolution stack as in Krizhevsky et al. (groups 2, LRN, overlapping pooling); fc layers 1024 wide instead of 4096. */
export function alexnet(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [227, 227, 3] })
    .add('conv1', 'Conv2D', { filters: 96, kernel: [11, 11], stride: [4, 4], ...relu })
    .add('norm1', 'LRN', { size: 5, alpha: 1e-4, beta: 0.75 })
    .add('pool1', 'MaxPool2D', { pool: [3, 3], stride: [2, 2] })
    .add('conv2', 'Conv2D', { filters: 256, kernel: [5, 5], padding: [2, 2], groups: 2, ...relu })
    .add('norm2', 'LRN', { size: 5, alpha: 1e-4, beta: 0.75 })
    .add('pool2', 'MaxPool2D', { pool: [3, 3], stride: [2, 2] })
    .add('conv3', 'Conv2D', { filters: 384, kernel: [3, 3], padding: [1, 1], ...relu })
    .add('conv4', 'Conv2D', { filters: 384, kernel: [3, 3], padding: [1, 1], groups: 2, ...relu })
    .add('conv5', 'Conv2D', { filters: 256, kernel: [3, 3], padding: [1, 1], groups: 2, ...relu })
    .add('pool5', 'MaxPool2D', { pool: [3, 3], stride: [2, 2] })
    .add('flatten', 'Flatten')
    .add('fc6', 'Dense', { units: 1024, ...relu })
    .add('drop6', 'Dropout', { rate: 0.5 })
    .add('fc7', 'Dense', { units: 1024, ...relu })
    .add('drop7', 'Dropout', { rate: 0.5 })
    .add('fc8', 'Dense', { units: 1000, activation: 'softmax' })
    .graph('AlexNet');
}

/** VGG-16 (configuration D) on 32×32 inputs, as used for CIFAR, with a 512-wide classifier. */
export function vgg16(): Graph {
  const chain = new Chain().add('data', 'Input', { shape: [32, 32, 3] });
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
    .add('fc6', 'Dense', { units: 512, ...relu })
    .add('drop6', 'Dropout')
    .add('fc7', 'Dense', { units: 512, ...relu })
    .add('drop7', 'Dropout')
    .add('fc8', 'Dense', { units: 10, activation: 'softmax' })
    .graph('VGG-16');
}

/** Two ResNet basic blocks: identity shortcut, then a stride-2 block with a 1×1 projection shortcut. */
export function resnetBlocks(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [56, 56, 64] })
    .add('res2a_branch2a', 'Conv2D', { filters: 64, kernel: [3, 3], padding: 'same', use_bias: false })
    .add('bn2a_branch2a', 'BatchNorm')
    .add('res2a_branch2a_relu', 'Activation', { fn: 'relu' })
    .add('res2a_branch2b', 'Conv2D', { filters: 64, kernel: [3, 3], padding: 'same', use_bias: false })
    .add('bn2a_branch2b', 'BatchNorm')
    .add('res2a', 'Add', {}, ['data', 'bn2a_branch2b'])
    .add('res2a_relu', 'Activation', { fn: 'relu' })
    .add('res3a_branch2a', 'Conv2D', { filters: 128, kernel: [3, 3], stride: [2, 2], padding: 'same', ...relu })
    .add('res3a_branch2b', 'Conv2D', { filters: 128, kernel: [3, 3], padding: 'same' })
    .add('res3a_branch1', 'Conv2D', { filters: 128, kernel: [1, 1], stride: [2, 2] }, ['res2a_relu'])
    .add('res3a', 'Add', {}, ['res3a_branch1', 'res3a_branch2b'])
    .add('res3a_relu', 'Activation', { fn: 'relu' })
    .add('pool', 'GlobalAvgPool2D')
    .add('fc', 'Dense', { units: 10, activation: 'softmax' })
    .graph('ResNet blocks');
}

/** GoogLeNet's inception (3a): four branches joined on channels. */
export function inceptionBlock(): Graph {
  return new Chain()
    .add('data', 'Input', { shape: [28, 28, 192] })
    .add('inception_3a/1x1', 'Conv2D', { filters: 64, kernel: [1, 1], ...relu }, ['data'])
    .add('inception_3a/3x3_reduce', 'Conv2D', { filters: 96, kernel: [1, 1], ...relu }, ['data'])
    .add('inception_3a/3x3', 'Conv2D', { filters: 128, kernel: [3, 3], padding: 'same', ...relu })
    .add('inception_3a/5x5_reduce', 'Conv2D', { filters: 16, kernel: [1, 1], ...relu }, ['data'])
    .add('inception_3a/5x5', 'Conv2D', { filters: 32, kernel: [5, 5], padding: 'same', ...relu })
    .add('inception_3a/pool', 'MaxPool2D', { pool: [3, 3], stride: [1, 1], padding: 'same' }, ['data'])
    .add('inception_3a/pool_proj', 'Conv2D', { filters: 32, kernel: [1, 1], ...relu })
    .add('inception_3a/output', 'Concat', {}, ['inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool_proj'])
    .graph('Inception 3a');
}

/** MobileNet's first separable blocks, with Keras' explicit ZeroPadding2D before the strided depthwise conv. */
export function mobilenetPiece(): Graph {
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

/** One U-Net level: contract, expand with an up-convolution, concatenate the skip, and upsampling by interpolation. */
export function unetPiece(): Graph {
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

/** A text classifier: embedding, 1-D convolution, recurrent layers, self-attention. ONNX only (Caffe has none of these). */
export function textModel(): Graph {
  return new Chain()
    .add('tokens', 'Input', { shape: [20], dtype: 'int32' })
    .add('embedding', 'Embedding', { vocab: 1000, dim: 32 })
    .add('conv', 'Conv1D', { filters: 48, kernel: 3, padding: 'same', activation: 'relu' })
    .add('lstm', 'LSTM', { units: 64, return_sequences: true })
    .add('norm', 'LayerNorm')
    .add('attention', 'MultiHeadAttention', { heads: 4, key_dim: 16 })
    .add('bilstm', 'Bidirectional', { cell: 'LSTM', units: 24, return_sequences: true })
    .add('bigru_sum', 'Bidirectional', { cell: 'GRU', units: 16, return_sequences: true, merge: 'sum' })
    .add('rnn', 'SimpleRNN', { units: 16, return_sequences: true })
    .add('per_step', 'Dense', { units: 8, activation: 'tanh' })
    .add('seq_bn', 'BatchNorm')
    .add('gru', 'GRU', { units: 32 })
    .add('dropout', 'Dropout', { rate: 0.2 })
    .add('out', 'Dense', { units: 1, activation: 'sigmoid' })
    .graph('Text classifier');
}

/** Layers the other networks leave out: reshapes, permutes, products, other activations, last-state bidirectional. */
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
    .add('last_state', 'Bidirectional', { cell: 'SimpleRNN', units: 5 })
    .add('as_image', 'Reshape', { shape: [2, 5, 1] })
    .add('image_permute', 'Permute', { dims: [3, 1, 2] })
    .add('flat', 'Flatten')
    .add('joined', 'Concat', {}, ['flat', 'tanh'])
    .add('sig', 'Dense', { units: 4, activation: 'sigmoid', use_bias: false })
    .graph('Odds and ends');
}

/** Layer ids as they might come out of a PDF: code, quotes, backslashes, braces, newlines, unicode. */
export const HOSTILE_IDS = [
  'x"); import os; os.system("echo pwned") #',
  'conv\nlayer { name: "evil" }',
  'back\\slash \\" quote',
  '}} {{',
  'Faltung 3×3 – größer ü',
  '卷积层',
  "'''",
  '"""',
  'net',
  'input',
];

export function hostileGraph(): Graph {
  const chain = new Chain().add(HOSTILE_IDS[9]!, 'Input', { shape: [16, 16, 3] });
  chain.add(HOSTILE_IDS[0]!, 'Conv2D', { filters: 8, kernel: [3, 3], padding: 'same', ...relu });
  chain.add(HOSTILE_IDS[1]!, 'BatchNorm');
  chain.add(HOSTILE_IDS[2]!, 'MaxPool2D', { pool: [2, 2] });
  chain.add(HOSTILE_IDS[3]!, 'Conv2D', { filters: 8, kernel: [1, 1] }, [HOSTILE_IDS[2]!]);
  chain.add(HOSTILE_IDS[4]!, 'Add', {}, [HOSTILE_IDS[2]!, HOSTILE_IDS[3]!]);
  chain.add(HOSTILE_IDS[5]!, 'Flatten');
  chain.add(HOSTILE_IDS[6]!, 'Dense', { units: 16, ...relu });
  chain.add(HOSTILE_IDS[7]!, 'Dropout');
  chain.add(HOSTILE_IDS[8]!, 'Dense', { units: 3, activation: 'softmax' });
  return chain.graph('evil"} name: "x\n');
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
