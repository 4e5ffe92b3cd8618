/**
 * The code panel's Keras, PyTorch and Caffe code and graph JSON. Small designs are emitted right on the main
 * thread (a few milliseconds, so the code follows an edit within the frame); big ones in the codegen
 * worker, where a 200-layer emit cannot stall the editor.
 */
import { emitCaffeText, emitKerasPython, emitPytorch } from '../codegen/index.ts';
import { serializeGraph, type Graph } from '../graph/index.ts';
import type { GeneratedCode } from './protocol.ts';

/** Up to this many layers, code is emitted on the main thread. */
export const MAIN_THREAD_CODEGEN_LAYERS = 80;

/** One target's code, or why it cannot be written (an invalid graph, a layer the target lacks). */
function attempt(emit: () => string): { code: string; error?: string } {
  try {
    return { code: emit() };
  } catch (error) {
    return { code: '', error: (error as Error).message };
  }
}

export function emitLiveCode(graph: Graph): GeneratedCode {
  const keras = attempt(() => emitKerasPython(graph));
  const pytorch = attempt(() => emitPytorch(graph));
  // The prototxt alone, without seeded weights: as cheap as the other two, whatever the net's size.
  const caffe = attempt(() => emitCaffeText(graph).prototxt);
  const errors: GeneratedCode['errors'] = {};
  if (keras.error) errors.keras = keras.error;
  if (pytorch.error) errors.pytorch = pytorch.error;
  if (caffe.error) errors.caffe = caffe.error;
  return { keras: keras.code, pytorch: pytorch.code, caffe: caffe.code, json: serializeGraph(graph), errors };
}
