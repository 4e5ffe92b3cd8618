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
