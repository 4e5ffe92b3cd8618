/** Every figure style by name: Graphviz plots of Keras and Caffe, the five drawn kinds, and negatives. */
import type { Viz } from '@viz-js/viz';
import { drawCaffe } from './caffe-plot.ts';
import type { SynthModel } from './grammar.ts';
import { drawKeras2, drawKeras3 } from './keras-plot.ts';
import type { Random } from './random.ts';
import type { DrawnFigure, FigureStyle } from './truth.ts';

type Drawer = (model: SynthModel, rng: Random, viz: Viz) => DrawnFigure;

const DRAWERS: Partial<Record<FigureStyle, Drawer>> = {
  keras2: (m, rng, viz) => drawKeras2(m.graph, rng, viz),
  keras3: (m, rng, viz) => drawKeras3(m.graph, rng, viz),
  caffe: (m, rng, viz) => drawCaffe(m.graph, rng, viz),
};

export function drawFigure(style: FigureStyle, model: SynthModel, rng: Random, viz: Viz): DrawnFigure {
  const drawer = DRAWERS[style];
  if (!drawer) throw new Error(`synth: no drawer for style "${style}"`);
  return drawer(model, rng, viz);
}
