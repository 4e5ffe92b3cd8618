/** A whole graph as Keras nodes, named once for the Python file and the JSON alike. */
import { inferTensors, resolveParams, type Graph, type Shape } from '../../graph/index.ts';
import { inputCasts } from '../casts.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { graphFacts } from '../graphFacts.ts';
import { pythonLayerNames } from '../dataflow.ts';
import { toIdentifier } from '../naming.ts';
import { pyComment } from '../python.ts';
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
export function kerasLayerNames(graph: Graph, options: EmitOptions = {}): Map<string, string> {
  return pythonLayerNames(graphFacts(graph, options).identifiers, [
    'keras',
    'layers',
    'x',
    'model',
    'inputs',
    'outputs',
    builderName(graph),
    ...Object.keys(LOCAL_CLASSES),
  ]);
}

/** A CastElements node (see localClasses.ts): to ids below `vocab` when given, else to float32. */
function castNode(name: string, layerId: string, input: string, vocab: number | undefined): KerasNode {
  return {
    name,
    layerId,
    className: 'CastElements',
    local: true,
    args: [],
    kwargs: vocab === undefined ? {} : { to: 'int32', vocab },
    config: vocab === undefined ? { to: 'float32', vocab: null } : { to: 'int32', vocab },
    inputs: [input],
    call: 'single',
    comments: [pyComment(vocab === undefined ? 'token ids read as real values' : 'real values read as token ids')],
    jsonUnsupported: 'TensorFlow.js has no layer that casts between token ids and real values',
  };
}

/** Every Keras node of the graph, in order; `names` come from kerasLayerNames. */
export function kerasModel(graph: Graph, names: Map<string, string>, options: EmitOptions = {}): KerasModel {
  const { shapes, elementTypes } = inferTensors(graph, options.analysis);
  const taken = new Set<string>();
  for (const name of names.values()) taken.add(name.toLowerCase());
  const outputOf = new Map<string, string>();
  const inputs: KerasInput[] = [];
  const nodes: KerasNode[] = [];
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
    const casts = inputCasts(layer, elementTypes);
    const castNodes: KerasNode[] = [];
    const layerInputs = (layer.inputs ?? []).map((id, i) => {
      const to = casts[i];
      if (!to) return outputOf.get(id)!;
      const cast = castNode(nodeName(to === 'int' ? 'ids' : 'as_float'), layer.id, outputOf.get(id)!, to === 'int' ? (params.vocab as number) : undefined);
      castNodes.push(cast);
      return cast.name;
    });
    const layerNodesList = layerNodes({
      layer,
      params,
      inShapes: (layer.inputs ?? []).map((id) => shapes.get(id)!),
      outShape: shapes.get(layer.id)!,
      inputs: layerInputs,
      nodeName,
    });
    nodes.push(...castNodes, ...layerNodesList);
    outputOf.set(layer.id, layerNodesList[layerNodesList.length - 1]!.name);
  }
  return {
    inputs,
    nodes,
    outputOf,
    outputs: graphFacts(graph, options).outputs.map((layer) => layer.id),
    localClasses: [...new Set(nodes.filter((node) => node.local).map((node) => node.className))],
  };
}
