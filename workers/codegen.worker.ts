/** Code generation off the main thread: the code panel's tab for very big designs, the ONNX file and the ZIP. */
import * as Comlink from 'comlink';
import { bundleZip, emitOnnx, TARGETS } from '../src/codegen/index.ts';
import { BROWSER_WEIGHT_BUDGET, countWeights } from '../src/pipeline/exportBudget.ts';
import type { Graph } from '../src/graph/index.ts';
import { emitLiveCode } from '../src/pipeline/liveCode.ts';
import type { CodeTab, CodegenApi, LiveCode } from '../src/pipeline/protocol.ts';

/** Why a weight-carrying file is not built here, or undefined when the design is small enough. */
function tooHeavy(graph: Graph, what: string): string | undefined {
  const weights = countWeights(graph);
  if (weights <= BROWSER_WEIGHT_BUDGET) return undefined;
  const megabytes = Math.round((weights * 4) / 1e6);
  return `${graph.name} has ${(weights / 1e6).toFixed(1)} M weights: ${what} would carry ${megabytes} MB of seeded weights, too much to build in a browser tab. Use the command line: paper2net codegen graph.json --target all --out dir`;
}

const api: CodegenApi = {
  async emitLive(graph: Graph, tab: CodeTab): Promise<LiveCode> {
    return emitLiveCode(graph, tab);
  },
  async onnx(graph: Graph): Promise<Uint8Array> {
    const heavy = tooHeavy(graph, 'the ONNX file');
    if (heavy) throw new Error(heavy);
    const bytes = emitOnnx(graph);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  async zip(graph: Graph) {
    const omitted = tooHeavy(graph, 'its Caffe and ONNX files');
    const bytes = await bundleZip(graph, omitted ? TARGETS.filter((t) => t !== 'caffe' && t !== 'onnx') : TARGETS);
    return Comlink.transfer({ bytes, omitted }, [bytes.buffer as ArrayBuffer]);
  },
};

Comlink.expose(api);
