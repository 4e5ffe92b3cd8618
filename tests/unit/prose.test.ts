/** Architecture sentences → layer mentions → graphs; fusion of a table and the text describing it. */
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, validateGraph, type Graph } from '../../src/graph/index.ts';
import type { Page } from '../../src/paper/index.ts';
import { mentionsIn, proseToGraphs, readConventions, splitSentences } from '../../src/prose/index.ts';
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
  });

  it('ignores sentences about results and training', () => {
    for (const text of ['Our model achieves 24.4% top-1 error with 60 million parameters.', 'We trained for 90 epochs with a batch size of 256.', 'The generator nets used a mixture of rectifier linear activations.']) {
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
  const conv = (id: string, filters: number, extra: Record<string, unknown> = {}, inferred?: string[]) => ({ id, type: 'Conv2D', inputs: ['x'], params: { filters, kernel: [3, 3], ...extra }, ...(inferred ? { inferred } : {}) });
  const table: Graph = {
    format: GRAPH_FORMAT,
    name: 'table',
    layers: [{ id: 'input', type: 'Input', params: { shape: [32, 32, 3] } }, conv('c1', 16, { stride: [1, 1] }, ['stride']), conv('c2', 32, { padding: 'same' })],
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
    expect(readConventions(splitSentences([pageOf(['Batch normalization did not help our results.'])]))).toEqual({});
  });

  it('inserts BatchNorm between each convolution and its activation and cites the sentence', () => {
    const g: Graph = {
      format: GRAPH_FORMAT,
      name: 't',
      layers: [
        { id: 'input', type: 'Input', params: { shape: [8, 8, 3] } },
        { id: 'c1', type: 'Conv2D', inputs: ['input'], params: { filters: 4, kernel: [3, 3], padding: 'same', activation: 'relu' }, inferred: ['padding', 'activation'] },
        { id: 'p1', type: 'MaxPool2D', inputs: ['c1'], params: { pool: [2, 2] }, inferred: ['pool'] },
      ],
      source: { kind: 'table', page: 1 },
    };
    const out = applyConventions(g, { batchNormAfterConv: true, pool: { pool: [3, 3], stride: [2, 2] }, sources: [{ page: 2, text: 'We adopt BN after each convolution.', bbox: [0, 0, 1, 1] }] });
    expect(out.layers.map((l) => `${l.id}:${l.type}`)).toEqual(['input:Input', 'c1:Conv2D', 'c1_bn:BatchNorm', 'c1_act:Activation', 'p1:MaxPool2D']);
    expect(out.layers[1].params?.activation).toBe('linear');
    expect(out.layers[3]).toMatchObject({ params: { fn: 'relu' }, inferred: ['fn'] });
    expect(out.layers[4]).toMatchObject({ inputs: ['c1_act'], params: { pool: [3, 3], stride: [2, 2] } });
    expect(out.layers[4].inferred).toBeUndefined();
    expect(out.source?.also?.[0]).toMatchObject({ kind: 'text', page: 2 });
    expect(validateGraph(out).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
