/** The graph core: the `paper2net.graph/1` format, the layer catalog, shape inference and validation. */
export * from './types.ts';
export { CATALOG, getSpec, resolveAlias, normaliseSpelling, type AliasMatch } from './catalog/registry.ts';
export { ACTIVATIONS, ShapeError, type ActivationName, type LayerSpec, type ParamSpec, type ParamKind, type LayerCategory } from './catalog/spec.ts';
export { isUnsupported, type LayerTargets, type Unsupported } from './catalog/targets.ts';
export { checkParam, resolveParamsFor } from './params.ts';
export { analyseGraph, validateGraph, inferShapes, outputLayers, GraphError, type Issue, type Analysis } from './validate.ts';
export { parseGraphJson, serializeGraph, checkGraphStructure, GraphFormatError } from './json.ts';
export { resolveParams } from './resolve.ts';
