/** The reading core: catalog vocabulary, layer-group grammar, network forms, stated networks, transformer settings. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRegions, readDocument } from '../../src/paper/index.ts';
import { settingsRows } from '../../src/tables/index.ts';
import { splitSentences } from '../../src/prose/index.ts';
import { inferShapes, validateGraph } from '../../src/graph/index.ts';
import {
  bareChain,
  classCountsIn,
  isSequenceNetwork,
  sequenceGraph,
  groupClauses,
  kindNamed,
  mlpStatements,
  proseForm,
  statedNetworks,
  transformerStatements,
  type TextUnit,
} from '../../src/reading/index.ts';

const units = (texts: string[]): TextUnit[] => texts.map((text, index) => ({ text, index, page: 1, box: [0, 0, 1, 1] }));
const shape = (layers: Array<{ type: string; params: Record<string, unknown> }>) =>
  layers.map((l) => `${l.type}${l.params.filters ?? l.params.units ?? ''}`).join(' ');

describe('vocabulary from the catalog', () => {
  it('names each kind of layer one way', () => {
    expect(kindNamed('fully-connected')?.type).toBe('Dense');
    expect(kindNamed('fully connected')?.type).toBe('Dense');
    expect(kindNamed('convolutional')?.type).toBe('Conv2D');
    expect(kindNamed('max-pooling')?.type).toBe('MaxPool2D');
    // One meaning for "subsampling" everywhere: the averaging layer of the networks that named it.
    expect(kindNamed('subsampling')?.type).toBe('AvgPool2D');
    expect(kindNamed('deconvolutional')?.type).toBe('Conv2DTranspose');
    expect(kindNamed('quantum')).toBeUndefined();
  });
});

describe('layer groups', () => {
  it('reads counts, ordinals with the type left out, widths, kernels and strides', () => {
    const [c1, c2, c3] = groupClauses(
      proseForm(
        'The first convolutional layer has 32 8 × 8 filters with stride 4, the second 64 4 × 4 filters with stride 2, and the third 64 3 × 3 filters with stride 1.',
      ),
    );
    expect(c1).toMatchObject({ type: 'Conv2D', ref: { kind: 'nth', position: 1 }, widths: [32], kernel: [8, 8], stride: [4, 4] });
    expect(c2).toMatchObject({ ref: { kind: 'nth', position: 2 }, widths: [64], kernel: [4, 4] });
    expect(c3).toMatchObject({ ref: { kind: 'nth', position: 3 }, widths: [64], stride: [1, 1] });
    const [conv, pool] = groupClauses(proseForm('It uses three convolutional layers each followed by a max-pooling layer.'));
    expect(conv).toMatchObject({ type: 'Conv2D', ref: { kind: 'new', count: 3 }, eachFollowedBy: 'MaxPool2D' });
    expect(pool.type).toBe('MaxPool2D');
    expect(groupClauses(proseForm('The convolutional layers have 96, 128 and 256 filters respectively.'))[0]).toMatchObject({
      ref: { kind: 'all' },
      widths: [96, 128, 256],
    });
  });

  it('does not read a range as a count', () => {
    expect(
      groupClauses(proseForm('The networks have 2 to 4 hidden layers each with 1024 to 2048 units.')).every((c) => c.ref.kind !== 'new' || c.ref.count !== 4),
    ).toBe(true);
  });
});

describe('whole networks in one phrase', () => {
  it('reads families, chains and table cells', () => {
    const family = mlpStatements(proseForm('The architectures include all combinations of 2, 3, and 4 layer networks with 1024 and 2048 units in each layer.'));
    expect(family.map((n) => n.hidden.join('-'))).toEqual([
      '1024-1024',
      '2048-2048',
      '1024-1024-1024',
      '2048-2048-2048',
      '1024-1024-1024-1024',
      '2048-2048-2048-2048',
    ]);
    const [chain] = mlpStatements(proseForm('The same network architecture (784-1024-1024-2048-10) was used.'));
    expect(chain).toMatchObject({ input: 784, hidden: [1024, 1024, 2048], output: 10 });
    expect(mlpStatements(proseForm('3 layers, 1024 units'))[0].hidden).toEqual([1024, 1024, 1024]);
    // An MLP's layer count includes its output layer when the widths are those of its hidden layers.
    expect(mlpStatements(proseForm('The baseline is a three layer MLP with 50 units on each hidden layer.'))[0].hidden).toEqual([50, 50]);
    expect(bareChain('500-500-2000')).toEqual([500, 500, 2000]);
    expect(bareChain('2012-2014-2016')).toBeUndefined();
    expect(mlpStatements(proseForm('Results for 2014-2015-2016 are in the table.'))).toEqual([]);
  });

  it('reads class counts in the forms papers use', () => {
    expect(classCountsIn(proseForm('The task is to classify the images into 10 digit classes.'))).toEqual([10]);
    expect(classCountsIn(proseForm('They have 10 and 100 image categories respectively.'))).toEqual([10, 100]);
    expect(classCountsIn(proseForm('followed by a 1000-way softmax'))).toEqual([1000]);
  });
});

describe('stated networks', () => {
  it('builds a network group by group across sentences and ends it with the task output', () => {
    const [net] = statedNetworks(
      units([
        'The images belong to 10 classes.',
        'The best architecture that we found uses three convolutional layers each followed by a max-pooling layer.',
        'The convolutional layers have 96, 128 and 256 filters respectively.',
        'Each convolutional layer has a 5 × 5 receptive field applied with a stride of 1 pixel.',
        'The convolutional layers are followed by two fully connected hidden layers having 2048 units each.',
      ]),
    );
    expect(shape(net.layers)).toBe('Conv2D96 MaxPool2D Conv2D128 MaxPool2D Conv2D256 MaxPool2D Dense2048 Dense2048 Dense10');
    expect(net.layers[0].params.kernel).toEqual([5, 5]);
  });

  it('fills counted layers from later sentences and widths from a doubling rule', () => {
    const [dqn] = statedNetworks(
      units([
        'There are 3 convolutional layers followed by 2 fully-connected layers.',
        'The first convolutional layer has 32 8 × 8 filters with stride 4, the second 64 4 × 4 filters with stride 2, and the third 64 3 × 3 filters.',
        'The hidden stream has a fully-connected layer with 512 units.',
      ]),
    );
    expect(shape(dqn.layers).startsWith('Conv2D32 Conv2D64 Conv2D64 Dense512 Dense')).toBe(true);
    expect(dqn.layers[4].inferred).toContain('units');
    const [encoder] = statedNetworks(
      units([
        'The encoder consists of 4 convolutional layers with kernel size 4 and stride 2.',
        'The first convolution brings the depth from 3 to 64 channels, and the depth is doubled at every layer.',
      ]),
    );
    expect(shape(encoder.layers)).toBe('Conv2D64 Conv2D128 Conv2D256 Conv2D512');
  });

  it('reads a network stated as the same as another one, once per class count stated with it', () => {
    const nets = statedNetworks(
      units([
        'B.2 SVHN. The inputs are RGB pixels of 10 classes.',
        'The best architecture uses two convolutional layers with 64 and 128 filters, followed by a fully connected hidden layer with 512 units.',
        'B.3 CIFAR. They have 10 and 100 image categories respectively.',
        'The network architecture and dropout rates are same as that for SVHN.',
      ]),
    );
    // The restatement is a design of its own even where it equals the original: the paper states it for other data.
    expect(nets.map((n) => shape(n.layers))).toEqual([
      'Conv2D64 Conv2D128 Dense512 Dense10',
      'Conv2D64 Conv2D128 Dense512 Dense10',
      'Conv2D64 Conv2D128 Dense512 Dense100',
    ]);
    expect(nets[1].name).toBe('Text, page 1 (same as for SVHN)');
  });

  it('reads recurrent networks named by their nouns and builds them as sequence graphs that validate', () => {
    const [net] = statedNetworks(
      units([
        'We used deep LSTMs with 4 layers, with 1000 cells at each layer and 1000 dimensional word embeddings.',
        'The top LSTM feeds a fully connected layer with 10 units.',
      ]),
    );
    expect(shape(net.layers)).toBe('Embedding LSTM1000 LSTM1000 LSTM1000 LSTM1000 Dense10');
    expect(isSequenceNetwork(net)).toBe(true);
    const graph = sequenceGraph(net, 'lstm', { page: 1, kind: 'text' });
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
    expect(inferShapes(graph).get(graph.layers[graph.layers.length - 1].id)).toEqual([10]);
    expect(graph.layers.filter((l) => l.type === 'LSTM').map((l) => l.params?.return_sequences)).toEqual([true, true, true, false]);
  });

  it('reads layers by an abbreviation the text defines, skips a census of types, places a layer "in the middle", and names one network per value of a width symbol', () => {
    const nets = statedNetworks(
      units([
        'The main part of our model is the gated convolutional layer (GCL).',
        'Its gates are computed from the input.',
        'They are trained with the rest.',
        'This is discussed below.',
        'Other work used gates too.',
        'The model contains 1 convolutional layer, 4 GCLs, 3 max pooling layers and 1 softmax layer.',
        'Overall, WNet contains a stack of GCLs.',
        'The first layer is a plain convolutional layer, followed by max pooling.',
        'Then 4 GCLs are used with a max pooling layer in the middle.',
        'The fourth GCL is followed by a global max pooling layer and a softmax layer over the 10 classes.',
        'Unrelated sentence one.',
        'Unrelated sentence two.',
        'Unrelated sentence three.',
        'Unrelated sentence four.',
        'All convolutional layers have the same number of feature maps K, so the model is denoted by WNet-K.',
        'Table 2: WNet-64 and WNet-I28 compared with the baseline.',
      ]),
    );
    expect(nets.map((n) => n.name)).toEqual(['WNet-64', 'WNet-128']);
    expect(shape(nets[1].layers)).toBe('Conv2D128 MaxPool2D Conv2D128 Conv2D128 MaxPool2D Conv2D128 Conv2D128 GlobalMaxPool2D Dense10');
    expect(nets[1].layers.every((l) => !l.inferred.includes('filters'))).toBe(true);
    // Without a family naming it, a stack without widths is not a network.
    expect(statedNetworks(units(['The model contains a stack of 4 convolutional layers with a max pooling layer in the middle.']))).toEqual([]);
  });

  it('finds nothing in text that only talks about layers', () => {
    expect(
      statedNetworks(
        units(['Deep networks have many layers.', 'The layers of a convolutional network learn features.', 'We compare to a fully connected baseline.']),
      ),
    ).toEqual([]);
  });
});

describe('transformer settings', () => {
  it('reads named configurations and the base one from symbols spread over sentences', () => {
    const configs = transformerStatements(
      units([
        'The Transformer uses stacked self-attention.',
        'The encoder is composed of a stack of N = 6 identical layers, producing outputs of dimension dmodel = 512.',
        'The decoder is also composed of a stack of N = 6 identical layers.',
        'We employ h = 8 parallel attention layers, or heads.',
        'We trained a 4-layer transformer with dmodel = 1024.',
      ]),
    );
    expect(configs.map((c) => [c.kind, c.layers, c.width, c.heads])).toEqual([
      ['encoder-decoder', 6, 512, 8],
      ['encoder-decoder', 4, 1024, 16],
    ]);
    const [base, large] = transformerStatements(
      units(['We use a multi-layer bidirectional Transformer encoder.', 'We report BASE (L=12, H=768, A=12) and LARGE (L=24, H=1024, A=16).']),
    );
    expect([base.kind, base.layers, base.width, base.ff, large.layers, large.heads]).toEqual(['encoder', 12, 768, 3072, 24, 16]);
  });
});

describe('settings tables', () => {
  it('reads each named row of a transformer settings table under its headings', async () => {
    const doc = await readDocument(new Uint8Array(readFileSync('../shared/corpus/pdf/transformer.pdf')));
    const rows = doc.pages.flatMap((page) =>
      findRegions(page)
        .filter((r) => r.kind === 'table')
        .flatMap((r) => settingsRows(r, page)),
    );
    expect(rows.map((r) => [r.name, r.settings])).toEqual([
      ['base', { layers: 6, width: 512, ff: 2048, heads: 8 }],
      ['big', { layers: 6, width: 1024, ff: 4096, heads: 16 }],
    ]);
  });
});

describe('real papers through the core', () => {
  it('reads the named members of a network family whose width the paper gives as a symbol', async () => {
    const doc = await readDocument(new Uint8Array(readFileSync('../shared/corpus/pdf/recurrent_cnn.pdf')));
    const nets = statedNetworks(splitSentences(doc.pages));
    expect(nets.map((n) => n.name).sort()).toEqual(['RCNN-128', 'RCNN-160', 'RCNN-192', 'RCNN-32', 'RCNN-64', 'RCNN-96']);
    const rcnn96 = nets.find((n) => n.name === 'RCNN-96')!;
    expect(shape(rcnn96.layers).replace(/Dense\d+$/, 'Dense')).toBe('Conv2D96 MaxPool2D Conv2D96 Conv2D96 MaxPool2D Conv2D96 Conv2D96 GlobalMaxPool2D Dense');
  });

  it('reads the fully connected networks of a paper that states them in prose', async () => {
    const doc = await readDocument(new Uint8Array(readFileSync('../shared/corpus/pdf/dropout_jmlr.pdf')));
    const nets = statedNetworks(splitSentences(doc.pages)).map((n) => n.layers.map((l) => `${l.params.units ?? l.params.filters}`).join('-'));
    for (const expected of ['1024-1024-10', '2048-2048-2048-2048-10', '4096-4096-10', '1024-1024-2048-10']) expect(nets).toContain(expected);
  });
});
