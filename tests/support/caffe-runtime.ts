/**
 * Runs generated Caffe files for tests: OpenCV's Caffe importer (cv2 4.6 of Debian's Python) loads
 * prototxt + caffemodel and runs forward; a pycaffe stand-in runs the NetSpec script.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePrototxt, TextMessage } from '../../src/importers/index.ts';
import { PYTHON, inTempDir } from './runtime.ts';
import { sampleValues } from './sample-input.ts';

export interface CaffeCase {
  prototxt: string;
  caffemodel: Uint8Array;
}

export interface CaffeRunResult {
  /** Every output blob of the net (by blob name), dims batch first, values in C order (empty unless asked for). */
  outputs: Array<{ name: string; dims: number[]; data: number[] }>;
  /** OpenCV's message when loading or forward failed. */
  error?: string;
}

const FORWARD_SCRIPT = `
import json, sys, cv2, numpy as np
results = []
for case in json.load(open(sys.argv[1])):
    try:
        net = cv2.dnn.readNetFromCaffe(case["prototxt"], case["caffemodel"])
        for name, dims, path in case["inputs"]:
            net.setInput(np.fromfile(path, dtype="<f4").reshape(dims), name)
        layers = sorted({layer for _, layer, _ in case["outputs"]})
        blobs = dict(zip(layers, net.forwardAndRetrieve(layers)))
        outputs = []
        for blob, layer, index in case["outputs"]:
            b = blobs[layer][index]
            outputs.append({"name": blob, "dims": list(b.shape), "data": b.ravel().tolist() if case["values"] else []})
        results.append({"outputs": outputs})
    except cv2.error as error:
        results.append({"outputs": [], "error": str(error).strip().splitlines()[-1]})
print(json.dumps(results))
`;

/** The Input layers' tops and dims, as given by `input_param { shape { dim: ... } }`. */
export function caffeInputs(prototxt: string): Array<[string, number[]]> {
  return parsePrototxt(prototxt)
    .messages('layer')
    .filter((layer) => layer.text('type') === 'Input')
    .map((layer) => [layer.text('top')!, layer.message('input_param')!.message('shape')!.numbers('dim')]);
}

/**
 * The net's output blobs as Caffe defines them: tops no later layer reads (in-place layers rewrite
 * rather than read), each with the last layer writing it and its top index. OpenCV's own list of
 * unconnected layers misses a Slice whose other tops are consumed, and forward() returns only first tops.
 */
export function caffeOutputs(prototxt: string): Array<[blob: string, layer: string, topIndex: number]> {
  const layers = parsePrototxt(prototxt).messages('layer');
  const read = new Set<string>();
  const writer = new Map<string, [string, number]>();
  for (const layer of layers) {
    const tops = layer.scalars('top').map((s) => String(s.value));
    for (const bottom of layer.scalars('bottom').map((s) => String(s.value))) if (!tops.includes(bottom)) read.add(bottom);
    tops.forEach((top, index) => writer.set(top, [layer.text('name')!, index]));
  }
  return [...writer].filter(([blob]) => !read.has(blob)).map(([blob, [layer, index]]) => [blob, layer, index]);
}

/** Loads and runs each case in one Python process (cv2 import is slow), inputs from sampleValues; results in case order, output values only with `values: true`. */
export function runCaffeBatch(cases: CaffeCase[], options: { values?: boolean } = {}): CaffeRunResult[] {
  return inTempDir('p2n-caffe-', (dir) => {
    const manifest = cases.map((c, i) => {
      const prototxt = join(dir, `${i}.prototxt`);
      const caffemodel = join(dir, `${i}.caffemodel`);
      writeFileSync(prototxt, c.prototxt);
      writeFileSync(caffemodel, c.caffemodel);
      // Each input gets sampleValues, as the ONNX helper feeds, written as little-endian float32.
      const inputs = caffeInputs(c.prototxt).map(([name, dims], j) => {
        const path = join(dir, `${i}.input${j}.f32`);
        writeFileSync(path, new Uint8Array(sampleValues(dims.reduce((a, b) => a * b, 1)).buffer));
        return [name, dims, path];
      });
      return { prototxt, caffemodel, inputs, outputs: caffeOutputs(c.prototxt), values: options.values ?? false };
    });
    const manifestPath = join(dir, 'cases.json');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const stdout = execFileSync(PYTHON, ['-c', FORWARD_SCRIPT, manifestPath], { maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(stdout.toString()) as CaffeRunResult[];
  });
}

/** A layer reduced to what both prototxt and NetSpec state: names, blobs and every param as path=value. */
export interface CanonicalLayer {
  name: string;
  type: string;
  bottom: string[];
  top: string[];
  params: Array<[string, string]>;
}

/** Numbers compare by value: prototxt writes `64`, Python's repr `64.0`. */
function canonicalValue(text: string): string {
  return /^-?\d*\.?\d+(e[-+]?\d+)?$/i.test(text) ? String(Number(text)) : text;
}

function flattenParams(prefix: string, message: TextMessage, out: Array<[string, string]>): void {
  for (const field of message.fields) {
    const path = `${prefix}.${field.name}`;
    if (field.value instanceof TextMessage) flattenParams(path, field.value, out);
    else out.push([path, canonicalValue(String(field.value.value))]);
  }
}

const LAYER_KEYS = new Set(['name', 'type', 'bottom', 'top']);

/** The prototxt's layers in canonical form. */
export function prototxtLayers(prototxt: string): { name: string; layers: CanonicalLayer[] } {
  const net = parsePrototxt(prototxt);
  const layers = net.messages('layer').map((layer) => {
    const params: Array<[string, string]> = [];
    for (const field of layer.fields) {
      if (LAYER_KEYS.has(field.name)) continue;
      if (field.value instanceof TextMessage) flattenParams(field.name, field.value, params);
    }
    const strings = (name: string) => layer.scalars(name).map((s) => String(s.value));
    return { name: layer.text('name')!, type: layer.text('type')!, bottom: strings('bottom'), top: strings('top'), params: params.sort() };
  });
  return { name: net.text('name')!, layers };
}

/** Runs the NetSpec script against the pycaffe stand-in; its layers in canonical form (numbers as Python floats). */
export function netSpecLayers(netspec: string): { name: string; layers: CanonicalLayer[] } {
  return inTempDir('p2n-netspec-', (dir) => {
    const script = join(dir, 'netspec.py');
    writeFileSync(script, netspec);
    const stub = fileURLToPath(new URL('./pycaffe-stub/', import.meta.url));
    const stdout = execFileSync(PYTHON, [script], { env: { ...process.env, PYTHONPATH: stub }, stdio: ['ignore', 'pipe', 'pipe'] });
    const net = JSON.parse(stdout.toString()) as { name: string; layers: CanonicalLayer[] };
    for (const layer of net.layers) layer.params = layer.params.map(([path, value]) => [path, canonicalValue(value)] as [string, string]).sort();
    return net;
  });
}

/** `python3 -m py_compile` on the script; '' when it compiles, else Python's message. */
export function compilePython(source: string): string {
  return inTempDir('p2n-py-', (dir) => {
    const path = join(dir, 'script.py');
    writeFileSync(path, source);
    try {
      execFileSync(PYTHON, ['-m', 'py_compile', path], { stdio: ['ignore', 'pipe', 'pipe'] });
      return '';
    } catch (error) {
      return (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    }
  });
}
