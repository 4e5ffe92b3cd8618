import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bundleFiles, bundleZip } from '../../src/codegen/index.ts';
import { GRAPH_FORMAT, serializeGraph, type Graph } from '../../src/graph/index.ts';

const CLI = new URL('../../bin/paper2net.mjs', import.meta.url).pathname;

const smallNet: Graph = {
  format: GRAPH_FORMAT,
  name: 'small <b>net</b>',
  source: { kind: 'table', page: 3, caption: 'Table 1: `conv` <img src=x onerror=alert(1)>' },
  layers: [
    { id: 'data', type: 'Input', params: { shape: [32, 32, 3] } },
    { id: 'conv1', type: 'Conv2D', inputs: ['data'], params: { filters: 8, kernel: 3, activation: 'relu' } },
    { id: 'norm1', type: 'LRN', inputs: ['conv1'] },
    { id: 'pool1', type: 'MaxPool2D', inputs: ['norm1'] },
    { id: 'flat', type: 'Flatten', inputs: ['pool1'] },
    { id: 'fc', type: 'Dense', inputs: ['flat'], params: { units: 10, activation: 'softmax' } },
  ],
};

describe('code bundle', () => {
  it('holds graph.json, every target and a README, keeping the Keras .py when only the JSON is refused', () => {
    const { files, failures } = bundleFiles(smallNet);
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        'README.md',
        'caffe/deploy.prototxt',
        'caffe/netspec.py',
        'caffe/weights.caffemodel',
        'graph.json',
        'keras/model_keras.py',
        'onnx/model.onnx',
        'pytorch/model_pytorch.py',
      ].sort(),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]!.target).toBe('keras');
    expect(failures[0]!.message).toMatch(/norm1 \(LRN\)/);
    const readme = files.find((f) => f.path === 'README.md')!.contents as string;
    expect(readme).toContain('## Targets not written');
    expect(readme).not.toMatch(/(^|[^\\])<(img|b)/m);
    expect(readme).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('zips to the same bytes every time', async () => {
    const first = await bundleZip(smallNet);
    const second = await bundleZip(smallNet);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    expect(JSON.parse(await zip.file('graph.json')!.async('string'))).toEqual(smallNet);
  });
});

describe('paper2net codegen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p2n-codegen-cli-'));
  const graphPath = join(dir, 'graph.json');
  writeFileSync(graphPath, serializeGraph(smallNet));

  it('writes one target into a folder and all targets into a ZIP', async () => {
    execFileSync(CLI, ['codegen', graphPath, '--target', 'pytorch', '--out', join(dir, 'out')], { stdio: 'pipe' });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['README.md', 'graph.json', 'pytorch']);
    execFileSync(CLI, ['codegen', '-', '--target', 'all', '--out', join(dir, 'net.zip')], { input: serializeGraph(smallNet), stdio: 'pipe' });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'net.zip')));
    expect(Object.keys(zip.files)).toContain('onnx/model.onnx');
  });

  it('refuses an invalid graph, naming the layer and the problem', () => {
    const broken = {
      ...smallNet,
      layers: smallNet.layers.filter((layer) => layer.id !== 'flat').map((l) => (l.id === 'fc' ? { ...l, inputs: ['pool1'] } : l)),
    };
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(broken));
    const result = spawnSync(CLI, ['codegen', bad, '--target', 'all', '--out', join(dir, 'bad')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('fc: Dense after a [15,15,8] tensor needs Flatten first');
  });
});
