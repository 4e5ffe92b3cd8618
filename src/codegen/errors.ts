/** The one error every emitter raises when its target cannot express a layer. */
import type { TargetName } from '../graph/index.ts';

export type { TargetName };

export class UnsupportedLayerError extends Error {
  override name = 'UnsupportedLayerError';
  constructor(
    readonly target: TargetName,
    readonly layerId: string,
    readonly layerType: string,
    readonly reason: string,
  ) {
    super(`${target}: layer ${layerId} (${layerType}) cannot be expressed: ${reason}`);
  }
}
