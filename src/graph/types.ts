/** The `paper2net.graph/1` format: the one type every stage produces or consumes. */

export const GRAPH_FORMAT = 'paper2net.graph/1';

/** A tensor shape without the batch axis: `[H, W, C]` images, `[T, F]` sequences, `[N]` vectors. */
export type Shape = number[];

/** A param value as it appears in JSON. */
export type ParamValue = number | string | boolean | number[] | null;

export type Params = Record<string, ParamValue>;

/** Where in the PDF something came from. Coordinates are PDF points, origin top-left of the page. */
export interface SourceRef {
  page: number;
  bbox?: [number, number, number, number];
  text?: string;
}

export type DesignSourceKind = 'figure' | 'table' | 'text' | 'import' | 'synth' | 'user';

/** Where a whole design came from. */
export interface DesignSource {
  page?: number;
  kind: DesignSourceKind;
  caption?: string;
  bbox?: [number, number, number, number];
  /** Other evidence fused into this design (a figure and a table describing the same network). */
  also?: Array<{ page?: number; kind: DesignSourceKind; caption?: string; bbox?: [number, number, number, number] }>;
  /** File name for imported models. */
  file?: string;
}

export interface Layer {
  /** Unique within the graph. Free text from a paper is allowed; emitters sanitise it. */
  id: string;
  /** Canonical catalog type, e.g. "Conv2D". */
  type: string;
  /** Ids of the layers feeding this one, in order. Absent or empty for Input. */
  inputs?: string[];
  /** Params left out take the catalog's default. */
  params?: Params;
  /** Params the paper did not state and the reader filled in; `"*"` means the whole layer. */
  inferred?: string[];
  source?: SourceRef;
  /** The output size the paper states for this layer ([height, width]): checked against the inferred shape, never used to build it. */
  statedSize?: number[];
}

export interface Graph {
  format: typeof GRAPH_FORMAT;
  name: string;
  /** Topological order. */
  layers: Layer[];
  source?: DesignSource;
  /** 0..1, how sure the reader is of this design. */
  confidence?: number;
  /** Free-form notes from the reader (what was guessed, what was dropped). */
  warnings?: string[];
}
