/**
 * Code generation speed on a 200-layer branched graph (residual blocks with Add, inception-style Concat):
 * the time to emit each target and all four together (goal ≤ 16 ms, one frame), and to validate + infer shapes.
 */
import { emitCaffe, emitCaffeText, emitKerasJson, emitKerasPython, emitOnnx, emitPytorch } from '../src/codegen/index.ts';
import { GRAPH_FORMAT, inferShapes, validateGraph, type Graph, type Layer } from '../src/graph/index.ts';
import { median } from './lib/measure.ts';

/** Stem, then residual and inception blocks until the graph has `size` layers, then a classifier head. */
export function branchedGraph(size: number): Graph {
  const layers: Layer[] = [
    { id: 'input', type: 'Input', params: { shape: [32, 32, 3] } },
    { id: 'stem', type: 'Conv2D', inputs: ['input'], params: { filters: 32, kernel: 3, padding: 'same', activation: 'relu' } },
  ];
  let head = 'stem';
  for (let block = 0; layers.length < size - 4; block++) {
    const p = `b${block}`;
    if (block % 2 === 0) {
      layers.push(
        { id: `${p}_conv1`, type: 'Conv2D', inputs: [head], params: { filters: 32, kernel: 3, padding: 'same' } },
        { id: `${p}_bn1`, type: 'BatchNorm', inputs: [`${p}_conv1`] },
        { id: `${p}_relu1`, type: 'Activation', inputs: [`${p}_bn1`], params: { fn: 'relu' } },
        { id: `${p}_conv2`, type: 'Conv2D', inputs: [`${p}_relu1`], params: { filters: 32, kernel: 3, padding: 'same' } },
        { id: `${p}_bn2`, type: 'BatchNorm', inputs: [`${p}_conv2`] },
        { id: `${p}_add`, type: 'Add', inputs: [`${p}_bn2`, head] },
        { id: `${p}_relu2`, type: 'Activation', inputs: [`${p}_add`], params: { fn: 'relu' } },
      );
      head = `${p}_relu2`;
    } else {
      layers.push(
        { id: `${p}_1x1`, type: 'Conv2D', inputs: [head], params: { filters: 8, kernel: 1, activation: 'relu' } },
        { id: `${p}_3x3r`, type: 'Conv2D', inputs: [head], params: { filters: 8, kernel: 1, activation: 'relu' } },
        { id: `${p}_3x3`, type: 'Conv2D', inputs: [`${p}_3x3r`], params: { filters: 8, kernel: 3, padding: 'same', activation: 'relu' } },
        { id: `${p}_pool`, type: 'MaxPool2D', inputs: [head], params: { pool: 3, stride: 1, padding: 'same' } },
        { id: `${p}_poolproj`, type: 'Conv2D', inputs: [`${p}_pool`], params: { filters: 16, kernel: 1, activation: 'relu' } },
        { id: `${p}_concat`, type: 'Concat', inputs: [`${p}_1x1`, `${p}_3x3`, `${p}_poolproj`] },
      );
      head = `${p}_concat`;
    }
  }
  layers.push(
    { id: 'gap', type: 'GlobalAvgPool2D', inputs: [head] },
    { id: 'dropout', type: 'Dropout', inputs: ['gap'], params: { rate: 0.5 } },
    { id: 'fc', type: 'Dense', inputs: ['dropout'], params: { units: 10 } },
    { id: 'softmax', type: 'Activation', inputs: ['fc'], params: { fn: 'softmax' } },
  );
  return { format: GRAPH_FORMAT, name: 'branched200', layers };
}

/** Median milliseconds of `run` over `repeats` runs, after three warm-up runs. */
function medianMs(run: () => unknown, repeats: number): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const graph = branchedGraph(200);
const validation = validateGraph(graph);
if (validation.length > 0) throw new Error(validation.map((i) => i.message).join('\n'));
const figures: Array<[string, number]> = [
  ['validate + infer shapes', medianMs(() => (validateGraph(graph), inferShapes(graph)), 50)],
  ['Keras Python', medianMs(() => emitKerasPython(graph), 30)],
  ['Keras JSON', medianMs(() => emitKerasJson(graph), 30)],
  ['PyTorch', medianMs(() => emitPytorch(graph), 30)],
  ['Caffe prototxt + NetSpec (no weights)', medianMs(() => emitCaffeText(graph), 30)],
  ['Caffe prototxt + NetSpec + caffemodel', medianMs(() => emitCaffe(graph), 10)],
  ['ONNX (with weights)', medianMs(() => emitOnnx(graph), 10)],
  ['ONNX (placeholder weights)', medianMs(() => emitOnnx(graph, { weights: 'placeholder' }), 10)],
];
const sum = (names: string[]) => figures.filter(([name]) => names.includes(name)).reduce((total, [, ms]) => total + ms, 0);
// What the editor regenerates on every edit: the shown code tab (at worst Caffe). Weights are only built for a download.
const shownTab = Math.max(
  ...figures.filter(([name]) => ['Keras Python', 'PyTorch', 'Caffe prototxt + NetSpec (no weights)'].includes(name)).map(([, ms]) => ms),
);
const allTargets = sum(['Keras Python', 'Keras JSON', 'PyTorch', 'Caffe prototxt + NetSpec + caffemodel', 'ONNX (with weights)']);
console.log(`codegen on a ${graph.layers.length}-layer branched graph (median ms):`);
for (const [name, ms] of figures) console.log(`  ${name.padEnd(40)} ${ms.toFixed(2)}`);
console.log(`  ${'an edit: the shown code tab (slowest)'.padEnd(40)} ${shownTab.toFixed(2)}   (goal: within one 16 ms frame)`);
console.log(`  ${'all four targets, with seeded weights'.padEnd(40)} ${allTargets.toFixed(2)}`);
