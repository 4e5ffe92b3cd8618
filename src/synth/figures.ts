/** Every figure style by name: Graphviz plots of Keras and Caffe, the five drawn kinds, and negatives. */
import type { Viz } from '@viz-js/viz';
import { drawCaffe } from './caffe-plot.ts';
import type { SynthModel } from './grammar.ts';
import { drawCuboids3d, drawFlow2d, drawNeurons, drawPipeline, drawStacked2d } from './drawn-kinds.ts';
import { drawKeras2, drawKeras3 } from './keras-plot.ts';
import {
  drawAttention,
  drawBarChart,
  drawConfusion,
  drawLineChart,
  drawRocCurve,
  drawSampleGrid,
  drawScatter,
  drawScreenshots,
  drawSegGrid,
  drawTableImage,
} from './negatives.ts';
import type { Random } from './random.ts';
import type { DrawnFigure, FigureStyle } from './truth.ts';

type Drawer = (model: SynthModel, rng: Random, viz: Viz) => DrawnFigure;

const DRAWERS: Record<FigureStyle, Drawer> = {
  keras2: (m, rng, viz) => drawKeras2(m.graph, rng, viz),
  keras3: (m, rng, viz) => drawKeras3(m.graph, rng, viz),
  caffe: (m, rng, viz) => drawCaffe(m.graph, rng, viz),
  neurons: (m, rng) => drawNeurons(m, rng),
  flow2d: (m, rng) => drawFlow2d(m, rng),
  stacked2d: (m, rng) => drawStacked2d(m, rng),
  cuboids3d: (m, rng) => drawCuboids3d(m, rng),
  pipeline: (m, rng) => drawPipeline(m, rng),
  linechart: (_m, rng) => drawLineChart(rng),
  barchart: (_m, rng) => drawBarChart(rng),
  scatter: (_m, rng) => drawScatter(rng),
  confusion: (_m, rng) => drawConfusion(rng),
  samplegrid: (_m, rng) => drawSampleGrid(rng),
  tableimage: (_m, rng) => drawTableImage(rng),
  roccurve: (_m, rng) => drawRocCurve(rng),
  screenshots: (_m, rng) => drawScreenshots(rng),
  seggrid: (_m, rng) => drawSegGrid(rng),
  attention: (_m, rng) => drawAttention(rng),
};

export function drawFigure(style: FigureStyle, model: SynthModel, rng: Random, viz: Viz): DrawnFigure {
  return DRAWERS[style](model, rng, viz);
}
