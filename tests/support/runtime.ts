/**
 * Running generated Python for real: write files to a temp dir, run many of them in one
 * `/usr/bin/python3` process (torch imports once), read back the printed output shapes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Shape } from '../../src/graph/index.ts';

/** The only interpreter that sees Debian's torch, onnx and cv2. */
export const PYTHON = '/usr/bin/python3';

const BATCH_SCRIPT = fileURLToPath(new URL('./python_batch.py', import.meta.url));
const RESULTS_MARK = '@@paper2net-results@@';

export interface PythonRun {
  file: string;
  stdout: string;
  stderr: string;
  /** The traceback when the file raised, else null. */
  error: string | null;
}

export interface PythonInspection {
  file: string;
  imports: string[];
  /** Every called expression, as source text (`nn.Conv2d`, `self.conv1`). */
  calls: string[];
  names: string[];
}

export interface BatchResult<T> {
  results: T[];
  /** Everything the process wrote to stdout, including writes that bypass sys.stdout (os.system). */
  rawStdout: string;
  rawStderr: string;
}

/** Writes `files` (name → contents) into a fresh temp dir; returns their paths in the same order. */
export function writeTempFiles(files: Array<[string, string]>, prefix = 'paper2net-'): string[] {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return files.map(([name, contents]) => {
    const path = join(dir, name);
    writeFileSync(path, contents);
    return path;
  });
}

async function batch<T>(mode: 'run' | 'compile' | 'inspect', files: string[], timeoutMs: number): Promise<BatchResult<T>> {
  const { stdout, stderr } = await promisify(execFile)(PYTHON, [BATCH_SCRIPT, mode, ...files], {
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', OMP_NUM_THREADS: '1' },
  });
  const at = stdout.lastIndexOf(RESULTS_MARK);
  if (at < 0) throw new Error(`python_batch.py ${mode} printed no results:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  return { results: JSON.parse(stdout.slice(at + RESULTS_MARK.length)) as T[], rawStdout: stdout, rawStderr: stderr };
}

/** Runs each file as `__main__` in one interpreter; one result per file, in order. */
export function runPythonFiles(files: string[], timeoutMs = 600_000): Promise<BatchResult<PythonRun>> {
  return batch<PythonRun>('run', files, timeoutMs);
}

/** Byte-compiles each file without running it; `error` is the compiler's message or null. */
export function compilePythonFiles(files: string[], timeoutMs = 120_000): Promise<BatchResult<{ file: string; error: string | null }>> {
  return batch('compile', files, timeoutMs);
}

/** What each file imports and calls, read from its syntax tree. */
export function inspectPythonFiles(files: string[], timeoutMs = 120_000): Promise<BatchResult<PythonInspection>> {
  return batch<PythonInspection>('inspect', files, timeoutMs);
}

/** The `output <name>: [1, ...]` lines a generated `__main__` block prints, in order. */
export function printedOutputShapes(stdout: string): Array<{ name: string; shape: number[] }> {
  return [...stdout.matchAll(/^output (\S+): \[([\d, ]*)\]$/gm)].map((m) => ({
    name: m[1]!,
    shape: m[2]!.trim() === '' ? [] : m[2]!.split(',').map((d) => Number(d.trim())),
  }));
}

/** A channels-last graph shape as PyTorch/Caffe/ONNX hold it, batch first: [H, W, C] → [N, C, H, W]. */
export function toNCHW(shape: Shape, batch = 1): number[] {
  return shape.length === 3 ? [batch, shape[2]!, shape[0]!, shape[1]!] : [batch, ...shape];
}

export interface TfjsInput {
  shape: Shape;
  /** Integer inputs get token ids below this bound. */
  vocab?: number;
}

/**
 * Loads a Keras `model.to_json()` document with TensorFlow.js (tfjs-layers on the CPU backend) and
 * runs one prediction on random input; returns each output's shape, batch axis first.
 */
export async function predictKerasJson(json: string, inputs: TfjsInput[]): Promise<number[][]> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  const tfl = await import('@tensorflow/tfjs-layers');
  // tfjs-layers calls chained tensor methods (the Orthogonal initializer uses .flatten()), which the full
  // tfjs package registers. They patch the global Tensor class, so tfjs-core must be loaded first.
  await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
  await tf.setBackend('cpu');
  const model = await tfl.models.modelFromJSON(JSON.parse(json));
  try {
    const tensors = inputs.map((input) =>
      input.vocab !== undefined ? tf.randomUniform([1, ...input.shape], 0, input.vocab, 'int32') : tf.randomNormal([1, ...input.shape]),
    );
    const predicted = model.predict(tensors.length === 1 ? tensors[0]! : tensors);
    const outputs = Array.isArray(predicted) ? predicted : [predicted];
    const shapes = outputs.map((tensor) => [...tensor.shape]);
    tf.dispose([...tensors, ...outputs]);
    return shapes;
  } finally {
    model.dispose();
  }
}
