/** Caffe target: deploy.prototxt, a pycaffe NetSpec script writing the same net, and seeded random weights. */
import type { Graph } from '../../graph/index.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { CaffePlanBuilder } from './builder.ts';
import { writeCaffemodel } from './caffemodel.ts';
import { CAFFE_LOWERINGS } from './layers.ts';
import { writeNetSpec } from './netspec.ts';
import type { CaffePlan } from './plan.ts';
import { writePrototxt } from './prototxt.ts';

export interface CaffeText {
  prototxt: string;
  netspec: string;
  /** Where Caffe's symmetric padding or upward pooling rounding changes a shape the graph states. */
  notes: string[];
}

export interface CaffeOutput extends CaffeText {
  caffemodel: Uint8Array;
}

/** The graph as a Caffe plan; throws UnsupportedLayerError naming the first layer Caffe cannot express. */
export function planCaffe(graph: Graph, options: EmitOptions = {}): CaffePlan {
  return new CaffePlanBuilder(graph, options.analysis).lower(CAFFE_LOWERINGS);
}

function textOf(plan: CaffePlan): CaffeText {
  return {
    prototxt: writePrototxt(plan),
    netspec: writeNetSpec(plan),
    notes: plan.layers.flatMap((layer) => (layer.differs ? [`${layer.name}: ${layer.note}`] : [])),
  };
}

/** prototxt and NetSpec without weights: cheap enough to redo on every edit, whatever the net's size. */
export function emitCaffeText(graph: Graph, options: EmitOptions = {}): CaffeText {
  return textOf(planCaffe(graph, options));
}

/** The prototxt alone (the editor's Caffe tab). */
export function emitCaffePrototxt(graph: Graph, options: EmitOptions = {}): string {
  return writePrototxt(planCaffe(graph, options));
}

export function emitCaffe(graph: Graph, options: EmitOptions = {}): CaffeOutput {
  const plan = planCaffe(graph, options);
  return { ...textOf(plan), caffemodel: writeCaffemodel(plan) };
}
