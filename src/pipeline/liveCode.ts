/**
 * The code panel's shown tab (Keras, PyTorch, Caffe or the graph JSON), written again on every edit.
 * Only the shown tab is emitted: one target costs about a third of all three. Designs up to
 * MAIN_THREAD_CODEGEN_LAYERS are emitted right on the main thread (a few milliseconds, so the code follows
 * an edit within the frame); bigger ones in the codegen worker, where the emit cannot stall the editor.
 */
import { emitCaffePrototxt, emitKerasPython, emitPytorch } from '../codegen/index.ts';
import { serializeGraph, type Graph } from '../graph/index.ts';
import type { CodeTab, LiveCode } from './protocol.ts';

/** Up to this many layers, the shown tab is emitted on the main thread (2–6 ms per 200 layers, Caffe the slowest). */
export const MAIN_THREAD_CODEGEN_LAYERS = 400;

const EMITTERS: Record<CodeTab, (graph: Graph) => string> = {
  keras: emitKerasPython,
  pytorch: emitPytorch,
  // The prototxt alone, without seeded weights: as cheap as the other two, whatever the net's size.
  caffe: emitCaffePrototxt,
  json: serializeGraph,
};

export function emitLiveCode(graph: Graph, tab: CodeTab): LiveCode {
  try {
    return { tab, text: EMITTERS[tab](graph) };
  } catch (error) {
    return { tab, text: '', error: (error as Error).message };
  }
}
