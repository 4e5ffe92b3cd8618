/** The one error every emitter raises when its target cannot express a layer. */
export type TargetName = 'keras' | 'caffe' | 'pytorch' | 'onnx';

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
