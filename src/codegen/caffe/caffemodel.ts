/**
 * The plan's learned blobs as a binary .caffemodel: a NetParameter holding layer names, types and
 * blobs, which is all `caffe.Net(prototxt, weights)` and OpenCV read from it.
 */
import { floatBytes, makeWeights, type WeightTensor } from '../weights.ts';
import { join, lengthDelimited, packedVarints, stringField, type Chunks } from '../wire.ts';
import type { CaffePlan } from './plan.ts';

// Field numbers from caffe.proto.
const NET_NAME = 1;
const NET_LAYER = 100;
const LAYER_NAME = 1;
const LAYER_TYPE = 2;
const LAYER_BLOBS = 7;
const BLOB_DATA = 5;
const BLOB_SHAPE = 7;
const SHAPE_DIM = 1;

function blob(tensor: WeightTensor, seed: string): Chunks {
  return [...lengthDelimited(BLOB_SHAPE, packedVarints(SHAPE_DIM, tensor.shape)), ...lengthDelimited(BLOB_DATA, [floatBytes(makeWeights(tensor, seed))])];
}

export function writeCaffemodel(plan: CaffePlan): Uint8Array {
  const layers = plan.layers
    .filter((layer) => layer.blobs.length > 0)
    .flatMap((layer) =>
      lengthDelimited(NET_LAYER, [
        ...stringField(LAYER_NAME, layer.name),
        ...stringField(LAYER_TYPE, layer.type),
        ...layer.blobs.flatMap((tensor) => lengthDelimited(LAYER_BLOBS, blob(tensor, plan.seed))),
      ]),
    );
  return join([...stringField(NET_NAME, plan.name), ...layers]);
}
