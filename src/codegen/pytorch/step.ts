/**
 * What one graph layer becomes in PyTorch: the `nn` modules it declares in `__init__` and the lines
 * it adds to `forward`, plus helpers every layer translation shares.
 */
import { torchModule, defaultActivationAlpha, type Layer, type Params, type Shape } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyTuple, pyKwargs, pyValue, type PyValue } from '../python.ts';
import { featureDim, isImage } from './layout.ts';

export interface TorchModule {
  /** Attribute name under `self`. */
  attr: string;
  /** Constructor expression, e.g. `nn.Conv2d(3, 64, kernel_size=3, padding=1)`. */
  expr: string;
  /** Comment lines written above the declaration. */
  comments?: string[];
}

export interface TorchStep {
  modules: TorchModule[];
  /** Statements of `forward`, one per line. */
  forward: string[];
  /** Module-level functions the statements call, as source; the file defines each once. */
  helpers?: string[];
}

export interface TorchLayerContext {
  layer: Layer;
  params: Params;
  inShapes: Shape[];
  outShape: Shape;
  /** Expressions of the inputs, in order: their variables, cast where the layer reads another element type. */
  inputs: string[];
  /** Variable receiving the output. */
  out: string;
  /** A fresh attribute name for a module of this layer, e.g. `conv1` then `conv1_act`. */
  attr: (suffix?: string) => string;
}

export type Pair = [number, number];

export function pair(value: unknown): Pair {
  return typeof value === 'number' ? [value, value] : [(value as number[])[0]!, (value as number[])[1]!];
}

/** `3` for [3, 3], `(3, 5)` otherwise: how people write kernel sizes. */
export function pairValue([h, w]: Pair): PyValue {
  return h === w ? h : new PyTuple([h, w]);
}

export function call(ctor: string, positional: PyValue[], kwargs: Record<string, PyValue | undefined> = {}): string {
  const args = [...positional.map(pyValue), pyKwargs(kwargs)].filter((arg) => arg !== '');
  return `${ctor}(${args.join(', ')})`;
}

/** `expr` (already on the layer's output) wrapped in the layer's activation param. */
export function activate(ctx: TorchLayerContext, expr: string, shape: Shape, modules: TorchModule[]): string {
  const fn = (ctx.params.activation as string | undefined) ?? 'linear';
  switch (fn) {
    case 'linear':
      return expr;
    case 'relu':
      return `F.relu(${expr})`;
    case 'sigmoid':
      return `torch.sigmoid(${expr})`;
    case 'tanh':
      return `torch.tanh(${expr})`;
    case 'elu':
      return `F.elu(${expr})`;
    case 'gelu':
      return `F.gelu(${expr})`;
    case 'softmax':
      return `F.softmax(${expr}, dim=${featureDim(shape)})`;
    case 'leaky_relu':
      return `F.leaky_relu(${expr}, ${defaultActivationAlpha(fn)})`;
    case 'prelu': {
      const attr = ctx.attr('prelu');
      modules.push({ attr, expr: preluModule(shape) });
      return applyOverFeatures(`self.${attr}`, expr, shape);
    }
    default:
      throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, `unknown activation "${fn}"`);
  }
}

/** One learned slope per channel / feature, as in the PReLU paper. */
export function preluModule(shape: Shape): string {
  const module = torchModule('Activation', { fn: 'prelu' });
  if (shape.length > 3) return `${module}()`;
  return `${module}(${shape[isImage(shape) ? 2 : shape.length - 1]})`;
}

/**
 * Applies a module that expects features on dim 1 (BatchNorm1d, PReLU) to the tensor. A [N, T, F]
 * sequence keeps its features last, so it is transposed around the call.
 */
export function applyOverFeatures(module: string, input: string, shape: Shape): string {
  return shape.length === 2 ? `${module}(${input}.transpose(1, 2)).transpose(1, 2)` : `${module}(${input})`;
}
