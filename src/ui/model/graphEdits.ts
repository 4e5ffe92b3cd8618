/**
 * The edits a person can make to a graph, as pure functions (graph in, new graph out) so undo/redo is
 * just keeping old values. Every function keeps `layers` in topological order.
 */
import type { Graph, Layer, ParamValue } from '../../graph/types.ts';

export class EditError extends Error {}

function findLayer(graph: Graph, id: string): Layer {
  const layer = graph.layers.find((l) => l.id === id);
  if (!layer) throw new EditError(`no layer "${id}" in ${graph.name}`);
  return layer;
}

function replaceLayer(graph: Graph, id: string, update: (layer: Layer) => Layer): Graph {
  findLayer(graph, id);
  return { ...graph, layers: graph.layers.map((l) => (l.id === id ? update(l) : l)) };
}

/**
 * Orders layers so every layer comes after its inputs, keeping the existing order where it is already
 * valid. Throws when the inputs form a cycle (a network cannot feed itself).
 */
export function topoSort(layers: Layer[]): Layer[] {
  const byId = new Map(layers.map((l) => [l.id, l]));
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const out: Layer[] = [];
  const visit = (layer: Layer): void => {
    if (placed.has(layer.id)) return;
    if (visiting.has(layer.id)) throw new EditError(`connecting here would make a cycle through "${layer.id}"`);
    visiting.add(layer.id);
    for (const input of layer.inputs ?? []) {
      const source = byId.get(input);
      if (source) visit(source);
    }
    visiting.delete(layer.id);
    placed.add(layer.id);
    out.push(layer);
  };
  layers.forEach(visit);
  return out;
}

/** Sets one param; `undefined` removes it so the catalog default applies. The person has now stated it, so it is no longer inferred. */
export function setParam(graph: Graph, id: string, name: string, value: ParamValue | undefined): Graph {
  return replaceLayer(graph, id, (layer) => {
    const params = { ...layer.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    const inferred = layer.inferred?.filter((p) => p !== name && p !== '*');
    return { ...layer, params, inferred: inferred?.length ? inferred : undefined };
  });
}

/** A fresh id like "conv2d_3" that no layer uses yet. */
export function freshId(graph: Graph, type: string): string {
  const base = type.toLowerCase();
  const taken = new Set(graph.layers.map((l) => l.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Adds a layer of `type` with default params, fed by `after` when given (placed right after it). With
 * `insert`, the layers `after` fed now read from the new layer instead: a Dropout dropped after a conv
 * goes into the chain rather than hanging off it.
 */
export function addLayer(graph: Graph, type: string, after?: string, insert = false): { graph: Graph; id: string } {
  const id = freshId(graph, type);
  const layer: Layer = { id, type, params: {} };
  if (after === undefined || type === 'Input') {
    const layers = type === 'Input' ? [layer, ...graph.layers] : [...graph.layers, layer];
    return { graph: { ...graph, layers }, id };
  }
  findLayer(graph, after);
  layer.inputs = [after];
  const at = graph.layers.findIndex((l) => l.id === after) + 1;
  const rest = graph.layers.slice(at).map((l) => (insert && l.inputs?.includes(after) ? { ...l, inputs: l.inputs.map((i) => (i === after ? id : i)) } : l));
  return { graph: { ...graph, layers: [...graph.layers.slice(0, at), layer, ...rest] }, id };
}

/**
 * Removes layers and the edges touching them. A removed layer with exactly one input is bridged: its
 * consumers are fed by that input instead, so deleting a Dropout from a chain keeps the chain whole.
 */
export function removeLayers(graph: Graph, ids: Iterable<string>): Graph {
  const removed = new Set(ids);
  const bridge = new Map<string, string[]>();
  for (const layer of graph.layers) {
    if (removed.has(layer.id)) bridge.set(layer.id, (layer.inputs ?? []).length === 1 ? layer.inputs! : []);
  }
  const resolve = (input: string, seen = new Set<string>()): string[] => {
    if (!removed.has(input)) return [input];
    if (seen.has(input)) return [];
    seen.add(input);
    return (bridge.get(input) ?? []).flatMap((i) => resolve(i, seen));
  };
  const layers = graph.layers
    .filter((l) => !removed.has(l.id))
    .map((l) => {
      if (!l.inputs?.some((i) => removed.has(i))) return l;
      const inputs = [...new Set(l.inputs.flatMap((i) => resolve(i)))];
      return { ...l, inputs };
    });
  return { ...graph, layers };
}

/**
 * Feeds `target` from `source`: appended as its last input, or — when `target` takes a single input —
 * replacing the one it had (rewiring, as dragging a new wire onto an occupied socket means).
 */
export function connect(graph: Graph, source: string, target: string, singleInput = false): Graph {
  if (source === target) throw new EditError(`"${source}" cannot feed itself`);
  findLayer(graph, source);
  const updated = replaceLayer(graph, target, (layer) =>
    layer.inputs?.includes(source) ? layer : { ...layer, inputs: singleInput ? [source] : [...(layer.inputs ?? []), source] },
  );
  return { ...updated, layers: topoSort(updated.layers) };
}

export function disconnect(graph: Graph, source: string, target: string): Graph {
  return replaceLayer(graph, target, (layer) => ({ ...layer, inputs: (layer.inputs ?? []).filter((i) => i !== source) }));
}

/** Renames a layer and every reference to it. */
export function renameLayer(graph: Graph, id: string, newId: string): Graph {
  const name = newId.trim();
  if (!name) throw new EditError(`layer "${id}" needs a non-empty name`);
  if (name !== id && graph.layers.some((l) => l.id === name)) throw new EditError(`a layer named "${name}" already exists`);
  findLayer(graph, id);
  return {
    ...graph,
    layers: graph.layers.map((l) => ({
      ...l,
      id: l.id === id ? name : l.id,
      inputs: l.inputs?.map((i) => (i === id ? name : i)),
    })),
  };
}
