/** Reading and writing `paper2net.graph/1` JSON, with a version check and a structural check. */
import { GRAPH_FORMAT, type Graph } from './types.ts';

export class GraphFormatError extends Error {
  override name = 'GraphFormatError';
}

function fail(message: string): never {
  throw new GraphFormatError(message);
}

/** A message on one line of at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Parses graph JSON; throws GraphFormatError naming what is wrong (not the layer semantics: see validateGraph). */
export function parseGraphJson(text: string): Graph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the fault, newlines and all: the message is kept to one short line.
    fail(`not JSON: ${oneLine((error as Error).message)}`);
  }
  return checkGraphStructure(data);
}

export function checkGraphStructure(data: unknown): Graph {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('a graph must be a JSON object');
  const graph = data as Record<string, unknown>;
  if (graph.format !== GRAPH_FORMAT) {
    fail(`unsupported format ${JSON.stringify(graph.format)}; expected "${GRAPH_FORMAT}"`);
  }
  if (typeof graph.name !== 'string') fail('graph "name" must be a string');
  if (!Array.isArray(graph.layers)) fail('graph "layers" must be an array');
  graph.layers.forEach((layer: unknown, index: number) => {
    if (typeof layer !== 'object' || layer === null) fail(`layers[${index}] must be an object`);
    const l = layer as Record<string, unknown>;
    if (typeof l.id !== 'string') fail(`layers[${index}].id must be a string`);
    if (typeof l.type !== 'string') fail(`layer "${l.id}": type must be a string`);
    if (l.inputs !== undefined && (!Array.isArray(l.inputs) || l.inputs.some((i) => typeof i !== 'string'))) {
      fail(`layer "${l.id}": inputs must be a list of layer ids`);
    }
    if (l.params !== undefined && (typeof l.params !== 'object' || l.params === null || Array.isArray(l.params))) {
      fail(`layer "${l.id}": params must be an object`);
    }
  });
  return withoutLegacyTypes(data as Graph);
}

/**
 * Graphs saved before recurrent layers carried their direction as a flag held a `Bidirectional` layer wrapping a
 * `cell`: read as that cell, flagged bidirectional, so designs kept in a library or shared as links still open.
 */
function withoutLegacyTypes(graph: Graph): Graph {
  if (!graph.layers.some((layer) => layer.type === 'Bidirectional')) return graph;
  const layers = graph.layers.map((layer) => {
    if (layer.type !== 'Bidirectional') return layer;
    const { cell, ...params } = layer.params ?? {};
    return { ...layer, type: typeof cell === 'string' ? cell : 'LSTM', params: { ...params, bidirectional: true } };
  });
  return { ...graph, layers };
}

/** Stable, readable JSON: two-space indent, short number lists kept on one line. */
export function serializeGraph(graph: Graph): string {
  const text = JSON.stringify(graph, null, 2);
  return text.replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
}
