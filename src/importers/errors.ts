/** The one error every importer throws: what went wrong and where in the source file. */

export type ImportFormat = 'keras' | 'caffe' | 'onnx' | 'mxnet' | 'unknown';

/** Where in the source file: a prototxt line, a Keras layer index/name, an ONNX or MXNet node index/name. */
export interface ImportPosition {
  line?: number;
  /** 0-based index of the Keras layer or ONNX node. */
  index?: number;
  /** Keras layer name, Caffe layer name or ONNX node name. */
  name?: string;
}

export class ImportError extends Error {
  constructor(
    readonly format: ImportFormat,
    readonly problem: string,
    readonly position: ImportPosition = {},
  ) {
    super(`${describePosition(format, position)}${problem}`);
    this.name = 'ImportError';
  }
}

function describePosition(format: ImportFormat, { line, index, name }: ImportPosition): string {
  const parts: string[] = [];
  if (line !== undefined) parts.push(`line ${line}`);
  const unit = format === 'onnx' || format === 'mxnet' ? 'node' : 'layer';
  if (index !== undefined) parts.push(`${unit} #${index}`);
  if (name !== undefined && name !== '') parts.push(`${index === undefined ? `${unit} ` : ''}"${name}"`);
  const label = { keras: 'Keras JSON', caffe: 'Caffe prototxt', onnx: 'ONNX', mxnet: 'MXNet symbol', unknown: 'model file' }[format];
  return parts.length ? `${label}, ${parts.join(', ')}: ` : `${label}: `;
}
