/** A whole graph as Keras nodes, named once for the Python file and the JSON alike. */
import { inferShapes, resolveParams, type Graph, type Shape } from '../../graph/index.ts';
import { pythonLayerNames } from '../dataflow.ts';
import { toIdentifier } from '../naming.ts';
import { layerNodes } from './layers.ts';
import { LOCAL_CLASSES } from './localClasses.ts';
import type { KerasNode } from './node.ts';

export interface KerasInput {
  name: string;
  layerId: string;
  shape: Shape;
  dtype: 'float32' | 'int32';
}

export interface KerasModel {
  inputs: KerasInput[];
  nodes: KerasNode[];
  /** Node name producing each graph layer's output. */
  outputOf: Map<string, string>;
  /** Graph layers whose output nobody reads, in graph order. */
  outputs: string[];
  /** Classes the Python file defines itself (see localClasses.ts), in order of first use. */
  localClasses: string[];
}

/** The Python function that builds the model, e.g. `build_vgg_16`. */
export function builderName(graph: Graph): string {
  return `build_${toIdentifier(graph.name).toLowerCase()}`;
}

/** Layer names for Keras, shared by the Python file and the JSON so both name layers alike. */
export function kerasLayerNames(graph: Graph): Map<string, string> {
  return pythonLayerNames(graph, ['keras', 'layers', 'x', 'model', 'inputs', 'outputs', builderName(graph), ...Object.keys(LOCAL_CLASSES)]);
}

/** Every Keras node of the graph, in order; `names` come from kerasLayerNames. */
export function kerasModel(graph: Graph, names: Map<string, string>): KerasModel {
  const shapes = inferShapes(graph);
  const taken = new Set([...names.values()].map((name) => name.toLowerCase()));
  const outputOf = new Map<string, string>();
  const inputs: KerasInput[] = [];
  const nodes: KerasNode[] = [];
  const consumed = new Set(graph.layers.flatMap((layer) => layer.inputs ?? []));
  for (const layer of graph.layers) {
    const name = names.get(layer.id)!;
    const params = resolveParams(layer);
    if (layer.type === 'Input') {
      inputs.push({ name, layerId: layer.id, shape: shapes.get(layer.id)!, dtype: params.dtype as 'float32' | 'int32' });
      outputOf.set(layer.id, name);
      continue;
    }
    const nodeName = (suffix?: string): string => {
      if (!suffix) return name;
      let candidate = `${name}_${suffix}`;
      for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${suffix}_${n}`;
      taken.add(candidate.toLowerCase());
      return candidate;
    };
    const layerNodesList = layerNodes({
      layer,
      params,
      inShapes: (layer.inputs ?? []).map((id) => shapes.get(id)!),
      outShape: shapes.get(layer.id)!,
      inputs: (layer.inputs ?? []).map((id) => outputOf.get(id)!),
      nodeName,
    });
    nodes.push(...layerNodesList);
    outputOf.set(layer.id, layerNodesList[layerNodesList.length - 1]!.name);
  }
  return {
    inputs,
    nodes,
    outputOf,
    outputs: graph.layers.filter((layer) => !consumed.has(layer.id)).map((layer) => layer.id),
    localClasses: [...new Set(nodes.filter((node) => node.local).map((node) => node.className))],
  };
}
