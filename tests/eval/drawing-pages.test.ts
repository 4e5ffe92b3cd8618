/** A PDF that is one diagram and nothing else (no caption, no running text) is read as one figure. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { extractDesigns } from '../../src/pipeline/extract.ts';
import { findRegions, readDocument } from '../../src/paper/index.ts';
import { sequenceScore } from '../../src/eval/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, corpus)));

describe('caption-less drawing pages', () => {
  it('mxnet_squeezenet_graph.pdf (a Graphviz export) becomes its SqueezeNet design', async () => {
    const { designs, regions } = await extractDesigns(bytesOf('pdf/mxnet_squeezenet_graph.pdf'));
    expect(regions).toEqual([expect.objectContaining({ page: 1, kind: 'figure:vector', caption: '' })]);
    expect(designs).toHaveLength(1);
    const [design] = designs;
    expect(design!.name).toBe('Drawing on page 1');
    expect(validateGraph(design!).filter((i) => i.severity === 'error')).toEqual([]);
    const truth = importModel(bytesOf('modeljson/mxnet-wip__SqueezeNet.json'), 'SqueezeNet.json');
    expect(sequenceScore(design!, truth, 'types').f1).toBeGreaterThan(0.95);
    expect(design!.layers.filter((l) => l.type === 'Concat' && l.inputs?.length === 2)).toHaveLength(8);
  });

  it('pages of running text are never taken for a drawing', async () => {
    for (const paper of ['pdf/gan_negative.pdf', 'pdf/vgg.pdf']) {
      const doc = await readDocument(bytesOf(paper));
      const drawings = doc.pages.flatMap((page) => findRegions(page)).filter((r) => r.caption.label.startsWith('Drawing'));
      expect(drawings, paper).toEqual([]);
    }
  });
});
