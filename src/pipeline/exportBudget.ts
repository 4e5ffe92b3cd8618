/**
 * How many weights a design has, to decide what a download in the browser can hold. The Caffe and ONNX
 * files carry seeded weights (4 bytes each): VGG-16's 138 M make two 550 MB files, more than a browser
 * tab should build in memory.
 */
import type { OnnxWeights } from '../codegen/index.ts';
import { analyseGraph, resolveParams, type Analysis, type Graph, type Shape } from '../graph/index.ts';

/** Above this many weights the app's downloads carry placeholder weights instead of seeded ones. */
export const BROWSER_WEIGHT_BUDGET = 30_000_000;

/** Which weights the app's ONNX file and ZIP get, and why when they are placeholders. */
export function browserExportWeights(graph: Graph): { weights: OnnxWeights; reason?: string } {
  const count = countWeights(graph);
  if (count <= BROWSER_WEIGHT_BUDGET) return { weights: 'seeded' };
  const megabytes = Math.round((count * 4) / 1e6);
  return {
    weights: 'placeholder',
    reason:
      `${graph.name} has ${(count / 1e6).toFixed(1)} M weights: seeded ones would make ${megabytes} MB files, too much to build in a browser tab, ` +
      'so the ONNX file has constant placeholder weights and Caffe comes without a .caffemodel. ' +
      'For seeded weights use the command line: paper2net codegen graph.json --target all --out dir',
  };
}

const last = (shape: Shape | undefined): number => shape?.at(-1) ?? 0;
const area = (v: unknown): number => (Array.isArray(v) ? v.reduce((a: number, b: number) => a * b, 1) : Number(v ?? 1));

/** Weights and biases of the whole graph (approximate where a layer's shapes are unknown); `analysis`: this graph's, if made already. */
export function countWeights(graph: Graph, analysis: Analysis = analyseGraph(graph)): number {
  const { shapes } = analysis;
  let total = 0;
  for (const layer of graph.layers) {
    let p: Record<string, unknown>;
    try {
      p = resolveParams(layer);
    } catch {
      continue;
    }
    const cin = last(shapes.get(layer.inputs?.[0] ?? ''));
    const out = last(shapes.get(layer.id));
    const bias = p.use_bias === false ? 0 : out;
    switch (layer.type) {
      case 'Conv1D':
      case 'Conv2D':
      case 'Conv2DTranspose':
        total += area(p.kernel) * (cin / Number(p.groups ?? 1)) * Number(p.filters) + bias;
        break;
      case 'DepthwiseConv2D':
        total += area(p.kernel) * out + bias;
        break;
      case 'Dense':
        total += cin * Number(p.units) + bias;
        break;
      case 'Embedding':
        total += Number(p.vocab) * Number(p.dim);
        break;
      case 'SimpleRNN':
      case 'LSTM':
      case 'GRU': {
        const gates = { SimpleRNN: 1, LSTM: 4, GRU: 3 }[layer.type];
        const units = Number(p.units);
        total += gates * (cin * units + units * units + units) * (p.bidirectional ? 2 : 1);
        break;
      }
      case 'BatchNorm':
      case 'LayerNorm':
        total += 2 * out;
        break;
      case 'MultiHeadAttention':
        total += 4 * cin * Number(p.heads) * Number(p.key_dim);
        break;
    }
  }
  return Math.round(total);
}
