/** Rough multiply-accumulate count of a graph, to keep slow pure-JS runtimes to models they finish quickly. */
import { inferShapes, resolveParams, type Graph } from '../../src/graph/index.ts';
import { loadTfjs } from './runtime.ts';

export function estimateMacs(graph: Graph): number {
  const shapes = inferShapes(graph);
  let macs = 0;
  for (const layer of graph.layers) {
    const out = shapes.get(layer.id)!;
    const input = layer.inputs?.[0] ? shapes.get(layer.inputs[0])! : [];
    const params = resolveParams(layer);
    const outCount = out.reduce((a, b) => a * b, 1);
    if (layer.type === 'Conv2D' || layer.type === 'Conv2DTranspose') {
      const [kh, kw] = params.kernel as number[];
      macs += outCount * kh! * kw! * (input[input.length - 1]! / ((params.groups as number | undefined) ?? 1));
    } else if (layer.type === 'Dense') {
      macs += outCount * input[input.length - 1]!;
    } else {
      macs += outCount;
    }
  }
  return macs;
}

/**
 * Learned parameters of the layers the synth grammar writes (convolutions, dense, embeddings, recurrent
 * layers with PyTorch's two bias vectors), and the activation elements every layer output holds: together
 * they say whether a model fits a test machine's memory.
 */
export function modelSize(graph: Graph): { parameters: number; activations: number } {
  const shapes = inferShapes(graph);
  let parameters = 0;
  let activations = 0;
  for (const layer of graph.layers) {
    const out = shapes.get(layer.id)!;
    const input = layer.inputs?.[0] ? shapes.get(layer.inputs[0])! : [];
    const features = input[input.length - 1] ?? 0;
    const p = resolveParams(layer);
    activations += out.reduce((a, b) => a * b, 1);
    if (layer.type === 'Conv2D') {
      const [kh, kw] = p.kernel as number[];
      parameters += kh! * kw! * (features / (p.groups as number)) * (p.filters as number) + (p.filters as number);
    } else if (layer.type === 'Dense') parameters += (features + 1) * (p.units as number);
    else if (layer.type === 'Embedding') parameters += (p.vocab as number) * (p.dim as number);
    else if (layer.type === 'SimpleRNN' || layer.type === 'LSTM') {
      const units = p.units as number;
      parameters += (layer.type === 'LSTM' ? 4 : 1) * units * (features + units + 2);
    }
  }
  return { parameters, activations };
}

/**
 * Builds a Keras `to_json()` document in tfjs-layers without running it: every layer is constructed and
 * its shapes worked out by tfjs itself. Returns the output shapes with the batch axis as 1.
 */
export async function kerasJsonOutputShapes(json: string): Promise<number[][]> {
  const { tfl } = await loadTfjs();
  const model = await tfl.models.modelFromJSON(JSON.parse(json));
  const shapes = model.outputs.map((output) => output.shape.map((d, i) => (i === 0 ? 1 : d!)));
  model.dispose();
  return shapes;
}
