/**
 * Round trip of every real model file in ../shared/corpus (Caffe prototxt, Keras JSON, ONNX):
 * import → graph → every target → the target's real runtime, whose output shapes must equal the shapes
 * inferred from the imported graph. Prints and writes (test-artifacts/roundtrip.md) which layer types,
 * if any, a target cannot express, and why.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasJson, emitKerasPython, emitOnnx, emitPytorch, UnsupportedLayerError, type TargetName } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, type Graph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { runCaffeBatch } from '../support/caffe-runtime.ts';
import { estimateMacs, kerasJsonOutputShapes } from '../support/cost.ts';
import { runOnnx } from '../support/onnx-runtime.ts';
import { compilePythonFiles, predictKerasJson, printedOutputShapes, runPythonFiles, toNCHW, writeTempFiles } from '../support/runtime.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const FOLDERS = ['prototxt', 'modeljson', 'onnx'];
const TFJS_FORWARD_MACS = 2e9;
const SLOW = 900_000;

interface CorpusModel {
  file: string;
  graph: Graph;
}

const models: CorpusModel[] = FOLDERS.flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, CORPUS))
    .sort()
    .map((file) => ({ file: `${folder}/${file}`, graph: importModel(new Uint8Array(readFileSync(new URL(`${folder}/${file}`, CORPUS))), file) })),
);

/** Per file and target: 'ok', or why the target could not be checked. */
const report = new Map<string, Partial<Record<TargetName | 'keras-json', string>>>();

function note(file: string, target: TargetName | 'keras-json', outcome: string): void {
  report.set(file, { ...report.get(file), [target]: outcome });
}

function expected(graph: Graph, layout: 'channels-first' | 'channels-last'): string {
  const shapes = inferShapes(graph);
  const dims = outputLayers(graph).map((layer) => (layout === 'channels-first' ? toNCHW(shapes.get(layer.id)!) : [1, ...shapes.get(layer.id)!]));
  return JSON.stringify(dims.sort());
}

/** Runs `emit`; an UnsupportedLayerError is recorded in the report (with its reason) and gives undefined. */
function emitOrExplain<T>(model: CorpusModel, target: TargetName | 'keras-json', emit: (graph: Graph) => T): T | undefined {
  try {
    return emit(model.graph);
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw error;
    note(model.file, target, `cannot express ${error.layerType}: ${error.reason}`);
    return undefined;
  }
}

describe('corpus round trip: import → graph → every target → runtime', () => {
  afterAll(() => {
    const targets = ['pytorch', 'keras', 'keras-json', 'onnx', 'caffe'] as const;
    const lines = ['| file | layers | ' + targets.join(' | ') + ' |', '|---|---|' + targets.map(() => '---|').join('')];
    for (const model of models) {
      const row = report.get(model.file) ?? {};
      lines.push(`| ${model.file} | ${model.graph.layers.length} | ${targets.map((t) => row[t] ?? '—').join(' | ')} |`);
    }
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/roundtrip.md', `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  });

  it('imports every corpus file into a valid graph', () => {
    expect(models.length).toBeGreaterThanOrEqual(30);
    for (const model of models) expect(() => inferShapes(model.graph), model.file).not.toThrow();
  });

  it(
    'PyTorch: every generated module runs forward in torch with the inferred output shapes',
    async () => {
      const emitted = models.map((model) => [model, emitOrExplain(model, 'pytorch', emitPytorch)] as const).filter(([, source]) => source !== undefined);
      const files = writeTempFiles(
        emitted.map(([, source], i) => [`model_${i}.py`, source!]),
        'p2n-roundtrip-torch-',
      );
      const { results } = await runPythonFiles(files);
      const failures: string[] = [];
      results.forEach((run, i) => {
        const [model] = emitted[i]!;
        const got = JSON.stringify(
          printedOutputShapes(run.stdout)
            .map((o) => o.shape)
            .sort(),
        );
        const ok = !run.error && got === expected(model.graph, 'channels-first');
        note(model.file, 'pytorch', ok ? 'ok' : `FAILED ${got} ${run.error ?? ''}`);
        if (!ok) failures.push(`${model.file}: got ${got}, want ${expected(model.graph, 'channels-first')} ${run.error ?? ''}`);
      });
      expect(failures).toEqual([]);
      expect(emitted.length).toBeGreaterThanOrEqual(models.length - 2);
    },
    SLOW,
  );

  it(
    'Keras: the Python compiles and the to_json document predicts in tfjs-layers with the inferred shapes',
    async () => {
      const python = models.map((model) => [model, emitOrExplain(model, 'keras', emitKerasPython)] as const).filter(([, source]) => source !== undefined);
      const compiled = await compilePythonFiles(
        writeTempFiles(
          python.map(([, source], i) => [`keras_${i}.py`, source!]),
          'p2n-roundtrip-keras-',
        ),
      );
      compiled.results.forEach((result, i) => note(python[i]![0].file, 'keras', result.error === null ? 'ok (py_compile)' : `FAILED ${result.error}`));
      expect(compiled.results.filter((r) => r.error !== null)).toEqual([]);

      const failures: string[] = [];
      for (const model of models) {
        const json = emitOrExplain(model, 'keras-json', emitKerasJson);
        if (json === undefined) continue;
        const inputs = model.graph.layers
          .filter((layer) => layer.type === 'Input')
          .map((layer) => ({ shape: layer.params!.shape as number[], vocab: layer.params!.dtype === 'int32' ? 10 : undefined }));
        // tfjs-layers' CPU backend is pure JavaScript: it builds every model (and so checks every layer and
        // shape), but runs a forward pass only on models under a few GMACs, or VGG alone would take minutes.
        const forward = estimateMacs(model.graph) < TFJS_FORWARD_MACS;
        const got = JSON.stringify((forward ? await predictKerasJson(json, inputs) : await kerasJsonOutputShapes(json)).sort());
        const ok = got === expected(model.graph, 'channels-last');
        note(model.file, 'keras-json', ok ? (forward ? 'ok' : 'ok (built, no forward pass)') : `FAILED ${got}`);
        if (!ok) failures.push(`${model.file}: got ${got}, want ${expected(model.graph, 'channels-last')}`);
      }
      expect(failures).toEqual([]);
    },
    SLOW,
  );

  it(
    'ONNX: every generated model runs in onnxruntime-web with the inferred output shapes',
    async () => {
      const failures: string[] = [];
      for (const model of models) {
        const bytes = emitOrExplain(model, 'onnx', emitOnnx);
        if (!bytes) continue;
        const got = JSON.stringify((await runOnnx(bytes, { batch: 1 })).map((o) => o.dims).sort());
        const ok = got === expected(model.graph, 'channels-first');
        note(model.file, 'onnx', ok ? 'ok' : `FAILED ${got}`);
        if (!ok) failures.push(`${model.file}: got ${got}, want ${expected(model.graph, 'channels-first')}`);
      }
      expect(failures).toEqual([]);
    },
    SLOW,
  );

  it(
    'Caffe: every generated net loads in OpenCV and runs forward with the inferred output shapes',
    () => {
      const failures: string[] = [];
      for (const model of models) {
        const caffe = emitOrExplain(model, 'caffe', emitCaffe);
        if (!caffe) continue;
        // One net per OpenCV process keeps memory bounded: the VGG caffemodels are over 500 MB each.
        const [run] = runCaffeBatch([caffe]);
        const got = JSON.stringify(run!.outputs.map((o) => o.dims).sort());
        // Caffe rounds pooling up; where the graph rounds down the emitter must say so, and then the shapes may differ.
        const ok = !run!.error && (got === expected(model.graph, 'channels-first') || caffe.notes.some((n) => n.includes('rounds pooling up')));
        const noted = caffe.notes.length > 0 ? ` (notes: ${caffe.notes.join('; ')})` : '';
        note(model.file, 'caffe', ok ? `ok${noted}` : `FAILED ${run!.error ?? got}${noted}`);
        if (!ok) failures.push(`${model.file}: got ${run!.error ?? got}, want ${expected(model.graph, 'channels-first')}`);
      }
      expect(failures).toEqual([]);
    },
    SLOW,
  );
});
