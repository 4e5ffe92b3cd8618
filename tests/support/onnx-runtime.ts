/**
 * Runs generated ONNX bytes for tests: onnxruntime-web (wasm, single thread) under Node, and the
 * reference `onnx.checker` of Debian's Python.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { decodeOnnxModel, OnnxDataType } from '../../src/proto/index.ts';
import { PYTHON, inTempDir } from './runtime.ts';
import { sampleValues } from './sample-input.ts';

ort.env.wasm.numThreads = 1;
ort.env.wasm.wasmPaths = fileURLToPath(new URL('../../node_modules/onnxruntime-web/dist/', import.meta.url));

export interface OnnxRunOutput {
  name: string;
  /** Dims as onnxruntime reports them, batch first. */
  dims: number[];
  data: Float32Array | Int32Array;
}

/** Deterministic input values: floats from sampleValues, token ids cycling through [0, maxTokenId]. */
function inputTensor(elemType: number, dims: number[], maxTokenId: number): ort.Tensor {
  const count = dims.reduce((a, b) => a * b, 1);
  if (elemType === OnnxDataType.INT32)
    return new ort.Tensor(
      'int32',
      Int32Array.from({ length: count }, (_, i) => i % (maxTokenId + 1)),
      dims,
    );
  return new ort.Tensor('float32', sampleValues(count), dims);
}

/**
 * Loads the model and runs one forward pass with batch `batch` (symbolic batch dims take it);
 * returns every graph output.
 */
export async function runOnnx(bytes: Uint8Array, options: { batch?: number; maxTokenId?: number } = {}): Promise<OnnxRunOutput[]> {
  const model = decodeOnnxModel(bytes);
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of model.graph?.input ?? []) {
    const type = input.type!.tensor_type!;
    const dims = (type.shape?.dim ?? []).map((dim) => dim.dim_value ?? options.batch ?? 1);
    feeds[input.name] = inputTensor(type.elem_type!, dims, options.maxTokenId ?? 1);
  }
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  try {
    const results = await session.run(feeds);
    return session.outputNames.map((name) => {
      const tensor = results[name]!;
      return { name, dims: [...tensor.dims], data: tensor.data as Float32Array | Int32Array };
    });
  } finally {
    await session.release();
  }
}

/** `onnx.checker.check_model(full_check=True)` from /usr/bin/python3; returns '' when the model passes, else the checker's message. */
export function checkOnnxModel(bytes: Uint8Array): string {
  return inTempDir('p2n-onnx-', (dir) => {
    const path = join(dir, 'model.onnx');
    writeFileSync(path, bytes);
    const script = 'import onnx, sys\nonnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)\n';
    try {
      execFileSync(PYTHON, ['-c', script, path], { stdio: ['ignore', 'pipe', 'pipe'] });
      return '';
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      return stderr.trim().split('\n').slice(-3).join('\n');
    }
  });
}
