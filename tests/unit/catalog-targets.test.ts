/**
 * The catalog says which targets can express each layer type; the emitters must agree: a target refuses
 * a layer (UnsupportedLayerError) exactly when its catalog entry says `unsupported`.
 */
import { describe, expect, it } from 'vitest';
import { emitCaffe, emitKerasPython, emitOnnx, emitPytorch, UnsupportedLayerError, type TargetName } from '../../src/codegen/index.ts';
import { CATALOG, GRAPH_FORMAT, isUnsupported, validateGraph, type Graph, type LayerSpec } from '../../src/graph/index.ts';

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

describe('catalog target entries match the emitters', () => {
  for (const spec of CATALOG) {
    it(`${spec.type}`, () => {
      const graph = hostGraph(spec);
      for (const [target, emit] of Object.entries(EMITTERS) as Array<[TargetName, (g: Graph) => unknown]>) {
        let refusal: UnsupportedLayerError | undefined;
        try {
          emit(graph);
        } catch (error) {
          if (!(error instanceof UnsupportedLayerError)) throw error;
          refusal = error;
        }
        expect({ target, refused: refusal !== undefined }).toEqual({ target, refused: isUnsupported(spec.targets[target]) });
      }
    });
  }
});
