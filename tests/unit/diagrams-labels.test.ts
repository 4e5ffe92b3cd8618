/** Layer recognition from node labels as the common drawing tools write them. */
import { describe, expect, it } from 'vitest';
import { recognizeLabel } from '../../src/diagrams/index.ts';
import { hasParenthesisedType, withDrawNetType } from '../../src/diagrams/labels.ts';

describe('Keras plot_model records', () => {
  it('reads the class cell and recovers filters and padding from the shape rows', () => {
    const rec = recognizeLabel('conv2d_12 input: (None, 28, 28, 1)\nConv2D output: (None, 28, 28, 32)');
    expect(rec?.type).toBe('Conv2D');
    expect(rec?.name).toBe('conv2d_12');
    expect(rec?.params).toMatchObject({ filters: 32, padding: 'same' });
    expect(rec?.inferred).toEqual(expect.arrayContaining(['filters', 'padding']));
  });

  it('guesses a valid convolution kernel from the shrink and marks it inferred', () => {
    const rec = recognizeLabel('conv2d_1 input: (None, 28, 28, 1)\nConv2D output: (None, 26, 26, 32)');
    expect(rec?.params).toMatchObject({ filters: 32, kernel: [3, 3], padding: 'valid' });
    expect(rec?.inferred).toContain('kernel');
  });

  it('takes the input shape from the InputLayer row', () => {
    const rec = recognizeLabel('input_1 input: [(None, 128, 128, 3)]\nInputLayer output: [(None, 128, 128, 3)]');
    expect(rec).toMatchObject({ type: 'Input', params: { shape: [128, 128, 3] } });
  });

  it('does not take a layer-name index for a width when shapes are given (OCR "conv2d 13")', () => {
    const rec = recognizeLabel('conv2d 13 | input: | (None, 28, 28, 32)\nConv2D output: | (None, 28, 28, 64)');
    expect(rec?.params.filters).toBe(64);
  });

  it('reads shape rows stacked column by column, even with a lost opening bracket', () => {
    const rec = recognizeLabel('conv2d_14\nConv2D\ninput:\noutput:\n(None, 14, 14, 32)\nNone, 14, 14, 64)');
    expect(rec).toMatchObject({ type: 'Conv2D', inShape: [14, 14, 32], outShape: [14, 14, 64], params: { filters: 64 } });
  });

  it('accepts OCR misspellings of None and reads pooling windows from shapes', () => {
    const rec = recognizeLabel('max_pooling2d_6 input: (Mone, 28, 28, 32)\nMaxPooling2D output: (None, 14, 14, 32)');
    expect(rec).toMatchObject({ type: 'MaxPool2D', params: { pool: [2, 2] } });
  });

  it('reads Dense units and the single-line Keras 2 form', () => {
    expect(recognizeLabel('dense_9 input: (None, 3136)\nDense output: (None, 512)')?.params.units).toBe(512);
    expect(recognizeLabel('conv2d_1: Conv2D')?.type).toBe('Conv2D');
  });

  it('takes the activation from the "Activation:" row Keras 3 writes with show_layer_activations', () => {
    const dense = recognizeLabel('dense_1 (Dense)\nActivation: relu\nInput shape: (None, 480) Output shape: (None, 15)');
    expect(dense).toMatchObject({ type: 'Dense', params: { activation: 'relu', units: 15 } });
    const conv = recognizeLabel('conv2d (Conv2D)\nActivation: softmax');
    expect(conv).toMatchObject({ type: 'Conv2D', params: { activation: 'softmax' } });
    // A layer without an activation of its own takes none; an Activation layer still reads as one.
    expect(recognizeLabel('dropout (Dropout)\nActivation: relu')?.params.activation).toBeUndefined();
    expect(recognizeLabel('Activation: relu')).toMatchObject({ type: 'Activation', params: { fn: 'relu' } });
  });
});

describe('Keras records whose class name OCR garbled', () => {
  it('the layer name Keras gave after the class decides: lstm, simple_rnn, embedding, flatten, gru', () => {
    expect(recognizeLabel('Istm_1 (LSTV)\nInput shape: (None, 180, 21) Output shape: (None, 13)')?.type).toBe('LSTM');
    expect(recognizeLabel('Istm_2 (LST™) | input shape: (None, 180,')?.type).toBe('LSTM');
    expect(recognizeLabel('simple_mn_3 (SiImpleRRNN) |')?.type).toBe('SimpleRNN');
    expect(recognizeLabel('simple_rnn (SrrpleRNN)')?.type).toBe('SimpleRNN');
    expect(recognizeLabel('embedding_2 (Embeddirq)')?.type).toBe('Embedding');
    expect(recognizeLabel('gru_1 (GRLJ)')?.type).toBe('GRU');
  });

  it('a word that only starts like a name is not taken for it', () => {
    expect(recognizeLabel('Istmus')).toBeUndefined();
  });
});

describe('Caffe draw_net and MXNet labels', () => {
  it('reads the parenthesised type and kernel/stride/pad, never the name digits', () => {
    const conv = recognizeLabel('conv1_1\n(Convolution)\nkernel size: 3\nstride: 1\npad: 1');
    expect(conv).toMatchObject({ type: 'Conv2D', name: 'conv1_1', params: { kernel: [3, 3], stride: [1, 1], padding: [1, 1] } });
    expect(conv?.params.filters).toBeUndefined();
    expect(recognizeLabel('fc6\n(InnerProduct)')).toMatchObject({ type: 'Dense', params: {} });
    expect(recognizeLabel('pool1\n(MAX Pooling)\nkernel size: 2\nstride: 2\npad: 0')).toMatchObject({
      type: 'MaxPool2D',
      params: { pool: [2, 2], stride: [2, 2], padding: 'valid' },
    });
    expect(recognizeLabel('relu1_1\n(ReLU)')).toMatchObject({ type: 'Activation', params: { fn: 'relu' } });
  });

  it('knows old draw_net layer marks with underscores ("(SOFTMAX_LOSS)", "(INNER_PRODUCT)") as layer marks, and a blob name as none', () => {
    expect(hasParenthesisedType('loss (SOFTMAX_LOSS)')).toBe(true);
    expect(hasParenthesisedType('ip (INNER_PRODUCT)')).toBe(true);
    expect(hasParenthesisedType('mnist (DATA)')).toBe(true);
    expect(hasParenthesisedType('data')).toBe(false);
    expect(hasParenthesisedType('label')).toBe(false);
  });

  // OCR's readings of small draw_net labels (eval synth --seed 7, a 4096 px plot at scale 0.54).
  it.each([
    ['fea\nIanerProduct', 'Dense', {}],
    ['19\n(Innec Product)', 'Dense', {}],
    ['lanerProdecy', 'Dense', {}],
    ['Fo\nFlaten', 'Flatten', {}],
    ['nm\nLST', 'LSTM', {}],
    ['cmbedd\n{Embed', 'Embedding', {}],
    ['pool3\n(AVE Puoling)\nbegnet sive: 3\nstride; 5\npax 0', 'AvgPool2D', { pool: [3, 3], stride: [5, 5], padding: 'valid' }],
    ['convl\n{Coavoletion)\nkermel size 7\nstnde: 1\npod-', 'Conv2D', { kernel: [7, 7], stride: [1, 1] }],
  ])('a draw_net type misread beyond one typo is the nearest Caffe type: %j', (text, type, params) => {
    const rec = recognizeLabel(withDrawNetType(text)!);
    expect(rec?.type).toBe(type);
    expect(rec?.params).toEqual(params);
  });

  it('leaves a draw_net label alone when no Caffe type is near its type, or two are equally near', () => {
    expect(withDrawNetType('Manoas\nFlawn')).toBeUndefined();
    expect(withDrawNetType('loss\n(SoftmaxWithLoss)')).toBeUndefined();
    // "RRN" is one letter from both RNN and LRN.
    expect(withDrawNetType('x\n(RRN)')).toBeUndefined();
    // Exact spellings come back as they were.
    expect(withDrawNetType('conv1\n(Convolution)\nkernel size: 11\nstride: 4\npad: 0')).toBe('conv1\n(Convolution)\nkernel size: 11\nstride: 4\npad: 0');
  });

  it('reads MXNet "Convolution / 7x7/2, 96" and "Pooling / max, 3x3/2"', () => {
    expect(recognizeLabel('Convolution\n7x7/2, 96')).toMatchObject({ type: 'Conv2D', params: { kernel: [7, 7], stride: [2, 2], filters: 96 } });
    expect(recognizeLabel('Pooling\nmax, 3x3/2')).toMatchObject({ type: 'MaxPool2D', params: { pool: [3, 3], stride: [2, 2] } });
    expect(recognizeLabel('Activation\nrelu')).toMatchObject({ type: 'Activation', params: { fn: 'relu' } });
  });
});

describe('paper spellings', () => {
  it.each([
    ['3x3 conv, 64', 'Conv2D', { kernel: [3, 3], filters: 64 }],
    ['conv3-64', 'Conv2D', { kernel: [3, 3], filters: 64 }],
    ['FC 4096', 'Dense', { units: 4096 }],
    ['pool/2', 'MaxPool2D', { stride: [2, 2] }],
  ])('%s', (text, type, params) => {
    expect(recognizeLabel(text)).toMatchObject({ type, params });
  });

  it('reads "fc8+softmax" as a Dense layer with a softmax activation', () => {
    expect(recognizeLabel('fc8+softmax')).toMatchObject({ type: 'Dense', params: { activation: 'softmax' } });
  });

  it('finds nothing in sizes and axis numbers', () => {
    expect(recognizeLabel('224')).toBeUndefined();
    expect(recognizeLabel('128 128')).toBeUndefined();
  });
});
