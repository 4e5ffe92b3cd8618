/**
 * The plan's learned blobs as a binary .caffemodel: a NetParameter holding layer names, types and
 * blobs, which is all `caffe.Net(prototxt, weights)` and OpenCV read from it. Sizes are worked out
 * first and the file written into one buffer: 100,000 layers' small pieces cost no garbage.
 */
import { elementCount, makeWeights, type WeightTensor } from '../weights.ts';
import { delimitedSize, utf8Size, varintSize, WireWriter } from '../wire.ts';
import type { CaffeLayerPlan, CaffePlan } from './plan.ts';

// Field numbers from caffe.proto.
const NET_NAME = 1;
const NET_LAYER = 100;
const LAYER_NAME = 1;
const LAYER_TYPE = 2;
const LAYER_BLOBS = 7;
const BLOB_DATA = 5;
const BLOB_SHAPE = 7;
const SHAPE_DIM = 1;

function dimsSize(tensor: WeightTensor): number {
  let bytes = 0;
  for (const dim of tensor.shape) bytes += varintSize(dim);
  return bytes;
}

function shapeSize(tensor: WeightTensor): number {
  return delimitedSize(SHAPE_DIM, dimsSize(tensor));
}

function blobSize(tensor: WeightTensor): number {
  return delimitedSize(BLOB_SHAPE, shapeSize(tensor)) + delimitedSize(BLOB_DATA, elementCount(tensor.shape) * 4);
}

function layerSize(layer: CaffeLayerPlan): number {
  let bytes = delimitedSize(LAYER_NAME, utf8Size(layer.name)) + delimitedSize(LAYER_TYPE, utf8Size(layer.type));
  for (const tensor of layer.blobs) bytes += delimitedSize(LAYER_BLOBS, blobSize(tensor));
  return bytes;
}

export function writeCaffemodel(plan: CaffePlan): Uint8Array {
  const layers = plan.layers.filter((layer) => layer.blobs.length > 0);
  const sizes = layers.map(layerSize);
  let total = delimitedSize(NET_NAME, utf8Size(plan.name));
  for (const bytes of sizes) total += delimitedSize(NET_LAYER, bytes);
  const out = new WireWriter(total).string(NET_NAME, plan.name);
  layers.forEach((layer, i) => {
    out.delimited(NET_LAYER, sizes[i]!).string(LAYER_NAME, layer.name).string(LAYER_TYPE, layer.type);
    for (const tensor of layer.blobs) {
      out.delimited(LAYER_BLOBS, blobSize(tensor));
      out.delimited(BLOB_SHAPE, shapeSize(tensor)).packedVarints(SHAPE_DIM, tensor.shape, dimsSize(tensor));
      out.floats(BLOB_DATA, makeWeights(tensor, plan.seed));
    }
  });
  return out.finish();
}
