/**
 * 1-D pooling read back from files real tools wrote: ONNX exported by torch.onnx from 1-D CNNs (Conv1d, MaxPool1d,
 * AvgPool1d, adaptive pooling to one step), whose onnxruntime output shape the imported graph must infer, and Keras
 * JSON written by the Keras emitter, whose pools must come back as they went out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitKerasJson } from '../../src/codegen/index.ts';
import { inferShapes, outputLayers, resolveParams, type Graph } from '../../src/graph/index.ts';
import { importKerasJson, importOnnx } from '../../src/importers/index.ts';
import { runOnnx } from '../support/onnx-runtime.ts';
import { averagePooling1dNet, textCnn } from '../support/reference-graphs.ts';
import { PYTHON, inTempDir } from '../support/runtime.ts';

/** Two PyTorch 1-D CNNs over [N, 16, 100] exported to ONNX (opset 17): one max-pooling, one average-pooling. */
const EXPORT_SCRIPT = `
import sys, torch, torch.nn as nn

class MaxNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1, self.pool1 = nn.Conv1d(16, 32, 3), nn.MaxPool1d(2)
        self.conv2, self.pool2 = nn.Conv1d(32, 64, 3, padding=1), nn.MaxPool1d(3, stride=2, padding=1)
        self.over_time, self.fc = nn.AdaptiveMaxPool1d(1), nn.Linear(64, 5)
    def forward(self, x):
        x = self.pool2(torch.relu(self.conv2(self.pool1(torch.relu(self.conv1(x))))))
        return self.fc(torch.flatten(self.over_time(x), 1))

class AvgNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv, self.pool = nn.Conv1d(16, 24, 5), nn.AvgPool1d(4, stride=3)
        self.over_time, self.fc = nn.AdaptiveAvgPool1d(1), nn.Linear(24, 5)
    def forward(self, x):
        return self.fc(torch.flatten(self.over_time(self.pool(torch.relu(self.conv(x)))), 1))

for net, path in ((MaxNet(), sys.argv[1]), (AvgNet(), sys.argv[2])):
    torch.onnx.export(net.eval(), torch.zeros(1, 16, 100), path, opset_version=17)
`;

function exportedModels(): { max: Uint8Array; avg: Uint8Array } {
  return inTempDir('p2n-pool1d-', (dir) => {
    const [max, avg] = [join(dir, 'max.onnx'), join(dir, 'avg.onnx')];
    execFileSync(PYTHON, ['-c', EXPORT_SCRIPT, max, avg], { stdio: ['ignore', 'pipe', 'pipe'] });
    return { max: new Uint8Array(readFileSync(max)), avg: new Uint8Array(readFileSync(avg)) };
  });
}

function outputShape(graph: Graph): number[] {
  return inferShapes(graph).get(outputLayers(graph)[0]!.id)!;
}

/** Type and pooling params of each pooling layer, in order. */
function pools(graph: Graph): Array<[string, unknown, unknown, unknown]> {
  return graph.layers
    .filter((layer) => layer.type.includes('Pool'))
    .map((layer) => {
      const p = resolveParams(layer);
      return [layer.type, p.pool, p.stride, p.padding];
    });
}

describe('1-D pooling from ONNX that torch.onnx exported', () => {
  const models = exportedModels();

  it.each([
    ['MaxPool1d, padded MaxPool1d, AdaptiveMaxPool1d(1)', models.max],
    ['AvgPool1d, AdaptiveAvgPool1d(1)', models.avg],
  ] as const)('%s: imports as 1-D pools whose inferred output shape is what onnxruntime computes', async (_title, bytes) => {
    const graph = importOnnx(bytes, 'net.onnx');
    const [run] = await runOnnx(bytes);
    expect([1, ...outputShape(graph)]).toEqual(run!.dims);
    expect(graph.layers.filter((layer) => layer.type.endsWith('2D'))).toEqual([]);
  });

  it('reads kernel, stride and padding of each pool, and a pool to one step as a window over the whole sequence', () => {
    expect(pools(importOnnx(models.max, 'max.onnx'))).toEqual([
      ['MaxPool1D', 2, 2, 'valid'],
      ['MaxPool1D', 3, 2, 1],
      ['MaxPool1D', 25, 25, 'valid'],
    ]);
    expect(pools(importOnnx(models.avg, 'avg.onnx'))).toEqual([
      ['AvgPool1D', 4, 3, 'valid'],
      ['GlobalAvgPool1D', undefined, undefined, undefined],
    ]);
  });
});

describe('1-D pooling from Keras JSON', () => {
  it.each([
    ['text CNN', textCnn()],
    ['1-D average pooling net', averagePooling1dNet()],
  ] as const)('%s: the emitted MaxPooling1D / AveragePooling1D / Global*Pooling1D come back as they went out', (_title, graph) => {
    const back = importKerasJson(emitKerasJson(graph));
    expect(pools(back)).toEqual(pools(graph));
    expect(outputShape(back)).toEqual(outputShape(graph));
  });

  it('reads Keras 1 names (pool_length, stride, border_mode) and keepdims', () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 'keras1',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 40, 8], name: 'in' } },
          { class_name: 'MaxPooling1D', config: { name: 'pool', pool_length: 3, stride: 1, border_mode: 'same' } },
          { class_name: 'GlobalAveragePooling1D', config: { name: 'mean', keepdims: true } },
        ],
      },
    };
    const graph = importKerasJson(JSON.stringify(model));
    expect(pools(graph)).toEqual([
      ['MaxPool1D', 3, 1, 'same'],
      ['GlobalAvgPool1D', undefined, undefined, undefined],
    ]);
    expect(outputShape(graph)).toEqual([1, 8]);
  });
});
