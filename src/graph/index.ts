/** The graph core: the `paper2net.graph/1` format, the layer catalog, shape inference and validation. */
export * from './types.ts';
export { editDistance } from './editDistance.ts';
export {
  CATALOG,
  LAYER_TYPES,
  getSpec,
  isLayerType,
  resolveAlias,
  normaliseSpelling,
  type AliasMatch,
  type LayerType,
  type LoweredLayerType,
} from './catalog/registry.ts';
export {
  activationEntry,
  catalogRefusal,
  defaultActivationAlpha,
  defaultInputShape,
  imageWindow,
  isImageWeightLayer,
  isShrinkingImageWindow,
  isWeightLayer,
  supportedEntry,
  targetEntry,
  traitsOf,
  windowKind,
} from './catalog/lookups.ts';
export { samePadding, windowOutput } from './catalog/shape-rules.ts';
export { caffeType, kerasClass, onnxOp, torchModule } from './catalog/targetNames.ts';
export {
  ACTIVATIONS,
  ShapeError,
  type ActivationName,
  type LayerSpec,
  type LayerTraits,
  type ParamSpec,
  type ParamKind,
  type LayerCategory,
  type ReadsElements,
  type ShapeErrorCode,
} from './catalog/spec.ts';
export { isUnsupported, type ConstructorArgs, type LayerTargets, type TargetEntries, type TargetName, type Unsupported } from './catalog/targets.ts';
export { checkParam, resolveParamsFor } from './params.ts';
export { analyseGraph, validateGraph, inferShapes, inferTensors, outputLayers, GraphError, type Issue, type Analysis } from './validate.ts';
export { parseGraphJson, serializeGraph, checkGraphStructure, GraphFormatError, oneLine } from './json.ts';
export { resolveParams } from './resolve.ts';
export { inputElementType, outputElementType, readElementTypes, type ElementType } from './elementTypes.ts';
