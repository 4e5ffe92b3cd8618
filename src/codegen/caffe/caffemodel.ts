/**
 * The plan's learned blobs as a binary .caffemodel (a NetParameter holding layer names, types and
 * blobs). Weights are written straight into the protobuf as packed floats: the big fully connected
 * layers hold millions of values, too many to pass through protobufjs objects.
 */
import protobuf from 'protobufjs/light.js';
import { floatBytes, makeWeights, type WeightTensor } from '../weights.ts';
import type { CaffePlan } from './plan.ts';

const WIRE_BYTES = 2;

// Field numbers from caffe.proto.
const NET_NAME = 1;
const NET_LAYER = 100;
const LAYER_NAME = 1;
const LAYER_TYPE = 2;
const LAYER_BLOBS = 7;
const BLOB_DATA = 5;
const BLOB_SHAPE = 7;
const SHAPE_DIM = 1;

function tag(writer: protobuf.Writer, field: number, wire: number): protobuf.Writer {
  return writer.uint32((field << 3) | wire);
}

function blobBytes(tensor: WeightTensor, seed: string): Uint8Array {
  const shape = protobuf.Writer.create();
  tag(shape, SHAPE_DIM, WIRE_BYTES).fork();
  for (const dim of tensor.shape) shape.int64(dim);
  shape.ldelim();
  const blob = protobuf.Writer.create();
  tag(blob, BLOB_SHAPE, WIRE_BYTES).bytes(shape.finish());
  tag(blob, BLOB_DATA, WIRE_BYTES).bytes(floatBytes(makeWeights(tensor, seed)));
  return blob.finish();
}

export function writeCaffemodel(plan: CaffePlan): Uint8Array {
  const net = protobuf.Writer.create();
  tag(net, NET_NAME, WIRE_BYTES).string(plan.name);
  for (const layer of plan.layers) {
    if (layer.blobs.length === 0) continue;
    const body = protobuf.Writer.create();
    tag(body, LAYER_NAME, WIRE_BYTES).string(layer.name);
    tag(body, LAYER_TYPE, WIRE_BYTES).string(layer.type);
    for (const blob of layer.blobs) tag(body, LAYER_BLOBS, WIRE_BYTES).bytes(blobBytes(blob, plan.seed));
    tag(net, NET_LAYER, WIRE_BYTES).bytes(body.finish());
  }
  return net.finish();
}
