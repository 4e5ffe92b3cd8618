/**
 * The subset of BVLC caffe.proto that paper2net writes into `.caffemodel` files (and can read back):
 * NetParameter with V2 `layer` and V1 `layers`, LayerParameter with its common param blocks, and
 * BlobProto for weights. Field numbers follow caffe.proto exactly, so `caffe.Net(proto, weights)`
 * and `CopyTrainedLayersFrom` accept the files.
 */
import protobuf from 'protobufjs/light.js';
import { enumOf, message, opt, packed, rep } from './descriptor.ts';

/** V1 `layers { type: CONVOLUTION }` enum names and numbers (V1LayerParameter.LayerType). */
export const CAFFE_V1_LAYER_TYPES: Record<string, number> = {
  NONE: 0,
  ABSVAL: 35,
  ACCURACY: 1,
  ARGMAX: 30,
  BNLL: 2,
  CONCAT: 3,
  CONTRASTIVE_LOSS: 37,
  CONVOLUTION: 4,
  DATA: 5,
  DECONVOLUTION: 39,
  DROPOUT: 6,
  DUMMY_DATA: 32,
  EUCLIDEAN_LOSS: 7,
  ELTWISE: 25,
  EXP: 38,
  FLATTEN: 8,
  HDF5_DATA: 9,
  HDF5_OUTPUT: 10,
  HINGE_LOSS: 28,
  IM2COL: 11,
  IMAGE_DATA: 12,
  INFOGAIN_LOSS: 13,
  INNER_PRODUCT: 14,
  LRN: 15,
  MEMORY_DATA: 29,
  MULTINOMIAL_LOGISTIC_LOSS: 16,
  MVN: 34,
  POOLING: 17,
  POWER: 26,
  RELU: 18,
  SIGMOID: 19,
  SIGMOID_CROSS_ENTROPY_LOSS: 27,
  SILENCE: 36,
  SOFTMAX: 20,
  SOFTMAX_LOSS: 21,
  SPLIT: 22,
  SLICE: 33,
  TANH: 23,
  WINDOW_DATA: 24,
  THRESHOLD: 31,
};

const blobShape = message({ dim: packed(1, 'int64') });
const filler = message({ type: opt(1, 'string'), value: opt(2, 'float'), std: opt(6, 'float') });

export const caffeRoot: protobuf.Root = protobuf.Root.fromJSON({
  nested: {
    caffe: {
      nested: {
        BlobShape: blobShape,
        BlobProto: message({
          shape: opt(7, 'BlobShape'),
          data: packed(5, 'float'),
          diff: packed(6, 'float'),
          double_data: packed(8, 'double'),
          num: opt(1, 'int32'),
          channels: opt(2, 'int32'),
          height: opt(3, 'int32'),
          width: opt(4, 'int32'),
        }),
        FillerParameter: filler,
        NetParameter: message({
          name: opt(1, 'string'),
          input: rep(3, 'string'),
          input_shape: rep(8, 'BlobShape'),
          input_dim: rep(4, 'int32'),
          layer: rep(100, 'LayerParameter'),
          layers: rep(2, 'V1LayerParameter'),
        }),
        Phase: enumOf({ TRAIN: 0, TEST: 1 }),
        NetStateRule: message({ phase: opt(1, 'Phase') }),
        ParamSpec: message({ name: opt(1, 'string'), lr_mult: opt(3, 'float'), decay_mult: opt(4, 'float') }),
        LayerParameter: message({
          name: opt(1, 'string'),
          type: opt(2, 'string'),
          bottom: rep(3, 'string'),
          top: rep(4, 'string'),
          phase: opt(10, 'Phase'),
          param: rep(6, 'ParamSpec'),
          blobs: rep(7, 'BlobProto'),
          include: rep(8, 'NetStateRule'),
          exclude: rep(9, 'NetStateRule'),
          batch_norm_param: opt(139, 'BatchNormParameter'),
          concat_param: opt(104, 'ConcatParameter'),
          convolution_param: opt(106, 'ConvolutionParameter'),
          dropout_param: opt(108, 'DropoutParameter'),
          eltwise_param: opt(110, 'EltwiseParameter'),
          elu_param: opt(140, 'ELUParameter'),
          embed_param: opt(137, 'EmbedParameter'),
          flatten_param: opt(135, 'FlattenParameter'),
          inner_product_param: opt(117, 'InnerProductParameter'),
          input_param: opt(143, 'InputParameter'),
          lrn_param: opt(118, 'LRNParameter'),
          pooling_param: opt(121, 'PoolingParameter'),
          prelu_param: opt(131, 'PReLUParameter'),
          relu_param: opt(123, 'ReLUParameter'),
          reshape_param: opt(133, 'ReshapeParameter'),
          scale_param: opt(142, 'ScaleParameter'),
          softmax_param: opt(125, 'SoftmaxParameter'),
        }),
        V1LayerParameter: message(
          {
            bottom: rep(2, 'string'),
            top: rep(3, 'string'),
            name: opt(4, 'string'),
            type: opt(5, 'LayerType'),
            blobs: rep(6, 'BlobProto'),
          },
          { LayerType: enumOf(CAFFE_V1_LAYER_TYPES) },
        ),
        BatchNormParameter: message({
          use_global_stats: opt(1, 'bool'),
          moving_average_fraction: opt(2, 'float'),
          eps: opt(3, 'float'),
        }),
        ConcatParameter: message({ axis: opt(2, 'int32'), concat_dim: opt(1, 'uint32') }),
        ConvolutionParameter: message({
          num_output: opt(1, 'uint32'),
          bias_term: opt(2, 'bool'),
          pad: rep(3, 'uint32'),
          kernel_size: rep(4, 'uint32'),
          stride: rep(6, 'uint32'),
          dilation: rep(18, 'uint32'),
          pad_h: opt(9, 'uint32'),
          pad_w: opt(10, 'uint32'),
          kernel_h: opt(11, 'uint32'),
          kernel_w: opt(12, 'uint32'),
          stride_h: opt(13, 'uint32'),
          stride_w: opt(14, 'uint32'),
          group: opt(5, 'uint32'),
          weight_filler: opt(7, 'FillerParameter'),
          bias_filler: opt(8, 'FillerParameter'),
          axis: opt(16, 'int32'),
        }),
        DropoutParameter: message({ dropout_ratio: opt(1, 'float') }),
        EltwiseParameter: message({ operation: opt(1, 'EltwiseOp'), coeff: rep(2, 'float') }, { EltwiseOp: enumOf({ PROD: 0, SUM: 1, MAX: 2 }) }),
        ELUParameter: message({ alpha: opt(1, 'float') }),
        EmbedParameter: message({ num_output: opt(1, 'uint32'), input_dim: opt(2, 'uint32'), bias_term: opt(3, 'bool') }),
        FlattenParameter: message({ axis: opt(1, 'int32'), end_axis: opt(2, 'int32') }),
        InnerProductParameter: message({
          num_output: opt(1, 'uint32'),
          bias_term: opt(2, 'bool'),
          weight_filler: opt(3, 'FillerParameter'),
          bias_filler: opt(4, 'FillerParameter'),
          axis: opt(5, 'int32'),
          transpose: opt(6, 'bool'),
        }),
        InputParameter: message({ shape: rep(1, 'BlobShape') }),
        LRNParameter: message(
          {
            local_size: opt(1, 'uint32'),
            alpha: opt(2, 'float'),
            beta: opt(3, 'float'),
            norm_region: opt(4, 'NormRegion'),
            k: opt(5, 'float'),
          },
          { NormRegion: enumOf({ ACROSS_CHANNELS: 0, WITHIN_CHANNEL: 1 }) },
        ),
        PoolingParameter: message(
          {
            pool: opt(1, 'PoolMethod'),
            pad: opt(4, 'uint32'),
            pad_h: opt(9, 'uint32'),
            pad_w: opt(10, 'uint32'),
            kernel_size: opt(2, 'uint32'),
            kernel_h: opt(5, 'uint32'),
            kernel_w: opt(6, 'uint32'),
            stride: opt(3, 'uint32'),
            stride_h: opt(7, 'uint32'),
            stride_w: opt(8, 'uint32'),
            global_pooling: opt(12, 'bool'),
          },
          { PoolMethod: enumOf({ MAX: 0, AVE: 1, STOCHASTIC: 2 }) },
        ),
        PReLUParameter: message({ filler: opt(1, 'FillerParameter'), channel_shared: opt(2, 'bool') }),
        ReLUParameter: message({ negative_slope: opt(1, 'float') }),
        ReshapeParameter: message({ shape: opt(1, 'BlobShape'), axis: opt(2, 'int32'), num_axes: opt(3, 'int32') }),
        ScaleParameter: message({ axis: opt(1, 'int32'), num_axes: opt(2, 'int32'), bias_term: opt(4, 'bool') }),
        SoftmaxParameter: message({ axis: opt(2, 'int32') }),
      },
    },
  },
});

// Plain-object views, int64 as number.
export interface CaffeBlob {
  shape?: { dim: number[] };
  data?: number[] | Float32Array;
  num?: number;
  channels?: number;
  height?: number;
  width?: number;
}
export interface CaffeLayer {
  name: string;
  type: string;
  bottom?: string[];
  top?: string[];
  blobs?: CaffeBlob[];
  /** Any `<kind>_param` block above, e.g. `convolution_param: { num_output: 64 }`. */
  [param: `${string}_param`]: Record<string, unknown> | undefined;
}
export interface CaffeNet {
  name?: string;
  input?: string[];
  input_shape?: Array<{ dim: number[] }>;
  layer?: CaffeLayer[];
}

const NetParameter = caffeRoot.lookupType('caffe.NetParameter');

/** Encodes a net with weights as `.caffemodel` bytes. */
export function encodeCaffeNet(net: CaffeNet): Uint8Array {
  const problem = NetParameter.verify(net);
  if (problem) throw new Error(`Caffe net does not fit caffe.proto: ${problem}`);
  return NetParameter.encode(NetParameter.fromObject(net)).finish();
}

/** Decodes `.caffemodel` bytes (enums as their names, e.g. pool: "MAX"). */
export function decodeCaffeNet(bytes: Uint8Array): CaffeNet {
  const message = NetParameter.decode(bytes);
  return NetParameter.toObject(message, { longs: Number, enums: String, arrays: true }) as CaffeNet;
}
