/**
 * Property test: random valid graphs (image and sequence networks, branches merged by Concat, Add and
 * Multiply) through every target and its real runtime. Each runtime's output shapes must equal the
 * inferred shapes; a target may refuse a graph only with UnsupportedLayerError naming one of its layers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  emitCaffe,
  emitKerasJson,
  emitKerasPython,
  emitOnnx,
  emitPytorch,
  UnsupportedLayerError,
  type CaffeOutput,
  type TargetName,
} from '../../src/codegen/index.ts';
import { inputCasts } from '../../src/codegen/casts.ts';
import { inferShapes, inferTensors, outputLayers, type Graph } from '../../src/graph/index.ts';
import { DATASET_NAMES, generateModel } from '../../src/synth/index.ts';
import { runCaffeBatch } from '../support/caffe-runtime.ts';
import { modelSize } from '../support/cost.ts';
import { runOnnx } from '../support/onnx-runtime.ts';
import { randomGraphs } from '../support/random-graphs.ts';
import { compilePythonFiles, predictKerasJson, printedOutputShapes, runPythonFiles, toNCHW, writeTempFiles } from '../support/runtime.ts';

const COUNT = Number(process.env.PAPER2NET_PROPERTY_COUNT ?? 500);
const graphs = randomGraphs(COUNT, 2026);

/** Output shapes each runtime should report, batch first, in graph output order. */
function expectedShapes(graph: Graph, layout: 'channels-first' | 'channels-last'): number[][] {
  const shapes = inferShapes(graph);
  return outputLayers(graph).map((layer) => {
    const shape = shapes.get(layer.id)!;
    return layout === 'channels-first' ? toNCHW(shape) : [1, ...shape];
  });
}

/** Emits with `emit`; an UnsupportedLayerError must name a layer of the graph. Returns undefined when refused. */
function tryEmit<T>(target: TargetName, graph: Graph, emit: (g: Graph) => T, refusals: Map<TargetName, string[]>): T | undefined {
  try {
    return emit(graph);
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw new Error(`${target} emitter crashed on ${graph.name}: ${(error as Error).stack}`, { cause: error });
    expect(graph.layers.some((layer) => layer.id === error.layerId && layer.type === error.layerType)).toBe(true);
    refusals.set(target, [...(refusals.get(target) ?? []), error.layerType]);
    return undefined;
  }
}

function summary(refusals: Map<TargetName, string[]>, target: TargetName): string {
  const counts = new Map<string, number>();
  for (const type of refusals.get(target) ?? []) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${type}×${n}`).join(', ') || 'none';
}

describe(`${COUNT} random graphs through every target and runtime`, () => {
  const refusals = new Map<TargetName, string[]>();

  beforeAll(() => {
    const merged = graphs.filter((g) => g.layers.some((layer) => (layer.inputs?.length ?? 0) > 1)).length;
    expect(merged).toBeGreaterThan(COUNT / 4);
  });

  it('PyTorch: every module runs forward in torch with the inferred output shapes', async () => {
    const sources = graphs.map((g) => tryEmit('pytorch', g, emitPytorch, refusals));
    expect(refusals.get('pytorch') ?? []).toEqual([]);
    const files = writeTempFiles(
      sources.map((source, i) => [`model_${i}.py`, source!]),
      'p2n-prop-torch-',
    );
    const { results } = await runPythonFiles(files);
    const failures: string[] = [];
    results.forEach((run, i) => {
      const got = printedOutputShapes(run.stdout).map((o) => o.shape);
      const want = expectedShapes(graphs[i]!, 'channels-first');
      if (run.error || JSON.stringify(got) !== JSON.stringify(want))
        failures.push(`${graphs[i]!.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)} ${run.error ?? ''}`);
    });
    expect(failures).toEqual([]);
  });

  it('Keras: the Python compiles and the to_json document predicts in tfjs-layers with the inferred shapes', async () => {
    const python = graphs.map((g) => tryEmit('keras', g, emitKerasPython, refusals));
    expect(refusals.get('keras') ?? []).toEqual([]);
    const { results } = await compilePythonFiles(
      writeTempFiles(
        python.map((source, i) => [`keras_${i}.py`, source!]),
        'p2n-prop-keras-',
      ),
    );
    expect(results.filter((r) => r.error !== null)).toEqual([]);

    const jsonRefusals = new Map<TargetName, string[]>();
    const failures: string[] = [];
    let predicted = 0;
    for (const graph of graphs) {
      const json = tryEmit('keras', graph, emitKerasJson, jsonRefusals);
      if (json === undefined) continue;
      const inputs = graph.layers
        .filter((layer) => layer.type === 'Input')
        .map((layer) => ({ shape: layer.params!.shape as number[], vocab: layer.params!.dtype === 'int32' ? 20 : undefined }));
      const got = await predictKerasJson(json, inputs);
      const want = expectedShapes(graph, 'channels-last');
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${graph.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
      predicted++;
    }
    console.log(`Keras JSON: ${predicted}/${COUNT} predicted in tfjs-layers; refused: ${summary(jsonRefusals, 'keras')}`);
    expect(failures).toEqual([]);
    // Only layers tfjs-layers has no class for may be refused.
    for (const type of jsonRefusals.get('keras') ?? []) expect(['LRN', 'MultiHeadAttention', 'GRU']).toContain(type);
  });

  it('ONNX: every model runs in onnxruntime-web with the inferred output shapes', async () => {
    const failures: string[] = [];
    for (const graph of graphs) {
      const bytes = tryEmit('onnx', graph, emitOnnx, refusals);
      if (!bytes) continue;
      const outputs = await runOnnx(bytes, { batch: 1, maxTokenId: 19 });
      const got = outputs.map((o) => o.dims);
      const want = expectedShapes(graph, 'channels-first');
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${graph.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
    console.log(`ONNX refused: ${summary(refusals, 'onnx')}`);
    expect(failures).toEqual([]);
    expect(refusals.get('onnx') ?? []).toEqual([]);
  });

  it('Caffe: every net it can express loads in OpenCV and runs forward with the inferred shapes', () => {
    const emitted: Array<[Graph, CaffeOutput]> = [];
    for (const graph of graphs) {
      const caffe = tryEmit('caffe', graph, emitCaffe, refusals);
      if (caffe) emitted.push([graph, caffe]);
    }
    const runs = runCaffeBatch(emitted.map(([, caffe]) => caffe));
    const failures: string[] = [];
    let exact = 0;
    const openCvLimits: string[] = [];
    runs.forEach((run, i) => {
      const [graph, caffe] = emitted[i]!;
      // OpenCV's Caffe importer is the runtime here; it has no Embed layer and runs Eltwise on 2-D and 4-D blobs
      // only, so valid Caffe for sequence nets may not run in it. Image nets must all run.
      const isSequenceNet = graph.layers.some((layer) => layer.type === 'Input' && (layer.params!.shape as number[]).length !== 3);
      if (run.error && isSequenceNet) return openCvLimits.push(`${graph.name}: ${run.error}`);
      if (run.error) return failures.push(`${graph.name}: OpenCV: ${run.error}`);
      // Where Caffe cannot match the graph exactly (it rounds pooling up), the emitter must say so in its notes.
      const got = run.outputs.map((o) => o.dims).sort();
      const want = expectedShapes(graph, 'channels-first').sort();
      if (JSON.stringify(got) === JSON.stringify(want)) exact++;
      else if (caffe.notes.length === 0) failures.push(`${graph.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)} with no note`);
    });
    console.log(
      `Caffe: ${emitted.length}/${COUNT} emitted, ${exact} with exact shapes, ${openCvLimits.length} sequence nets OpenCV cannot run; refused: ${summary(refusals, 'caffe')}`,
    );
    expect(failures).toEqual([]);
    expect(emitted.length).toBeGreaterThan(COUNT / 2);
  });
});

/**
 * Models from the paper's own grammar (synth), for each of its four inputs: token ids meet Dense layers and
 * real values meet Embeddings there, which the random graphs above never chain. Every model within the
 * budget must run in torch and onnxruntime with the inferred shapes; the grammar also writes models far
 * too big for a test machine, which are counted apart rather than run.
 */
const GRAMMAR_PER_INPUT = Number(process.env.PAPER2NET_GRAMMAR_COUNT ?? 15);
const BUDGET = { parameters: 50_000_000, activations: 20_000_000 };

describe(`${GRAMMAR_PER_INPUT} grammar models per input through PyTorch and ONNX`, () => {
  const models = DATASET_NAMES.flatMap((dataset, d) =>
    Array.from({ length: GRAMMAR_PER_INPUT }, (_, i) => ({ dataset, graph: generateModel(7000 + 1000 * d + i, { dataset }).graph })),
  );
  const fits = (graph: Graph) => {
    const size = modelSize(graph);
    return size.parameters <= BUDGET.parameters && size.activations <= BUDGET.activations;
  };
  const sizeText = (graph: Graph) => {
    const { parameters, activations } = modelSize(graph);
    return `${graph.name} ${(parameters / 1e6).toFixed(0)}M parameters, ${(activations / 1e6).toFixed(0)}M activations`;
  };
  const runnable = models.filter((m) => fits(m.graph));
  const tooBig = models.filter((m) => !fits(m.graph));

  beforeAll(() => {
    const perInput = DATASET_NAMES.map((dataset) => `${dataset} ${runnable.filter((m) => m.dataset === dataset).length}/${GRAMMAR_PER_INPUT}`);
    console.log(
      `grammar models within ${BUDGET.parameters / 1e6}M parameters and ${BUDGET.activations / 1e6}M activations: ${perInput.join(', ')}; above: ${tooBig.length} (${tooBig.map((m) => sizeText(m.graph)).join(', ') || 'none'})`,
    );
    for (const dataset of DATASET_NAMES) expect(runnable.some((m) => m.dataset === dataset)).toBe(true);
    // The chains the random graphs lack: ids read as reals, reals read as ids.
    const casts = runnable.flatMap(({ graph }) => {
      const { elementTypes } = inferTensors(graph);
      return graph.layers.flatMap((layer) => inputCasts(layer, elementTypes).filter((to) => to !== undefined));
    });
    expect(new Set(casts)).toEqual(new Set(['int', 'float']));
  });

  it('PyTorch: every model within the budget runs forward in torch with the inferred output shapes', async () => {
    const files = writeTempFiles(
      runnable.map(({ graph }, i) => [`grammar_${i}.py`, emitPytorch(graph)]),
      'p2n-grammar-torch-',
    );
    const { results } = await runPythonFiles(files);
    const failures: string[] = [];
    results.forEach((run, i) => {
      const graph = runnable[i]!.graph;
      const got = printedOutputShapes(run.stdout).map((o) => o.shape);
      const want = expectedShapes(graph, 'channels-first');
      if (run.error || JSON.stringify(got) !== JSON.stringify(want))
        failures.push(`${graph.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)} ${run.error ?? ''}`);
    });
    expect(failures).toEqual([]);
  });

  it('ONNX: every model within the budget runs in onnxruntime with the inferred output shapes', async () => {
    const failures: string[] = [];
    for (const { graph } of runnable) {
      const outputs = await runOnnx(emitOnnx(graph), { batch: 1, maxTokenId: 19 });
      const got = outputs.map((o) => o.dims);
      const want = expectedShapes(graph, 'channels-first');
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${graph.name}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
    expect(failures).toEqual([]);
  });
});
