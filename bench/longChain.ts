/**
 * A 100,000-layer chain (Input, then Dense and Dropout in turn, every layer named `fc`: the importer must
 * unique them) through import (Caffe prototxt) → validate → all four emitters; target ≤ 10 s in all. Any
 * quadratic step or recursive walk shows here as minutes or a stack overflow. As `paper2net codegen` does, the
 * graph is analysed once (the validation) and that analysis handed to every emitter.
 * Run: `npx tsx bench/longChain.ts [layers]` (also called by `npm run bench`).
 */
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch } from '../src/codegen/index.ts';
import { analyseGraph, type Analysis } from '../src/graph/index.ts';
import { importModel } from '../src/importers/index.ts';

export function chainPrototxt(layers: number): string {
  const out = ['name: "chain"', 'input: "data"', 'input_shape { dim: 1 dim: 4 }'];
  let bottom = 'data';
  for (let i = 1; i < layers; i++) {
    const top = `t${i}`;
    if (i % 2) out.push(`layer { name: "fc" type: "InnerProduct" bottom: "${bottom}" top: "${top}" inner_product_param { num_output: 4 } }`);
    else out.push(`layer { name: "fc" type: "Dropout" bottom: "${bottom}" top: "${top}" dropout_param { dropout_ratio: 0.5 } }`);
    bottom = top;
  }
  return out.join('\n');
}

const size = Number(process.argv[2] ?? 100_000);
const text = new TextEncoder().encode(chainPrototxt(size));
const steps: Array<[string, () => unknown]> = [];
let graph: ReturnType<typeof importModel> | undefined;
let analysis: Analysis | undefined;
steps.push(['import', () => (graph = importModel(text, 'chain.prototxt'))]);
steps.push(['validate', () => (analysis = analyseGraph(graph!))]);
steps.push(['keras', () => emitKerasPython(graph!, { analysis })]);
steps.push(['caffe', () => emitCaffe(graph!, { analysis })]);
steps.push(['pytorch', () => emitPytorch(graph!, { analysis })]);
steps.push(['onnx', () => emitOnnx(graph!, { analysis })]);
// CPU time of this process, so other work on the machine does not skew it; wall time beside it.
let total = 0;
let peakHeap = 0;
for (const [name, run] of steps) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  total += ms;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  console.log(`${name.padEnd(9)} ${ms.toFixed(0).padStart(7)} ms CPU  ${(performance.now() - t0).toFixed(0).padStart(7)} ms wall`);
}
console.log(
  `long chain: ${size} layers, import → validate → 4 emitters in ${(total / 1000).toFixed(1)} s CPU (target ≤ 10 s), heap ${Math.round(peakHeap / 2 ** 20)} MB`,
);
