/**
 * The editor's layout of a big imported graph (DenseNet-121, 428 layers, from the corpus prototxt), as the
 * layout worker runs it (src/pipeline/layeredLayout.ts: our tower cut into columns), against the ELK layered layout
 * it replaced on big graphs (one crossing sweep, longest-path layers, polyline routes, then cut into columns). Prints
 * the first layout after the app's warm-up and the median of 3 warm runs each; the goal is ≤ 2000 ms.
 * Run: `npx tsx bench/layout.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { wrapIntoColumns, type PlacedBox } from '../src/pipeline/columnWrap.ts';
import { layeredLayout } from '../src/pipeline/layeredLayout.ts';
import { openModelFile } from '../src/pipeline/openModel.ts';
import { CORPUS } from '../tests/e2e/serveApp.ts';
import { median, timed } from './lib/measure.ts';

const graph = openModelFile(new Uint8Array(readFileSync(join(CORPUS, 'prototxt/densenet-caffe__DenseNet_121.prototxt'))), 'DenseNet_121.prototxt');
// The editor's node size (src/ui/model/flowView.ts).
const nodes = graph.layers.map((l) => ({ id: l.id, width: 190, height: 64 }));
const edges = graph.layers.flatMap((l) => (l.inputs ?? []).map((i): [string, string] => [i, l.id]));
const elk = new ELK();

/** The layout worker's big-graph path before towerLayout.ts. */
async function elkTower(): Promise<Record<string, { x: number; y: number }>> {
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.thoroughness': '1',
      'elk.layered.layering.strategy': 'LONGEST_PATH',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: nodes.map((n) => ({ ...n })),
    edges: edges.map(([s, t], i) => ({ id: `e${i}`, sources: [s], targets: [t] })),
  });
  const boxes: Record<string, PlacedBox> = {};
  for (const c of result.children ?? []) boxes[c.id] = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
  return wrapIntoColumns(boxes, 1.2);
}

async function warmMedian(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push((await timed(run))[1]);
  return Math.round(median(times));
}

// As in the app: the worker warms up on a 40-layer graph (src/ui/model/layoutWarmUp.ts), then meets the big one.
const small = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, width: 190, height: 64 }));
await layeredLayout(
  elk,
  small,
  small.slice(1).map((n, i): [string, string] => [`n${i % 5 === 4 ? i - 3 : i}`, n.id]),
);
const [, first] = await timed(() => layeredLayout(elk, nodes, edges));
const [, firstBefore] = await timed(elkTower);
const ms = await warmMedian(() => layeredLayout(elk, nodes, edges));
const before = await warmMedian(elkTower);
console.log(`layers                         ${nodes.length}`);
console.log(`firstLayoutMs                  ${Math.round(first)}`);
console.log(`layoutMs (warm)                ${ms}`);
console.log(`elkFirstLayoutMs (before)      ${Math.round(firstBefore)}`);
console.log(`elkLayoutMs (before, warm)     ${before}`);
console.log('(goal: firstLayoutMs ≤ 2000; medians of 3 warm runs in Node, one thread)');
