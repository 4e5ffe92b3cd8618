/** Merges of several branches: Concat, Add, Multiply. */
import type { Shape } from '../../types.ts';
import { describe, sameShapes } from '../shape-rules.ts';
import { ShapeError, type LayerSpec } from '../spec.ts';

function concatShape(inputs: Shape[], axisParam: number): Shape {
  const rank = inputs[0]!.length;
  const axis = axisParam < 0 ? rank + axisParam : axisParam;
  if (axis < 0 || axis >= rank) throw new ShapeError(`Concat axis ${axisParam} is outside a rank-${rank} input`, 'axis');
  const out = [...inputs[0]!];
  for (const other of inputs.slice(1)) {
    const matches = other.length === rank && other.every((d, i) => i === axis || d === out[i]);
    if (!matches) {
      throw new ShapeError(
        `Concat on axis ${axisParam} needs inputs equal on the other axes, got ${inputs.map(describe).join(' and ')}`,
        undefined,
        'merge-mismatch',
      );
    }
    out[axis] = out[axis]! + other[axis]!;
  }
  return out;
}

export const concat: LayerSpec = {
  type: 'Concat',
  category: 'merge',
  doc: 'Join branches along an axis (channels by default)',
  aliases: [
    { text: 'concat' },
    { text: 'concatenate' },
    { text: 'concatenation' },
    { text: 'depthconcat' },
    { text: 'depth concat' },
    { text: 'filter concatenation' },
    { text: 'merge' },
    { text: 'copy and crop' },
  ],
  params: [{ name: 'axis', kind: 'int', default: -1, min: -8, max: 7, doc: 'Axis of the shape without batch; -1 = last (channels)' }],
  arity: { min: 2, max: 64 },
  outputShape: (inputs, params) => concatShape(inputs, params.axis as number),
  targets: {
    keras: { className: 'Concatenate' },
    caffe: { type: 'Concat' },
    pytorch: {},
    onnx: { op: 'Concat' },
  },
  traits: { reads: 'any' },
};

export const add: LayerSpec = {
  type: 'Add',
  category: 'merge',
  doc: 'Element-wise sum of branches (residual connection)',
  aliases: [
    { text: 'add' },
    { text: 'sum' },
    { text: 'eltwise sum' },
    { text: 'elementwise sum' },
    { text: 'residual' },
    { text: 'plus' },
    { text: '+' },
    { text: '⊕' },
  ],
  params: [],
  arity: { min: 2, max: 64 },
  outputShape: (inputs) => sameShapes(inputs, 'Add'),
  targets: {
    keras: { className: 'Add' },
    caffe: { type: 'Eltwise' },
    pytorch: {},
    onnx: { op: 'Add' },
  },
};

export const multiply: LayerSpec = {
  type: 'Multiply',
  category: 'merge',
  doc: 'Element-wise product of branches',
  aliases: [{ text: 'multiply' }, { text: 'mul' }, { text: 'product' }, { text: 'eltwise prod' }, { text: '⊗' }, { text: '×' }],
  params: [],
  arity: { min: 2, max: 64 },
  outputShape: (inputs) => sameShapes(inputs, 'Multiply'),
  targets: {
    keras: { className: 'Multiply' },
    caffe: { type: 'Eltwise' },
    pytorch: {},
    onnx: { op: 'Mul' },
  },
};
