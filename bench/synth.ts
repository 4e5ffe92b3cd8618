/**
 * Synthetic dataset throughput, per core: grammar models/s, figure renders/s (layout + SVG + ground truth)
 * per style, and finished images/s (rasterise + degrade + PNG) at natural size and at classifier size.
 * Rates are per CPU-second of this process (process.cpuUsage), so other work on the machine does not skew
 * them; wall-clock rates are printed too. Run: `npx tsx bench/synth.ts` (also called by `npm run bench`).
 */
import { resvgRasterizer } from '../src/cli/synth.ts';
import { validateGraph } from '../src/graph/index.ts';
import { ALL_STYLES, GRAPHVIZ_STYLES, createRandom, drawFigure, generateModel, getViz, renderSample, type FigureStyle } from '../src/synth/index.ts';

interface Timing {
  cpu: number;
  wall: number;
}

async function measure(work: () => Promise<void> | void): Promise<Timing> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - wall0) / 1000 };
}

function rate(count: number, t: Timing): string {
  return `${(count / t.cpu).toFixed(1)}/s per core (${(count / t.wall).toFixed(1)}/s wall)`;
}

const viz = await getViz();

const MODELS = 3000;
const grammar = await measure(() => {
  for (let seed = 0; seed < MODELS; seed++) generateModel(seed);
});
let valid = 0;
for (let seed = 0; seed < MODELS; seed++) {
  if (!validateGraph(generateModel(seed).graph).some((issue) => issue.severity === 'error')) valid++;
}
console.log(`grammar: ${MODELS} models, ${rate(MODELS, grammar)}; valid ${((100 * valid) / MODELS).toFixed(1)}%`);

const RENDERS = 60;
for (const style of [...GRAPHVIZ_STYLES, 'cuboids3d', 'linechart'] as FigureStyle[]) {
  const models = Array.from({ length: RENDERS }, (_, i) => generateModel(i));
  const t = await measure(() => {
    models.forEach((model, i) => drawFigure(style, model, createRandom(i), viz));
  });
  const layers = models.reduce((n, m) => n + m.graph.layers.length, 0) / RENDERS;
  console.log(`render ${style}: ${rate(RENDERS, t)} (mean ${layers.toFixed(1)} layers, SVG + truth, no pixels)`);
}

const IMAGES = 45;
for (const [label, maxSide] of [
  ['natural size (≤ 4096 px side)', 4096],
  ['classifier size (≤ 1024 px side)', 1024],
] as const) {
  let pixels = 0;
  const t = await measure(async () => {
    for (let i = 0; i < IMAGES; i++) {
      const sample = await renderSample(7, i, ALL_STYLES, { viz, rasterizer: resvgRasterizer }, { maxSide });
      pixels += sample.truth.width * sample.truth.height;
    }
  });
  console.log(`images, all ${ALL_STYLES.length} styles, ${label}: ${rate(IMAGES, t)}, mean ${(pixels / IMAGES / 1e6).toFixed(2)} MP`);
}
