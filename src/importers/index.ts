/**
 * Model files → `paper2net.graph/1` graphs: Keras JSON, Caffe prototxt, ONNX, MXNet symbol JSON.
 * `importModel` picks the format from the file name, else from the content.
 */
import type { Graph } from '../graph/index.ts';
import { importCaffePrototxt } from './caffe.ts';
import { ImportError, type ImportFormat } from './errors.ts';
import { importKerasJson } from './keras.ts';
import { importMxnetSymbol } from './mxnet.ts';
import { importOnnx } from './onnx.ts';

export { ImportError, type ImportFormat, type ImportPosition } from './errors.ts';
export { importCaffePrototxt } from './caffe.ts';
export { importKerasJson } from './keras.ts';
export { importOnnx } from './onnx.ts';
export { importMxnetSymbol } from './mxnet.ts';
export { parsePrototxt, TextMessage } from './prototxt.ts';

/** Which importer a file needs, from its extension, else its first bytes. */
export function detectFormat(bytes: Uint8Array, fileName: string): Exclude<ImportFormat, 'unknown'> {
  const ext = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'onnx') return 'onnx';
  if (ext === 'prototxt' || ext === 'pbtxt') return 'caffe';
  if (ext === 'caffemodel') {
    throw new ImportError('unknown', `${fileName} is a binary .caffemodel (weights); import the net's .prototxt instead`);
  }
  const text = asText(bytes);
  if (text !== undefined) {
    const start = text.trimStart()[0];
    if (start === '{' && /"nodes"\s*:/.test(text) && /"heads"\s*:/.test(text)) return 'mxnet';
    if (start === '{' || start === '"') return 'keras';
    if (/(^|\n)\s*(layers?\s*\{|name\s*:|input\s*:)/.test(text)) return 'caffe';
  }
  if (bytes[0] === 0x08) return 'onnx'; // ModelProto starts with ir_version (field 1, varint)
  throw new ImportError('unknown', `cannot tell the format of ${fileName || 'the file'}: expected Keras JSON, Caffe prototxt, ONNX or an MXNet symbol`);
}

/** UTF-8 text if the bytes are text, else undefined. */
function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096)) ? undefined : text;
  } catch {
    return undefined;
  }
}

export function importModel(bytes: Uint8Array, fileName: string): Graph {
  const format = detectFormat(bytes, fileName);
  if (format === 'onnx') return importOnnx(bytes, fileName);
  const text = asText(bytes);
  if (text === undefined) throw new ImportError(format, `${fileName} is not UTF-8 text`);
  if (format === 'mxnet') return importMxnetSymbol(text, fileName);
  return format === 'keras' ? importKerasJson(text, fileName) : importCaffePrototxt(text, fileName);
}
