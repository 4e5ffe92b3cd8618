/**
 * `paper2net classify image.png|image.jpg [...] [--json] [--model file.onnx]`: is each image an architecture figure,
 * and which kind. Decodes PNG/JPEG here (Node only, pure JS); the classifier itself takes RGBA pixels. Both run in
 * a worker thread within limits (classifyTask.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Classification, RgbaImage } from '../classify/index.ts';
import { decodeRgba } from '../diagrams/raster/image.ts';
import { CLASSIFY } from './commands.ts';
import type { ClassifyTask } from './classifyTask.ts';
import { checkImageSize } from './imageHeader.ts';
import { runIsolated, type IsolationLimits } from './isolate.ts';
import { parseCommand } from './options.ts';

export const DEFAULT_MODEL = fileURLToPath(new URL('../../models/figure-classifier.onnx', import.meta.url));

/** As extract's (extractIsolated.ts); each image within its own allowance (classifyTask.ts). */
const CLASSIFY_LIMITS: IsolationLimits = { heapMb: 2048, rssMb: 3072, totalMs: 600_000, startMs: 60_000 };

/** PNG or JPEG file bytes → RGBA pixels (by magic number, not by file name). */
export function decodeImage(bytes: Uint8Array, name: string): RgbaImage {
  checkImageSize(bytes, name);
  try {
    return decodeRgba(bytes, { maxMemoryMB: 2048 });
  } catch (error) {
    throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
  }
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

export async function run(args: string[]): Promise<number> {
  const { positionals: files, values } = parseCommand(CLASSIFY, args);
  const images = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(file)) }));
  // Refused by their headers before any work; decoding and the model run in a worker thread with real limits.
  for (const { file, bytes } of images) checkImageSize(bytes, file);
  const task: ClassifyTask = { model: new Uint8Array(readFileSync(values.model ?? DEFAULT_MODEL)), images };
  const results = await runIsolated<ClassifyTask, Classification[]>('classifyWorker', task, CLASSIFY_LIMITS);
  const rows = results.map((r) => ({
    architecture: round(r.architecture),
    kind: r.kind,
    scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, round(v)])),
  }));
  if (values.json) {
    const out = files.length === 1 ? rows[0] : files.map((file, i) => ({ file, ...rows[i] }));
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    files.forEach((file, i) => {
      const r = rows[i]!;
      const verdict = r.architecture >= 0.5 ? `architecture (${r.kind})` : 'not architecture';
      process.stdout.write(`${file}: ${verdict}, p(architecture) = ${r.architecture.toFixed(3)}\n`);
    });
  }
  return 0;
}
