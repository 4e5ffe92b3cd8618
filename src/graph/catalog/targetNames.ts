/**
 * Each target's name for a layer, read from the catalog (`targets.keras.className`, `caffe.type`,
 * `pytorch.module`, `onnx.op`) so emitters and figure plotters write what the catalog says. Emitters call
 * these after their lowering table has refused what the target cannot express.
 */
import type { Params } from '../types.ts';
import { supportedEntry, targetEntry } from './lookups.ts';
import type { LayerType } from './registry.ts';

/** Class in `keras.layers`, e.g. Dense, LeakyReLU for an Activation with fn leaky_relu. */
export function kerasClass(type: LayerType, params?: Params): string {
  return supportedEntry(targetEntry(type, 'keras', params)).className;
}

/** Caffe layer `type`, e.g. InnerProduct, TanH for an Activation with fn tanh. */
export function caffeType(type: LayerType, params?: Params): string {
  return supportedEntry(targetEntry(type, 'caffe', params)).type;
}

/** `nn.` class, e.g. nn.Linear; throws for a layer the catalog writes as a tensor operation in forward. */
export function torchModule(type: LayerType, params?: Params): string {
  const { module } = supportedEntry(targetEntry(type, 'pytorch', params));
  if (!module) throw new Error(`the catalog gives ${type} no torch.nn module`);
  return `nn.${module}`;
}

/** ONNX operator type, e.g. Gemm, LeakyRelu for an Activation with fn leaky_relu. */
export function onnxOp(type: LayerType, params?: Params): string {
  return supportedEntry(targetEntry(type, 'onnx', params)).op;
}
