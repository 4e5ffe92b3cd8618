/**
 * MXNet symbol JSON (`model-symbol.json`: nodes, arg_nodes, heads) → paper2net graph. Symbols do not
 * store the input shape, so the data input is assumed to be a 224×224×3 image, marked inferred.
 */
import { defaultInputShape, type Graph, type Params } from '../graph/index.ts';
import { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';

interface MxNode {
  op: string;
  name: string;
  inputs: Array<[number, number, number?]>;
  param?: Record<string, string>;
  attrs?: Record<string, string>;
  attr?: Record<string, string>;
}

export interface MxSymbol {
  nodes: MxNode[];
  heads: Array<[number, number, number?]>;
}

/** Inputs that carry learned weights or labels, not data, by op. */
const DATA_INPUTS: Record<string, number> = { Convolution: 1, Deconvolution: 1, FullyConnected: 1, BatchNorm: 1, SoftmaxOutput: 1, Embedding: 1, LeakyReLU: 1 };

export function isMxnetSymbol(data: unknown): data is MxSymbol {
  return typeof data === 'object' && data !== null && Array.isArray((data as MxSymbol).nodes) && Array.isArray((data as MxSymbol).heads);
}

export function importMxnetSymbol(text: string, fileName?: string): Graph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError('mxnet', `not valid JSON: ${(error as Error).message}`);
  }
  if (!isMxnetSymbol(data)) throw new ImportError('mxnet', 'not an MXNet symbol: expected {"nodes": [...], "heads": [...]}');
  const name = (fileName ?? 'mxnet-model').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return buildGraph(data, defaultInputShape()).build(name, fileName);
}

function buildGraph({ nodes, heads }: MxSymbol, shape: number[]): GraphBuilder {
  const b = new GraphBuilder('mxnet');
  const ids = new Map<number, string>();
  const inputOf = (index: number, from: number, position: ImportPosition): string => {
    const id = ids.get(from);
    if (id !== undefined) return id;
    const source = nodes[from];
    if (!source) throw new ImportError('mxnet', `input node #${from} does not exist`, position);
    if (source.op !== 'null') throw new ImportError('mxnet', `input "${source.name}" (node #${from}) comes after node #${index}`, position);
    b.warn(`MXNet symbols do not store input shapes; "${source.name}" assumed ${JSON.stringify(shape)}`);
    const input = b.add({ id: source.name, type: 'Input', params: { shape }, inferred: ['shape'] }, { index: from, name: source.name });
    ids.set(from, input);
    return input;
  };
  nodes.forEach((node, index) => {
    if (node.op === 'null') return;
    const position: ImportPosition = { index, name: node.name };
    const count = DATA_INPUTS[node.op] ?? node.inputs.length;
    const inputs = node.inputs.slice(0, count).map(([from]) => inputOf(index, from, position));
    if (inputs.length === 0) throw new ImportError('mxnet', `${node.op} has no inputs`, position);
    ids.set(index, convertNode(node, inputs, position, b));
  });
  for (const [head] of heads) {
    if (!ids.has(head)) throw new ImportError('mxnet', `output node #${head} is not a computed node`);
  }
  return b;
}

/** MXNet stores every param as a string: "(3,3)", "64", "True". */
function params(node: MxNode) {
  const raw = node.param ?? node.attrs ?? node.attr ?? {};
  const fail = (problem: string): never => {
    throw new ImportError('mxnet', `${node.op}: ${problem}`, { name: node.name });
  };
  const tuple = (key: string, fallback?: [number, number]): [number, number] => {
    const text = raw[key];
    if (text === undefined) return fallback ?? fail(`param ${key} is missing`);
    const values = text
      .replace(/[()[\]\s]/g, '')
      .split(',')
      .filter(Boolean)
      .map(Number);
    if (values.length === 1) return [values[0]!, values[0]!];
    if (values.length !== 2 || values.some(Number.isNaN)) fail(`param ${key} "${text}" is not a 2-D size`);
    return [values[0]!, values[1]!];
  };
  const number = (key: string, fallback?: number): number => {
    const text = raw[key];
    if (text === undefined) return fallback ?? fail(`param ${key} is missing`);
    const value = Number(text);
    return Number.isNaN(value) ? fail(`param ${key} "${text}" is not a number`) : value;
  };
  const flag = (key: string) => /^(true|1)$/i.test(raw[key] ?? '');
  const text = (key: string, fallback: string) => raw[key] ?? fallback;
  return { tuple, number, flag, text, fail };
}

const padding = (pad: [number, number]) => (pad[0] === 0 && pad[1] === 0 ? 'valid' : pad);

function convertNode(node: MxNode, inputs: string[], position: ImportPosition, b: GraphBuilder): string {
  const p = params(node);
  const add = (type: string, layerParams: Params = {}, layerInputs = inputs) =>
    b.add({ id: node.name, type, inputs: layerInputs, params: layerParams }, position);
  const bias = (): Params => (p.flag('no_bias') ? { use_bias: false } : {});
  switch (node.op) {
    case 'Convolution': {
      const filters = p.number('num_filter');
      const groups = p.number('num_group', 1);
      const input = b.spatial(inputs[0]!, position);
      const base = { kernel: p.tuple('kernel'), stride: p.tuple('stride', [1, 1]), padding: padding(p.tuple('pad', [0, 0])) };
      const dilation = p.tuple('dilate', [1, 1]);
      const channels = b.shapeOf(input).at(-1)!;
      if (groups > 1 && groups === channels && filters % channels === 0 && dilation.every((d) => d === 1)) {
        return add('DepthwiseConv2D', { ...base, depth_multiplier: filters / channels, ...bias() }, [input]);
      }
      const conv: Params = { filters, ...base };
      if (dilation.some((d) => d !== 1)) conv.dilation = dilation;
      if (groups !== 1) conv.groups = groups;
      return add('Conv2D', { ...conv, ...bias() }, [input]);
    }
    case 'Deconvolution':
      return add(
        'Conv2DTranspose',
        { filters: p.number('num_filter'), kernel: p.tuple('kernel'), stride: p.tuple('stride', [1, 1]), padding: padding(p.tuple('pad', [0, 0])), ...bias() },
        [b.spatial(inputs[0]!, position)],
      );
    case 'FullyConnected':
      return add('Dense', { units: p.number('num_hidden'), ...bias() }, [p.text('flatten', 'True') === 'False' ? inputs[0]! : b.vector(inputs[0]!, position)]);
    case 'Activation': {
      const fn = { relu: 'relu', sigmoid: 'sigmoid', tanh: 'tanh' }[p.text('act_type', 'relu')];
      return fn ? add('Activation', { fn }) : p.fail(`act_type "${p.text('act_type', '')}" has no paper2net equivalent`);
    }
    case 'LeakyReLU': {
      const type = p.text('act_type', 'leaky');
      if (type === 'leaky') return add('Activation', { fn: 'leaky_relu', alpha: p.number('slope', 0.25) });
      if (type === 'prelu' || type === 'elu' || type === 'gelu')
        return add('Activation', { fn: type, ...(type === 'elu' ? { alpha: p.number('slope', 0.25) } : {}) });
      return p.fail(`act_type "${type}" has no paper2net equivalent`);
    }
    case 'SoftmaxOutput':
    case 'SoftmaxActivation':
    case 'softmax':
      return add('Activation', { fn: 'softmax' });
    case 'Pooling': {
      const type = p.text('pool_type', 'max');
      if (type !== 'max' && type !== 'avg') p.fail(`pool_type "${type}" is not supported`);
      if (p.flag('global_pool')) return add(type === 'max' ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D');
      const pool = p.tuple('kernel');
      const layerParams: Params = { pool, stride: p.tuple('stride', [1, 1]), padding: padding(p.tuple('pad', [0, 0])) };
      if (p.text('pooling_convention', 'valid') === 'full') layerParams.ceil_mode = true;
      return add(type === 'max' ? 'MaxPool2D' : 'AvgPool2D', layerParams);
    }
    case 'Concat': {
      const dim = p.number('dim', 1);
      const rank = b.shapeOf(inputs[0]!).length;
      const axis = dim === 1 ? -1 : rank === 3 && (dim === 2 || dim === 3) ? dim - 2 : p.fail(`concatenation on dim ${dim} is not supported`);
      return add('Concat', { axis });
    }
    case 'Dropout':
      return add('Dropout', { rate: p.number('p', 0.5) });
    case 'Flatten':
      return add('Flatten');
    case 'BatchNorm':
      return add('BatchNorm', { epsilon: p.number('eps', 1e-3), momentum: p.number('momentum', 0.9) });
    case 'LRN':
      return add('LRN', { size: p.number('nsize'), alpha: p.number('alpha', 1e-4), beta: p.number('beta', 0.75), k: p.number('knorm', 2) });
    case 'elemwise_add':
    case '_Plus':
    case '_plus':
    case 'ElementWiseSum':
    case 'add_n':
      return add('Add');
    case 'elemwise_mul':
    case '_Mul':
    case '_mul':
      return add('Multiply');
    case 'Embedding':
      return add('Embedding', { vocab: p.number('input_dim'), dim: p.number('output_dim') });
    default:
      throw new ImportError('mxnet', `operator "${node.op}" is not supported`, position);
  }
}
