import { describe, expect, it } from 'vitest';
import { analyseGraph, type Graph } from '../../src/graph/index.ts';
import { FlowView, nearestFreeOutput, type LayerFlowNode } from '../../src/ui/model/flowView.ts';
import { setParam } from '../../src/ui/model/graphEdits.ts';
import { residualGraph } from '../support/residual-graph.ts';

/** The nodes for a graph, as the editor computes them. */
function nodesOf(view: FlowView, graph: Graph, current: LayerFlowNode[] = []): LayerFlowNode[] {
  const analysis = analyseGraph(graph);
  return view.nodes(graph, {}, analysis.shapes, analysis.issues, new Set(), current);
}

describe('editor nodes after an edit', () => {
  it('hands the flow back the same node objects for every layer the edit did not touch', () => {
    const view = new FlowView();
    const graph = residualGraph(200);
    const first = nodesOf(view, graph);
    // The flow measures nodes and hands back copies that carry their size; those must be the ones kept.
    const measured = first.map((n) => ({ ...n, measured: { width: 190, height: 64 } }));
    const edited = setParam(graph, 'b1_conv1', 'filters', 40);
    const next = nodesOf(view, edited, measured);
    const changed = next.filter((n, i) => n !== measured[i]).map((n) => n.id);
    // The conv itself, and the two layers whose output shape it changes.
    expect(changed).toEqual(['b1_conv1', 'b1_bn1', 'b1_relu1']);
    expect(next.find((n) => n.id === 'b1_conv1')!.data.layer.params?.filters).toBe(40);
    expect(next.find((n) => n.id === 'b1_bn1')!.data.shape).toEqual([32, 32, 40]);
  });
});

describe('a layer dropped from the palette', () => {
  const g: Graph = {
    format: 'paper2net.graph/1',
    name: 'two branches',
    layers: [
      { id: 'x', type: 'Input', params: { shape: [8] } },
      { id: 'a', type: 'Dense', inputs: ['x'], params: { units: 4 } },
      { id: 'b', type: 'Dense', inputs: ['x'], params: { units: 4 } },
    ],
  };
  const positions = { x: { x: 200, y: 0 }, a: { x: 0, y: 200 }, b: { x: 400, y: 200 } };

  it('takes its input from the nearest free output above where it lands', () => {
    expect(nearestFreeOutput(g, positions, { x: 480, y: 380 })).toBe('b');
    expect(nearestFreeOutput(g, positions, { x: 100, y: 380 })).toBe('a');
  });

  it('never takes a port already feeding another layer; with no free port above in reach, the nearest anywhere', () => {
    // x feeds a and b: its port is not free, so a drop just under it takes the nearer of a and b.
    expect(nearestFreeOutput(g, positions, { x: 250, y: 100 })).toBe('a');
    expect(nearestFreeOutput(g, positions, { x: 480, y: 150 })).toBe('b');
    expect(nearestFreeOutput(g, positions, { x: 0, y: 2000 })).toBe('a');
    expect(nearestFreeOutput(g, {}, { x: 0, y: 0 })).toBeUndefined();
  });
});
