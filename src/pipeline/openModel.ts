/** A model file → one graph: a paper2net graph JSON as is, anything else through the importers. */
import { GRAPH_FORMAT, parseGraphJson, type Graph } from '../graph/index.ts';
import { importModel } from '../importers/index.ts';

function isGraphJson(bytes: Uint8Array, fileName: string): string | undefined {
  if (!fileName.toLowerCase().endsWith('.json')) return undefined;
  const text = new TextDecoder().decode(bytes);
  return text.slice(0, 200).includes(GRAPH_FORMAT) || /"format"\s*:\s*"paper2net\.graph\/1"/.test(text) ? text : undefined;
}

export function openModelFile(bytes: Uint8Array, fileName: string): Graph {
  const graphText = isGraphJson(bytes, fileName);
  return graphText !== undefined ? parseGraphJson(graphText) : importModel(bytes, fileName);
}
