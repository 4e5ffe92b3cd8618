/**
 * Long and repetitive graphs stay linear and never recurse: 2,000 Dropouts in a row through every emitter
 * (the ONNX one run by onnxruntime), 100,000 same-named prototxt layers, 20,000 same-named ONNX nodes, 20,000
 * ids that sanitise to one identifier, a 100,000-layer chain through all four emitters. The bounds are CPU
 * seconds, generous for a loaded machine and far below the quadratic times these took before (ONNX: "Maximum
 * call stack size exceeded"; 14.6 and 13.1 s CPU for 20,000 prototxt names and sanitised ids, > 120 s for
 * 100,000 prototxt names, 28 s for the ONNX nodes, 93 s for the chain).
 */
import { describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch, layerIdentifiers } from '../../src/codegen/index.ts';
import { analyseGraph, validateGraph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { alikeIdsGraph, chainGraph, dropoutChain, sameNamedOnnx, sameNamedPrototxt } from '../support/hostile-models.ts';
import { runOnnx } from '../support/onnx-runtime.ts';

function cpuSeconds<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1e6];
}

describe('linear algorithms on long graphs', () => {
  it('emits 2,000 Dropouts in a row for every target; the ONNX model runs', async () => {
    const graph = dropoutChain(2000);
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
    expect(emitKerasPython(graph)).toContain('drop2000');
    expect(emitPytorch(graph)).toContain('drop2000');
    expect(emitCaffe(graph).prototxt).toContain('drop2000');
    const [onnx, seconds] = cpuSeconds(() => emitOnnx(graph));
    expect(seconds).toBeLessThan(5);
    const [output] = await runOnnx(onnx);
    expect(output!.dims).toEqual([1, 2]);
  });

  it('imports 100,000 prototxt layers of one name with unique ids fc, fc_2 … fc_100000', () => {
    const [graph, seconds] = cpuSeconds(() => importModel(new TextEncoder().encode(sameNamedPrototxt(100_000)), 'same.prototxt'));
    const ids = graph.layers.filter((l) => l.type !== 'Input').map((l) => l.id);
    expect(ids.slice(0, 3)).toEqual(['fc', 'fc_2', 'fc_3']);
    expect(ids.at(-1)).toBe('fc_100000');
    expect(new Set(ids).size).toBe(100_000);
    expect(seconds).toBeLessThan(10);
  });

  it('imports 20,000 ONNX nodes of one name with unique ids relu, relu_2 … relu_20000', () => {
    const bytes = sameNamedOnnx(20_000);
    const [graph, seconds] = cpuSeconds(() => importModel(bytes, 'same.onnx'));
    const ids = graph.layers.filter((l) => l.type !== 'Input').map((l) => l.id);
    expect(ids.slice(0, 3)).toEqual(['relu', 'relu_2', 'relu_3']);
    expect(ids.at(-1)).toBe('relu_20000');
    expect(new Set(ids).size).toBe(20_000);
    expect(seconds).toBeLessThan(5);
  });

  it('gives 20,000 ids that sanitise alike distinct identifiers, the same ones counting from 2 would give', () => {
    const [names, seconds] = cpuSeconds(() => layerIdentifiers(alikeIdsGraph(20_000)));
    const values = [...names.values()];
    expect(values.slice(0, 4)).toEqual(['y_2', 'y', 'y_3', 'y_4']);
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(names.size);
    expect(seconds).toBeLessThan(2);
  });

  it('validates a 100,000-layer chain and emits it for all four targets', () => {
    const graph = chainGraph(100_000);
    const [sizes, seconds] = cpuSeconds(() => {
      const analysis = analyseGraph(graph);
      return [
        emitKerasPython(graph, { analysis }).length,
        emitPytorch(graph, { analysis }).length,
        emitCaffe(graph, { analysis }).prototxt.length,
        emitOnnx(graph, { analysis }).length,
      ];
    });
    expect(sizes.every((n) => n > 100_000)).toBe(true);
    expect(seconds).toBeLessThan(30);
  });
});
