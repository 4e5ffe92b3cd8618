/**
 * Running generated Python for real: write files to a temp dir, run many of them in one
 * `/usr/bin/python3` process (torch imports once), read back the printed output shapes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Calls `use` with a fresh temp dir, then removes the dir, whether `use` returned or threw. */
export function inTempDir<T>(prefix: string, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function batch<T>(mode: 'run' | 'compile' | 'inspect' | 'forward', files: string[], timeoutMs: number): Promise<BatchResult<T>> {
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

/** A tensor as plain data: its shape (batch first) and its values in row-major order. */
export interface TensorData {
  shape: number[];
  data: number[];
}

export interface ForwardJob {
  /** A generated PyTorch file; its nn.Module class is built and run in eval mode. */
  file: string;
  inputs: Array<TensorData & { dtype: 'float32' | 'int64' }>;
  /** Replace random weights by the framework-neutral ones of `uniformWeights` (see runKerasJson). */
  uniformWeights?: boolean;
}

/** Runs each file's model on exactly the given inputs (in one interpreter) and returns its outputs. */
export async function forwardPytorch(jobs: ForwardJob[], timeoutMs = 600_000): Promise<Array<{ file: string; outputs: TensorData[]; error: string | null }>> {
  const spec = writeTempFiles(
    [['forward.json', JSON.stringify(jobs.map((job) => ({ file: job.file, inputs: job.inputs, uniform_weights: job.uniformWeights ?? false })))]],
    'paper2net-forward-',
  )[0];
  return (await batch<{ file: string; outputs: TensorData[]; error: string | null }>('forward', [spec!], timeoutMs)).results;
}

/** Channels-last image data [N, H, W, C] reordered to channels-first [N, C, H, W]; other ranks unchanged. */
export function nhwcToNchw(tensor: TensorData): TensorData {
  if (tensor.shape.length !== 4) return tensor;
  const [n, h, w, c] = tensor.shape as [number, number, number, number];
  const data = new Array<number>(tensor.data.length);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) data[((b * c + k) * h + y) * w + x] = tensor.data[((b * h + y) * w + x) * c + k]!;
  return { shape: [n, c, h, w], data };
}

/** Channels-first image data [N, C, H, W] reordered to channels-last [N, H, W, C]; other ranks unchanged. */
export function nchwToNhwc(tensor: TensorData): TensorData {
  if (tensor.shape.length !== 4) return tensor;
  const [n, c, h, w] = tensor.shape as [number, number, number, number];
  const data = new Array<number>(tensor.data.length);
  for (let b = 0; b < n; b++)
    for (let k = 0; k < c; k++)
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[((b * h + y) * w + x) * c + k] = tensor.data[((b * c + k) * h + y) * w + x]!;
  return { shape: [n, h, w, c], data };
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

export async function loadTfjs() {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  const tfl = await import('@tensorflow/tfjs-layers');
  // tfjs-layers calls chained tensor methods (the Orthogonal initializer uses .flatten()), which the full
  // tfjs package registers. They patch the global Tensor class, so tfjs-core must be loaded first.
  await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
  await tf.setBackend('cpu');
  return { tf, tfl };
}

/**
 * The value every element of a weight takes under `uniformWeights`: 1 / fan-in for kernels, 0 for
 * biases, 1 for scales. PyTorch's side (python_batch.py) gives the same numbers to the same weights,
 * so two frameworks' outputs can be compared without converting weights.
 */
function uniformValue(name: string, shape: number[]): number {
  const kind = /(recurrent_kernel|depthwise_kernel|kernel|bias|beta|gamma|moving_mean|moving_variance|alpha|embeddings)(_\d+)?$/.exec(name)?.[1];
  const size = shape.reduce((a, b) => a * b, 1);
  switch (kind) {
    case 'kernel':
    case 'recurrent_kernel':
      return shape[shape.length - 1]! / size;
    case 'depthwise_kernel':
      return 1 / (shape[0]! * shape[1]!);
    case 'embeddings':
      return 0.1;
    case 'gamma':
    case 'alpha':
    case 'moving_variance':
      return 1;
    case 'bias':
    case 'beta':
    case 'moving_mean':
      return 0;
    default:
      throw new Error(`no uniform value for weight ${name}`);
  }
}

/**
 * Loads a Keras `model.to_json()` document with TensorFlow.js (tfjs-layers on the CPU backend) and
 * runs it on the given channels-last inputs (batch first); returns every output.
 */
export async function runKerasJson(
  json: string,
  inputs: Array<TensorData & { dtype: 'float32' | 'int32' }>,
  options: { uniformWeights?: boolean } = {},
): Promise<TensorData[]> {
  const { tf, tfl } = await loadTfjs();
  const model = await tfl.models.modelFromJSON(JSON.parse(json));
  try {
    if (options.uniformWeights) {
      for (const layer of model.layers) {
        if (layer.weights.length === 0) continue;
        const values = layer.weights.map((weight) => tf.fill(weight.shape as number[], uniformValue(weight.name, weight.shape as number[])));
        layer.setWeights(values);
        tf.dispose(values);
      }
    }
    const tensors = inputs.map((input) => tf.tensor(input.data, input.shape, input.dtype));
    const predicted = model.predict(tensors.length === 1 ? tensors[0]! : tensors);
    const outputs = Array.isArray(predicted) ? predicted : [predicted];
    const results = outputs.map((tensor) => ({ shape: [...tensor.shape], data: [...tensor.dataSync()] }));
    tf.dispose([...tensors, ...outputs]);
    return results;
  } finally {
    model.dispose();
  }
}

/** Like runKerasJson on random input (normal floats, or token ids below `vocab`); returns the output shapes. */
export async function predictKerasJson(json: string, inputs: TfjsInput[]): Promise<number[][]> {
  const random = inputs.map((input) => {
    const size = input.shape.reduce((a, b) => a * b, 1);
    const data = Array.from({ length: size }, () => (input.vocab !== undefined ? Math.floor(Math.random() * input.vocab) : Math.random() * 2 - 1));
    return { shape: [1, ...input.shape], data, dtype: input.vocab !== undefined ? ('int32' as const) : ('float32' as const) };
  });
  return (await runKerasJson(json, random)).map((output) => output.shape);
}

/**
 * Runs the LocalResponseNormalization class of a generated Keras file (on a torch-backed stand-in
 * for keras.ops) against torch.nn.LocalResponseNorm; returns the largest absolute difference.
 */
export async function kerasLrnDifference(file: string, params: { size: number; alpha: number; beta: number; k: number }): Promise<number> {
  const script = fileURLToPath(new URL('./python_keras_lrn.py', import.meta.url));
  const { stdout } = await promisify(execFile)(PYTHON, [script, file, ...[params.size, params.alpha, params.beta, params.k].map(String)], { timeout: 120_000 });
  return (JSON.parse(stdout) as { max_difference: number }).max_difference;
}

/**
 * Runs the attention core of a generated PyTorch file (its dot_product_attention function) and of a generated
 * Keras file (its DotProductAttention layer, on a torch-backed stand-in for keras.ops) against
 * torch.nn.MultiheadAttention with identity projections; returns, per case, each one's largest absolute difference.
 */
export async function attentionCoreDifferences(torchFile: string, kerasFile: string): Promise<Record<string, { pytorch: number; keras: number }>> {
  const script = fileURLToPath(new URL('./python_attention_core.py', import.meta.url));
  const { stdout } = await promisify(execFile)(PYTHON, [script, torchFile, kerasFile], { timeout: 120_000 });
  return JSON.parse(stdout) as Record<string, { pytorch: number; keras: number }>;
}

export interface KerasWiring {
  file: string;
  /** Every layer call of the build function, in order: class, name and the layers feeding it. */
  layers: Array<{ class_name: string; name: string; inbound: string[] }>;
  inputs: string[];
  outputs: string[];
  name: string | null;
  error: string | null;
}

/** Runs each generated Keras file's build function on a recording stand-in for Keras (none is installed). */
export async function kerasWiring(files: string[], timeoutMs = 300_000): Promise<BatchResult<KerasWiring>> {
  const script = fileURLToPath(new URL('./python_keras_wiring.py', import.meta.url));
  const { stdout, stderr } = await promisify(execFile)(PYTHON, [script, ...files], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(stdout.slice(stdout.lastIndexOf(RESULTS_MARK) + RESULTS_MARK.length)) as KerasWiring[];
  return { results, rawStdout: stdout, rawStderr: stderr };
}
