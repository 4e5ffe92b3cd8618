/** All targets for one graph as a list of files, and the ZIP a user downloads. */
import JSZip from 'jszip';
import { analyseGraph, inferShapes, serializeGraph, type Graph } from '../graph/index.ts';
import { emitCaffe, emitCaffeText } from './caffe/index.ts';
import type { EmitOptions } from './emitOptions.ts';
import { UnsupportedLayerError, type TargetName } from './errors.ts';
import { emitKerasJson, emitKerasPython } from './keras/index.ts';
import { emitOnnx, type OnnxWeights } from './onnx/index.ts';
import { emitPytorch } from './pytorch/index.ts';
import { bundleReadme } from './readme.ts';

export interface GeneratedFile {
  path: string;
  contents: string | Uint8Array;
}

export interface TargetFailure {
  target: TargetName;
  message: string;
}

export interface Bundle {
  files: GeneratedFile[];
  /** Targets that could not express the graph, and why; the other targets are still written. */
  failures: TargetFailure[];
}

export const TARGETS: readonly TargetName[] = ['keras', 'caffe', 'pytorch', 'onnx'];

export interface BundleOptions extends EmitOptions {
  /**
   * `seeded` (default): the .caffemodel and .onnx carry seeded random weights. `placeholder`, for designs
   * too big for that (VGG-16: two 550 MB files): no .caffemodel, and an ONNX file whose big tensors are
   * constant-filled ConstantOfShape nodes (kilobytes, still runs).
   */
  weights?: OnnxWeights;
}

type Emit = (graph: Graph, options: BundleOptions) => GeneratedFile[];

/** The files one target writes for a graph, each emitted on its own so one refusal doesn't cost the others. */
const TARGET_FILES: Record<TargetName, Emit[]> = {
  keras: [
    (g, o) => [{ path: 'keras/model_keras.py', contents: emitKerasPython(g, o) }],
    (g, o) => [{ path: 'keras/model.json', contents: emitKerasJson(g, o) }],
  ],
  caffe: [
    (g, options) => {
      if (options.weights === 'placeholder') {
        const caffe = emitCaffeText(g, options);
        return [
          { path: 'caffe/deploy.prototxt', contents: caffe.prototxt },
          { path: 'caffe/netspec.py', contents: caffe.netspec },
        ];
      }
      const caffe = emitCaffe(g, options);
      return [
        { path: 'caffe/deploy.prototxt', contents: caffe.prototxt },
        { path: 'caffe/netspec.py', contents: caffe.netspec },
        { path: 'caffe/weights.caffemodel', contents: caffe.caffemodel },
      ];
    },
  ],
  pytorch: [(g, o) => [{ path: 'pytorch/model_pytorch.py', contents: emitPytorch(g, o) }]],
  onnx: [(g, o) => [{ path: 'onnx/model.onnx', contents: emitOnnx(g, o) }]],
};

/** The files of one target; throws UnsupportedLayerError when the target cannot express the graph at all. */
export function emitTarget(graph: Graph, target: TargetName, options: BundleOptions = {}): GeneratedFile[] {
  const shared = { ...options, analysis: options.analysis ?? analyseGraph(graph) };
  return TARGET_FILES[target].flatMap((emit) => emit(graph, shared));
}

/** graph.json, every requested target that can express the graph, and a README on running each. */
export function bundleFiles(graph: Graph, targets: readonly TargetName[] = TARGETS, options: BundleOptions = {}): Bundle {
  // One analysis for every target (each emitter would otherwise work the graph out again); throws on a graph with errors.
  options = { ...options, analysis: options.analysis ?? analyseGraph(graph) };
  inferShapes(graph, options.analysis);
  const files: GeneratedFile[] = [{ path: 'graph.json', contents: `${serializeGraph(graph)}\n` }];
  const failures: TargetFailure[] = [];
  for (const target of targets) {
    for (const emit of TARGET_FILES[target]) {
      try {
        files.push(...emit(graph, options));
      } catch (error) {
        if (!(error instanceof UnsupportedLayerError)) throw error;
        failures.push({ target, message: error.message });
      }
    }
  }
  files.push({
    path: 'README.md',
    contents: bundleReadme(
      graph,
      files.map((f) => f.path),
      failures,
      options.weights ?? 'seeded',
    ),
  });
  return { files, failures };
}

// A fixed timestamp keeps the ZIP byte-identical for the same graph.
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export async function zipFiles(files: readonly GeneratedFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.path, file.contents, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function bundleZip(graph: Graph, targets: readonly TargetName[] = TARGETS, options: BundleOptions = {}): Promise<Uint8Array> {
  return zipFiles(bundleFiles(graph, targets, options).files);
}
