/** The one deterministic input both runtime helpers feed, so ONNX and Caffe outputs can be compared. */
export function sampleValues(count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => Math.sin(i * 12.9898) % 1);
}
