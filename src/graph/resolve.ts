import { getSpec } from './catalog/registry.ts';
import { resolveParamsFor } from './params.ts';
import type { Layer, Params } from './types.ts';

/** A layer's params with catalog defaults filled in; throws for an unknown type. */
export function resolveParams(layer: Layer): Params {
  const spec = getSpec(layer.type);
  if (!spec) throw new Error(`${layer.id}: unknown layer type "${layer.type}"`);
  return resolveParamsFor(spec, layer.params);
}
