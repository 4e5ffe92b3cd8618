/** What the figure readers find before layer recognition: nodes (boxes with text) and the edges between them. */
import type { Box } from '../geometry/index.ts';
import type { Graph } from '../graph/index.ts';

/** PDF points on the vector path, pixels on the raster path. */
export type { Box };

export interface DiagramNode {
  id: string;
  box: Box;
  /** The node's text, one line per row, top to bottom. */
  text: string;
  /** rect: a drawn box; blob: a non-rectangular shape (Caffe draw_net data blobs); label: free text only. */
  shape: 'rect' | 'blob' | 'label';
  /** The layer type was guessed from the drawing (colour, shape), not read from text: it counts less towards confidence. */
  guessed?: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** True when an arrow head decided the direction; false when layout order did. */
  directed: boolean;
  /** Text written on the connector (Caffe draw_net writes num_output there; papers write "relu", "pool/2"). */
  label?: string;
  /** Where that text is. */
  labelBox?: Box;
  /** Which side of the `from` and `to` boxes the connector reaches them on, when the reader saw it. */
  sides?: [Side, Side];
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface FigureReading {
  graph: Graph;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  warnings: string[];
}
