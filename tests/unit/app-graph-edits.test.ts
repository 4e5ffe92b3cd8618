import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../src/importers/index.ts';
import { analyseGraph, type Graph } from '../../src/graph/index.ts';
import { addLayer, connect, disconnect, EditError, removeLayers, renameLayer, setParam, topoSort } from '../../src/ui/model/graphEdits.ts';
import { History } from '../../src/ui/model/history.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const lenet = (): Graph => importModel(readFileSync(new URL('prototxt/caffe__examples_mnist_lenet.prototxt', corpus)), 'lenet.prototxt');

function isTopological(graph: Graph): boolean {
  const seen = new Set<string>();
  return graph.layers.every((l) => (l.inputs ?? []).every((i) => seen.has(i)) && seen.add(l.id));
}

describe('editor graph edits on a real imported model', () => {
  it('changing a param changes the inferred shapes downstream and clears its inferred mark', () => {
    const graph = lenet();
    const conv = graph.layers.find((l) => l.type === 'Conv2D')!;
    const marked = { ...graph, layers: graph.layers.map((l) => (l.id === conv.id ? { ...l, inferred: ['filters', 'padding'] } : l)) };
    const edited = setParam(marked, conv.id, 'filters', 7);
    const layer = edited.layers.find((l) => l.id === conv.id)!;
    expect(layer.inferred).toEqual(['padding']);
    expect(analyseGraph(edited).shapes.get(conv.id)!.at(-1)).toBe(7);
    expect(analyseGraph(graph).shapes.get(conv.id)!.at(-1)).not.toBe(7);
  });

  it('deleting a layer in a chain bridges its consumers to its input and keeps the graph valid', () => {
    const graph = lenet();
    const relu = graph.layers.find((l) => l.type === 'Activation' || l.params?.activation === 'relu')!;
    const consumers = graph.layers.filter((l) => l.inputs?.includes(relu.id));
    const edited = removeLayers(graph, [relu.id]);
    expect(edited.layers.some((l) => l.id === relu.id)).toBe(false);
    for (const c of consumers) expect(edited.layers.find((l) => l.id === c.id)!.inputs).toEqual(relu.inputs);
    expect(analyseGraph(edited).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('adding after a layer feeds it from that layer and keeps topological order', () => {
    const graph = lenet();
    const first = graph.layers[1]!;
    const { graph: edited, id } = addLayer(graph, 'Dropout', first.id);
    expect(edited.layers.find((l) => l.id === id)!.inputs).toEqual([first.id]);
    expect(isTopological(edited)).toBe(true);
    expect(addLayer(edited, 'Dropout').id).not.toBe(id);
  });

  it('inserting after a layer moves its consumers onto the new layer, and shapes still flow', () => {
    const graph = lenet();
    const conv = graph.layers.find((l) => l.type === 'Conv2D')!;
    const consumers = graph.layers.filter((l) => l.inputs?.includes(conv.id)).map((l) => l.id);
    const { graph: edited, id } = addLayer(graph, 'Dropout', conv.id, true);
    for (const c of consumers) expect(edited.layers.find((l) => l.id === c)!.inputs).toEqual([id]);
    expect(analyseGraph(edited).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(analyseGraph(edited).shapes.get(id)).toEqual(analyseGraph(graph).shapes.get(conv.id));
  });

  it('connect re-sorts layers, refuses cycles, and disconnect undoes it', () => {
    const graph = lenet();
    const last = graph.layers.at(-1)!.id;
    const { graph: withAdd, id } = addLayer(graph, 'Add');
    const joined = connect(connect(withAdd, graph.layers[1]!.id, id), last, id);
    expect(isTopological(joined)).toBe(true);
    expect(() => connect(joined, id, graph.layers[1]!.id)).toThrow(EditError);
    expect(disconnect(joined, last, id).layers.find((l) => l.id === id)!.inputs).toEqual([graph.layers[1]!.id]);
  });

  it('connecting onto a single-input layer rewires it instead of adding a second input', () => {
    const graph = lenet();
    const [input, , , third] = graph.layers;
    const rewired = connect(graph, input!.id, third!.id, true);
    expect(rewired.layers.find((l) => l.id === third!.id)!.inputs).toEqual([input!.id]);
  });

  it('renaming updates every reference and refuses a taken name', () => {
    const graph = lenet();
    const [a, b] = [graph.layers[1]!.id, graph.layers[2]!.id];
    const renamed = renameLayer(graph, a, 'stem');
    expect(renamed.layers.filter((l) => l.inputs?.includes('stem')).length).toBe(graph.layers.filter((l) => l.inputs?.includes(a)).length);
    expect(() => renameLayer(graph, a, b)).toThrow(/already exists/);
  });

  it('topoSort keeps a valid order unchanged', () => {
    const graph = lenet();
    expect(topoSort(graph.layers).map((l) => l.id)).toEqual(graph.layers.map((l) => l.id));
  });
});

describe('undo/redo history', () => {
  it('walks back and forth, and a new edit drops the redo branch', () => {
    const h = new History(0);
    h.push(1, 'one');
    h.push(2, 'two');
    expect(h.undo()).toBe('two');
    expect(h.present).toBe(1);
    expect(h.redo()).toBe('two');
    expect(h.present).toBe(2);
    h.undo();
    h.push(5, 'five');
    expect(h.redo()).toBeUndefined();
    expect(h.present).toBe(5);
    expect(h.undoLabel).toBe('five');
  });
});

describe('weight count for the browser export budget', () => {
  it('counts the 138 M weights of VGG-16 imported from its prototxt, and LeNet well under the budget', async () => {
    const { countWeights, BROWSER_WEIGHT_BUDGET } = await import('../../src/pipeline/exportBudget.ts');
    const vgg = importModel(readFileSync(new URL('prototxt/vgg-benchmarks__vgg16_deploy.prototxt', corpus)), 'vgg16.prototxt');
    expect(countWeights(vgg)).toBeGreaterThan(138_000_000);
    expect(countWeights(vgg)).toBeLessThan(138_500_000);
    expect(countWeights(lenet())).toBeLessThan(BROWSER_WEIGHT_BUDGET);
    expect(countWeights(lenet())).toBe(431_080);
  });
});
