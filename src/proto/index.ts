/** Protobuf schemas (protobufjs reflection) for the binary model formats paper2net reads and writes. */
export { onnxRoot, decodeOnnxModel, encodeOnnxModel, OnnxDataType, OnnxAttributeType } from './onnx.ts';
export type { OnnxModel, OnnxGraph, OnnxNode, OnnxAttribute, OnnxTensor, OnnxValueInfo, OnnxDimension } from './onnx.ts';
export { caffeRoot, encodeCaffeNet, decodeCaffeNet, CAFFE_V1_LAYER_TYPES } from './caffe.ts';
export type { CaffeNet, CaffeLayer, CaffeBlob } from './caffe.ts';
