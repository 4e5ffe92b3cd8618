/**
 * What every target works out alike from a graph: its layer identifiers, which layers read each layer, and
 * its outputs. Worked out once per shared analysis (EmitOptions.analysis: the graph is unchanged while its
 * analysis is in use), so emitting all four targets of a 100,000-layer chain does not redo them per target;
 * without one, afresh on each call.
 */
import type { Analysis, Graph, Layer } from '../graph/index.ts';
import type { EmitOptions } from './emitOptions.ts';
import { layerIdentifiers } from './naming.ts';

export interface GraphFacts {
  /** layerIdentifiers of the graph: unique identifiers keyed by layer id. */
  identifiers: ReadonlyMap<string, string>;
  /** The layers reading each layer, in graph order; layers nobody reads are absent. */
  readers: ReadonlyMap<string, readonly Layer[]>;
  /** Layers no other layer consumes (the graph's outputs), in graph order, as outputLayers gives them. */
  outputs: readonly Layer[];
  outputIds: ReadonlySet<string>;
}

const shared = new WeakMap<Analysis, GraphFacts>();

function workOut(graph: Graph): GraphFacts {
  const readers = new Map<string, Layer[]>();
  for (const layer of graph.layers) {
    for (const input of layer.inputs ?? []) {
      const list = readers.get(input);
      if (list) list.push(layer);
      else readers.set(input, [layer]);
    }
  }
  const outputs = graph.layers.filter((layer) => !readers.has(layer.id));
  return { identifiers: layerIdentifiers(graph), readers, outputs, outputIds: new Set(outputs.map((layer) => layer.id)) };
}

export function graphFacts(graph: Graph, options: EmitOptions = {}): GraphFacts {
  const { analysis } = options;
  if (!analysis) return workOut(graph);
  let facts = shared.get(analysis);
  if (!facts) shared.set(analysis, (facts = workOut(graph)));
  return facts;
}
