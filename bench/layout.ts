/**
 * The editor's layout of a big imported graph (DenseNet-121, 428 layers, from the corpus prototxt), as the
 * layout worker runs it (src/pipeline/layeredLayout.ts), against ELK wrapping the chain itself (the layout
 * before columnWrap.ts) on the same graph. Prints the first layout after the app's warm-up and the median of 3 warm
 * runs each; the goal is ≤ 2000 ms.
 * Run: `npx tsx bench/layout.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ELK from 'elkjs/lib/elk.bundled.js';
import { layeredLayout } from '../src/pipeline/layeredLayout.ts';
import { openModelFile } from '../src/pipeline/openModel.ts';
import { CORPUS } from '../tests/e2e/serveApp.ts';
import { median, timed } from './lib/measure.ts';

const graph = openModelFile(new Uint8Array(readFileSync(join(CORPUS, 'prototxt/densenet-caffe__DenseNet_121.prototxt'))), 'DenseNet_121.prototxt');
// The editor's node size (src/ui/model/flowView.ts).
const nodes = graph.layers.map((l) => ({ id: l.id, width: 190, height: 64 }));
const edges = graph.layers.flatMap((l) => (l.inputs ?? []).map((i): [string, string] => [i, l.id]));
const elk = new ELK();

/** ELK's own wrapping, as the layout worker did it before. */
const elkWrapped = () =>
  elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.wrapping.strategy': 'MULTI_EDGE',
      'elk.aspectRatio': '1.2',
      'elk.layered.thoroughness': '1',
    },
    children: nodes.map((n) => ({ ...n })),
    edges: edges.map(([s, t], i) => ({ id: `e${i}`, sources: [s], targets: [t] })),
  });

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
const ms = await warmMedian(() => layeredLayout(elk, nodes, edges));
const before = await warmMedian(elkWrapped);
console.log(`layers                         ${nodes.length}`);
console.log(`firstLayoutMs                  ${Math.round(first)}`);
console.log(`layoutMs (warm)                ${ms}`);
console.log(`elkOwnWrappingMs (before)      ${before}`);
console.log('(goal: firstLayoutMs ≤ 2000; medians of 3 warm runs in Node, one thread)');
