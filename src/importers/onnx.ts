/**
 * ONNX model (binary protobuf) → paper2net graph. NCHW tensors become channels-last shapes. Weights are
 * only read for their shapes: from initializers, Constant nodes, or the ConstantOfShape stand-ins of
 * the ONNX "light" test models; nodes on constants only are evaluated, not imported. Per-channel
 * Mul/Add after a BatchNormalization (Caffe2's Scale) and an Add of a bias after MatMul are folded into
 * the layer they follow; layout-only nodes (NHWC and time-major transposes, recurrent-output squeezes)
 * are followed, not imported (onnx-layouts.ts).
 */
import type { Graph, Params } from '../graph/index.ts';
import { decodeOnnxModel, type OnnxModel, type OnnxNode, type OnnxValueInfo } from '../proto/index.ts';
import { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';
import { attributesOf, constOf, evaluateConstant, type AttributeValue, type ConstTensor } from './onnx-values.ts';
import { moveLayout, TO_CHANNELS_FIRST, type Layout } from './onnx-layouts.ts';
import { evenPadding, type EvenPadding, type Window } from './padding.ts';

/** What a tensor name stands for: a graph layer's output stored in some layout, or a constant. */
type Computed = { layer: string; layout?: Layout; directions?: number };
type Value = Computed | { constant: ConstTensor };

/** Ops that read a tensor in a layout other than the standard one. */
const READS_LAYOUT: Partial<Record<Layout, string[]>> = {
  nhwc: ['Reshape', 'Flatten', 'Transpose', 'LayerNormalization'],
  'time-major': ['Transpose', 'LSTM', 'GRU', 'RNN'],
};
const RECURRENT: Record<string, { cell: string; gates: number }> = {
  LSTM: { cell: 'LSTM', gates: 4 },
  GRU: { cell: 'GRU', gates: 3 },
  RNN: { cell: 'SimpleRNN', gates: 1 },
};

interface NodeContext {
  node: OnnxNode;
  op: string;
  id: string;
  position: ImportPosition;
  attrs: Map<string, AttributeValue>;
  opset: number;
}

export function importOnnx(bytes: Uint8Array, fileName?: string): Graph {
  let model: OnnxModel;
  try {
    model = decodeOnnxModel(bytes);
  } catch (error) {
    throw new ImportError('onnx', `not a valid ONNX protobuf: ${(error as Error).message}`);
  }
  const graph = model.graph;
  if (!graph || !graph.node?.length) throw new ImportError('onnx', 'the model has no graph nodes');
  const opset = model.opset_import?.find((o) => !o.domain || o.domain === 'ai.onnx')?.version ?? 9;
  return new OnnxImporter(opset).run(model, fileName);
}

const ACTIVATIONS: Record<string, string> = {
  Relu: 'relu',
  Sigmoid: 'sigmoid',
  Tanh: 'tanh',
  Elu: 'elu',
  LeakyRelu: 'leaky_relu',
  PRelu: 'prelu',
  Gelu: 'gelu',
  Softmax: 'softmax',
};
const PASS_THROUGH = new Set(['Identity', 'Cast']);

class OnnxImporter {
  private readonly b = new GraphBuilder('onnx');
  private readonly values = new Map<string, Value>();
  /** Layers that can absorb a following constant Mul/Add (BatchNorm, MatMul-made Dense), with the ops absorbed. */
  private readonly folded = new Map<string, Set<string>>();
  /** Tensor name → the nodes that read it. */
  private readonly consumers = new Map<string, OnnxNode[]>();

  constructor(private readonly opset: number) {}

  run(model: OnnxModel, fileName: string | undefined): Graph {
    const graph = model.graph!;
    for (const node of graph.node!) {
      for (const input of node.input ?? []) this.consumers.set(input, [...(this.consumers.get(input) ?? []), node]);
    }
    for (const tensor of graph.initializer ?? []) this.values.set(tensor.name ?? '', { constant: constOf(tensor) });
    (graph.input ?? []).forEach((info, i) => {
      if (!this.values.has(info.name)) this.addInput(info, i);
    });
    graph.node!.forEach((node, index) => {
      const op = node.op_type;
      const id = this.b.uniqueId(node.name || node.output?.[0] || `${op}_${index}`);
      this.convert({ node, op, id, position: { index, name: node.name || node.output?.[0] }, attrs: attributesOf(node), opset: this.opset });
    });
    const outputs = (graph.output ?? []).map((o) => this.values.get(o.name));
    if (!outputs.some((v) => v && 'layer' in v)) throw new ImportError('onnx', 'no graph output is computed by the imported layers');
    return this.b.build(graph.name || baseName(fileName), fileName);
  }

  private addInput(info: OnnxValueInfo, index: number): void {
    const tensorType = info.type?.tensor_type;
    const dims = (tensorType?.shape?.dim ?? []).map((d) => d.dim_value ?? 0);
    const position = { index, name: info.name };
    if (dims.length < 2)
      throw new ImportError('onnx', `graph input "${info.name}" needs a batch axis and at least one more, got ${JSON.stringify(dims)}`, position);
    const rest = dims.slice(1);
    if (rest.some((d) => d <= 0)) throw new ImportError('onnx', `graph input "${info.name}" has unknown sizes ${JSON.stringify(rest)}`, position);
    // [N, C, L] when a 1-D convolution reads it; otherwise a batch-major sequence [N, T, F].
    const channelsFirst1d = rest.length === 2 && (this.consumers.get(info.name) ?? []).some((n) => n.op_type === 'Conv');
    const shape = rest.length === 3 ? [rest[1]!, rest[2]!, rest[0]!] : channelsFirst1d ? [rest[1]!, rest[0]!] : rest;
    const intIds = tensorType?.elem_type === 6 || tensorType?.elem_type === 7;
    const id = this.b.add({ id: info.name, type: 'Input', params: { shape, ...(intIds ? { dtype: 'int32' } : {}) } }, { name: info.name });
    this.values.set(info.name, { layer: id });
  }

  private fail(ctx: NodeContext, problem: string): never {
    throw new ImportError('onnx', `${ctx.op}: ${problem}`, ctx.position);
  }

  private value(ctx: NodeContext, i: number): Value {
    const name = ctx.node.input?.[i];
    if (name === undefined || name === '') this.fail(ctx, `input ${i} is missing`);
    const value = this.values.get(name);
    if (!value) this.fail(ctx, `input "${name}" is not produced by any earlier node, initializer or graph input`);
    return value;
  }

  private hasInput(ctx: NodeContext, i: number): boolean {
    const name = ctx.node.input?.[i];
    return name !== undefined && name !== '';
  }

  private computed(ctx: NodeContext, i: number): Computed {
    const value = this.value(ctx, i);
    if ('constant' in value) this.fail(ctx, `input ${i} ("${ctx.node.input![i]}") is a constant, expected a computed tensor`);
    return value;
  }

  /** A computed input in the standard layout (or one this op reads). */
  private layerInput(ctx: NodeContext, i: number): string {
    const value = this.computed(ctx, i);
    const layout = value.layout ?? 'standard';
    if (layout !== 'standard' && !READS_LAYOUT[layout]?.includes(ctx.op)) {
      this.fail(ctx, `input "${ctx.node.input![i]}" is stored ${layout}; ${ctx.op} on it is not supported`);
    }
    return value.layer;
  }

  private constInput(ctx: NodeContext, i: number): ConstTensor {
    const value = this.value(ctx, i);
    if (!('constant' in value)) this.fail(ctx, `input ${i} ("${ctx.node.input![i]}") must be a constant (weights or shape)`);
    return value.constant;
  }

  private setOutput(ctx: NodeContext, value: Value): void {
    const out = ctx.node.output?.[0];
    if (out) this.values.set(out, value);
  }

  private add(ctx: NodeContext, type: string, inputs: string[], params: Params = {}): void {
    const id = this.b.add({ id: ctx.id, type, inputs, params }, ctx.position);
    this.setOutput(ctx, { layer: id });
  }

  private ints(ctx: NodeContext, name: string): number[] | undefined {
    const v = ctx.attrs.get(name);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) this.fail(ctx, `attribute ${name} should be a list of ints`);
    return v;
  }

  private num(ctx: NodeContext, name: string, fallback: number): number {
    const v = ctx.attrs.get(name);
    return typeof v === 'number' ? v : fallback;
  }

  private convert(ctx: NodeContext): void {
    const { op } = ctx;
    if (this.foldConstants(ctx) || this.moveData(ctx)) return;
    if (op in ACTIVATIONS) return this.activation(ctx);
    switch (op) {
      case 'Conv':
        return this.conv(ctx);
      case 'ConvTranspose':
        return this.convTranspose(ctx);
      case 'Gemm':
        return this.gemm(ctx);
      case 'MatMul':
        return this.matmul(ctx);
      case 'MaxPool':
      case 'AveragePool':
        return this.pool(ctx);
      case 'GlobalAveragePool':
      case 'GlobalMaxPool':
        return this.globalPool(ctx);
      case 'BatchNormalization':
        return this.add(ctx, 'BatchNorm', [this.layerInput(ctx, 0)], { epsilon: this.num(ctx, 'epsilon', 1e-5), momentum: this.num(ctx, 'momentum', 0.9) });
      case 'LRN':
        return this.add(ctx, 'LRN', [this.layerInput(ctx, 0)], {
          size: this.num(ctx, 'size', 5),
          alpha: this.num(ctx, 'alpha', 1e-4),
          beta: this.num(ctx, 'beta', 0.75),
          k: this.num(ctx, 'bias', 1),
        });
      case 'Dropout': {
        const ratioInput = this.hasInput(ctx, 1) ? this.constInput(ctx, 1).values?.[0] : undefined;
        return this.add(ctx, 'Dropout', [this.layerInput(ctx, 0)], { rate: ratioInput ?? this.num(ctx, 'ratio', 0.5) });
      }
      case 'Flatten':
        return this.flatten(ctx, this.layerInput(ctx, 0));
      case 'Reshape':
        return this.reshape(ctx);
      case 'Transpose':
        return this.fail(ctx, `permutation ${JSON.stringify(this.ints(ctx, 'perm'))} is not supported`);
      case 'LSTM':
      case 'GRU':
      case 'RNN':
        return this.recurrent(ctx);
      case 'LayerNormalization':
        return this.layerNorm(ctx);
      case 'Resize':
      case 'Upsample':
        return this.resize(ctx);
      case 'Gather':
        return this.gather(ctx);
      case 'Slice':
        return this.slice(ctx);
      case 'Squeeze':
      case 'Unsqueeze':
        return this.squeeze(ctx);
      case 'Concat':
        return this.concat(ctx);
      case 'Add':
      case 'Sum':
      case 'Mul':
        return this.elementwise(ctx);
      case 'Clip':
        return this.clip(ctx);
      case 'Pad':
        return this.pad(ctx);
      default:
        if (PASS_THROUGH.has(op)) return this.setOutput(ctx, this.value(ctx, 0));
        this.fail(ctx, `operator "${op}" is not supported`);
    }
  }

  /** Nodes that only compute constants (shapes, weight stand-ins) are evaluated, not imported. */
  private foldConstants(ctx: NodeContext): boolean {
    const { node, op } = ctx;
    if (op === 'Constant') {
      const v = ctx.attrs.get('value');
      if (typeof v !== 'object' || Array.isArray(v)) this.fail(ctx, 'Constant without a tensor value');
      this.setOutput(ctx, { constant: v });
      return true;
    }
    const inputs = (node.input ?? []).filter((n) => n !== '').map((n) => this.values.get(n));
    if (op === 'Shape' && inputs[0] && 'layer' in inputs[0]) {
      const shape = this.b.shapeOf(inputs[0].layer);
      const nchw = shape.length === 3 ? [1, shape[2]!, shape[0]!, shape[1]!] : [1, ...shape];
      this.setOutput(ctx, { constant: { dims: [nchw.length], values: nchw } });
      return true;
    }
    if (inputs.length === 0 || !inputs.every((v) => v && 'constant' in v)) return false;
    const consts = inputs.map((v) => (v as { constant: ConstTensor }).constant);
    const result = evaluateConstant(op, consts, ctx.attrs);
    if (!result) this.fail(ctx, 'cannot evaluate this operator on constant inputs');
    this.setOutput(ctx, { constant: result });
    return true;
  }

  private activation(ctx: NodeContext): void {
    const fn = ACTIVATIONS[ctx.op]!;
    const params: Params = { fn };
    if (fn === 'leaky_relu') params.alpha = this.num(ctx, 'alpha', 0.01);
    if (fn === 'elu') params.alpha = this.num(ctx, 'alpha', 1);
    const input = this.layerInput(ctx, 0);
    if (fn === 'softmax') {
      const rank = this.b.shapeOf(input).length;
      const axis = this.num(ctx, 'axis', ctx.opset >= 13 ? -1 : 1);
      if (axis !== -1 && axis !== 1 && !(axis === rank)) this.b.warn(`Softmax "${ctx.id}" over ONNX axis ${axis} imported as a softmax over channels`);
    }
    this.add(ctx, 'Activation', [input], params);
  }

  /** ONNX pads are [h_begin, w_begin, h_end, w_end]; uneven ones are rewritten when an even equivalent exists. */
  private padding(ctx: NodeContext, input: string, window: Window): EvenPadding {
    const auto = ctx.attrs.get('auto_pad');
    if (auto === 'SAME_UPPER' || auto === 'SAME_LOWER') return { padding: 'same' };
    const pads = this.ints(ctx, 'pads') ?? [0, 0, 0, 0];
    if (pads.length !== 4) this.fail(ctx, `pads ${JSON.stringify(pads)}: only 2-D windows are supported`);
    const [t, l, b, r] = pads as [number, number, number, number];
    const [height, width] = this.b.shapeOf(input);
    const even = evenPadding([height!, width!], [t, l], [b, r], window);
    if (!even) this.fail(ctx, `uneven pads ${JSON.stringify(pads)} on a ${height}x${width} input have no symmetric equivalent`);
    return even;
  }

  private pair(ctx: NodeContext, name: string, fallback: [number, number]): [number, number] {
    const v = this.ints(ctx, name);
    if (!v) return fallback;
    if (v.length !== 2) this.fail(ctx, `${name} ${JSON.stringify(v)}: only 2-D windows are supported`);
    return [v[0]!, v[1]!];
  }

  private conv(ctx: NodeContext): void {
    const weight = this.constInput(ctx, 1).dims;
    const input = this.b.spatial(this.layerInput(ctx, 0), ctx.position);
    const bias: Params = this.hasInput(ctx, 2) ? {} : { use_bias: false };
    const group = this.num(ctx, 'group', 1);
    const filters = weight[0]!;
    if (weight.length === 3) {
      const [k] = this.ints(ctx, 'kernel_shape') ?? [weight[2]!];
      const pads = this.ints(ctx, 'pads') ?? [0, 0];
      if (pads[0] !== pads[1]) this.fail(ctx, `asymmetric pads ${JSON.stringify(pads)} are not supported`);
      const auto = ctx.attrs.get('auto_pad');
      const padding = auto === 'SAME_UPPER' || auto === 'SAME_LOWER' ? 'same' : pads[0] ? pads[0] : 'valid';
      return this.add(ctx, 'Conv1D', [input], {
        filters,
        kernel: k!,
        stride: this.ints(ctx, 'strides')?.[0] ?? 1,
        padding,
        dilation: this.ints(ctx, 'dilations')?.[0] ?? 1,
        groups: group,
        ...bias,
      });
    }
    if (weight.length !== 4) this.fail(ctx, `weight of rank ${weight.length}: only 1-D and 2-D convolutions are supported`);
    const kernel = this.pair(ctx, 'kernel_shape', [weight[2]!, weight[3]!]);
    const stride = this.pair(ctx, 'strides', [1, 1]);
    const dilation = this.pair(ctx, 'dilations', [1, 1]);
    const { padding } = this.padding(ctx, input, { kernel, stride, dilation, pool: false });
    const channels = this.b.shapeOf(input).at(-1)!;
    const plainDilation = dilation[0] === 1 && dilation[1] === 1;
    if (group > 1 && group === channels && filters % channels === 0 && plainDilation) {
      return this.add(ctx, 'DepthwiseConv2D', [input], { kernel, stride, padding, depth_multiplier: filters / channels, ...bias });
    }
    const params: Params = { filters, kernel, stride, padding };
    if (!plainDilation) params.dilation = dilation;
    if (group !== 1) params.groups = group;
    this.add(ctx, 'Conv2D', [input], { ...params, ...bias });
  }

  private convTranspose(ctx: NodeContext): void {
    const weight = this.constInput(ctx, 1).dims;
    if (weight.length !== 4) this.fail(ctx, 'only 2-D transposed convolutions are supported');
    const group = this.num(ctx, 'group', 1);
    if (group !== 1) this.fail(ctx, `group ${group} is not supported`);
    const input = this.b.spatial(this.layerInput(ctx, 0), ctx.position);
    const pads = this.ints(ctx, 'pads') ?? [0, 0, 0, 0];
    if (pads.length !== 4 || pads[0] !== pads[2] || pads[1] !== pads[3]) this.fail(ctx, `pads ${JSON.stringify(pads)} are not symmetric`);
    const params: Params = {
      filters: weight[1]! * group,
      kernel: this.pair(ctx, 'kernel_shape', [weight[2]!, weight[3]!]),
      stride: this.pair(ctx, 'strides', [1, 1]),
      padding: ctx.attrs.get('auto_pad') === 'SAME_UPPER' ? 'same' : pads[0] || pads[1] ? [pads[0]!, pads[1]!] : 'valid',
    };
    if (!this.hasInput(ctx, 2)) params.use_bias = false;
    this.add(ctx, 'Conv2DTranspose', [input], params);
  }

  private gemm(ctx: NodeContext): void {
    const weight = this.constInput(ctx, 1).dims;
    if (this.num(ctx, 'transA', 0) !== 0) this.fail(ctx, 'transA = 1 is not supported');
    const units = this.num(ctx, 'transB', 0) ? weight[0]! : weight[1]!;
    if (this.num(ctx, 'alpha', 1) !== 1 || this.num(ctx, 'beta', 1) !== 1) this.b.warn(`Gemm "${ctx.id}": alpha/beta scaling ignored`);
    const input = this.b.vector(this.layerInput(ctx, 0), ctx.position);
    this.add(ctx, 'Dense', [input], { units, ...(this.hasInput(ctx, 2) ? {} : { use_bias: false }) });
  }

  /** MatMul by a [K, N] weight is a bias-less Dense; a following Add of a bias is folded into it. */
  private matmul(ctx: NodeContext): void {
    const weight = this.constInput(ctx, 1).dims;
    if (weight.length !== 2) this.fail(ctx, `MatMul by a rank-${weight.length} constant is not supported`);
    this.add(ctx, 'Dense', [this.layerInput(ctx, 0)], { units: weight[1]!, use_bias: false });
    this.folded.set(this.b.layers.at(-1)!.id, new Set());
  }

  private pool(ctx: NodeContext): void {
    const kernelShape = this.ints(ctx, 'kernel_shape');
    if (!kernelShape) this.fail(ctx, 'kernel_shape is missing');
    if (kernelShape.length === 1) return this.pool1d(ctx, kernelShape[0]!);
    const pool = this.pair(ctx, 'kernel_shape', [1, 1]);
    const stride = this.pair(ctx, 'strides', [1, 1]);
    const input = this.layerInput(ctx, 0);
    if (this.coversWholeInput(ctx, input, pool)) {
      return this.add(ctx, ctx.op === 'MaxPool' ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D', [input]);
    }
    const { padding, ceil } = this.padding(ctx, input, { kernel: pool, stride, dilation: [1, 1], pool: true });
    const params: Params = { pool, stride, padding };
    if (ceil || this.num(ctx, 'ceil_mode', 0)) params.ceil_mode = true;
    this.add(ctx, ctx.op === 'MaxPool' ? 'MaxPool2D' : 'AvgPool2D', [input], params);
  }

  /** A 1-D pool reads [N, C, L] as a Conv1D writes it: the steps of the graph's [T, F] sequence. */
  private pool1d(ctx: NodeContext, pool: number): void {
    const input = this.layerInput(ctx, 0);
    if (this.b.shapeOf(input).length !== 2) this.fail(ctx, `a 1-D window needs a sequence input, got ${JSON.stringify(this.b.shapeOf(input))}`);
    if (this.num(ctx, 'ceil_mode', 0)) this.fail(ctx, 'ceil_mode on a 1-D pool is not supported');
    const [begin, end] = this.ints(ctx, 'pads') ?? [0, 0];
    if (begin !== end) this.fail(ctx, `asymmetric pads ${JSON.stringify([begin, end])} are not supported`);
    const auto = ctx.attrs.get('auto_pad');
    const padding = auto === 'SAME_UPPER' || auto === 'SAME_LOWER' ? 'same' : begin ? begin : 'valid';
    const average = ctx.op === 'AveragePool';
    if (average && typeof padding === 'number' && this.num(ctx, 'count_include_pad', 0) === 0) {
      this.b.warn(`AveragePool "${ctx.id}": padding left out of the average (count_include_pad = 0) is imported as counted zeros`);
    }
    this.add(ctx, average ? 'AvgPool1D' : 'MaxPool1D', [input], { pool, stride: this.ints(ctx, 'strides')?.[0] ?? 1, padding });
  }

  /** GlobalMaxPool / GlobalAveragePool over an image's H and W, or over the steps of a sequence that a Conv1D wrote [N, C, L]. */
  private globalPool(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    const sequence = this.b.shapeOf(input).length === 2;
    const type = ctx.op === 'GlobalMaxPool' ? (sequence ? 'GlobalMaxPool1D' : 'GlobalMaxPool2D') : sequence ? 'GlobalAvgPool1D' : 'GlobalAvgPool2D';
    this.add(ctx, type, [input]);
  }

  /**
   * A pool whose single window spans the whole input, padding excluded from averages (ONNX's default
   * count_include_pad = 0), is a global pool; Caffe2 exports GoogLeNet's last pool that way, unevenly padded.
   */
  private coversWholeInput(ctx: NodeContext, input: string, pool: [number, number]): boolean {
    const shape = this.b.shapeOf(input);
    if (shape.length !== 3 || this.num(ctx, 'count_include_pad', 0) !== 0) return false;
    const [t, l, b, r] = this.ints(ctx, 'pads') ?? [0, 0, 0, 0];
    const [h, w] = shape as [number, number, number];
    const oneWindow = (size: number, k: number, before: number, after: number) => size + before + after === k && before < k && after < k && size <= k;
    const padded = (t ?? 0) + (l ?? 0) + (b ?? 0) + (r ?? 0) > 0;
    return padded && oneWindow(h, pool[0], t ?? 0, b ?? 0) && oneWindow(w, pool[1], l ?? 0, r ?? 0);
  }

  private flatten(ctx: NodeContext, input: string): void {
    if (this.num(ctx, 'axis', 1) !== 1) this.fail(ctx, `axis ${this.num(ctx, 'axis', 1)} is not supported (only 1)`);
    if (this.b.shapeOf(input).length === 1) return this.setOutput(ctx, { layer: input });
    this.add(ctx, 'Flatten', [input]);
  }

  /**
   * Reshape to [N, K] is a Flatten. Other targets are read in the input's stored order: an NHWC
   * input, or a 4-D target turned NCHW by the Transpose that follows, is already channels-last.
   */
  private reshape(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    const target = this.reshapeTarget(ctx);
    if (!target) this.fail(ctx, 'the target shape is not a known constant');
    if (target.length === 2) return this.flatten(ctx, input);
    const shape = this.b.shapeOf(input);
    const nhwc = this.computed(ctx, 0).layout === 'nhwc';
    const stored = shape.length === 3 && !nhwc ? [1, shape[2]!, shape[0]!, shape[1]!] : [1, ...shape];
    const dims = target.map((d, i) => (d === 0 ? stored[i]! : d)).slice(1);
    const readers = this.consumers.get(ctx.node.output?.[0] ?? '') ?? [];
    const toFirst = (n: OnnxNode) => n.op_type === 'Transpose' && String(attributesOf(n).get('perm')) === String(TO_CHANNELS_FIRST);
    const channelsLast = dims.length === 3 && readers.length > 0 && readers.every(toFirst);
    const graphShape = dims.length === 3 && !channelsLast ? [dims[1]!, dims[2]!, dims[0]!] : dims;
    const id = this.b.add({ id: ctx.id, type: 'Reshape', inputs: [input], params: { shape: graphShape } }, ctx.position);
    this.setOutput(ctx, channelsLast ? { layer: id, layout: 'nhwc' } : { layer: id });
  }

  private reshapeTarget(ctx: NodeContext): number[] | undefined {
    return this.hasInput(ctx, 1) ? this.constInput(ctx, 1).values : this.ints(ctx, 'shape');
  }

  /** Transposes, squeezes and reductions that only change how a tensor is stored (see onnx-layouts.ts). */
  private moveData(ctx: NodeContext): boolean {
    if (!['Transpose', 'Squeeze', 'ReduceSum', 'Reshape'].includes(ctx.op)) return false;
    const value = this.value(ctx, 0);
    if ('constant' in value) return false;
    const axesInput = this.hasInput(ctx, 1) && ctx.op !== 'Reshape' ? this.constInput(ctx, 1).values : undefined;
    const layout = moveLayout(value.layout ?? 'standard', {
      op: ctx.op,
      rank: this.b.shapeOf(value.layer).length,
      directions: value.directions ?? 1,
      perm: this.ints(ctx, 'perm'),
      axes: this.ints(ctx, 'axes') ?? axesInput,
      keepdims: this.num(ctx, 'keepdims', 1),
      target: ctx.op === 'Reshape' ? this.reshapeTarget(ctx) : undefined,
    });
    if (layout === undefined) return false;
    this.setOutput(ctx, { layer: value.layer, layout, directions: value.directions });
    return true;
  }

  /**
   * LSTM/GRU/RNN: one graph layer (flagged bidirectional for two directions). Whether it returns sequences
   * and how directions merge are read from what consumes its outputs.
   */
  private recurrent(ctx: NodeContext): void {
    const { cell, gates } = RECURRENT[ctx.op]!;
    const value = this.computed(ctx, 0);
    const batchMajor = this.num(ctx, 'layout', 0) === 1;
    if ((value.layout ?? 'standard') !== (batchMajor ? 'standard' : 'time-major')) this.fail(ctx, `input must be ${batchMajor ? 'batch' : 'time'}-major`);
    const weight = this.constInput(ctx, 1).dims;
    const units = this.num(ctx, 'hidden_size', (weight[1] ?? 0) / gates);
    const direction = ctx.attrs.get('direction') ?? 'forward';
    if (direction === 'reverse') this.fail(ctx, 'reverse-only recurrence is not supported');
    const directions = direction === 'bidirectional' ? 2 : 1;
    const [y, yH, yC] = ctx.node.output ?? [];
    const readers = (name: string | undefined) => (name ? (this.consumers.get(name) ?? []) : []);
    const sequences = readers(y).length > 0;
    const params: Params = { units, return_sequences: sequences };
    if (directions === 2) {
      params.bidirectional = true;
      params.merge = readers(sequences ? y : yH).some((n) => n.op_type === 'ReduceSum') ? 'sum' : 'concat';
    }
    const id = this.b.add({ id: ctx.id, type: cell, inputs: [value.layer], params }, ctx.position);
    if (y) this.values.set(y, { layer: id, layout: 'rnn-y', directions });
    for (const state of [yH, yC]) if (state) this.values.set(state, { layer: id, layout: 'rnn-h', directions });
  }

  /** LayerNormalization over the last (channel) axis of a channels-last tensor. */
  private layerNorm(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    const axis = this.num(ctx, 'axis', -1);
    const channelsLast = this.computed(ctx, 0).layout === 'nhwc' || this.b.shapeOf(input).length < 3;
    if (axis !== -1 || !channelsLast) this.fail(ctx, 'only normalisation over the channel axis of a channels-last tensor is supported');
    const id = this.b.add({ id: ctx.id, type: 'LayerNorm', inputs: [input], params: { epsilon: this.num(ctx, 'epsilon', 1e-5) } }, ctx.position);
    this.setOutput(ctx, { layer: id, layout: this.computed(ctx, 0).layout });
  }

  /** Resize/Upsample of an NCHW image by constant integer scales on H and W. */
  private resize(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    const scalesIndex = ctx.op === 'Upsample' ? 1 : 2;
    const scales = this.hasInput(ctx, scalesIndex) ? this.constInput(ctx, scalesIndex).values : (ctx.attrs.get('scales') as number[] | undefined);
    const shape = this.b.shapeOf(input);
    const sizes = this.hasInput(ctx, 3) ? this.constInput(ctx, 3).values : undefined;
    const factors =
      scales?.length === 4 ? scales.slice(2) : sizes?.length === 4 && shape.length === 3 ? [sizes[2]! / shape[0]!, sizes[3]! / shape[1]!] : undefined;
    if (!factors || !factors.every((f) => Number.isInteger(f) && f >= 1) || (scales && (scales[0] !== 1 || scales[1] !== 1))) {
      this.fail(ctx, 'only constant integer scaling of H and W is supported');
    }
    const mode = String(ctx.attrs.get('mode') ?? 'nearest');
    this.add(ctx, 'UpSampling2D', [input], { size: factors, interpolation: mode === 'nearest' ? 'nearest' : 'bilinear' });
  }

  /** Slicing rows and columns of an NCHW image (step 1) is a Cropping2D. */
  private slice(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    const shape = this.b.shapeOf(input);
    const read = (i: number, attr: string) => (this.hasInput(ctx, i) ? this.constInput(ctx, i).values : this.ints(ctx, attr));
    const starts = read(1, 'starts');
    const ends = read(2, 'ends');
    const axes = read(3, 'axes') ?? starts?.map((_, i) => i);
    const steps = read(4, 'steps');
    if (shape.length !== 3 || !starts || !ends || !axes || steps?.some((step) => step !== 1)) {
      this.fail(ctx, 'only a step-1 slice of the rows and columns of an image is supported');
    }
    const [h, w] = shape as [number, number, number];
    const cropping = [0, 0, 0, 0];
    axes.forEach((axis, i) => {
      const size = axis === 2 ? h : axis === 3 ? w : this.fail(ctx, `slicing along axis ${axis} is not supported (only H and W)`);
      const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
      const [from, to] = [clamp(starts[i]!), clamp(ends[i]!)];
      cropping[axis === 2 ? 0 : 2] = from;
      cropping[axis === 2 ? 1 : 3] = size - to;
    });
    this.add(ctx, 'Cropping2D', [input], { cropping });
  }

  /** Gather rows of a constant [vocab, dim] table by token ids is an Embedding. */
  private gather(ctx: NodeContext): void {
    const table = this.constInput(ctx, 0).dims;
    if (table.length !== 2 || this.num(ctx, 'axis', 0) !== 0) this.fail(ctx, 'only row lookups in a constant [vocab, dim] table (an embedding) are supported');
    this.add(ctx, 'Embedding', [this.layerInput(ctx, 1)], { vocab: table[0]!, dim: table[1]! });
  }

  /** Squeezing the 1×1 spatial axes left by global pooling: the graph already holds a vector. */
  private squeeze(ctx: NodeContext): void {
    const input = this.layerInput(ctx, 0);
    if (ctx.op === 'Squeeze' && this.b.shapeOf(input).length === 1) return this.setOutput(ctx, { layer: input });
    this.fail(ctx, 'only squeezing the 1×1 axes after global pooling is supported');
  }

  private concat(ctx: NodeContext): void {
    const inputs = (ctx.node.input ?? []).map((_, i) => this.layerInput(ctx, i));
    const rank = this.b.shapeOf(inputs[0]!).length;
    const onnxAxis = this.num(ctx, 'axis', 1);
    const axis = onnxAxis < 0 ? onnxAxis + rank + 1 : onnxAxis;
    // NCHW images: C, H, W → -1, 0, 1; batch-major sequences and vectors keep their order.
    const mapped =
      rank === 3 ? ({ 1: -1, 2: 0, 3: 1 } as Record<number, number>)[axis] : axis >= 1 && axis <= rank ? (axis === rank ? -1 : axis - 1) : undefined;
    if (mapped === undefined) this.fail(ctx, `concatenation on ONNX axis ${onnxAxis} is not supported`);
    this.add(ctx, 'Concat', inputs, { axis: mapped });
  }

  /** Add/Sum/Mul of computed tensors, or a constant operand folded into the layer before it. */
  private elementwise(ctx: NodeContext): void {
    const values = (ctx.node.input ?? []).map((_, i) => this.value(ctx, i));
    const layers = values.flatMap((v) => ('layer' in v ? [v.layer] : []));
    if (layers.length === values.length) {
      if (layers.length === 1) return this.setOutput(ctx, { layer: layers[0]! });
      return this.add(ctx, ctx.op === 'Mul' ? 'Multiply' : 'Add', layers);
    }
    if (layers.length === 1 && this.foldConstant(ctx.op, layers[0]!)) return this.setOutput(ctx, { layer: layers[0]! });
    this.fail(ctx, `${ctx.op} with a constant operand is only supported right after a BatchNormalization or MatMul`);
  }

  /**
   * A constant Mul and Add after a BatchNorm are its learned affine part (Caffe2 exports Caffe's Scale
   * that way); an Add after a MatMul-made Dense is its bias. Each is folded once per layer.
   */
  private foldConstant(op: string, target: string): boolean {
    const layer = this.b.layer(target);
    const done = this.folded.get(target) ?? new Set<string>();
    const foldable = layer?.type === 'BatchNorm' || (layer?.type === 'Dense' && this.folded.has(target) && op !== 'Mul');
    if (!layer || !foldable || done.has(op)) return false;
    done.add(op);
    this.folded.set(target, done);
    if (layer.type === 'Dense') delete layer.params!.use_bias;
    return true;
  }

  /** Clip(0, ∞) is ReLU; Clip(0, 6) (ReLU6) has no catalog type and is imported as ReLU with a warning. */
  private clip(ctx: NodeContext): void {
    const min = this.hasInput(ctx, 1) ? this.constInput(ctx, 1).values?.[0] : this.num(ctx, 'min', -Infinity);
    const max = this.hasInput(ctx, 2) ? this.constInput(ctx, 2).values?.[0] : this.num(ctx, 'max', Infinity);
    if (min !== 0) this.fail(ctx, `Clip(${min}, ${max}) has no paper2net equivalent (only Clip(0, max))`);
    if (max !== undefined && Number.isFinite(max)) this.b.warn(`Clip "${ctx.id}" caps at ${max}; imported as a plain ReLU`);
    this.add(ctx, 'Activation', [this.layerInput(ctx, 0)], { fn: 'relu' });
  }

  private pad(ctx: NodeContext): void {
    const pads = this.hasInput(ctx, 1) ? this.constInput(ctx, 1).values : this.ints(ctx, 'pads');
    const mode = ctx.attrs.get('mode') ?? 'constant';
    // PyTorch writes a Pad by nothing before each AvgPool1d it exports.
    if (pads?.length === 6 && pads.every((p) => p === 0)) return this.setOutput(ctx, { layer: this.layerInput(ctx, 0) });
    if (!pads || pads.length !== 8 || mode !== 'constant') this.fail(ctx, 'only constant zero padding of H and W is supported');
    const [n0, c0, t, l, n1, c1, b, r] = pads as number[];
    if (n0 || c0 || n1 || c1 || t !== b || l !== r) this.fail(ctx, `padding ${JSON.stringify(pads)} is not symmetric on H and W`);
    this.add(ctx, 'ZeroPadding2D', [this.layerInput(ctx, 0)], { padding: [t!, l!] });
  }
}

function baseName(fileName: string | undefined): string {
  return (fileName ?? 'onnx-model').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}
