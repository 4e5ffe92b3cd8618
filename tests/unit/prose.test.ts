/** Architecture sentences → layer mentions → graphs; fusion of a table and the text describing it. */
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, inferShapes, validateGraph, type Graph } from '../../src/graph/index.ts';
import type { Page } from '../../src/paper/index.ts';
import {
  contractingStepIn,
  expandingStepIn,
  mentionsIn,
  paddingFromSizes,
  placementIn,
  proseToGraphs,
  readConventions,
  sizesFromNeuronCounts,
  splitSentences,
  totalConvsIn,
  widthRuleIn,
} from '../../src/prose/index.ts';
import type { LayerDraft } from '../../src/tables/index.ts';
import { applyConventions, describesSame, fuse } from '../../src/pipeline/extractFuse.ts';

/** A page whose text runs are the given strings, one per line. */
function pageOf(lines: string[], number = 1): Page {
  return {
    number,
    width: 612,
    height: 792,
    texts: lines.map((str, i) => ({ str, box: [72, 72 + i * 12, 540, 82 + i * 12], size: 10, font: 'F', rotated: false })),
    paths: [],
    images: [],
  };
}

const sentence = (text: string) => ({ text, page: 1, box: [0, 0, 1, 1] as [number, number, number, number], index: 0 });

describe('mentions', () => {
  it('reads convolutions stated in the usual ways', () => {
    const [a] = mentionsIn(sentence('The first hidden layer convolves 16 8 × 8 filters with stride 4 with the input image.'));
    expect(a.draft).toMatchObject({ type: 'Conv2D', params: { filters: 16, kernel: [8, 8], stride: [4, 4] } });
    const [b] = mentionsIn(sentence('The second convolutional layer filters it with 256 kernels of size 5 × 5 × 48.'));
    expect(b.draft.params).toEqual({ filters: 256, kernel: [5, 5] });
    const [c] = mentionsIn(sentence('We then apply 3x3 convolutions with 64 filters.'));
    expect(c.draft.params).toEqual({ filters: 64, kernel: [3, 3] });
  });

  it('reads fully connected layers, counts and softmax outputs', () => {
    const [fc] = mentionsIn(sentence('The final hidden layer is fully-connected and consists of 256 rectifier units.'));
    expect(fc.draft).toMatchObject({ type: 'Dense', params: { units: 256 } });
    const [each] = mentionsIn(sentence('The fully-connected layers have 4096 neurons each.'));
    expect(each.count).toBe(2);
    const [two] = mentionsIn(sentence('This is followed by two fully connected layers with 512 units.'));
    expect(two.count).toBe(2);
    const [out] = mentionsIn(sentence('It ends with three fully-connected layers with a final 1000-way softmax.'));
    expect(out).toMatchObject({ count: 1, draft: { params: { units: 1000, activation: 'softmax' } } });
    for (const text of ['The last layer is a softmax layer with 10 outputs.', 'It is followed by a softmax over the 10 classes.']) {
      expect(
        mentionsIn(sentence(text)).map((m) => m.draft.params),
        text,
      ).toEqual([{ units: 10, activation: 'softmax' }]);
    }
  });

  it('reads lists of widths as one layer each, and stated paddings', () => {
    const convs = mentionsIn(sentence('It has three convolutional layers with 32, 64 and 128 filters of size 3x3 respectively.'));
    expect(convs.map((m) => [m.draft.params.filters, m.count])).toEqual([
      [32, 1],
      [64, 1],
      [128, 1],
    ]);
    expect(convs.every((m) => JSON.stringify(m.draft.params.kernel) === '[3,3]')).toBe(true);
    expect(mentionsIn(sentence('Then two fully connected layers with 512 and 256 units.')).map((m) => m.draft.params.units)).toEqual([512, 256]);
    // A stated count that disagrees with the list: nothing is read rather than a guess.
    expect(mentionsIn(sentence('It has two convolutional layers with 32, 64 and 128 filters of size 3x3.'))).toEqual([]);
    expect(mentionsIn(sentence('The first layer has 20 filters of size 5x5 without padding.'))[0].draft.params.padding).toBe('valid');
    expect(mentionsIn(sentence('The second has 50 filters of size 5 × 5 with zero-padding of 2 pixels.'))[0].draft.params.padding).toEqual([2, 2]);
  });

  it('ignores sentences about results and training', () => {
    for (const text of [
      'Our model achieves 24.4% top-1 error with 60 million parameters.',
      'We trained for 90 epochs with a batch size of 256.',
      'The generator nets used a mixture of rectifier linear activations.',
    ]) {
      expect(mentionsIn(sentence(text)), text).toEqual([]);
    }
  });
});

describe('prose → graph', () => {
  const dqn = [
    'The input to the neural network consists of an 84 × 84 × 4 image produced by the preprocessing map.',
    'The first hidden layer convolves 32 8 × 8 filters with stride 4 with the input image and applies a rectifier nonlinearity.',
    'The second hidden layer convolves 64 4 × 4 filters with stride 2, again followed by a rectifier nonlinearity.',
    'This is followed by a third convolutional layer that convolves 64 3 × 3 filters with stride 1 followed by a rectifier.',
    'The final hidden layer is fully-connected and consists of 512 rectifier units.',
  ];

  it('reads a DQN-style description into a valid graph with its input shape', () => {
    const [design] = proseToGraphs([pageOf(dqn)]);
    expect(design.errors).toEqual([]);
    const g = design.graph;
    expect(g.source?.kind).toBe('text');
    expect(g.layers[0].params?.shape).toEqual([84, 84, 4]);
    expect(g.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters)).toEqual([32, 64, 64]);
    expect(g.layers.filter((l) => l.type === 'Dense').map((l) => l.params?.units)).toEqual([512]);
    expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('splits sentences across items and keeps their page', () => {
    const s = splitSentences([pageOf(['The first layer has 32', 'filters of size 3x3. The next one', 'has more.'], 4)]);
    expect(s.map((x) => x.text)).toEqual(['The first layer has 32 filters of size 3x3.', 'The next one has more.']);
    expect(s[0].page).toBe(4);
  });

  it('joins runs that touch on a line into words (one run per glyph)', () => {
    const word = 'filters';
    const p = pageOf([]);
    p.texts = [...word].map((ch, i) => ({ str: ch, box: [100 + i * 5, 100, 105 + i * 5, 110], size: 10, font: 'F', rotated: false }));
    p.texts.push({ str: 'of size 3x3.', box: [140, 100, 200, 110], size: 10, font: 'F', rotated: false });
    expect(splitSentences([p]).map((x) => x.text)).toEqual(['filters of size 3x3.']);
  });

  it('finds no design in text without architecture statements', () => {
    expect(proseToGraphs([pageOf(['We propose a new framework for estimating generative models.', 'The results are shown in Table 1.'])])).toEqual([]);
  });
});

describe('fusion', () => {
  const conv = (id: string, filters: number, extra: Record<string, unknown> = {}, inferred?: string[]) => ({
    id,
    type: 'Conv2D',
    inputs: ['x'],
    params: { filters, kernel: [3, 3], ...extra },
    ...(inferred ? { inferred } : {}),
  });
  const table: Graph = {
    format: GRAPH_FORMAT,
    name: 'table',
    layers: [
      { id: 'input', type: 'Input', params: { shape: [32, 32, 3] } },
      conv('c1', 16, { stride: [1, 1] }, ['stride']),
      conv('c2', 32, { padding: 'same' }),
    ],
    source: { kind: 'table', page: 2 },
    confidence: 0.8,
  };
  const text: Graph = {
    format: GRAPH_FORMAT,
    name: 'text',
    layers: [{ id: 'input', type: 'Input', params: { shape: [32, 32, 3] } }, conv('c1', 16, { stride: [2, 2] }), conv('c2', 32, { padding: 'valid' })],
    source: { kind: 'text', page: 3, caption: 'The first layer…' },
    confidence: 0.5,
  };

  it('recognises the same network and takes the best-supported value of each param', () => {
    expect(describesSame(table, text)).toBe(true);
    const fused = fuse(table, text);
    const c1 = fused.layers.find((l) => l.id === 'c1')!;
    expect(c1.params?.stride).toEqual([2, 2]);
    expect(c1.inferred).toBeUndefined();
    expect(fused.layers.find((l) => l.id === 'c2')!.params?.padding).toBe('same');
    expect(fused.warnings?.join()).toMatch(/c2\.padding/);
    expect(fused.source?.also).toEqual([{ page: 3, kind: 'text', caption: 'The first layer…', bbox: undefined }]);
    expect(fused.confidence).toBeCloseTo(0.9);
  });

  it('does not fuse different networks', () => {
    const other = { ...text, layers: [text.layers[0], conv('c1', 64), conv('c2', 128)] };
    expect(describesSame(table, other)).toBe(false);
  });
});

describe('conventions stated once in the text', () => {
  it('reads pooling windows, preserved resolution and batch normalization after convolutions', () => {
    const c = readConventions(
      splitSentences([
        pageOf([
          'The convolution stride is fixed to 1 pixel; the spatial padding is such that the spatial resolution is preserved after convolution.',
          'Max-pooling is performed over a 2 × 2 pixel window, with stride 2.',
          'We adopt batch normalization (BN) [16] right after each convolution and before activation.',
        ]),
      ]),
    );
    expect(c.pool).toMatchObject({ pool: [2, 2], stride: [2, 2] });
    expect(c.samePadding).toBeDefined();
    expect(c.batchNormAfterConv?.sentence.text).toMatch(/^We adopt/);
    expect(readConventions(splitSentences([pageOf(['Batch normalization did not help our results.', 'We set x = 1, y = 2 and z = 3.'])]))).toStrictEqual({});
  });

  it('reads pooling in s/z notation, normalization constants, dropout rate, class counts and grey-level images', () => {
    const c = readConventions(
      splitSentences([
        pageOf([
          'A pooling layer consists of pooling units spaced s pixels apart, each summarizing a neighborhood of size z × z.',
          'If we set s = z, we obtain traditional local pooling.',
          'This is what we use throughout our network, with s = 2 and z = 3.',
          'Compared with the non-overlapping scheme s = 2, z = 2, it reduces error.',
          'We apply local response normalization; we used k = 2, n = 5, α = 10−4, and β = 0.75.',
          'Dropout sets the output of each hidden neuron to zero with probability 0.5.',
          'The images are binary images of handwritten digits in one of the ten classes.',
          'The number of neurons in the remaining layers is given by 253,440–186,624–4096–10.',
        ]),
      ]),
    );
    expect(c.pool).toMatchObject({ pool: [3, 3], stride: [2, 2] });
    expect(c.pool?.sentence.text).toMatch(/^This is what we use/);
    expect(c.lrn?.params).toEqual({ k: 2, size: 5, alpha: 0.0001, beta: 0.75 });
    expect(c.dropout?.rate).toBe(0.5);
    expect(c.classes?.map((x) => x.count)).toEqual([10]);
    expect(c.channels?.count).toBe(1);
    expect(c.neuronCounts?.map((x) => x.counts)).toEqual([[253440, 186624, 4096, 10]]);
  });

  it('reads the activation function a paper says its hidden layers use', () => {
    const fns = (text: string) => readConventions(splitSentences([pageOf([text])])).activations?.map((a) => a.fn);
    expect(fns('The squashing function is a scaled hyperbolic tangent.')).toEqual(['tanh']);
    expect(fns('All hidden layers are equipped with the rectification (ReLU) non-linearity.')).toEqual(['relu']);
    expect(fns('We use leaky ReLU as the activation function.')).toEqual(['leaky_relu']);
    expect(fns('ReLU units train several times faster than their equivalents with tanh units.')).toBeUndefined();
    // Constants with no normalization nearby are not normalization constants.
    expect(readConventions(splitSentences([pageOf(['We used k = 2, n = 5, α = 0.1, and β = 0.75 for the loss.'])])).lrn).toBeUndefined();
  });

  it('inserts BatchNorm between each convolution and its activation and cites the sentence', () => {
    const g: Graph = {
      format: GRAPH_FORMAT,
      name: 't',
      layers: [
        { id: 'input', type: 'Input', params: { shape: [8, 8, 3] } },
        {
          id: 'c1',
          type: 'Conv2D',
          inputs: ['input'],
          params: { filters: 4, kernel: [3, 3], padding: 'same', activation: 'relu' },
          inferred: ['padding', 'activation'],
        },
        { id: 'p1', type: 'MaxPool2D', inputs: ['c1'], params: { pool: [2, 2] }, inferred: ['pool'] },
      ],
      source: { kind: 'table', page: 1 },
    };
    const out = applyConventions(g, {
      batchNormAfterConv: true,
      pool: { pool: [3, 3], stride: [2, 2] },
      sources: [{ page: 2, text: 'We adopt BN after each convolution.', bbox: [0, 0, 1, 1] }],
    });
    expect(out.layers.map((l) => `${l.id}:${l.type}`)).toEqual(['input:Input', 'c1:Conv2D', 'c1_bn:BatchNorm', 'c1_act:Activation', 'p1:MaxPool2D']);
    expect(out.layers[1].params?.activation).toBe('linear');
    expect(out.layers[3]).toMatchObject({ params: { fn: 'relu' }, inferred: ['fn'] });
    expect(out.layers[4]).toMatchObject({ inputs: ['c1_act'], params: { pool: [3, 3], stride: [2, 2] } });
    expect(out.layers[4].inferred).toBeUndefined();
    expect(out.source?.also?.[0]).toMatchObject({ kind: 'text', page: 2 });
    expect(validateGraph(out).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('placement statements', () => {
  const placed = (text: string) => placementIn(sentence(text));

  it('reads what follows which layers, by ordinal, count or quantifier', () => {
    expect(placed('Response-normalization layers follow the first and second convolutional layers.')).toMatchObject({
      type: 'LRN',
      how: 'after',
      targets: [{ types: ['Conv2D'], select: { positions: [1, 2] } }],
    });
    expect(
      placed('Max-pooling layers, of the kind described in Section 3.4, follow both response-normalization layers as well as the fifth convolutional layer.'),
    ).toMatchObject({
      type: 'MaxPool2D',
      targets: [
        { types: ['LRN'], select: { all: true } },
        { types: ['Conv2D'], select: { positions: [5] } },
      ],
    });
    expect(placed('We use dropout in the first two fully-connected layers of Figure 2.')).toMatchObject({
      type: 'Dropout',
      targets: [{ types: ['Dense'], select: { positions: [1, 2] } }],
    });
    expect(placed('Each convolutional layer is followed by a 2x2 max-pooling layer.')).toMatchObject({
      type: 'MaxPool2D',
      targets: [{ types: ['Conv2D'], select: { all: true } }],
    });
    expect(placed('The last two convolutional layers are followed by batch normalization.')).toMatchObject({
      type: 'BatchNorm',
      targets: [{ select: { positions: [-1, -2] } }],
    });
    expect(placed('Batch normalization is used after every convolutional layer.')).toMatchObject({
      type: 'BatchNorm',
      targets: [{ types: ['Conv2D'], select: { all: true } }],
    });
    expect(placed('Dropout with a rate of 0.3 is applied after each fully connected layer.')).toMatchObject({
      type: 'Dropout',
      targets: [{ types: ['Dense'], select: { all: true } }],
    });
  });

  it('reads an activation applied to several kinds as the activation of those layers', () => {
    expect(placed('The ReLU non-linearity is applied to the output of every convolutional and fully-connected layer.')).toMatchObject({
      type: 'Activation',
      fn: 'relu',
      how: 'activation',
      targets: [
        { types: ['Conv2D'], select: { all: true } },
        { types: ['Dense'], select: { all: true } },
      ],
    });
  });

  it('ignores sentences that name layers without placing them', () => {
    for (const text of [
      'Max-pooling layers reduce the resolution of the maps.',
      'To reduce overfitting in the fully-connected layers we employed dropout.',
      'The third, fourth, and fifth convolutional layers are connected to one another without any intervening pooling or normalization layers.',
    ]) {
      expect(placed(text), text).toBeUndefined();
    }
  });
});

describe('prose → graph: placed layers, stated sizes, evidence', () => {
  it('puts placed layers where the statements say, with the constants the paper states, each citing its sentence and page', () => {
    const designs = proseToGraphs([
      pageOf(
        [
          'A pooling layer is a grid of pooling units spaced s pixels apart, each summarizing a neighborhood of size z × z.',
          'We use overlapping pooling throughout our network, with s = 2 and z = 3.',
          'Response normalization uses the constants k = 2, n = 5, α = 10−4, and β = 0.75.',
          'Response-normalization layers follow the first convolutional layer.',
          'Max-pooling layers follow the response-normalization layer as well as the second convolutional layer.',
          'The first convolutional layer filters the 64×64×3 input image with 32 kernels of size 5 × 5.',
        ],
        3,
      ),
      pageOf(
        [
          'The second convolutional layer has 64 kernels of size 3 × 3.',
          'The fully-connected layer has 256 neurons, and is followed by a 10-way softmax.',
          'Dropout sets each hidden neuron to zero with probability 0.5.',
          'Dropout with a rate of 0.4 is applied after the first fully-connected layer.',
        ],
        4,
      ),
    ]);
    expect(designs).toHaveLength(1);
    const g = designs[0].graph;
    expect(g.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'LRN', 'MaxPool2D', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense', 'Dropout', 'Dense']);
    const [lrn] = g.layers.filter((l) => l.type === 'LRN');
    expect(lrn).toMatchObject({ params: { size: 5, alpha: 0.0001, beta: 0.75, k: 2 }, source: { page: 3 } });
    expect(lrn.inferred).toBeUndefined();
    for (const pool of g.layers.filter((l) => l.type === 'MaxPool2D')) expect(pool.params).toMatchObject({ pool: [3, 3], stride: [2, 2] });
    expect(g.layers.find((l) => l.type === 'Dropout')).toMatchObject({
      params: { rate: 0.4 },
      source: { page: 4, text: 'Dropout with a rate of 0.4 is applied after the first fully-connected layer' },
    });
    expect(g.layers.filter((l) => l.type === 'Conv2D').map((l) => l.source?.page)).toEqual([3, 4]);
    expect(g.layers[0].source?.text).toMatch(/64×64×3 input image/);
    expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('sets paddings from stated feature-map sizes, channels from grey-level images, and the output from the class count', () => {
    const [design] = proseToGraphs([
      pageOf([
        'The digits are grey-level images of ten classes.',
        'The input is a 32 32 pixel image.',
        'Layer C1 is a convolutional layer with six feature maps.',
        'Each unit in each feature map is connected to a 5 5 neighborhood in the input.',
        'The size of the feature maps is 28 28.',
        'Layer S2 is a subsampling layer with six feature maps of size 14 14.',
        'Each unit is connected to a 2 2 neighborhood in C1.',
        'Layer C3 is a convolutional layer with 16 feature maps.',
        'Each unit is connected to a 3 3 neighborhood in S2.',
        'Layer F4 contains 50 units and is fully connected to C3.',
        'The output layer has one unit for each class.',
      ]),
    ]);
    const g = design.graph;
    expect(g.layers[0].params?.shape).toEqual([32, 32, 1]);
    const convs = g.layers.filter((l) => l.type === 'Conv2D');
    expect(convs[0].params?.padding).toBe('valid');
    expect(convs[0].inferred).not.toContain('padding');
    // C3 has no stated size: its padding stays the usual, marked inferred.
    expect(convs[1]).toMatchObject({ params: { padding: 'same' }, inferred: expect.arrayContaining(['padding']) });
    expect(g.layers.filter((l) => l.type === 'Dense').map((l) => l.params?.units)).toEqual([50, 10]);
  });

  it('decides paddings only where one choice fits the stated sizes', () => {
    const draft = (type: string, params: LayerDraft['params']): LayerDraft => ({ type, params, inferred: [], text: type });
    const layers = [
      { draft: draft('Conv2D', { filters: 8, kernel: [11, 11], stride: [4, 4] }) },
      { draft: draft('MaxPool2D', { pool: [3, 3], stride: [2, 2] }) },
      { draft: draft('Conv2D', { filters: 16, kernel: [5, 5] }), outputSize: 27 },
      { draft: draft('MaxPool2D', { pool: [3, 3], stride: [2, 2] }) },
      { draft: draft('Conv2D', { filters: 16, kernel: [3, 3] }), outputSize: 13 },
    ];
    // 224 → 56 → 27 (same, valid) or 224 → 54 → 27 (valid, same): the first two stay guesses.
    expect(paddingFromSizes(layers, 224)).toBe(3);
    expect(layers.map((l) => l.draft.params.padding)).toEqual(['same', 'valid', 'same', 'valid', 'same']);
    expect(layers.map((l) => l.draft.inferred.includes('padding'))).toEqual([true, true, false, false, false]);
  });

  it('reads output sides from per-layer neuron counts that agree with the stated widths', () => {
    const draft = (type: string, params: LayerDraft['params']): LayerDraft => ({ type, params, inferred: [], text: type });
    const layers: Array<{ draft: LayerDraft; outputSize?: number }> = [
      { draft: draft('Conv2D', { filters: 96 }) },
      { draft: draft('Conv2D', { filters: 256 }) },
      { draft: draft('Dense', { units: 10 }) },
    ];
    expect(sizesFromNeuronCounts(layers, [253440, 186624, 10])).toBe(1);
    expect(layers.map((l) => l.outputSize)).toEqual([undefined, 27, undefined]);
    expect(
      sizesFromNeuronCounts(
        layers.map((l) => ({ draft: l.draft })),
        [290400, 186624, 12],
      ),
    ).toBe(0);
  });

  it('interleaves layers stated as "each followed by" with the layers before them', () => {
    const [design] = proseToGraphs([
      pageOf([
        'The network takes a 32x32x3 input image.',
        'It has two convolutional layers with 32 filters of size 3x3, each followed by a 2x2 max-pooling layer, then a fully connected layer with 512 units and a 10-way softmax.',
      ]),
    ]);
    expect(design.graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense', 'Dense']);
    expect(design.graph.layers.filter((l) => l.type === 'Dense').map((l) => l.params?.units)).toEqual([512, 10]);
    // The second convolution and pooling are the sentence's repeats, not separately stated layers.
    expect(design.graph.layers.map((l) => l.inferred?.includes('*') ?? false)).toEqual([false, false, false, true, true, true, false, false]);
    const [listed] = proseToGraphs([
      pageOf([
        'The network takes 32x32x3 input images.',
        'It has three convolutional layers with 32, 64 and 128 filters of size 3x3, each followed by a 2x2 max-pooling layer.',
      ]),
    ]);
    expect(listed.graph.layers.map((l) => `${l.type}${l.params?.filters ?? ''}`)).toEqual([
      'Input',
      'Conv2D32',
      'MaxPool2D',
      'Conv2D64',
      'MaxPool2D',
      'Conv2D128',
      'MaxPool2D',
    ]);
  });

  it('reads the Nature DQN wording ("32 filters of 8 × 8 with stride 4")', () => {
    const [design] = proseToGraphs([
      pageOf([
        'The input to the neural network consists of an 84 × 84 × 4 image produced by the preprocessing map.',
        'The first hidden layer convolves 32 filters of 8 × 8 with stride 4 with the input image and applies a rectifier nonlinearity.',
        'The second hidden layer convolves 64 filters of 4 × 4 with stride 2, again followed by a rectifier nonlinearity.',
        'This is followed by a third convolutional layer that convolves 64 filters of 3 × 3 with stride 1 followed by a rectifier.',
        'The final hidden layer is fully-connected and consists of 512 rectifier units.',
      ]),
    ]);
    const convs = design.graph.layers.filter((l) => l.type === 'Conv2D');
    expect(convs.map((l) => [l.params?.filters, (l.params?.kernel as number[])[0], (l.params?.stride as number[])[0]])).toEqual([
      [32, 8, 4],
      [64, 4, 2],
      [64, 3, 1],
    ]);
  });

  it('does not call one sentence without its input, or fully connected layers alone without theirs, a design', () => {
    const lenet4 = 'It contains four feature maps, followed by a fully connected layer with 120 units, followed by the output layer (ten units).';
    expect(proseToGraphs([pageOf([lenet4])])).toEqual([]);
    expect(proseToGraphs([pageOf(['The network of [12] has 96 kernels of size 11x11 and 4096 neurons in its last layer.'])])).toEqual([]);
    // A stated input does not make up for the feature maps the reader could not read.
    expect(proseToGraphs([pageOf(['The images are centered in the 28x28 input layer.', lenet4])])).toEqual([]);
    expect(
      proseToGraphs([
        pageOf(['The 28x28 input image feeds a fully connected layer with 300 units, followed by a layer with 100 units and an output layer of 10 units.']),
      ]),
    ).toHaveLength(1);
  });
});

describe('prose → graph: networks described by their repeated steps', () => {
  // Own wording of an encoder–decoder, not the U-Net paper's: 3 steps follow from 18 = 3·2 + 2 + 3·(1 + 2) + 1.
  const encoderDecoder = [
    'The network is made of an encoder path and a decoder path.',
    'The encoder repeats a block of two 3x3 convolutions without padding, each followed by a ReLU, and a 2x2 max pooling with stride 2.',
    'The number of feature channels is doubled after every downsampling step.',
    'Each step in the decoder path consists of a 2x2 up-convolution that halves the number of channels, a concatenation with the cropped feature map from the encoder path, and two 3x3 convolutions, each followed by a ReLU.',
    'A final 1x1 convolution maps each 32-channel feature vector to the three output classes.',
    'Altogether the network has 18 convolutional layers.',
    'The network takes a 188x188 input image.',
  ];

  it('reads the step statements on their own', () => {
    expect(contractingStepIn(sentence(encoderDecoder[1]))).toMatchObject({
      count: 2,
      kernel: [3, 3],
      padding: 'valid',
      activation: 'relu',
      pool: { type: 'MaxPool2D', pool: [2, 2], stride: [2, 2] },
    });
    expect(widthRuleIn(sentence(encoderDecoder[2]))?.value).toBe(2);
    expect(expandingStepIn(sentence(encoderDecoder[3]))).toMatchObject({
      up: { kernel: [2, 2], halves: true },
      cropped: true,
      convs: { count: 2, kernel: [3, 3] },
    });
    expect(totalConvsIn(sentence(encoderDecoder[5]))?.value).toBe(18);
    expect(totalConvsIn(sentence('In total the network has 23 convolutional layers.'))?.value).toBe(23);
    // Other wordings of the same steps.
    expect(
      contractingStepIn(
        sentence('Each block in the encoder path consists of two convolutional layers with 5x5 kernels and a 3x3 max-pooling layer with stride 2.'),
      ),
    ).toMatchObject({
      count: 2,
      kernel: [5, 5],
      pool: { pool: [3, 3], stride: [2, 2] },
    });
    expect(
      expandingStepIn(
        sentence(
          'Every step in the decoder path applies a transposed convolution with kernel size 4x4, a concatenation with the features of the encoder path and three 3x3 convolutions.',
        ),
      ),
    ).toMatchObject({
      up: { kernel: [4, 4], halves: false },
      cropped: false,
      convs: { count: 3 },
    });
  });

  it('takes the step count from a total that does not count the up-convolutions when the usual count does not fit', () => {
    // 14 = 3·2 + 2 + 3·2 (no up-convolutions counted, no final layer stated): 3 steps.
    const [design] = proseToGraphs([
      pageOf([
        'It consists of the repeated application of two 3x3 convolutions and a 2x2 max pooling operation with stride 2.',
        'At each downsampling step we double the number of feature channels.',
        'Every step in the expansive path consists of a 2x2 up-convolution that halves the number of feature channels, a concatenation with the feature map from the contracting path, and two 3x3 convolutions.',
        'In total the network has 14 convolutional layers.',
      ]),
    ]);
    const g = design.graph;
    expect(g.layers.filter((l) => l.type === 'MaxPool2D')).toHaveLength(3);
    expect(g.layers.filter((l) => l.type === 'Conv2D')).toHaveLength(14);
    // No final layer stated: the network ends with the last expanding step, back at the first width.
    expect(g.layers.at(-1)).toMatchObject({ type: 'Conv2D', params: { filters: 64, kernel: [3, 3] } });
  });

  it('builds contracting steps, a bottom, expanding steps with cropped skips and a final convolution, citing the sentences', () => {
    const designs = proseToGraphs([pageOf(encoderDecoder, 2)]);
    expect(designs).toHaveLength(1);
    const g = designs[0].graph;
    const convs = g.layers.filter((l) => l.type === 'Conv2D');
    expect(convs.map((l) => l.params?.filters)).toEqual([32, 32, 64, 64, 128, 128, 256, 256, 128, 128, 64, 64, 32, 32, 3]);
    expect(convs.length + g.layers.filter((l) => l.type === 'Conv2DTranspose').length).toBe(18);
    expect(g.layers.filter((l) => l.type === 'MaxPool2D')).toHaveLength(3);
    expect(g.layers.filter((l) => l.type === 'Conv2DTranspose').map((l) => l.params?.filters)).toEqual([128, 64, 32]);
    // Each concatenation joins the up-convolution with the matching encoder step's last convolution, cropped.
    const concats = g.layers.filter((l) => l.type === 'Concat');
    const encoderOutputs = g.layers.filter((l) => l.type === 'MaxPool2D').map((p) => p.inputs![0]);
    expect(concats.map((c) => g.layers.find((l) => l.id === c.inputs![1])?.inputs)).toEqual(encoderOutputs.reverse().map((id) => [id]));
    expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
    const shapes = inferShapes(g);
    // Unpadded: 188 → 184 → 92 → … → 20 at the bottom (16 after its convolutions) → 100 out.
    expect(shapes.get(g.layers.at(-1)!.id)).toEqual([100, 100, 3]);
    expect(g.layers[0]).toMatchObject({ params: { shape: [188, 188, 3] }, source: { page: 2 } });
    // The step count came from the stated total: a note says so; the widths and the class count were stated.
    expect(g.warnings?.join(' ')).toMatch(/3 steps.*18 convolutional layers/);
    expect(convs[0].inferred ?? []).not.toContain('filters');
    expect(convs.at(-1)!.inferred ?? []).not.toContain('filters');
    for (const layer of g.layers.filter((l) => l.type !== 'Input')) {
      expect(layer.source?.page, layer.id).toBe(2);
      expect(layer.source?.text, layer.id).toBeTruthy();
    }
  });

  it('takes a stated step count and first width, and marks what it had to assume', () => {
    const [design] = proseToGraphs([
      pageOf([
        'Every encoder block has four downsampling steps, starting with 16 feature channels.',
        'It consists of the repeated application of two 3x3 convolutions with same padding and a 2x2 max pooling operation.',
        'At each downsampling step the number of filters is doubled.',
        'Every step in the expanding path consists of a 3x3 transposed convolution, a concatenation with the feature map from the contracting path, and two 3x3 convolutions.',
        'The output layer is a 1x1 convolution that gives the segmentation.',
      ]),
    ]);
    const g = design.graph;
    expect(g.layers.filter((l) => l.type === 'MaxPool2D')).toHaveLength(4);
    expect(g.layers.filter((l) => l.type === 'Cropping2D')).toEqual([]);
    // A 3x3 transposed convolution undoing a stride-2 pooling: stride and padding are the reader's choices.
    expect(g.layers.find((l) => l.type === 'Conv2DTranspose')).toMatchObject({
      params: { kernel: [3, 3], stride: [2, 2], padding: 'same' },
      inferred: ['stride', 'padding', 'filters'],
    });
    expect(
      g.layers
        .filter((l) => l.type === 'Conv2D')
        .map((l) => l.params?.filters)
        .slice(0, 10),
    ).toEqual([16, 16, 32, 32, 64, 64, 128, 128, 256, 256]);
    // No input size and no class count in the text: both assumed, and marked.
    expect(g.layers[0].inferred).toContain('shape');
    expect(g.layers.at(-1)!.inferred).toContain('filters');
    expect(g.layers.filter((l) => l.type === 'Conv2D')[0].inferred).toEqual(expect.arrayContaining(['activation']));
    expect(validateGraph(g).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('builds nothing from sentences that only repeat or double other things', () => {
    expect(
      proseToGraphs([
        pageOf([
          'Results are averaged over repeated experiments with two random seeds.',
          'At each step we double the learning rate.',
          'Every step in the expanding path of the schedule consists of a concatenation with the contracting path.',
          'In total the network has 23 convolutional layers.',
        ]),
      ]),
    ).toEqual([]);
    expect(contractingStepIn(sentence('Results are averaged over repeated experiments with two 3x3 patches.'))).toBeUndefined();
    // Convolutions without the pooling that ends a step are no contracting step.
    expect(contractingStepIn(sentence('It consists of the repeated application of two 3x3 convolutions.'))).toBeUndefined();
    // A contracting path with no expanding path stated is not read as an encoder–decoder.
    expect(
      proseToGraphs([
        pageOf([
          'It consists of the repeated application of two 3x3 convolutions and a 2x2 max pooling operation with stride 2.',
          'At each downsampling step we double the number of feature channels.',
        ]),
      ]),
    ).toEqual([]);
    expect(widthRuleIn(sentence('We double the number of feature channels compared to [3].'))).toBeUndefined();
  });
});
