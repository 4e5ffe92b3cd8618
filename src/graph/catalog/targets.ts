/**
 * How one layer type maps to each code-generation target. The emitters in src/codegen read these;
 * a target that cannot express a layer says why, so the emitter can report it instead of guessing.
 */
import type { ActivationName } from './spec.ts';

export interface Unsupported {
  /** Why the target cannot express this layer, e.g. "Caffe has no LayerNorm layer". */
  unsupported: string;
}

/**
 * A constructor's arguments in their positional order, each as [the framework's keyword, the catalog param it
 * sets ('' for one the graph does not keep, such as PyTorch's `in_channels`)]. Papers that write layers as calls
 * ("Conv1D(256, 7)", "nn.Conv2d(3, 32, kernel_size=5)") are read by these.
 */
export type ConstructorArgs = Array<[string, string]>;

export interface KerasTarget {
  /** Class in `keras.layers`. */
  className: string;
  args?: ConstructorArgs;
}

export interface CaffeTarget {
  /** Caffe layer `type`. */
  type: string;
}

export interface PytorchTarget {
  /** Class in `torch.nn`; absent when the layer is a tensor operation in `forward` only. */
  module?: string;
  args?: ConstructorArgs;
}

export interface OnnxTarget {
  /** ONNX operator type. */
  op: string;
}

export interface TargetEntries {
  keras: KerasTarget | Unsupported;
  caffe: CaffeTarget | Unsupported;
  pytorch: PytorchTarget | Unsupported;
  onnx: OnnxTarget | Unsupported;
}

export type TargetName = keyof TargetEntries;

export interface LayerTargets extends TargetEntries {
  /**
   * For a layer whose `fn` param picks the operation (Activation): the entries of each function, which
   * replace the ones above. Layers with a fused `activation` param read these too.
   */
  byFn?: Partial<Record<ActivationName, Partial<TargetEntries>>>;
}

export function isUnsupported(target: object): target is Unsupported {
  return 'unsupported' in target;
}
