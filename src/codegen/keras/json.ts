/**
 * The `model.to_json()` document of the Keras functional model, in the Keras 2.x layout that
 * TensorFlow.js' `tf.models.modelFromJSON` reads (and Keras' `model_from_json`).
 */
import type { Graph } from '../../graph/index.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { toIdentifier } from '../naming.ts';
import { kerasLayerNames, kerasModel } from './model.ts';
import type { JsonValue } from './node.ts';

const KERAS_VERSION = '2.15.0';

function inbound(name: string): JsonValue {
  return [name, 0, 0, {}];
}

/** The JSON text; throws UnsupportedLayerError for a layer TensorFlow.js cannot load. */
export function emitKerasJson(graph: Graph, options: EmitOptions = {}): string {
  const model = kerasModel(graph, kerasLayerNames(graph, options), options);
  const layers: JsonValue[] = model.inputs.map((input) => ({
    class_name: 'InputLayer',
    config: { batch_input_shape: [null, ...input.shape], dtype: input.dtype, sparse: false, ragged: false, name: input.name },
    name: input.name,
    inbound_nodes: [],
  }));
  for (const node of model.nodes) {
    if (node.jsonUnsupported) {
      const layer = graph.layers.find((l) => l.id === node.layerId)!;
      throw new UnsupportedLayerError('keras', layer.id, layer.type, node.jsonUnsupported);
    }
    // Self-attention reads its one input as both query and value.
    const sources = node.call === 'positional' && node.inputs.length === 1 ? [node.inputs[0]!, node.inputs[0]!] : node.inputs;
    layers.push({
      class_name: node.className,
      config: { name: node.name, trainable: true, dtype: 'float32', ...node.config },
      name: node.name,
      inbound_nodes: [sources.map(inbound)],
    });
  }
  const document = {
    class_name: 'Functional',
    config: {
      name: toIdentifier(graph.name),
      layers,
      input_layers: model.inputs.map((input) => [input.name, 0, 0]),
      output_layers: model.outputs.map((id) => [model.outputOf.get(id)!, 0, 0]),
    },
    keras_version: KERAS_VERSION,
    backend: 'tensorflow',
  };
  return JSON.stringify(document);
}
