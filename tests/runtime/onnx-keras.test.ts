/**
 * The ONNX models compute what the graph means in Keras: the same networks built in tfjs-layers
 * with the ONNX initializers copied in (converted to Keras layouts) give the same outputs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitOnnx } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, type Graph } from '../../src/graph/index.ts';
import { decodeOnnxModel } from '../../src/proto/index.ts';
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
    x = tfl.layers.cropping2D({ cropping: [[1, 0], [0, 2]] }).apply(x) as tfl.SymbolicTensor;
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
  it('sequence layers: Embedding, Conv1D, LSTM, bidirectional LSTM, Dense', async () => {
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: 'keras sequence semantics',
      layers: [
        { id: 'tokens', type: 'Input', params: { shape: [6], dtype: 'int32' } },
        { id: 'embed', type: 'Embedding', inputs: ['tokens'], params: { vocab: 30, dim: 8 } },
        { id: 'conv', type: 'Conv1D', inputs: ['embed'], params: { filters: 5, kernel: 4, padding: 'same', activation: 'relu' } },
        { id: 'lstm', type: 'LSTM', inputs: ['conv'], params: { units: 7, return_sequences: true } },
        { id: 'bi', type: 'Bidirectional', inputs: ['lstm'], params: { cell: 'LSTM', units: 3, return_sequences: true } },
        { id: 'last', type: 'LSTM', inputs: ['bi'], params: { units: 4 } },
        { id: 'out', type: 'Dense', inputs: ['last'], params: { units: 2, activation: 'softmax' } },
      ],
    };
    const bytes = emitOnnx(graph);
    const w = initializers(bytes);
    const input = tfl.input({ shape: [6] });
    const embed = tfl.layers.embedding({ inputDim: 30, outputDim: 8 });
    const conv = tfl.layers.conv1d({ filters: 5, kernelSize: 4, padding: 'same', activation: 'relu' });
    const lstm = tfl.layers.lstm({ units: 7, returnSequences: true, recurrentActivation: 'sigmoid' });
    const bi = tfl.layers.bidirectional({ layer: tfl.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }) as tfl.RNN, mergeMode: 'concat' });
    const last = tfl.layers.lstm({ units: 4, recurrentActivation: 'sigmoid' });
    const dense = tfl.layers.dense({ units: 2, activation: 'softmax' });
    let x = embed.apply(input) as tfl.SymbolicTensor;
    for (const layer of [conv, lstm, bi, last, dense]) x = layer.apply(x) as tfl.SymbolicTensor;
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
    dense.setWeights([tf.transpose(w.get('out.weight')!), w.get('out.bias')!]);

    const [onnx] = await runOnnx(bytes, { batch: 1, maxTokenId: 29 });
    const tokens = tf.tensor2d([Array.from({ length: 6 }, (_, i) => i % 30)]);
    const keras = (model.predict(tokens) as tf.Tensor).dataSync();
    expect(onnx!.dims).toEqual([1, 2]);
    expect(maxDifference(onnx!.data, keras)).toBeLessThan(1e-5);
  });
});
