/**
 * The catalog says which targets can express each layer type; the emitters must agree: a target refuses
 * a layer (UnsupportedLayerError) exactly when its catalog entry says `unsupported`.
 */
import { describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch, UnsupportedLayerError, type TargetName } from '../../src/codegen/index.ts';
import { CATALOG, GRAPH_FORMAT, getSpec, isUnsupported, targetEntry, validateGraph, type Graph, type LayerSpec } from '../../src/graph/index.ts';

const HOSTS: Array<{ shape: number[]; dtype?: string }> = [{ shape: [8, 8, 4] }, { shape: [6, 4] }, { shape: [6], dtype: 'int32' }, { shape: [12] }];

/** The smallest valid graph holding one layer of this type with default params. */
function hostGraph(spec: LayerSpec): Graph {
  for (const host of HOSTS) {
    const inputs = Array.from({ length: Math.max(1, spec.arity.min) }, () => 'input');
    const graph: Graph = {
      format: GRAPH_FORMAT,
      name: `host_${spec.type}`,
      layers: [
        { id: 'input', type: 'Input', params: { shape: host.shape, ...(host.dtype ? { dtype: host.dtype } : {}) } },
        ...(spec.type === 'Input' ? [] : [{ id: 'layer', type: spec.type, inputs }]),
      ],
    };
    if (!validateGraph(graph).some((issue) => issue.severity === 'error')) return graph;
  }
  throw new Error(`no host input fits ${spec.type} with default params`);
}

const EMITTERS: Record<TargetName, (graph: Graph) => unknown> = { keras: emitKerasPython, pytorch: emitPytorch, onnx: emitOnnx, caffe: emitCaffe };

/** Refuses (UnsupportedLayerError) or not; other errors fail the test. */
function refuses(emit: (g: Graph) => unknown, graph: Graph): boolean {
  try {
    emit(graph);
    return false;
  } catch (error) {
    if (!(error instanceof UnsupportedLayerError)) throw error;
    return true;
  }
}

describe('catalog target entries match the emitters', () => {
  for (const spec of CATALOG) {
    it(`${spec.type}`, () => {
      const graph = hostGraph(spec);
      for (const [target, emit] of Object.entries(EMITTERS) as Array<[TargetName, (g: Graph) => unknown]>) {
        expect({ target, refused: refuses(emit, graph) }).toEqual({ target, refused: isUnsupported(spec.targets[target]) });
      }
    });
  }

  const activation = getSpec('Activation')!;
  for (const fn of activation.params.find((p) => p.name === 'fn')!.options!) {
    it(`Activation ${fn}, as a layer and fused into a convolution`, () => {
      const graph = hostGraph(activation);
      const layer = graph.layers[1]!;
      const fused: Graph = {
        ...graph,
        layers: [graph.layers[0]!, { id: 'conv', type: 'Conv2D', inputs: ['input'], params: { filters: 4, kernel: 1, activation: fn } }],
      };
      for (const [target, emit] of Object.entries(EMITTERS) as Array<[TargetName, (g: Graph) => unknown]>) {
        const unsupported = isUnsupported(targetEntry('Activation', target, { fn }));
        expect({ target, refused: refuses(emit, { ...graph, layers: [graph.layers[0]!, { ...layer, params: { fn } }] }) }).toEqual({
          target,
          refused: unsupported,
        });
        expect({ target, fusedRefused: refuses(emit, fused) }).toEqual({ target, fusedRefused: unsupported });
      }
    });
  }
});
