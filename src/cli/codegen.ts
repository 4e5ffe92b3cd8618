/** `paper2net codegen graph.json|- --target keras|caffe|pytorch|onnx|all --out dir|x.zip` */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TARGETS, bundleFiles, zipFiles, type OnnxWeights, type TargetName } from '../codegen/index.ts';
import { analyseGraph, parseGraphJson, type Analysis, type Graph } from '../graph/index.ts';
import { countWeights } from '../pipeline/exportBudget.ts';
import { capped } from './capped.ts';
import { CODEGEN } from './commands.ts';
import { parseCommand, UsageError } from './options.ts';

function readInput(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

function targetsFrom(value: string | undefined): TargetName[] {
  if (value === undefined || value === 'all') return [...TARGETS];
  const targets = value.split(',');
  for (const target of targets) {
    if (!TARGETS.includes(target as TargetName)) throw new UsageError(`unknown target "${target}"; use ${TARGETS.join('|')}|all`);
  }
  return targets as TargetName[];
}

function weightsFrom(value: string | undefined): OnnxWeights {
  if (value === undefined || value === 'seeded' || value === 'placeholder') return value ?? 'seeded';
  throw new UsageError(`--weights "${value}": use seeded or placeholder`);
}

/** All seeded weight files together (each is capped at 2 GB by protobuf; a 201-byte graph could ask for two). */
export const MAX_WEIGHT_FILES_BYTES = 2e9;

/** Why the seeded weight files of these targets would be too big, or undefined. */
function weightFilesProblem(graph: Graph, analysis: Analysis, targets: readonly TargetName[]): string | undefined {
  const files = targets.filter((t) => t === 'caffe' || t === 'onnx').length;
  const bytes = files * countWeights(graph, analysis) * 4;
  if (bytes <= MAX_WEIGHT_FILES_BYTES) return undefined;
  const gb = (n: number) => `${(n / 1e9).toFixed(1)} GB`;
  return `${graph.name}: ${files} seeded weight file(s) of ${gb(bytes / files)} each (${gb(bytes)} in all) are over the ${gb(MAX_WEIGHT_FILES_BYTES)} limit; use --weights placeholder (constant weights, kilobytes) or --target keras,pytorch`;
}

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(CODEGEN, args);
  const input = positionals[0]!;
  const out = values.out!;
  const targets = targetsFrom(values.target);
  const graph = parseGraphJson(readInput(input));
  // Worked out once, for the check, the weight count and every target.
  const analysis = analyseGraph(graph);
  const errors = analysis.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    for (const line of capped(errors.map((error) => error.message))) process.stderr.write(`${line}\n`);
    return 1;
  }
  const weights = weightsFrom(values.weights);
  const tooBig = weights === 'seeded' ? weightFilesProblem(graph, analysis, targets) : undefined;
  if (tooBig) {
    process.stderr.write(`${tooBig}\n`);
    return 1;
  }
  const { files, failures } = bundleFiles(graph, targets, { weights, analysis });
  if (out.endsWith('.zip')) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, await zipFiles(files));
  } else {
    for (const file of files) {
      const path = join(out, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
  }
  for (const line of capped(failures.map((failure) => failure.message))) process.stderr.write(`warning: ${line}\n`);
  process.stderr.write(`wrote ${out}\n`);
  // Only graph.json and the README: no target could express the graph.
  return files.length === 2 ? 1 : 0;
}
