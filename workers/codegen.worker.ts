/** Code generation off the main thread: the code panel's tab for very big designs, the ONNX file and the ZIP. */
import * as Comlink from 'comlink';
import { bundleZip, emitOnnx, TARGETS } from '../src/codegen/index.ts';
import type { Graph } from '../src/graph/index.ts';
import { browserExportWeights } from '../src/pipeline/exportBudget.ts';
import { emitLiveCode } from '../src/pipeline/liveCode.ts';
import type { CodeTab, CodegenApi, ExportedFile, LiveCode } from '../src/pipeline/protocol.ts';

/** Hands the bytes over without a copy. */
const transferred = (bytes: Uint8Array, placeholder: string | undefined): ExportedFile =>
  Comlink.transfer(placeholder ? { bytes, placeholder } : { bytes }, [bytes.buffer as ArrayBuffer]);

const api: CodegenApi = {
  async emitLive(graph: Graph, tab: CodeTab): Promise<LiveCode> {
    return emitLiveCode(graph, tab);
  },
  async onnx(graph: Graph) {
    const { weights, reason } = browserExportWeights(graph);
    return transferred(emitOnnx(graph, { weights }), reason);
  },
  async zip(graph: Graph) {
    const { weights, reason } = browserExportWeights(graph);
    return transferred(await bundleZip(graph, TARGETS, { weights }), reason);
  },
};

Comlink.expose(api);
