/** Questions every stage asks the catalog: a layer's traits, its name in a target, the default input. */
import type { Params, Shape } from '../types.ts';
import { resolveParamsFor } from '../params.ts';
import { getSpec, type LayerType } from './registry.ts';
import type { ActivationName, LayerTraits } from './spec.ts';
import { isUnsupported, type TargetEntries, type TargetName, type Unsupported } from './targets.ts';

const NO_TRAITS: LayerTraits = { weightLayer: false, reads: 'floats' };

/** The layer type's traits with the catalog's defaults filled in; an unknown type has none. */
export function traitsOf(type: string): LayerTraits {
  return { ...NO_TRAITS, ...getSpec(type)?.traits };
}

/** Counted among a network's weight layers (convolutions, fully connected). */
export function isWeightLayer(type: string): boolean {
  return traitsOf(type).weightLayer;
}

/** A spatial sliding window: 'convolution', 'pooling', or undefined. */
export function windowKind(type: string): LayerTraits['window'] {
  return traitsOf(type).window;
}

/**
 * A sliding window over an image's two spatial axes ('convolution': Conv2D, DepthwiseConv2D, Conv2DTranspose;
 * 'pooling': the 2-D pools), or undefined — Conv1D and layers without a window.
 */
export function imageWindow(type: string): LayerTraits['window'] {
  const traits = traitsOf(type);
  return traits.spatialAxes === 2 ? traits.window : undefined;
}

/** A weight layer of an image network as papers' tables and text state them: image convolutions and fully connected, not Conv1D. */
export function isImageWeightLayer(type: string): boolean {
  const traits = traitsOf(type);
  return traits.weightLayer && traits.spatialAxes !== 1;
}

/** An image window that shrinks (or keeps) the map by its stride: every image window but a transposed one. */
export function isShrinkingImageWindow(type: string): boolean {
  return imageWindow(type) !== undefined && !traitsOf(type).transposed;
}

/**
 * How `target` writes a layer of this type with these params: the function's own entry for a layer
 * whose `fn` picks the operation (Activation), else the type's entry.
 */
export function targetEntry<T extends TargetName>(type: string, target: T, params: Params = {}): TargetEntries[T] {
  const spec = getSpec(type);
  if (!spec) throw new Error(`unknown layer type "${type}"`);
  const byFn = typeof params.fn === 'string' ? spec.targets.byFn?.[params.fn as ActivationName]?.[target] : undefined;
  return byFn ?? spec.targets[target];
}

/** How `target` writes the activation `fn` (a layer's fused `activation` param or an Activation layer). */
export function activationEntry<T extends TargetName>(fn: string, target: T): TargetEntries[T] {
  return targetEntry('Activation', target, { fn });
}

/**
 * The catalog's reason `target` cannot express `type`, for a lowering table's entry. Throws at load
 * when the catalog says the target can, so a table and the catalog never disagree.
 */
export function catalogRefusal(type: LayerType, target: TargetName): Unsupported {
  const entry = getSpec(type)!.targets[target];
  if (!isUnsupported(entry)) throw new Error(`the catalog maps ${type} to ${target}, but its lowering table refuses it`);
  return entry;
}

/** The entry, or an error naming why the target cannot express it; for emitters past their refusal check. */
export function supportedEntry<E extends object>(entry: E | Unsupported): E {
  if (isUnsupported(entry)) throw new Error(entry.unsupported);
  return entry as E;
}

/** The `alpha` of an activation function left unstated (LeakyReLU's slope, ELU's scale), for fused activations. */
export function defaultActivationAlpha(fn: string): number {
  return resolveParamsFor(getSpec('Activation')!, { fn }).alpha as number;
}

/** The input shape a design gets when nothing states it: the Input entry's default. */
export function defaultInputShape(): Shape {
  const shape = getSpec('Input')!.params.find((p) => p.name === 'shape')!.default as number[];
  return [...shape];
}
