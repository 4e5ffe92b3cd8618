/**
 * The Caffe net as data, built once from the graph and written three ways: deploy.prototxt, the
 * pycaffe NetSpec script and the .caffemodel. Keeping one plan is what makes the three agree.
 */
import type { WeightTensor } from '../weights.ts';

/** A protobuf enum value: `MAX` in prototxt, `P.Pooling.MAX` in NetSpec. */
export class CaffeEnum {
  constructor(
    readonly value: string,
    /** The `caffe.params` class holding it, e.g. "Pooling". */
    readonly owner: string,
  ) {}
}

export type CaffeValue = number | boolean | CaffeEnum | readonly number[] | CaffeBlock;

/** A message in field order; a number list is a repeated field (`dim: 1 dim: 3`). */
export interface CaffeBlock {
  [field: string]: CaffeValue;
}

/** A blob as seen by a consumer: the blob name for prototxt, the producing layer for NetSpec. */
export interface BlobRef {
  layer: string;
  blob: string;
}

export interface CaffeLayerPlan {
  /** Layer name, and the NetSpec attribute (`net.<name>`); a Python and Caffe identifier. */
  name: string;
  type: string;
  bottoms: BlobRef[];
  /** Output blobs, usually one: the bottom's blob for in-place layers, none for Silence, two for Slice. */
  tops: string[];
  inPlace: boolean;
  /** e.g. "convolution_param"; absent when the layer has no params. */
  paramField?: string;
  params: CaffeBlock;
  /** Learned blobs in Caffe's order (weights, then bias). */
  blobs: WeightTensor[];
  /** Blobs hold fixed values (upsampling kernels) that training must not change: `param { lr_mult: 0 }`. */
  frozen?: boolean;
  /** A remark written above the layer: how it expresses the graph, or why its shape differs. */
  note?: string;
  /** True when Caffe's output shape differs from the graph's (the note says how). */
  differs?: boolean;
}

export interface CaffePlan {
  name: string;
  /** Seeds the random weights: the graph's name, as for the ONNX target, so equal tensors get equal values. */
  seed: string;
  layers: CaffeLayerPlan[];
}
