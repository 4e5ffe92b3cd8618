/** `paper2net codegen graph.json|- --target keras|caffe|pytorch|onnx|all --out dir|x.zip` */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TARGETS, bundleFiles, zipFiles, type TargetName } from '../codegen/index.ts';
import { parseGraphJson, validateGraph } from '../graph/index.ts';
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

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(CODEGEN, args);
  const input = positionals[0]!;
  const out = values.out!;
  const targets = targetsFrom(values.target);
  const graph = parseGraphJson(readInput(input));
  const errors = validateGraph(graph).filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    for (const error of errors) process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const { files, failures } = bundleFiles(graph, targets);
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
  for (const failure of failures) process.stderr.write(`warning: ${failure.message}\n`);
  process.stderr.write(`wrote ${out}\n`);
  // Only graph.json and the README: no target could express the graph.
  return files.length === 2 ? 1 : 0;
}
