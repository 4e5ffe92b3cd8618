/**
 * `paper2net extract paper.pdf [--out dir] [--json] [--max-pages N] [--no-bitmaps] [--no-ocr]` — the designs a paper describes.
 * --json prints {"designs": [...], "regions": [...], "warnings": [...]} on stdout; otherwise a readable summary.
 * --out also writes each design's graph JSON and its code bundle (ZIP).
 * Bitmap figures are rendered and classified, and those the classifier calls architecture drawings are read by
 * OCR (seconds each); --no-bitmaps skips them. Pages whose text layer is unreadable (no ToUnicode) or missing
 * (a scan) are read by OCR too (seconds each, named in the warnings); --no-ocr (or --no-bitmaps) leaves them out.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph } from '../graph/index.ts';
import { capped } from './capped.ts';
import { EXTRACT } from './commands.ts';
import { extractIsolated } from './extractIsolated.ts';
import { integerOption, parseCommand } from './options.ts';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'design';

function summary(graph: Graph, index: number): string {
  const counts = new Map<string, number>();
  for (const layer of graph.layers) counts.set(layer.type, (counts.get(layer.type) ?? 0) + 1);
  const kinds = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
  const src = graph.source;
  const where = src ? `page ${src.page ?? '?'}, ${src.kind}${src.also?.length ? ` + ${src.also.map((a) => a.kind).join(' + ')}` : ''}` : 'unknown source';
  const caption = src?.caption ? `\n    ${src.caption.slice(0, 100)}${src.caption.length > 100 ? '…' : ''}` : '';
  return `${index + 1}. ${graph.name} (${where}; confidence ${graph.confidence ?? '?'})${caption}\n    ${graph.layers.length} layers: ${kinds}`;
}

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(EXTRACT, args);
  const file = positionals[0]!;
  const maxPages = values['max-pages'] === undefined ? undefined : integerOption('max-pages', values['max-pages'], 0, 1);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    process.stderr.write(`paper2net extract: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  let result;
  try {
    const bitmaps = !values['no-bitmaps'];
    result = await extractIsolated({ bytes, ...(maxPages ? { maxPages } : {}), bitmaps, ocr: bitmaps && !values['no-ocr'] });
  } catch (error) {
    process.stderr.write(`paper2net extract: ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const { designs, regions, warnings } = result;
  if (values.json) process.stdout.write(`${JSON.stringify({ designs, regions, warnings })}\n`);
  else {
    process.stdout.write(`${file}: ${designs.length} design(s) from ${result.pagesRead} of ${result.pageCount} page(s)\n`);
    designs.forEach((graph, i) => process.stdout.write(`${summary(graph, i)}\n`));
    const classified = regions.filter((r) => r.classified);
    if (classified.length) {
      const read = classified.filter((r) => r.classified!.read).length;
      const fromBitmaps = designs.filter(
        (d) => d.source?.kind === 'figure' && classified.some((r) => r.page === d.source?.page && r.bbox.join() === d.source?.bbox?.join()),
      ).length;
      process.stdout.write(`${classified.length} bitmap figure(s): ${read} classified as architecture drawings and read, ${fromBitmaps} became designs\n`);
    }
  }
  for (const warning of capped(warnings)) process.stderr.write(`warning: ${warning}\n`);
  const { out } = values;
  if (out) {
    // Loaded only for --out: the code bundle's ZIP and protobuf packages are most of this process's start-up time.
    const [{ bundleZip }, { serializeGraph }] = await Promise.all([import('../codegen/index.ts'), import('../graph/index.ts')]);
    await mkdir(out, { recursive: true });
    for (const [i, graph] of designs.entries()) {
      const base = join(out, `${String(i + 1).padStart(2, '0')}-${slug(graph.name)}`);
      await writeFile(`${base}.json`, `${serializeGraph(graph)}\n`);
      const zip = await bundleZip(graph).catch((error: Error) => {
        process.stderr.write(`warning: ${graph.name}: no code bundle (${error.message})\n`);
        return undefined;
      });
      if (zip) await writeFile(`${base}.zip`, zip);
    }
  }
  return 0;
}
