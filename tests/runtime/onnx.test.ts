/** The ONNX emitter, checked by onnx.checker and by running every model in onnxruntime-web. */
import { describe, expect, it } from 'vitest';
import { emitOnnx } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, type Graph, type Shape } from '../../src/graph/index.ts';
import { decodeOnnxModel } from '../../src/proto/index.ts';
import { hostileGraph } from '../support/hostile-graphs.ts';
import * as graphs from '../support/reference-graphs.ts';
import { checkOnnxModel, runOnnx } from '../support/onnx-runtime.ts';

/** The graph's channels-last shape as ONNX stores it: NCHW for images, batch first. */
function nchw(batch: number, shape: Shape): number[] {
  return shape.length === 3 ? [batch, shape[2]!, shape[0]!, shape[1]!] : [batch, ...shape];
}

const cases: Array<[string, () => Graph]> = [
  ['LeNet', graphs.mnistLenet],
  ['AlexNet (groups 2, LRN)', () => graphs.alexnet(1024)],
  ['VGG-16', () => graphs.vgg16(32, 10, 512)],
  ['ResNet blocks (Add, BatchNorm, projection shortcut)', () => graphs.resnetBlocks('same')],
  ['Inception block (Concat of four branches)', () => graphs.inception3a('same')],
  ['MobileNet piece (depthwise, ZeroPadding2D)', graphs.mobilenetZeroPadded],
  ['U-Net piece (Conv2DTranspose, UpSampling2D, skip Concat)', graphs.unetInterpolated],
  ['text model (Embedding, Conv1D, LSTM, attention, bidirectional GRU)', graphs.textModel],
  ['text CNN (MaxPool1D, GlobalMaxPool1D)', graphs.textCnn],
  ['1-D average pooling (strided "same" AvgPool1D, GlobalAvgPool1D)', graphs.averagePooling1dNet],
  ['padded 1-D pools (explicit pads, count_include_pad)', graphs.paddedPooling1d],
  ['odds and ends (Reshape, Permute, Multiply, PReLU, GELU, ceil pooling)', graphs.oddsAndEnds],
  ['Caffe odds and ends (per-step Dense, softmax on a sequence, BatchNorm on a vector)', graphs.caffeOddsAndEnds],
  ['convolution variety (non-square, dilation, groups, depth multiplier, transposed, W-axis Concat)', graphs.convolutionVariety],
  ['hostile layer ids', hostileGraph],
];

describe('ONNX emitter', () => {
  it.each(cases)('%s passes onnx.checker and runs in onnxruntime with the inferred output shapes', async (_label, build) => {
    const graph = build();
    const bytes = emitOnnx(graph);
    expect(checkOnnxModel(bytes)).toBe('');
    const shapes = inferShapes(graph);
    const outputs = await runOnnx(bytes, { batch: 2, maxTokenId: 999 });
    expect(outputs.map((output) => output.dims)).toEqual(outputLayers(graph).map((layer) => nchw(2, shapes.get(layer.id)!)));
    for (const output of outputs) expect(output.data.every((value) => Number.isFinite(value))).toBe(true);
  });

  it('writes IR 8, opset 17, producer paper2net, NCHW input with a symbolic batch', () => {
    const model = decodeOnnxModel(emitOnnx(graphs.mnistLenet()));
    expect(model.ir_version).toBe(8);
    expect(model.opset_import!.map((o) => [o.domain ?? '', o.version])).toEqual([['', 17]]);
    expect(model.producer_name).toBe('paper2net');
    const input = model.graph!.input![0]!;
    expect(input.name).toBe('data');
    expect(input.type!.tensor_type!.shape!.dim).toEqual([{ dim_param: 'N' }, { dim_value: 1 }, { dim_value: 28 }, { dim_value: 28 }]);
  });

  it('is deterministic: the same graph gives the same bytes, and weights are seeded per tensor', () => {
    const first = emitOnnx(graphs.resnetBlocks('same'));
    expect(Buffer.compare(emitOnnx(graphs.resnetBlocks('same')), first)).toBe(0);
    const weights = decodeOnnxModel(first).graph!.initializer!.filter((t) => t.name!.endsWith('.weight'));
    const [a, b] = [weights[0]!.raw_data!, weights[1]!.raw_data!];
    expect(Buffer.from(a.slice(0, 64)).equals(Buffer.from(b.slice(0, 64)))).toBe(false);
  });

  it('pads Keras "same" asymmetrically, as Keras does: odd total padding goes at the bottom and right', () => {
    const model = decodeOnnxModel(emitOnnx(graphs.resnetBlocks('same')));
    const strided = model.graph!.node!.find((node) => node.name === 'res3a_conv1')!;
    expect(strided.attribute!.find((a) => a.name === 'pads')!.ints).toEqual([0, 0, 1, 1]);
  });

  it('names each layer output after the layer and keeps hostile ids out of tensor names', () => {
    const model = decodeOnnxModel(emitOnnx(hostileGraph()));
    const names = [...model.graph!.node!.flatMap((n) => [...n.input!, ...n.output!]), ...model.graph!.initializer!.map((t) => t.name!)];
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_./]*$/);
    expect(model.graph!.input![0]!.name).toBe('input_');
  });
});
