/** Ground truth written next to every synthetic figure. Boxes are `[x0, y0, x1, y1]`, origin top-left. */
import type { Box } from '../geometry/index.ts';
import type { Graph } from '../graph/index.ts';

export type { Box };
export type Point = [number, number];

/** Graphviz looks of the paper's "Keras and Caffe visualisations", and the five kinds it found in real papers. */
export const GRAPHVIZ_STYLES = ['keras2', 'keras3', 'caffe'] as const;
export const ARCHITECTURE_KINDS = ['neurons', 'flow2d', 'stacked2d', 'cuboids3d', 'pipeline'] as const;
/** Ordinary paper figures: negatives for the architecture classifier. */
export const NEGATIVE_KINDS = [
  'linechart',
  'barchart',
  'scatter',
  'confusion',
  'samplegrid',
  'tableimage',
  'roccurve',
  'screenshots',
  'seggrid',
  'attention',
] as const;
export const ALL_STYLES = [...GRAPHVIZ_STYLES, ...ARCHITECTURE_KINDS, ...NEGATIVE_KINDS] as const;
export type FigureStyle = (typeof ALL_STYLES)[number];

/** The classifier label of a style: Keras and Caffe plots are 2-D box flows drawn by Graphviz. */
export function classOfStyle(style: FigureStyle): { architecture: boolean; kind: string } {
  if ((NEGATIVE_KINDS as readonly string[]).includes(style)) return { architecture: false, kind: style };
  if ((GRAPHVIZ_STYLES as readonly string[]).includes(style)) return { architecture: true, kind: 'flow2d' };
  return { architecture: true, kind: style };
}

export interface TextTruth {
  text: string;
  box: Box;
}

export interface NodeTruth {
  /** Id of the drawn node, unique in the figure. */
  id: string;
  /** The graph layer it shows; absent for drawn things that are not one layer (a Caffe blob shows its producer). */
  layerId?: string;
  /** 'layer', 'blob' (Caffe data), 'activation' (a Caffe in-place ReLU drawn for a layer's activation param). */
  role: 'layer' | 'blob' | 'activation';
  /** All text drawn in the node, lines joined with '\n'. */
  label: string;
  box: Box;
  /** Each drawn line of text with its own box, for OCR. */
  texts: TextTruth[];
}

export interface EdgeTruth {
  from: string;
  to: string;
  /** Where the line leaves `from` and where its arrow tip touches `to`. */
  tail: Point;
  head: Point;
  label?: string;
}

/** A drawn figure before rasterisation: coordinates in SVG user units (1 unit = 1 px at scale 1). */
export interface DrawnFigure {
  style: FigureStyle;
  svg: string;
  width: number;
  height: number;
  nodes: NodeTruth[];
  edges: EdgeTruth[];
  /** Font families the SVG uses, so the rasteriser can load just those. */
  fonts: string[];
  /** What varied in this drawing (font, size, direction...), for the manifest. */
  variation: Record<string, string | number | boolean>;
}

export interface FigureTruth {
  style: FigureStyle;
  architecture: boolean;
  kind: string;
  /** Pixel size of the image the boxes refer to. */
  width: number;
  height: number;
  graph?: Graph;
  nodes: NodeTruth[];
  edges: EdgeTruth[];
  variation: Record<string, string | number | boolean>;
}

/** SVG units to image pixels; the two axes can differ by the rounding of the image size. */
export function scaleBox(box: Box, sx: number, sy: number): Box {
  return [round(box[0] * sx), round(box[1] * sy), round(box[2] * sx), round(box[3] * sy)];
}

export function scalePoint(p: Point, sx: number, sy: number): Point {
  return [round(p[0] * sx), round(p[1] * sy)];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
