/**
 * ONNX target: a ModelProto (IR 8, opset 17) with NCHW image tensors, a symbolic batch axis "N" and
 * seeded random initializers (or, for designs too big to carry them, placeholder weights), ready for onnxruntime.
 */
import { inferTensors, isLayerType, isUnsupported, resolveParams, type Graph, type LoweredLayerType } from '../../graph/index.ts';
import { inputCasts } from '../casts.ts';
import { encodeOnnxModel, onnxRoot, OnnxDataType, type OnnxGraph, type OnnxModel, type OnnxTensor, type OnnxValueInfo } from '../../proto/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { consumerTypesThroughDropouts } from '../dataflow.ts';
import type { EmitOptions } from '../emitOptions.ts';
import { graphFacts } from '../graphFacts.ts';
import { join, lengthDelimited, type Chunks } from '../wire.ts';
import { OnnxGraphBuilder, WeightBudgetError, type OnnxWeights } from './builder.ts';

export type { OnnxWeights } from './builder.ts';
import { ONNX_LOWERINGS, type Tensor } from './layers.ts';
import { storedDims } from './layout.ts';

export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;

function valueInfo(name: string, shape: number[], elemType: number): OnnxValueInfo {
  return {
    name,
    type: { tensor_type: { elem_type: elemType, shape: { dim: [{ dim_param: 'N' }, ...storedDims(shape).map((d) => ({ dim_value: d }))] } } },
  };
}

export interface OnnxOptions extends EmitOptions {
  weights?: OnnxWeights;
}

export function emitOnnx(graph: Graph, options: OnnxOptions = {}): Uint8Array {
  const { shapes, elementTypes } = inferTensors(graph, options.analysis);
  const facts = graphFacts(graph, options);
  const names = facts.identifiers;
  // onnxruntime removes Dropouts at load time, so what follows them is what its fusions see.
  const consumerTypesOf = consumerTypesThroughDropouts(graph, facts);
  const builder = new OnnxGraphBuilder(graph.name, options.weights);
  const tensors = new Map<string, Tensor>();
  const inputs: OnnxValueInfo[] = [];

  for (const layer of graph.layers) {
    const name = names.get(layer.id)!;
    const params = resolveParams(layer);
    const shape = shapes.get(layer.id)!;
    if (layer.type === 'Input') {
      const integer = params.dtype === 'int32';
      inputs.push(valueInfo(name, shape, integer ? OnnxDataType.INT32 : OnnxDataType.FLOAT));
      tensors.set(layer.id, { name, shape, integer });
      continue;
    }
    const lowering = isLayerType(layer.type) ? ONNX_LOWERINGS[layer.type as LoweredLayerType] : undefined;
    if (!lowering) throw new UnsupportedLayerError('onnx', layer.id, layer.type, `no ONNX lowering for ${layer.type}`);
    if (isUnsupported(lowering)) throw new UnsupportedLayerError('onnx', layer.id, layer.type, lowering.unsupported);
    const firstNode = builder.nodes.length;
    const tmp = (suffix: string) => builder.unique(`${name}/${suffix}`);
    const casts = inputCasts(layer, elementTypes);
    const layerInputs = (layer.inputs ?? []).map((id, i): Tensor => {
      const tensor = tensors.get(id)!;
      if (casts[i] === 'float') return { name: builder.node('Cast', [tensor.name], tmp('as_float'), { to: OnnxDataType.FLOAT }), shape: tensor.shape };
      if (casts[i] === 'int') {
        // Real values truncated to ids below the vocabulary.
        const clipped = builder.node('Clip', [tensor.name, builder.floats([0], []), builder.floats([(params.vocab as number) - 1], [])], tmp('clip'));
        return { name: builder.node('Cast', [clipped], tmp('ids'), { to: OnnxDataType.INT64 }), shape: tensor.shape, integer: true };
      }
      return tensor;
    });
    let output: string;
    try {
      const consumerTypes = () => consumerTypesOf(layer.id);
      output = lowering({ layer, params, name, inputs: layerInputs, target: shape, builder, tmp, consumerTypes });
    } catch (error) {
      if (error instanceof WeightBudgetError) throw new UnsupportedLayerError('onnx', layer.id, layer.type, error.message);
      throw error;
    }
    tensors.set(layer.id, { name: builder.rename(output, name, firstNode), shape, integer: elementTypes.get(layer.id) === 'int' });
  }

  // Graph outputs must be written by nodes and distinct: an output that is an input or another output gets an Identity.
  const outputs: OnnxValueInfo[] = [];
  const produced = new Set(builder.nodes.flatMap((node) => node.output ?? []));
  for (const layer of facts.outputs) {
    const tensor = tensors.get(layer.id)!;
    const elemType = tensor.integer ? OnnxDataType.INT32 : OnnxDataType.FLOAT;
    let outputName = tensor.name;
    if (!produced.has(outputName) || outputs.some((info) => info.name === outputName)) {
      outputName = builder.node('Identity', [tensor.name], builder.unique(`${names.get(layer.id)!}/output`));
    }
    outputs.push(valueInfo(outputName, tensor.shape, elemType));
  }

  return encodeModel(
    {
      ir_version: ONNX_IR_VERSION,
      opset_import: [{ domain: '', version: ONNX_OPSET }],
      producer_name: 'paper2net',
      producer_version: '0.1.0',
    },
    { name: graph.name, node: builder.nodes, input: inputs, output: outputs },
    builder.initializers,
  );
}

// Field numbers from onnx.proto.
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;

/**
 * protobufjs writes everything but the initializers' raw_data, which is appended by hand: a field
 * may come anywhere in its message, and this avoids protobufjs' slow byte-by-byte copy.
 */
function encodeModel(model: OnnxModel, graph: OnnxGraph, initializers: OnnxTensor[]): Uint8Array {
  const GraphProto = onnxRoot.lookupType('onnx.GraphProto');
  const TensorProto = onnxRoot.lookupType('onnx.TensorProto');
  const encode = (type: typeof GraphProto, value: object): Uint8Array => {
    const problem = type.verify(value);
    if (problem) throw new Error(`ONNX ${type.name} does not fit onnx.proto: ${problem}`);
    // Verified plain objects encode as they are: fromObject would copy 100,000 nodes first.
    return type.encode(value).finish();
  };
  const graphChunks: Chunks = [encode(GraphProto, graph)];
  for (const { raw_data: raw, ...rest } of initializers) {
    for (const chunk of lengthDelimited(GRAPH_INITIALIZER, [encode(TensorProto, rest), ...(raw ? lengthDelimited(TENSOR_RAW_DATA, [raw]) : [])]))
      graphChunks.push(chunk);
  }
  return join([encodeOnnxModel(model), ...lengthDelimited(MODEL_GRAPH, graphChunks)]);
}
