/** All targets for one graph as a list of files, and the ZIP a user downloads. */
import JSZip from 'jszip';
import { inferShapes, serializeGraph, type Graph } from '../graph/index.ts';
import { emitCaffe } from './caffe/index.ts';
import { UnsupportedLayerError, type TargetName } from './errors.ts';
import { emitKerasJson, emitKerasPython } from './keras/index.ts';
import { emitOnnx } from './onnx/index.ts';
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

/** The files one target writes for a graph, each emitted on its own so one refusal doesn't cost the others. */
const TARGET_FILES: Record<TargetName, Array<(graph: Graph) => GeneratedFile[]>> = {
  keras: [(g) => [{ path: 'keras/model_keras.py', contents: emitKerasPython(g) }], (g) => [{ path: 'keras/model.json', contents: emitKerasJson(g) }]],
  caffe: [
    (g) => {
      const caffe = emitCaffe(g);
      return [
        { path: 'caffe/deploy.prototxt', contents: caffe.prototxt },
        { path: 'caffe/netspec.py', contents: caffe.netspec },
        { path: 'caffe/weights.caffemodel', contents: caffe.caffemodel },
      ];
    },
  ],
  pytorch: [(g) => [{ path: 'pytorch/model_pytorch.py', contents: emitPytorch(g) }]],
  onnx: [(g) => [{ path: 'onnx/model.onnx', contents: emitOnnx(g) }]],
};

/** The files of one target; throws UnsupportedLayerError when the target cannot express the graph at all. */
export function emitTarget(graph: Graph, target: TargetName): GeneratedFile[] {
  return TARGET_FILES[target].flatMap((emit) => emit(graph));
}

/** graph.json, every requested target that can express the graph, and a README on running each. */
export function bundleFiles(graph: Graph, targets: readonly TargetName[] = TARGETS): Bundle {
  inferShapes(graph);
  const files: GeneratedFile[] = [{ path: 'graph.json', contents: `${serializeGraph(graph)}\n` }];
  const failures: TargetFailure[] = [];
  for (const target of targets) {
    for (const emit of TARGET_FILES[target]) {
      try {
        files.push(...emit(graph));
      } catch (error) {
        if (!(error instanceof UnsupportedLayerError)) throw error;
        failures.push({ target, message: error.message });
      }
    }
  }
  files.push({ path: 'README.md', contents: bundleReadme(graph, files.map((f) => f.path), failures) });
  return { files, failures };
}

// A fixed timestamp keeps the ZIP byte-identical for the same graph.
const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export async function zipFiles(files: readonly GeneratedFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.path, file.contents, { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function bundleZip(graph: Graph, targets: readonly TargetName[] = TARGETS): Promise<Uint8Array> {
  return zipFiles(bundleFiles(graph, targets).files);
}
