/** Constant tensors and node attributes of an ONNX graph, decoded just enough to read shapes and small values, and the shape arithmetic done on them. */
import { OnnxAttributeType, OnnxDataType, type OnnxAttribute, type OnnxNode, type OnnxTensor } from '../proto/index.ts';

/** A tensor known at import time: its dims always, its values when small enough to matter (shapes, axes, scales). */
export interface ConstTensor {
  dims: number[];
  values?: number[];
}

const MAX_VALUES = 4096;

export function constOf(tensor: OnnxTensor): ConstTensor {
  const dims = tensor.dims ?? [];
  const count = dims.reduce((a, b) => a * b, 1);
  if (count > MAX_VALUES) return { dims };
  return { dims, values: tensorValues(tensor) };
}

function tensorValues(tensor: OnnxTensor): number[] | undefined {
  const typed = [tensor.float_data, tensor.int32_data, tensor.int64_data, tensor.double_data].find((a) => a && a.length);
  if (typed) return typed.map(Number);
  const raw = tensor.raw_data;
  if (!raw || raw.length === 0) return [];
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const read: Record<number, [number, (offset: number) => number]> = {
    [OnnxDataType.FLOAT]: [4, (o) => view.getFloat32(o, true)],
    [OnnxDataType.DOUBLE]: [8, (o) => view.getFloat64(o, true)],
    [OnnxDataType.INT32]: [4, (o) => view.getInt32(o, true)],
    [OnnxDataType.INT64]: [8, (o) => Number(view.getBigInt64(o, true))],
    [OnnxDataType.INT8]: [1, (o) => view.getInt8(o)],
    [OnnxDataType.UINT8]: [1, (o) => view.getUint8(o)],
    [OnnxDataType.BOOL]: [1, (o) => view.getUint8(o)],
  };
  const reader = read[tensor.data_type ?? 0];
  if (!reader) return undefined;
  const [size, get] = reader;
  const values: number[] = [];
  for (let o = 0; o + size <= raw.byteLength; o += size) values.push(get(o));
  return values;
}

export type AttributeValue = number | string | number[] | ConstTensor | undefined;

/** Attributes of a node by name, each decoded by its declared type (or by which field is set, for IR v1). */
export function attributesOf(node: OnnxNode): Map<string, AttributeValue> {
  const map = new Map<string, AttributeValue>();
  for (const attr of node.attribute ?? []) map.set(attr.name, attributeValue(attr));
  return map;
}

function attributeValue(attr: OnnxAttribute): AttributeValue {
  const decoder = new TextDecoder();
  switch (attr.type) {
    case OnnxAttributeType.FLOAT:
      return attr.f ?? 0;
    case OnnxAttributeType.INT:
      return attr.i ?? 0;
    case OnnxAttributeType.STRING:
      return decoder.decode(attr.s ?? new Uint8Array());
    case OnnxAttributeType.TENSOR:
      return attr.t ? constOf(attr.t) : undefined;
    case OnnxAttributeType.FLOATS:
      return attr.floats ?? [];
    case OnnxAttributeType.INTS:
      return attr.ints ?? [];
    default:
      if (attr.ints?.length) return attr.ints;
      if (attr.floats?.length) return attr.floats;
      if (attr.t) return constOf(attr.t);
      if (attr.s?.length) return decoder.decode(attr.s);
      return attr.i ?? attr.f;
  }
}

/** Shape arithmetic on constants: enough for weight stand-ins and PyTorch's flatten-by-Reshape pattern. */
export function evaluateConstant(op: string, inputs: ConstTensor[], attrs: Map<string, AttributeValue>): ConstTensor | undefined {
  const [first] = inputs;
  if (!first) return undefined;
  switch (op) {
    case 'ConstantOfShape': {
      if (!first.values?.every((d) => Number.isInteger(d) && d >= 0)) return undefined;
      const value = attrs.get('value');
      const fill = typeof value === 'object' && !Array.isArray(value) ? value.values?.[0] : 0;
      const count = first.values.reduce((a, b) => a * b, 1);
      return { dims: first.values, values: count <= 4096 ? new Array<number>(count).fill(fill ?? 0) : undefined };
    }
    case 'Identity':
    case 'Cast':
      return first;
    case 'Unsqueeze':
    case 'Squeeze': {
      const axes = (attrs.get('axes') as number[] | undefined) ?? inputs[1]?.values ?? [];
      let dims = [...first.dims];
      if (op === 'Unsqueeze') for (const a of [...axes].sort((x, y) => x - y)) dims.splice(a < 0 ? a + dims.length + 1 : a, 0, 1);
      else dims = axes.length ? dims.filter((_, i) => !axes.includes(i) && !axes.includes(i - dims.length)) : dims.filter((d) => d !== 1);
      return { dims, values: first.values };
    }
    case 'Gather': {
      const indices = inputs[1]?.values;
      if (!first.values || !indices || first.dims.length !== 1) return undefined;
      return { dims: inputs[1]!.dims, values: indices.map((i) => first.values![i < 0 ? i + first.values!.length : i]!) };
    }
    case 'Concat': {
      if (!inputs.every((t) => t.values && t.dims.length <= 1)) return undefined;
      const values = inputs.flatMap((t) => t.values!);
      return { dims: [values.length], values };
    }
    case 'Reshape':
      return inputs[1]?.values ? { dims: inputs[1].values, values: first.values } : undefined;
    default:
      return undefined;
  }
}
