/** Code generation: one emitter per target, all driven by the layer catalog, plus the ZIP bundle. */
export { UnsupportedLayerError, type TargetName } from './errors.ts';
export type { EmitOptions } from './emitOptions.ts';
export { layerIdentifiers, toClassName, toIdentifier } from './naming.ts';
export { emitPytorch } from './pytorch/index.ts';
export { emitKerasJson, emitKerasPython } from './keras/index.ts';
export { emitCaffe, emitCaffePrototxt, emitCaffeText, planCaffe, type CaffeOutput, type CaffeText } from './caffe/index.ts';
export { emitOnnx, ONNX_OPSET, ONNX_IR_VERSION, type OnnxOptions, type OnnxWeights } from './onnx/index.ts';
export { TARGETS, bundleFiles, bundleZip, emitTarget, zipFiles, type Bundle, type BundleOptions, type GeneratedFile, type TargetFailure } from './bundle.ts';
