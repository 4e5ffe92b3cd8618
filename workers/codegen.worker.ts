/** Code generation off the main thread: every target for the code panel, the ONNX file and the ZIP. */
import * as Comlink from 'comlink';
import type { Graph } from '../src/graph/types.ts';
import type { CodegenApi, GeneratedCode } from '../src/pipeline/protocol.ts';

const PENDING = '# The code generators are not part of this build yet; the graph JSON tab shows the design.';

const api: CodegenApi = {
  async emitAll(graph: Graph): Promise<GeneratedCode> {
    return { keras: PENDING, pytorch: PENDING, caffe: PENDING, json: JSON.stringify(graph, null, 2), errors: {} };
  },
  async onnx(): Promise<Uint8Array> {
    throw new Error('ONNX export is not part of this build yet');
  },
  async zip(graph: Graph): Promise<Uint8Array> {
    return new TextEncoder().encode(JSON.stringify(graph, null, 2));
  },
};

Comlink.expose(api);
