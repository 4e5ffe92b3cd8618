/** One dataset sample: a grammar model drawn in one style, rasterised, degraded, with its ground truth. */
import type { Viz } from '@viz-js/viz';
import { generateModel, type SynthModel } from './grammar.ts';
import { drawFigure } from './figures.ts';
import { createRandom, hashSeed } from './random.ts';
import { degrade, drawDegradation, type Rasterizer } from './raster.ts';
import { ARCHITECTURE_KINDS, classOfStyle, scaleBox, scalePoint, type Box, type DrawnFigure, type FigureStyle, type FigureTruth } from './truth.ts';

export interface SampleDeps {
  viz: Viz;
  rasterizer: Rasterizer;
}

export interface Sample {
  index: number;
  style: FigureStyle;
  model: SynthModel;
  figure: DrawnFigure;
  png: Uint8Array;
  truth: FigureTruth;
}

export interface SampleOptions {
  /**
   * Largest image side in pixels (thumbnails for the classifier). Default none: the figure keeps the size the tools
   * give it, within MAX_AREA — a 40-layer left-to-right plot is a long thin image, its text still legible.
   */
  maxSide?: number;
}

/**
 * Pixels at most (memory). No side is capped by default: plot_model and draw_net write at a fixed dpi and never
 * shrink a long graph to fit a side, so a 40-layer left-to-right plot is a long thin image with legible text, where
 * a 4,096 px cap took it to 0.3 px per point (letters 3 px tall), which no tool draws.
 */
const MAX_AREA = 6_000_000;
/** Pixels per SVG unit. Graphviz units are points; plot_model and draw_net default to 96 dpi (4/3). */
const SCALES = [0.75, 1, 4 / 3, 4 / 3, 4 / 3, 1.5, 2, 2.5];

/** Sample `index` of the dataset seeded `seed`: the same pair always gives the same model and image. */
export async function renderSample(
  seed: number,
  index: number,
  styles: readonly FigureStyle[],
  deps: SampleDeps,
  options: SampleOptions = {},
): Promise<Sample> {
  const rng = createRandom(hashSeed(seed, `sample:${index}`));
  const style = styles[index % styles.length]!;
  // Papers draw their own figures for compact nets; 40 neuron columns or cuboids would be no paper's figure.
  const drawnByHand = (ARCHITECTURE_KINDS as readonly string[]).includes(style);
  const model = generateModel(rng.fork('model'), drawnByHand ? { maxDepth: 16 } : {});
  const figure = drawFigure(style, model, rng.fork('draw'), deps.viz);
  const rasterRng = rng.fork('raster');
  const wanted = rasterRng.pick(SCALES);
  const areaFit = Math.sqrt(MAX_AREA / (figure.width * figure.height));
  const sideFit = options.maxSide ? options.maxSide / Math.max(figure.width, figure.height) : Infinity;
  const scale = Math.min(wanted, areaFit, sideFit);
  const image = await deps.rasterizer.rasterize(figure.svg, scale, figure.fonts);
  const degradation = drawDegradation(rasterRng);
  degrade(image, degradation, rasterRng);
  const png = await deps.rasterizer.encodePng(image);
  const sx = image.width / figure.width;
  const sy = image.height / figure.height;
  const box = (b: Box): Box => scaleBox(b, sx, sy);
  const { architecture, kind } = classOfStyle(style);
  const truth: FigureTruth = {
    style,
    architecture,
    kind,
    width: image.width,
    height: image.height,
    ...(architecture ? { graph: model.graph } : {}),
    nodes: figure.nodes.map((n) => ({ ...n, box: box(n.box), texts: n.texts.map((t) => ({ ...t, box: box(t.box) })) })),
    edges: figure.edges.map((e) => ({ ...e, tail: scalePoint(e.tail, sx, sy), head: scalePoint(e.head, sx, sy) })),
    variation: { ...figure.variation, scale: Math.round(scale * 1000) / 1000, jpegQuality: degradation.jpegQuality, noise: degradation.noise },
  };
  return { index, style, model, figure, png, truth };
}
