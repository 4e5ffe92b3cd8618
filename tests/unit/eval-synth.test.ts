/**
 * `eval synth` without OCR: bounded statistics on known inputs, the per-figure scores on hand-made graphs, on real
 * synthetic truths read perfectly and read wrongly, the report, and the command line of the suite.
 */
import { describe, expect, it } from 'vitest';
import { EVAL } from '../../src/cli/commands.ts';
import { synthEvalOptions } from '../../src/cli/evalSynth.ts';
import { parseCommand, UsageError } from '../../src/cli/options.ts';
import {
  addFigure,
  addScore,
  BINS,
  canonicalLayers,
  createStats,
  createTally,
  quantile,
  sameParam,
  scoreFigure,
  summarise,
  synthBoxPlotSvg,
  synthSections,
  writtenNumbers,
  type DrawnTruth,
  type FigureResult,
} from '../../src/eval/index.ts';
import { GRAPH_FORMAT, type Graph, type Layer } from '../../src/graph/index.ts';
import {
  ALL_STYLES,
  ARCHITECTURE_KINDS,
  createRandom,
  getViz,
  GRAPHVIZ_STYLES,
  renderSample,
  type FigureStyle,
  type Rasterizer,
} from '../../src/synth/index.ts';

/** Nearest-rank quantile of a sorted list: the reference the histogram must agree with. */
const nearestRank = (sorted: number[], q: number) => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;

describe('running statistics (fixed-bin histogram)', () => {
  it('quartiles, mean, min and max of known scores', () => {
    const stats = createStats();
    for (const v of [0.4, 0.1, 0.3, 0.2]) addScore(stats, v);
    expect(summarise(stats)).toMatchObject({ count: 4, q1: 0.1, median: 0.2, q3: 0.3, min: 0.1, max: 0.4 });
    expect(summarise(stats).mean).toBeCloseTo(0.25, 12);
    addScore(stats, 1);
    expect([quantile(stats, 0.25), quantile(stats, 0.5), quantile(stats, 0.75), quantile(stats, 1)]).toEqual([0.2, 0.3, 0.4, 1]);
  });

  it('agrees with the sorted list on 4,999 seeded scores of 3 decimals, in memory that does not grow', () => {
    const rng = createRandom(11);
    const stats = createStats();
    const values: number[] = [];
    for (let i = 0; i < 4999; i++) {
      const v = Math.round(rng.next() ** 3 * 1000) / 1000;
      values.push(v);
      addScore(stats, v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.25, 0.5, 0.75, 0.9]) expect(quantile(stats, q)).toBe(nearestRank(values, q));
    expect(summarise(stats).mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(stats.bins).toHaveLength(BINS + 1);
  });

  it("Tukey whiskers and outliers; a score outside [0, 1] is the scorer's bug", () => {
    const stats = createStats();
    for (let i = 0; i < 10; i++) addScore(stats, 0.9);
    addScore(stats, 0.85);
    addScore(stats, 0.2);
    const s = summarise(stats);
    expect([s.q1, s.median, s.q3]).toEqual([0.9, 0.9, 0.9]);
    expect([s.whiskerLow, s.whiskerHigh]).toEqual([0.9, 0.9]);
    expect(s.outliers).toEqual([
      { value: 0.2, count: 1 },
      { value: 0.85, count: 1 },
    ]);
    expect(() => addScore(stats, 1.2)).toThrow(RangeError);
    expect(() => addScore(stats, NaN)).toThrow(RangeError);
    expect(summarise(createStats()).count).toBe(0);
  });
});

const layer = (id: string, type: string, inputs: string[], params?: Layer['params']): Layer => ({
  id,
  type,
  ...(inputs.length ? { inputs } : {}),
  ...(params ? { params } : {}),
});
const graph = (layers: Layer[]): Graph => ({ format: GRAPH_FORMAT, name: 'g', layers });

/** Input → Conv2D → MaxPool2D → Flatten → Dense(softmax), drawn as flow2d writes layers. */
const TRUTH_LAYERS = [
  layer('in', 'Input', [], { shape: [28, 28, 1] }),
  layer('c1', 'Conv2D', ['in'], { filters: 32, kernel: [3, 3], padding: 'same', activation: 'relu' }),
  layer('p1', 'MaxPool2D', ['c1'], { pool: [2, 2], stride: [2, 2] }),
  layer('f', 'Flatten', ['p1']),
  layer('d', 'Dense', ['f'], { units: 10, activation: 'softmax' }),
];
const TRUTH: DrawnTruth = {
  graph: graph(TRUTH_LAYERS),
  nodes: [
    { id: 'in', layerId: 'in', label: 'Input 28×28×1' },
    { id: 'c1', layerId: 'c1', label: 'Conv 3×3, 32' },
    { id: 'p1', layerId: 'p1', label: 'MaxPool 2×2 /2' },
    { id: 'f', layerId: 'f', label: 'Flatten' },
    { id: 'd', layerId: 'd', label: 'FC 10, softmax' },
  ],
  edges: [],
};

describe('one figure against its truth', () => {
  it('a perfect reading scores 1 on all three; the shown params are the ones written', () => {
    const score = scoreFigure(TRUTH, TRUTH.graph);
    expect(score).toMatchObject({ layers: 1, edges: 1, params: 1, matchedLayers: 5, truthEdges: 4, matchedEdges: 4 });
    // shape, filters, kernel, pool, stride, units, softmax: padding 'same' and ReLU are not written.
    expect(score.paramsShown).toBe(7);
  });

  it('a missed layer, a wrong width, a crossed wire each cost their own measure', () => {
    const missed = graph([TRUTH_LAYERS[0]!, TRUTH_LAYERS[1]!, layer('f', 'Flatten', ['c1']), TRUTH_LAYERS[4]!]);
    expect(scoreFigure(TRUTH, missed)).toMatchObject({ layers: 4 / 5, matchedEdges: 2, edges: 2 / 4, params: 1 });
    const wrongWidth = graph(TRUTH_LAYERS.map((l) => (l.id === 'c1' ? { ...l, params: { ...l.params, filters: 23 } } : l)));
    expect(scoreFigure(TRUTH, wrongWidth)).toMatchObject({ layers: 1, edges: 1, params: 6 / 7 });
    const crossed = graph(TRUTH_LAYERS.map((l) => (l.id === 'd' ? { ...l, inputs: ['p1'] } : l)));
    expect(scoreFigure(TRUTH, crossed)).toMatchObject({ layers: 1, edges: 3 / 4 });
    const extra = graph([...TRUTH_LAYERS, layer('x', 'Dense', ['d'], { units: 5 })]);
    expect(scoreFigure(TRUTH, extra)).toMatchObject({ layers: 5 / 6, edges: 4 / 5 });
    expect(scoreFigure(TRUTH, graph([]))).toMatchObject({ layers: 0, edges: 0, params: null });
  });

  it('the same network spelt two ways is one: a Softmax layer after Dense, 3 for [3, 3], padding as pixels', () => {
    const spelt = graph([
      ...TRUTH_LAYERS.slice(0, 4).map((l) => (l.id === 'c1' ? { ...l, params: { filters: 32, kernel: 3, padding: [1, 1], activation: 'relu' } } : l)),
      layer('d', 'Dense', ['f'], { units: 10 }),
      layer('prob', 'Activation', ['d'], { fn: 'softmax' }),
    ]);
    expect(canonicalLayers(spelt).map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense']);
    expect(scoreFigure(TRUTH, spelt)).toMatchObject({ layers: 1, edges: 1, params: 1 });
    expect(sameParam('padding', { kernel: [3, 3], padding: 'same' }, { kernel: [3, 3], padding: [1, 1] })).toBe(true);
    expect(sameParam('padding', { kernel: [3, 3], padding: 'valid' }, { kernel: [3, 3], padding: [1, 1] })).toBe(false);
  });

  it('numbers in names are not written numbers', () => {
    expect([...writtenNumbers('conv2d_1: Conv2D\nrelu3 (ReLU) fc7')]).toEqual([]);
    expect([...writtenNumbers('6@28x28, Conv 5×5 /2, Dropout 0.3, (None, 14, 14, 6)')].sort((a, b) => a - b)).toEqual([0.3, 2, 5, 6, 14, 28]);
  });
});

/** Pixels are not needed to score against the truth: a rasteriser that draws a 1 × 1 image. */
const NO_PIXELS: Rasterizer = {
  rasterize: async () => ({ width: 1, height: 1, data: new Uint8Array([255, 255, 255, 255]) }),
  encodePng: async () => new Uint8Array(),
};

describe('real synthetic truths read perfectly and read wrongly', () => {
  it('the truth itself scores 1 in every style; a reader that drops the second layer and misreads every number scores lower', async () => {
    const viz = await getViz();
    const styles: FigureStyle[] = [...GRAPHVIZ_STYLES, ...ARCHITECTURE_KINDS];
    const right = styles.map((s) => createTally(s, true));
    const wrong = styles.map((s) => createTally(s, true));
    for (let index = 0; index < styles.length * 3; index++) {
      const { truth, style } = await renderSample(4, index, styles, { viz, rasterizer: NO_PIXELS });
      const drawn = { graph: truth.graph!, nodes: truth.nodes, edges: truth.edges };
      const bent = graph(
        truth
          .graph!.layers.filter((_, i) => i !== 1)
          .map((l) => ({
            ...l,
            ...(l.inputs ? { inputs: l.inputs.map((id) => (id === truth.graph!.layers[1]!.id ? truth.graph!.layers[0]!.id : id)) } : {}),
            params: Object.fromEntries(Object.entries(l.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v + 1 : v])),
          })),
      );
      const result = (score: ReturnType<typeof scoreFigure>): FigureResult => ({
        index,
        style,
        architecture: true,
        score,
        layersRead: 1,
        renderSeconds: 0,
        readSeconds: 0.5,
      });
      addFigure(right[styles.indexOf(style)]!, result(scoreFigure(drawn, truth.graph!)));
      addFigure(wrong[styles.indexOf(style)]!, result(scoreFigure(drawn, bent)));
    }
    for (const [i, tally] of right.entries()) {
      const [layers, edges, params] = (['layers', 'edges', 'params'] as const).map((m) => summarise(tally[m]));
      expect([tally.style, layers!.min, edges!.min]).toEqual([tally.style, 1, 1]);
      if (params!.count) expect(params!.min).toBe(1);
      const bad = wrong[i]!;
      expect(summarise(bad.layers).mean).toBeLessThan(1);
      expect(summarise(bad.edges).mean).toBeLessThan(1);
      // Every style writes some number a reader can get wrong (a width, a size or a rate).
      expect(summarise(bad.params).mean).toBeLessThan(summarise(tally.params).mean);
      expect(bad.worst.length).toBeGreaterThan(0);
    }
    const run = { seed: 4, count: styles.length * 3, styles: [...styles], seconds: 10, threads: 1 };
    const [table] = synthSections(wrong, run);
    expect(table!.rows.map((r) => r[0])).toEqual(styles);
    expect(table!.rows[0]!.at(-1)).toBe('2.00'); // 3 figures in 1.5 s of reading
    expect(synthBoxPlotSvg(right, run)).toMatch(/^<svg [\s\S]*keras2[\s\S]*pipeline[\s\S]*<\/svg>\n$/);
  }, 60_000);

  it('negatives count the figures of which no layer was read', () => {
    const tally = createTally('linechart', false);
    const figure = (index: number, layersRead: number): FigureResult => ({
      index,
      style: 'linechart',
      architecture: false,
      layersRead,
      renderSeconds: 0,
      readSeconds: 1,
    });
    [0, 3, 0, 0].forEach((n, i) => addFigure(tally, figure(i, n)));
    expect(tally).toMatchObject({ figures: 4, noLayersRead: 3, worst: [{ index: 1, value: 3 }] });
    const [table] = synthSections([tally], { seed: 1, count: 4, styles: ['linechart'], seconds: 4, threads: 1 });
    expect(table!.rows).toEqual([['linechart', 4, '75.0%', '3 (#1)', '1.00']]);
  });
});

describe('eval synth: the command line', () => {
  const options = (...args: string[]) => {
    const { positionals, values } = parseCommand(EVAL, ['synth', ...args]);
    return synthEvalOptions(values, positionals.slice(1));
  };

  it('reads --count, --seed, --styles and --jobs from the option table, with defaults', () => {
    expect(options('--count', '2000', '--seed', '7', '--styles', 'keras2, caffe', '--jobs', '2')).toEqual({
      count: 2000,
      seed: 7,
      styles: ['keras2', 'caffe'],
      jobs: 2,
    });
    expect(options()).toEqual({ count: 100, seed: 1, styles: [...ALL_STYLES], jobs: 1 });
  });

  it('refuses what it cannot run, naming it', () => {
    expect(() => options('--count', '0')).toThrow(/--count must be a whole number ≥ 1/);
    expect(() => options('--count', '1e5')).toThrow(UsageError);
    expect(() => options('--styles', 'keras2,kears3')).toThrow(/unknown style "kears3"/);
    expect(() => options('--corpus', 'x')).toThrow(/--corpus is not used by eval synth/);
    expect(() => options('a.png=b.json')).toThrow(/no input=reference pairs/);
    expect(() => parseCommand(EVAL, ['synth', '--cuont', '5'])).toThrow(/did you mean --count\?/);
  });
});
