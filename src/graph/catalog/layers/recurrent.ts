/** Sequence layers: Embedding, SimpleRNN, LSTM, GRU (each one- or two-directional). */
import type { Params, Shape } from '../../types.ts';
import { requireRank } from '../shape-rules.ts';
import type { LayerSpec, ParamSpec } from '../spec.ts';
import type { LayerTargets } from '../targets.ts';
import { KERAS_RECURRENT_ARGS, TORCH_RECURRENT_ARGS } from '../constructorArgs.ts';

const rnnParams: ParamSpec[] = [
  { name: 'units', kind: 'int', default: 64, min: 1, max: 65536, doc: 'Hidden state size' },
  { name: 'return_sequences', kind: 'bool', default: false, doc: 'Output every step [T, units] rather than the last [units]' },
  // One flag, as PyTorch's and ONNX's recurrent layers carry it, so that "BiLSTM" is an LSTM to every reader.
  { name: 'bidirectional', kind: 'bool', default: false, doc: 'Also run backwards over the sequence, the two directions merged' },
  { name: 'merge', kind: 'enum', default: 'concat', options: ['concat', 'sum'], doc: 'How the two directions combine (bidirectional only)' },
];

function rnnOutput(input: Shape, params: Params, what: string): Shape {
  requireRank(input, [2], what);
  const units = params.units as number;
  const width = params.bidirectional && params.merge !== 'sum' ? 2 * units : units;
  return params.return_sequences ? [input[0]!, width] : [width];
}

/** Nouns that count a recurrent layer's width in running text ("512 hidden units", "1024 memory cells"). */
const RNN_WIDTH = { param: 'units', nouns: ['units', 'hidden units', 'cells', 'memory cells', 'neurons', 'dimensions'] };

/** `twoWay`: the spellings of the bidirectional layer ("bilstm", "bi-lstm"). */
function recurrent(type: string, doc: string, aliases: string[], twoWay: string[], targets: LayerTargets): LayerSpec {
  return {
    type,
    category: 'recurrent',
    doc,
    aliases: [...aliases.map((text) => ({ text })), ...twoWay.map((text) => ({ text, params: { bidirectional: true } }))],
    prose: {
      kinds: [...aliases.filter((a) => a === a.toLowerCase() && !a.includes('cell')), ...twoWay],
      nouns: [...aliases.filter((a) => a === a.toLowerCase() && a.length <= 4 && a !== 'rnn'), ...twoWay],
      width: RNN_WIDTH,
      modifiers: [{ words: ['bidirectional', 'bi-directional'], params: { bidirectional: true } }],
    },
    params: rnnParams,
    arity: { min: 1, max: 1 },
    outputShape: ([input], params) => rnnOutput(input!, params, type),
    targets,
  };
}

// Caffe's RNN and LSTM layers read time-major input plus a second sequence-continuation blob; not generated.
const CAFFE_RECURRENT = 'Caffe recurrent layers need time-major input and a sequence-continuation input, which the graph does not have';

export const simpleRnn = recurrent(
  'SimpleRNN',
  'Fully connected recurrent layer (Elman RNN)',
  ['rnn', 'simplernn', 'simple rnn', 'recurrent', 'elman'],
  ['brnn', 'birnn', 'bi-rnn'],
  {
    keras: { className: 'SimpleRNN', args: KERAS_RECURRENT_ARGS },
    caffe: { unsupported: CAFFE_RECURRENT },
    pytorch: {
      module: 'RNN',
      args: TORCH_RECURRENT_ARGS,
    },
    onnx: { op: 'RNN' },
  },
);

export const lstm = recurrent(
  'LSTM',
  'Long short-term memory layer',
  ['lstm', 'long short-term memory', 'long short term memory', 'LSTM cell'],
  ['bilstm', 'bi-lstm', 'blstm'],
  {
    keras: { className: 'LSTM', args: KERAS_RECURRENT_ARGS },
    caffe: { unsupported: CAFFE_RECURRENT },
    pytorch: {
      module: 'LSTM',
      args: TORCH_RECURRENT_ARGS,
    },
    onnx: { op: 'LSTM' },
  },
);

export const gru = recurrent('GRU', 'Gated recurrent unit layer', ['gru', 'gated recurrent unit', 'GRU cell'], ['bigru', 'bi-gru', 'bgru'], {
  keras: { className: 'GRU', args: KERAS_RECURRENT_ARGS },
  caffe: { unsupported: 'Caffe has no GRU layer' },
  pytorch: {
    module: 'GRU',
    args: TORCH_RECURRENT_ARGS,
  },
  onnx: { op: 'GRU' },
});

export const embedding: LayerSpec = {
  type: 'Embedding',
  category: 'recurrent',
  doc: 'Look up a vector for each token id: [T] → [T, dim]',
  aliases: [{ text: 'embedding' }, { text: 'embed' }, { text: 'word embedding' }, { text: 'embedding layer' }, { text: 'lookup table' }],
  prose: {
    kinds: ['embedding', 'word embedding', 'token embedding', 'lookup table'],
    nouns: ['word embeddings', 'word embedding', 'embeddings', 'embedding'],
    width: { param: 'dim', nouns: ['dimensions', 'dimensional', 'dims'] },
  },
  params: [
    { name: 'vocab', kind: 'int', default: 10000, min: 1, max: 10_000_000, doc: 'Number of distinct token ids' },
    { name: 'dim', kind: 'int', default: 128, min: 1, max: 65536, doc: 'Vector size per token' },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    requireRank(input!, [1], 'Embedding');
    return [input![0]!, params.dim as number];
  },
  targets: {
    keras: {
      className: 'Embedding',
      args: [
        ['input_dim', 'vocab'],
        ['output_dim', 'dim'],
      ],
    },
    caffe: { type: 'Embed' },
    pytorch: {
      module: 'Embedding',
      args: [
        ['num_embeddings', 'vocab'],
        ['embedding_dim', 'dim'],
      ],
    },
    onnx: { op: 'Gather' },
  },
  traits: { reads: 'ids' },
};
