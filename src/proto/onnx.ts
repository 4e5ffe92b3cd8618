/**
 * The subset of onnx.proto (onnx/onnx, IR version ≤ 10) that paper2net reads and writes: models,
 * graphs, nodes, attributes, tensors and value infos. Field numbers follow onnx.proto exactly, so
 * files written here load in onnxruntime and `onnx.load`.
 */
import protobuf from 'protobufjs/light.js';
import { enumOf, message, opt, packed, rep } from './descriptor.ts';

export const onnxRoot: protobuf.Root = protobuf.Root.fromJSON({
  nested: {
    onnx: {
      nested: {
        ModelProto: message({
          ir_version: opt(1, 'int64'),
          opset_import: rep(8, 'OperatorSetIdProto'),
          producer_name: opt(2, 'string'),
          producer_version: opt(3, 'string'),
          domain: opt(4, 'string'),
          model_version: opt(5, 'int64'),
          doc_string: opt(6, 'string'),
          graph: opt(7, 'GraphProto'),
          metadata_props: rep(14, 'StringStringEntryProto'),
        }),
        OperatorSetIdProto: message({ domain: opt(1, 'string'), version: opt(2, 'int64') }),
        StringStringEntryProto: message({ key: opt(1, 'string'), value: opt(2, 'string') }),
        GraphProto: message({
          node: rep(1, 'NodeProto'),
          name: opt(2, 'string'),
          initializer: rep(5, 'TensorProto'),
          doc_string: opt(10, 'string'),
          input: rep(11, 'ValueInfoProto'),
          output: rep(12, 'ValueInfoProto'),
          value_info: rep(13, 'ValueInfoProto'),
        }),
        NodeProto: message({
          input: rep(1, 'string'),
          output: rep(2, 'string'),
          name: opt(3, 'string'),
          op_type: opt(4, 'string'),
          domain: opt(7, 'string'),
          attribute: rep(5, 'AttributeProto'),
          doc_string: opt(6, 'string'),
        }),
        AttributeProto: message(
          {
            name: opt(1, 'string'),
            doc_string: opt(13, 'string'),
            type: opt(20, 'AttributeType'),
            f: opt(2, 'float'),
            i: opt(3, 'int64'),
            s: opt(4, 'bytes'),
            t: opt(5, 'TensorProto'),
            g: opt(6, 'GraphProto'),
            floats: rep(7, 'float'),
            ints: rep(8, 'int64'),
            strings: rep(9, 'bytes'),
            tensors: rep(10, 'TensorProto'),
            graphs: rep(11, 'GraphProto'),
          },
          {
            AttributeType: enumOf({
              UNDEFINED: 0,
              FLOAT: 1,
              INT: 2,
              STRING: 3,
              TENSOR: 4,
              GRAPH: 5,
              SPARSE_TENSOR: 11,
              TYPE_PROTO: 13,
              FLOATS: 6,
              INTS: 7,
              STRINGS: 8,
              TENSORS: 9,
              GRAPHS: 10,
              SPARSE_TENSORS: 12,
              TYPE_PROTOS: 14,
            }),
          },
        ),
        ValueInfoProto: message({ name: opt(1, 'string'), type: opt(2, 'TypeProto'), doc_string: opt(3, 'string') }),
        TypeProto: message(
          { tensor_type: opt(1, 'Tensor'), denotation: opt(6, 'string') },
          { Tensor: message({ elem_type: opt(1, 'int32'), shape: opt(2, 'TensorShapeProto') }) },
        ),
        TensorShapeProto: message(
          { dim: rep(1, 'Dimension') },
          { Dimension: message({ dim_value: opt(1, 'int64'), dim_param: opt(2, 'string'), denotation: opt(3, 'string') }) },
        ),
        TensorProto: message({
          dims: rep(1, 'int64'),
          data_type: opt(2, 'int32'),
          float_data: packed(4, 'float'),
          int32_data: packed(5, 'int32'),
          string_data: rep(6, 'bytes'),
          int64_data: packed(7, 'int64'),
          name: opt(8, 'string'),
          doc_string: opt(12, 'string'),
          raw_data: opt(9, 'bytes'),
          double_data: packed(10, 'double'),
          uint64_data: packed(11, 'uint64'),
        }),
      },
    },
  },
});

/** TensorProto.DataType values used by paper2net. */
export const OnnxDataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10, DOUBLE: 11 } as const;

/** AttributeProto.AttributeType values. */
export const OnnxAttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

// Plain-object views of the messages, int64 as number (decode converts; encode accepts numbers).
export interface OnnxTensor {
  name?: string;
  dims?: number[];
  data_type?: number;
  float_data?: number[];
  int32_data?: number[];
  int64_data?: number[];
  double_data?: number[];
  raw_data?: Uint8Array;
  doc_string?: string;
}
export interface OnnxAttribute {
  name: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: OnnxTensor;
  g?: OnnxGraph;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
  tensors?: OnnxTensor[];
}
export interface OnnxNode {
  input?: string[];
  output?: string[];
  name?: string;
  op_type: string;
  domain?: string;
  attribute?: OnnxAttribute[];
  doc_string?: string;
}
export interface OnnxDimension {
  dim_value?: number;
  dim_param?: string;
}
export interface OnnxValueInfo {
  name: string;
  type?: { tensor_type?: { elem_type?: number; shape?: { dim?: OnnxDimension[] } }; denotation?: string };
  doc_string?: string;
}
export interface OnnxGraph {
  name?: string;
  node?: OnnxNode[];
  initializer?: OnnxTensor[];
  input?: OnnxValueInfo[];
  output?: OnnxValueInfo[];
  value_info?: OnnxValueInfo[];
  doc_string?: string;
}
export interface OnnxModel {
  ir_version?: number;
  opset_import?: Array<{ domain?: string; version?: number }>;
  producer_name?: string;
  producer_version?: string;
  domain?: string;
  model_version?: number;
  doc_string?: string;
  graph?: OnnxGraph;
  metadata_props?: Array<{ key?: string; value?: string }>;
}

const ModelProto = onnxRoot.lookupType('onnx.ModelProto');

/** Decodes `.onnx` bytes; throws protobufjs' error (with byte offset) on malformed input. */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModel {
  const message = ModelProto.decode(bytes);
  return ModelProto.toObject(message, { longs: Number, arrays: true, defaults: false }) as OnnxModel;
}

export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`ONNX model does not fit onnx.proto: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
