/** Code generation off the main thread: live code for the code panel, Caffe, the ONNX file and the ZIP. */
import * as Comlink from 'comlink';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch } from '../src/codegen/index.ts';
import { serializeGraph, type Graph } from '../src/graph/index.ts';
import type { CodegenApi, GeneratedCode } from '../src/pipeline/protocol.ts';

/** One target's code, or why it cannot be written (an invalid graph, a layer the target lacks). */
function attempt(emit: () => string): { code: string; error?: string } {
  try {
    return { code: emit() };
  } catch (error) {
    return { code: '', error: (error as Error).message };
  }
}

const api: CodegenApi = {
  async emitLive(graph: Graph): Promise<GeneratedCode> {
    const keras = attempt(() => emitKerasPython(graph));
    const pytorch = attempt(() => emitPytorch(graph));
    const errors: GeneratedCode['errors'] = {};
    if (keras.error) errors.keras = keras.error;
    if (pytorch.error) errors.pytorch = pytorch.error;
    return { keras: keras.code, pytorch: pytorch.code, json: serializeGraph(graph), errors };
  },
  async caffe(graph: Graph): Promise<string> {
    return emitCaffe(graph).prototxt;
  },
  async onnx(graph: Graph): Promise<Uint8Array> {
    const bytes = emitOnnx(graph);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  async zip(graph: Graph): Promise<Uint8Array> {
    const bytes = new TextEncoder().encode(serializeGraph(graph));
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

Comlink.expose(api);
