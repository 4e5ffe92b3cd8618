/**
 * Long and repetitive graphs stay linear and never recurse: 2,000 Dropouts in a row through every emitter
 * (the ONNX one run by onnxruntime), 20,000 same-named prototxt layers, 20,000 ids that sanitise to one
 * identifier. The bounds are CPU seconds, generous for a loaded machine and far below the quadratic times
 * these took before (ONNX: "Maximum call stack size exceeded"; 14.6 and 13.1 s CPU for the 20,000 names).
 */
import { describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch, layerIdentifiers } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { runOnnx } from '../support/onnx-runtime.ts';

function cpuSeconds<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return [value, (used.user + used.system) / 1e6];
}

function dropoutChain(count: number): Graph {
  const layers: Layer[] = [
    { id: 'input', type: 'Input', params: { shape: [4] } },
    { id: 'fc', type: 'Dense', inputs: ['input'], params: { units: 4, activation: 'relu' } },
  ];
  for (let i = 1; i <= count; i++) layers.push({ id: `drop${i}`, type: 'Dropout', inputs: [layers.at(-1)!.id], params: { rate: 0.1 } });
  layers.push({ id: 'out', type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 2 } });
  return { format: GRAPH_FORMAT, name: 'dropouts', layers };
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

  it('imports 20,000 prototxt layers of one name with unique ids fc, fc_2 … fc_20000', () => {
    const lines = ['name: "same"', 'input: "data"', 'input_shape { dim: 1 dim: 4 }'];
    let bottom = 'data';
    for (let i = 0; i < 20_000; i++) {
      lines.push(`layer { name: "fc" type: "ReLU" bottom: "${bottom}" top: "t${i}" }`);
      bottom = `t${i}`;
    }
    const [graph, seconds] = cpuSeconds(() => importModel(new TextEncoder().encode(lines.join('\n')), 'same.prototxt'));
    const ids = graph.layers.filter((l) => l.type !== 'Input').map((l) => l.id);
    expect(ids.slice(0, 3)).toEqual(['fc', 'fc_2', 'fc_3']);
    expect(ids.at(-1)).toBe('fc_20000');
    expect(new Set(ids).size).toBe(20_000);
    expect(seconds).toBeLessThan(5);
  });

  it('gives 20,000 ids that sanitise alike distinct identifiers, the same ones counting from 2 would give', () => {
    const layers: Layer[] = [{ id: 'y_2', type: 'Input', params: { shape: [4] } }];
    // i written in punctuation ('!@#…' for 0-9): every id distinct, every one sanitised to "y".
    const alike = (i: number) => `y${[...String(i)].map((d) => '!@#$%^&*()'[Number(d)]).join('')}`;
    for (let i = 0; i < 20_000; i++) layers.push({ id: alike(i), type: 'Activation', inputs: [layers.at(-1)!.id], params: { fn: 'relu' } });
    const [names, seconds] = cpuSeconds(() => layerIdentifiers({ format: GRAPH_FORMAT, name: 'alike', layers }));
    const values = [...names.values()];
    expect(values.slice(0, 4)).toEqual(['y_2', 'y', 'y_3', 'y_4']);
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(names.size);
    expect(seconds).toBeLessThan(2);
  });
});
