/**
 * How generated Python code names things: layer identifiers that cannot shadow the emitter's own
 * names, and which layer outputs get a variable of their own in `forward` / the functional model.
 */
import type { Graph } from '../graph/index.ts';
import type { GraphFacts } from './graphFacts.ts';

/** Python built-ins a layer variable must not shadow (naming.ts already avoids keywords and the commonest ones). */
const BUILTINS =
  'abs all any bin callable chr compile dir divmod enumerate eval exec exit filter format getattr globals hasattr hash help hex ' +
  'iter locals map max min next open ord pow quit range repr reversed round setattr slice sorted sum vars zip __import__';

/**
 * The graph's layer identifiers (layerIdentifiers, via graphFacts) made to also avoid built-ins and names the
 * emitted code uses itself, such as `F` or `layers`.
 */
export function pythonLayerNames(identifiers: ReadonlyMap<string, string>, usedByEmitter: Iterable<string>): Map<string, string> {
  // Every identifier in lower case, gathered only when some identifier has to move off a reserved name.
  let taken: Set<string> | undefined;
  const reserved = new Set([...usedByEmitter, ...BUILTINS.split(' ')].map((name) => name.toLowerCase()));
  const names = new Map<string, string>();
  for (const [id, identifier] of identifiers) {
    let name = identifier;
    if (reserved.has(name.toLowerCase())) {
      if (!taken) {
        taken = new Set<string>();
        for (const other of identifiers.values()) taken.add(other.toLowerCase());
      }
      do name = `${name}_`;
      while (taken.has(name.toLowerCase()) || reserved.has(name.toLowerCase()));
      taken.add(name.toLowerCase());
    }
    names.set(id, name);
  }
  return names;
}

/**
 * The variable holding each layer's output. A layer read only by the very next layer shares the
 * running variable `x`, so chains read `x = conv(x)`; inputs, branch points and outputs keep their own name.
 */
export function valueNames(graph: Graph, names: ReadonlyMap<string, string>, facts: GraphFacts): Map<string, string> {
  const values = new Map<string, string>();
  graph.layers.forEach((layer, index) => {
    const readers = facts.readers.get(layer.id) ?? [];
    const next = graph.layers[index + 1];
    const chained = layer.type !== 'Input' && !facts.outputIds.has(layer.id) && readers.length === 1 && readers[0]!.id === next?.id;
    values.set(layer.id, chained ? 'x' : names.get(layer.id)!);
  });
  return values;
}

/** One line saying where a design came from, for a docstring or README. */
export function designOrigin(graph: Graph): string {
  const source = graph.source;
  if (!source) return `Design "${graph.name}".`;
  const where = [
    source.kind === 'import' ? 'imported' : `from a ${source.kind}`,
    source.file ? `file ${source.file}` : '',
    source.page !== undefined ? `page ${source.page}` : '',
  ].filter(Boolean);
  const caption = source.caption ? `: ${source.caption}` : '';
  return `Design "${graph.name}", ${where.join(', ')}${caption}.`;
}

/**
 * For each layer, the types of the layers reading it, looking through Dropouts (a reader that is a Dropout
 * is replaced by its own readers). One pass from the last layer back, no recursion: a chain of 100,000
 * Dropouts costs what 100,000 layers cost. The pass runs on the first lookup, so graphs whose lowerings
 * never ask pay nothing.
 */
export function consumerTypesThroughDropouts(graph: Graph, facts: GraphFacts): (layerId: string) => string[] {
  let types: Map<string, string[]> | undefined;
  return (layerId) => {
    types ??= allConsumerTypes(graph, facts);
    return types.get(layerId)!;
  };
}

function allConsumerTypes(graph: Graph, facts: GraphFacts): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (let i = graph.layers.length - 1; i >= 0; i--) {
    const { id } = graph.layers[i]!;
    const found: string[] = [];
    // A layer reading the same input twice counts once, as before.
    for (const reader of new Set(facts.readers.get(id) ?? [])) {
      if (reader.type !== 'Dropout') found.push(reader.type);
      else for (const behind of types.get(reader.id)!) found.push(behind);
    }
    types.set(id, found);
  }
  return types;
}
