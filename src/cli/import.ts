/** `paper2net import model.prototxt|model.json|model.onnx` — the model as graph JSON on stdout. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { serializeGraph } from '../graph/index.ts';
import { importModel } from '../importers/index.ts';
import { capped } from './capped.ts';
import { IMPORT } from './commands.ts';
import { parseCommand } from './options.ts';

export async function run(args: string[]): Promise<number> {
  const file = parseCommand(IMPORT, args).positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    process.stderr.write(`paper2net import: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const graph = importModel(bytes, basename(file));
    process.stdout.write(`${serializeGraph(graph)}\n`);
    for (const warning of capped(graph.warnings ?? [])) process.stderr.write(`warning: ${warning}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`paper2net import: ${file}: ${(error as Error).message}\n`);
    return 1;
  }
}
