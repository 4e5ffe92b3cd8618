/** The Activation layer: one entry for every element-wise non-linearity, chosen by `fn`. */
import { requireRank } from '../shape-rules.ts';
import { ACTIVATIONS, ShapeError, type Alias, type LayerSpec } from '../spec.ts';

const spellings: Record<string, string[]> = {
  relu: ['relu', 'ReLU', 'rectified linear unit', 'rectifier', 'relu activation'],
  leaky_relu: ['leaky relu', 'leakyrelu', 'lrelu', 'LeakyReLU', 'leaky'],
  prelu: ['prelu', 'PReLU', 'parametric relu'],
  sigmoid: ['sigmoid', 'logistic', 'sigm'],
  tanh: ['tanh', 'TanH', 'hyperbolic tangent'],
  softmax: ['softmax', 'soft-max', 'soft max', 'softmx', 'Softmax'],
  elu: ['elu', 'ELU'],
  gelu: ['gelu', 'GELU'],
};

const aliases: Alias[] = Object.entries(spellings).flatMap(([fn, texts]) => texts.map((text) => ({ text, params: { fn } })));

export const activation: LayerSpec = {
  type: 'Activation',
  category: 'activation',
  doc: 'Element-wise non-linearity (ReLU, LeakyReLU, PReLU, Sigmoid, Tanh, Softmax, ELU, GELU)',
  aliases: [{ text: 'activation' }, { text: 'nonlinearity' }, ...aliases],
  params: [
    { name: 'fn', kind: 'enum', default: 'relu', options: ACTIVATIONS.filter((a) => a !== 'linear'), doc: 'Which non-linearity' },
    { name: 'alpha', kind: 'float', default: (p) => (p.fn === 'elu' ? 1 : 0.3), min: 0, max: 10, doc: 'Negative slope for leaky_relu, scale for elu' },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    if (params.fn === 'prelu' && input!.length === 0) throw new ShapeError('PReLU needs a non-scalar input');
    if (params.fn === 'softmax') requireRank(input!, [1, 2, 3], 'Softmax');
    return [...input!];
  },
  targets: {
    keras: { className: 'Activation' },
    caffe: { type: 'ReLU' },
    pytorch: { module: 'ReLU' },
    onnx: { op: 'Relu' },
    byFn: {
      relu: {},
      // Caffe's ReLU takes a negative_slope.
      leaky_relu: { keras: { className: 'LeakyReLU' }, pytorch: { module: 'LeakyReLU' }, onnx: { op: 'LeakyRelu' } },
      prelu: { keras: { className: 'PReLU' }, caffe: { type: 'PReLU' }, pytorch: { module: 'PReLU' }, onnx: { op: 'PRelu' } },
      sigmoid: { caffe: { type: 'Sigmoid' }, pytorch: { module: 'Sigmoid' }, onnx: { op: 'Sigmoid' } },
      tanh: { caffe: { type: 'TanH' }, pytorch: { module: 'Tanh' }, onnx: { op: 'Tanh' } },
      softmax: { caffe: { type: 'Softmax' }, pytorch: { module: 'Softmax' }, onnx: { op: 'Softmax' } },
      elu: { caffe: { type: 'ELU' }, pytorch: { module: 'ELU' }, onnx: { op: 'Elu' } },
      // ONNX has a Gelu operator only from opset 20: x·½(1 + erf(x/√2)) is written with Erf.
      gelu: { caffe: { unsupported: 'Caffe has no GELU layer' }, pytorch: { module: 'GELU' }, onnx: { op: 'Erf' } },
    },
  },
};
