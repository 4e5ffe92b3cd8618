/** The named calls each worker answers (workers/*.worker.ts implement them; clients.ts calls them). */
import type { Graph } from '../graph/types.ts';

/** One step of a long stage, reported while it runs. */
export interface StageProgress {
  /** Short name of the step: "pages", "regions", "figures", "tables", "ocr"... */
  stage: string;
  /** 0..1 when known. */
  fraction?: number;
  message?: string;
  /** The region being read, when the step is about one (its page and bbox as in the region list). */
  region?: { page: number; bbox: [number, number, number, number] };
}

export type ProgressFn = (progress: StageProgress) => void;

export interface FoundRegion {
  page: number;
  kind: string;
  bbox: [number, number, number, number];
  caption?: string;
  /**
   * For a bitmap figure: the figure classifier's verdict. `architecture` = P(architecture drawing); `kind` its
   * most likely kind, or 'other'; `read` = it was passed to the bitmap reader (a design only if convincing).
   */
  classified?: { architecture: number; kind: string; read: boolean };
  /** What the reader made of the region: the designs it kept from it and why (or why none). */
  verdict?: RegionVerdict;
}

/** A region's outcome in words a person can check against the page. */
export interface RegionVerdict {
  /** Designs kept from this region. */
  designs: number;
  /** "results table (0.12): no layer words", "figure read: 3 layers, not convincing: 2 inputs". */
  reason: string;
}

/** What is known once the whole paper is read (its designs came stage by stage through `DesignsFn`). */
export interface PaperReading {
  title?: string;
  regions: FoundRegion[];
  warnings: string[];
}

/** One stage's designs, as the stage ends: tables and text first, vector figures next, bitmap figures last. */
export interface StageDesigns {
  stage: string;
  designs: Graph[];
  /** Every region found, with the verdicts given so far (a region still to be read has none). */
  regions: FoundRegion[];
}

export type DesignsFn = (batch: StageDesigns) => Promise<void> | void;

/**
 * Stand-in designs from the first table that gives any, as soon as its page is read, before the rest of the paper
 * is: the first `DesignsFn` batch replaces them (the same design, read with the whole paper known, has the same
 * name and page).
 */
export type ProvisionalFn = (designs: Graph[]) => Promise<void> | void;

/** A place on a page to read on demand: a region the reader passed over, or a box the person drew. */
export interface RegionRequest {
  page: number;
  bbox: [number, number, number, number];
  as: 'table' | 'figure';
  /** The region's caption, when it has one (copied into the designs' source). */
  caption?: string;
  /** Short name for the designs: "Table 2", "page 3 box". */
  label: string;
}

export interface RegionReading {
  /** Every network read there, convincing or not; empty when nothing was. */
  designs: Graph[];
  /** How the reading went, for the person who asked. */
  note: string;
}

export interface PipelineApi {
  /**
   * PDF → designs (handed to `onDesigns` stage by stage, as each stage ends), regions and warnings. With
   * `onProvisional`, the first table's designs are also handed over as soon as its page is read.
   */
  readPaper(bytes: Uint8Array, onProgress: ProgressFn, onDesigns: DesignsFn, onProvisional?: ProvisionalFn): Promise<PaperReading>;
  /**
   * One place on a page read as a table or a figure, whatever the result's confidence. `paperKey` names the
   * document, so a second request on the same paper reuses its page model.
   */
  readRegion(bytes: Uint8Array, paperKey: string, request: RegionRequest): Promise<RegionReading>;
  /** A model file (.prototxt, Keras .json, .onnx, paper2net graph .json) → one graph. */
  openModel(bytes: Uint8Array, fileName: string): Promise<Graph>;
  /** Runs a tiny ONNX model in onnxruntime-web here, to show the wasm runtime works and how many threads it uses. */
  runtimeCheck(): Promise<RuntimeCheck>;
}

export interface RuntimeCheck {
  crossOriginIsolated: boolean;
  /** Threads onnxruntime-web was allowed. */
  ortThreads: number;
  /** Milliseconds to create the session and run it once. */
  ms: number;
}

export type CodeTarget = 'keras' | 'pytorch' | 'caffe';

/** A tab of the code panel: one target's code, or the graph JSON. */
export type CodeTab = CodeTarget | 'json';

/** One tab's code, or why it cannot be written (the graph is invalid for the target, or a layer it lacks). */
export interface LiveCode {
  tab: CodeTab;
  text: string;
  error?: string;
}

export interface ExportedFile {
  bytes: Uint8Array;
  placeholder?: string;
}

export interface CodegenApi {
  /** The code panel's shown tab: called on every edit of a design too big to emit on the main thread. */
  emitLive(graph: Graph, tab: CodeTab): Promise<LiveCode>;
  /** The ONNX file; `placeholder` says why a very big design got placeholder weights instead of seeded ones. */
  onnx(graph: Graph): Promise<ExportedFile>;
  /** graph.json, every target and a README; `placeholder` as for onnx(). */
  zip(graph: Graph): Promise<ExportedFile>;
}

export interface NodeBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutApi {
  /** Layered top-to-bottom positions (top-left corners); long chains wrap to approach `aspectRatio` (width / height). */
  layout(nodes: NodeBox[], edges: Array<[string, string]>, aspectRatio?: number): Promise<Record<string, { x: number; y: number }>>;
}
