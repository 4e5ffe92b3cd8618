/**
 * The ONNX models compute what the graph means in Keras: the same networks built in tfjs-layers
 * with the ONNX initializers copied in (converted to Keras layouts) give the same outputs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tfl from '@tensorflow/tfjs-layers';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitOnnx } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';
import { decodeOnnxModel, encodeOnnxModel } from '../../src/proto/index.ts';
import { runOnnx } from '../support/onnx-runtime.ts';
import { sampleValues } from '../support/sample-input.ts';

/** Initializer name → values and dims. */
function initializers(bytes: Uint8Array): Map<string, tf.Tensor> {
  const tensors = new Map<string, tf.Tensor>();
  for (const t of decodeOnnxModel(bytes).graph!.initializer!) {
    if (!t.raw_data || t.data_type !== 1) continue;
    const raw = t.raw_data;
    tensors.set(t.name!, tf.tensor(new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)), t.dims!));
  }
  return tensors;
}

/** ONNX LSTM gates i,o,f,c along axis 0 → Keras i,f,c,o, transposed to [in, 4H]. */
function lstmKernel(onnx: tf.Tensor): tf.Tensor {
  const [i, o, f, c] = tf.split(onnx, 4, 0);
  return tf.transpose(tf.concat([i!, f!, c!, o!], 0));
}

/** The model with the named float initializers replaced by `values` (e.g. non-trivial BatchNorm statistics). */
function withInitializers(bytes: Uint8Array, values: Record<string, Float32Array>): Uint8Array {
  const model = decodeOnnxModel(bytes);
  for (const tensor of model.graph!.initializer!) {
    const replacement = values[tensor.name!];
    if (replacement) tensor.raw_data = new Uint8Array(replacement.buffer.slice(0));
  }
  return encodeOnnxModel(model);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('ONNX models compute what Keras computes', () => {
  it("image layers: 'same' padding with odd totals, nearest upsampling, cropping, Reshape and Permute in channels-last order", async () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'keras image semantics',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [9, 9, 3] } },
        { id: 'conv', type: 'Conv2D', inputs: ['data'], params: { filters: 4, kernel: [3, 3], stride: [2, 2], padding: 'same', activation: 'relu' } },
        { id: 'up', type: 'UpSampling2D', inputs: ['conv'], params: { size: [2, 2] } },
        { id: 'even', type: 'Conv2D', inputs: ['up'], params: { filters: 5, kernel: [2, 2], padding: 'same', activation: 'tanh' } },
        { id: 'crop', type: 'Cropping2D', inputs: ['even'], params: { cropping: [1, 0, 0, 2] } },
        { id: 'pool', type: 'MaxPool2D', inputs: ['crop'], params: { pool: [2, 2], padding: 'same' } },
        { id: 'rows', type: 'Reshape', inputs: ['pool'], params: { shape: [5, 20] } },
        { id: 'cols', type: 'Permute', inputs: ['rows'], params: { dims: [2, 1] } },
        { id: 'out', type: 'Dense', inputs: ['cols'], params: { units: 3 } },
      ],
    };
    const bytes = emitOnnx(graph);
    const w = initializers(bytes);
    const input = tfl.input({ shape: [9, 9, 3] });
    const conv = tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' });
    const even = tfl.layers.conv2d({ filters: 5, kernelSize: 2, padding: 'same', activation: 'tanh' });
    const dense = tfl.layers.dense({ units: 3 });
    let x = conv.apply(input) as tfl.SymbolicTensor;
    x = tfl.layers.upSampling2d({ size: [2, 2] }).apply(x) as tfl.SymbolicTensor;
    x = even.apply(x) as tfl.SymbolicTensor;
    x = tfl.layers
      .cropping2D({
        cropping: [
          [1, 0],
          [0, 2],
        ],
      })
      .apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.maxPooling2d({ poolSize: 2, padding: 'same' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reshape({ targetShape: [5, 20] }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.permute({ dims: [2, 1] }).apply(x) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: dense.apply(x) as tfl.SymbolicTensor });
    conv.setWeights([tf.transpose(w.get('conv.weight')!, [2, 3, 1, 0]), w.get('conv.bias')!]);
    even.setWeights([tf.transpose(w.get('even.weight')!, [2, 3, 1, 0]), w.get('even.bias')!]);
    dense.setWeights([w.get('out.weight')!, w.get('out.bias')!]);

    const [onnx] = await runOnnx(bytes, { batch: 1 });
    const nchw = tf.tensor(sampleValues(3 * 9 * 9), [1, 3, 9, 9]);
    const keras = (model.predict(nchw.transpose([0, 2, 3, 1])) as tf.Tensor).dataSync();
    expect(onnx!.dims).toEqual([1, 20, 3]);
    expect(maxDifference(onnx!.data, keras)).toBeLessThan(1e-5);
  });

  // tfjs-layers has no reset-after GRU (Keras' default, which the ONNX GRU follows), so GRU is checked for shapes only.
  it('sequence layers: Embedding, Conv1D, LSTM, LayerNorm and BatchNorm over features, bidirectional LSTM, Dense', async () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'keras sequence semantics',
      layers: [
        { id: 'tokens', type: 'Input', params: { shape: [6], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 30, dim: 8 } },
        { id: 'conv', type: 'Conv1D', inputs: ['embed'], params: { filters: 5, kernel: 4, padding: 'same', activation: 'relu' } },
        { id: 'lstm', type: 'LSTM', inputs: ['conv'], params: { units: 7, return_sequences: true } },
        { id: 'norm', type: 'LayerNorm', inputs: ['lstm'] },
        { id: 'bn', type: 'BatchNorm', inputs: ['norm'] },
        { id: 'bi', type: 'LSTM', inputs: ['bn'], params: { bidirectional: true, units: 3, return_sequences: true } },
        { id: 'last', type: 'LSTM', inputs: ['bi'], params: { units: 4 } },
        { id: 'out', type: 'Dense', inputs: ['last'], params: { units: 2, activation: 'softmax' } },
      ],
    };
    // Per-feature statistics and scales that differ, so normalising the wrong axis shows.
    const ramp = (from: number, step: number) => Float32Array.from({ length: 7 }, (_, i) => from + step * i);
    const stats = {
      'norm.gamma': ramp(0.5, 0.2),
      'norm.beta': ramp(-0.3, 0.1),
      'bn.gamma': ramp(1.5, -0.1),
      'bn.beta': ramp(0.2, 0.05),
      'bn.running_mean': ramp(-0.2, 0.07),
      'bn.running_var': ramp(0.6, 0.15),
    };
    const bytes = withInitializers(emitOnnx(graph), stats);
    const w = initializers(bytes);
    const input = tfl.input({ shape: [6] });
    const embed = tfl.layers.embedding({ inputDim: 30, outputDim: 8 });
    const conv = tfl.layers.conv1d({ filters: 5, kernelSize: 4, padding: 'same', activation: 'relu' });
    const lstm = tfl.layers.lstm({ units: 7, returnSequences: true, recurrentActivation: 'sigmoid' });
    const norm = tfl.layers.layerNormalization({ epsilon: 1e-5 });
    const bn = tfl.layers.batchNormalization({ epsilon: 1e-5 });
    const bi = tfl.layers.bidirectional({
      layer: tfl.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }) as tfl.RNN,
      mergeMode: 'concat',
    });
    const last = tfl.layers.lstm({ units: 4, recurrentActivation: 'sigmoid' });
    const dense = tfl.layers.dense({ units: 2, activation: 'softmax' });
    let x = embed.apply(input) as tfl.SymbolicTensor;
    for (const layer of [conv, lstm, norm, bn, bi, last, dense]) x = layer.apply(x) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: x });
    embed.setWeights([w.get('embed.weight')!]);
    conv.setWeights([tf.transpose(w.get('conv.weight')!, [2, 1, 0]), w.get('conv.bias')!]);
    const lstmWeights = (prefix: string, direction: number, units: number): tf.Tensor[] => [
      lstmKernel(tf.squeeze(tf.gather(w.get(`${prefix}.W`)!, [direction]), [0])),
      lstmKernel(tf.squeeze(tf.gather(w.get(`${prefix}.R`)!, [direction]), [0])),
      tf.zeros([4 * units]),
    ];
    lstm.setWeights(lstmWeights('lstm', 0, 7));
    bi.setWeights([...lstmWeights('bi', 0, 3), ...lstmWeights('bi', 1, 3)]);
    last.setWeights(lstmWeights('last', 0, 4));
    norm.setWeights([w.get('norm.gamma')!, w.get('norm.beta')!]);
    bn.setWeights([w.get('bn.gamma')!, w.get('bn.beta')!, w.get('bn.running_mean')!, w.get('bn.running_var')!]);
    dense.setWeights([tf.transpose(w.get('out.weight')!), w.get('out.bias')!]);

    const [onnx] = await runOnnx(bytes, { batch: 1, maxTokenId: 29 });
    const tokens = tf.tensor2d([Array.from({ length: 6 }, (_, i) => i % 30)]);
    const keras = (model.predict(tokens) as tf.Tensor).dataSync();
    expect(onnx!.dims).toEqual([1, 2]);
    expect(maxDifference(onnx!.data, keras)).toBeLessThan(1e-5);
  });

  it('MultiHeadAttention: scaled dot-product attention per head, as Keras defines it (self and cross attention)', async () => {
    const heads = 2;
    const keyDim = 3;
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'attention semantics',
      layers: [
        { id: 'query', type: 'Input', params: { shape: [4, 6] } },
        { id: 'memory', type: 'Input', params: { shape: [7, 6] } },
        { id: 'own', type: 'MultiHeadAttention', inputs: ['query'], params: { heads, key_dim: keyDim } },
        { id: 'cross', type: 'MultiHeadAttention', inputs: ['query', 'memory'], params: { heads, key_dim: keyDim } },
      ],
    };
    const bytes = emitOnnx(graph);
    const w = initializers(bytes);
    // Reference: softmax(Q Kᵀ / √d) V per head on unbatched [T, F] tensors, heads concatenated, then the output projection.
    const attend = (layer: string, query: tf.Tensor2D, value: tf.Tensor2D): tf.Tensor => {
      const project = (x: tf.Tensor2D, what: string) => tf.add(tf.matMul(x, w.get(`${layer}.${what}.weight`) as tf.Tensor2D), w.get(`${layer}.${what}.bias`)!);
      const split = (x: tf.Tensor) => tf.transpose(tf.reshape(x, [x.shape[0]!, heads, keyDim]), [1, 0, 2]) as tf.Tensor3D;
      const [q, k, v] = [split(project(query, 'query')), split(project(value, 'key')), split(project(value, 'value'))];
      const weights = tf.softmax(tf.div(tf.matMul(q, k, false, true), Math.sqrt(keyDim)));
      const mixed = tf.reshape(tf.transpose(tf.matMul(weights, v), [1, 0, 2]), [query.shape[0], heads * keyDim]) as tf.Tensor2D;
      return project(mixed, 'output');
    };
    const query = tf.tensor2d(sampleValues(4 * 6), [4, 6]);
    const memory = tf.tensor2d(sampleValues(7 * 6), [7, 6]);
    const [self, cross] = await runOnnx(bytes, { batch: 1 });
    expect(self!.dims).toEqual([1, 4, 6]);
    expect(cross!.dims).toEqual([1, 4, 6]);
    expect(maxDifference(self!.data, attend('own', query, query).dataSync())).toBeLessThan(1e-5);
    expect(maxDifference(cross!.data, attend('cross', query, memory).dataSync())).toBeLessThan(1e-5);
  });

  // tfjs-layers has no reset-after GRU; PyTorch's GRU is that GRU (Keras' default), so torch is the reference here.
  it('GRU (reset after) and SimpleRNN compute what torch.nn.GRU and torch.nn.RNN compute', async () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'recurrent semantics',
      layers: [
        { id: 'data', type: 'Input', params: { shape: [5, 4] } },
        { id: 'gru', type: 'GRU', inputs: ['data'], params: { units: 3, return_sequences: true } },
        { id: 'rnn', type: 'SimpleRNN', inputs: ['gru'], params: { units: 2 } },
      ],
    };
    const bytes = emitOnnx(graph);
    const w = initializers(bytes);
    const weights = Object.fromEntries(['gru.W', 'gru.R', 'rnn.W', 'rnn.R'].map((name) => [name, Array.from(w.get(name)!.dataSync())]));
    const script = `
import json, sys, torch
w = json.loads(sys.argv[1])
def onnx_gates(name, rows, cols):
    z, r, h = torch.tensor(w[name]).reshape(3, rows, cols)
    return torch.cat([r, z, h])  # torch orders the gates r, z, n
gru = torch.nn.GRU(4, 3, batch_first=True)
rnn = torch.nn.RNN(3, 2, batch_first=True)
with torch.no_grad():
    gru.weight_ih_l0.copy_(onnx_gates("gru.W", 3, 4)); gru.weight_hh_l0.copy_(onnx_gates("gru.R", 3, 3))
    rnn.weight_ih_l0.copy_(torch.tensor(w["rnn.W"]).reshape(2, 3)); rnn.weight_hh_l0.copy_(torch.tensor(w["rnn.R"]).reshape(2, 2))
    for p in (gru.bias_ih_l0, gru.bias_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0): p.zero_()
    x = torch.tensor(w["input"]).reshape(1, 5, 4)
    _, last = rnn(gru(x)[0])
print(json.dumps(last[0].flatten().tolist()))
`;
    const input = Array.from(sampleValues(5 * 4));
    const stdout = execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify({ ...weights, input })]).toString();
    const torchOut = JSON.parse(stdout) as number[];
    const [onnx] = await runOnnx(bytes, { batch: 1 });
    expect(onnx!.dims).toEqual([1, 2]);
    expect(maxDifference(onnx!.data, torchOut)).toBeLessThan(1e-5);
  });
});
