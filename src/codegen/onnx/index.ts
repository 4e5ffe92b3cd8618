/**
 * ONNX target: a ModelProto (IR 8, opset 17) with NCHW image tensors, a symbolic batch axis "N" and
 * seeded random initializers (or, for designs too big to carry them, placeholder weights), ready for onnxruntime.
 */
import { getSpec, inferShapes, isUnsupported, outputLayers, resolveParams, type Graph } from '../../graph/index.ts';
import { encodeOnnxModel, onnxRoot, OnnxDataType, type OnnxGraph, type OnnxModel, type OnnxTensor, type OnnxValueInfo } from '../../proto/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { consumerTypesThroughDropouts } from '../dataflow.ts';
import { layerIdentifiers } from '../naming.ts';
import { join, lengthDelimited } from '../wire.ts';
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

export interface OnnxOptions {
  weights?: OnnxWeights;
}

export function emitOnnx(graph: Graph, options: OnnxOptions = {}): Uint8Array {
  const shapes = inferShapes(graph);
  const names = layerIdentifiers(graph);
  // onnxruntime removes Dropouts at load time, so what follows them is what its fusions see.
  const consumerTypesByLayer = consumerTypesThroughDropouts(graph);
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
    const lowering = ONNX_LOWERINGS[layer.type];
    if (!lowering) {
      const target = getSpec(layer.type)!.targets.onnx;
      throw new UnsupportedLayerError('onnx', layer.id, layer.type, isUnsupported(target) ? target.unsupported : `no ONNX lowering for ${layer.type}`);
    }
    const firstNode = builder.nodes.length;
    const tmp = (suffix: string) => builder.unique(`${name}/${suffix}`);
    // Only Embedding reads token ids as ids; any other layer fed by an int32 Input reads them as numbers.
    const layerInputs = (layer.inputs ?? []).map((id) => {
      const tensor = tensors.get(id)!;
      if (!tensor.integer || layer.type === 'Embedding') return tensor;
      return { name: builder.node('Cast', [tensor.name], tmp('as_float'), { to: OnnxDataType.FLOAT }), shape: tensor.shape };
    });
    let output: string;
    try {
      const consumerTypes = consumerTypesByLayer.get(layer.id)!;
      output = lowering({ layer, params, name, inputs: layerInputs, target: shape, builder, tmp, consumerTypes });
    } catch (error) {
      if (error instanceof WeightBudgetError) throw new UnsupportedLayerError('onnx', layer.id, layer.type, error.message);
      throw error;
    }
    tensors.set(layer.id, { name: builder.rename(output, name, firstNode), shape });
  }

  // Graph outputs must be written by nodes and distinct: an output that is an input or another output gets an Identity.
  const outputs: OnnxValueInfo[] = [];
  const produced = new Set(builder.nodes.flatMap((node) => node.output ?? []));
  for (const layer of outputLayers(graph)) {
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
    return type.encode(type.fromObject(value)).finish();
  };
  const tensors = initializers.flatMap(({ raw_data: raw, ...rest }) =>
    lengthDelimited(GRAPH_INITIALIZER, [encode(TensorProto, rest), ...(raw ? lengthDelimited(TENSOR_RAW_DATA, [raw]) : [])]),
  );
  return join([encodeOnnxModel(model), ...lengthDelimited(MODEL_GRAPH, [encode(GraphProto, graph), ...tensors])]);
}
