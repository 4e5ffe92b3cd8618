import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/graph/index.ts';
import { libraryFromJson, libraryToJson, matchesTitle, type DesignRecord, type PaperRecord } from '../../src/store/index.ts';
import { tokenize } from '../../src/ui/model/highlight.ts';
import { formatParam, parseParam } from '../../src/ui/model/paramText.ts';

const param = (type: string, name: string) => CATALOG.find((s) => s.type === type)!.params.find((p) => p.name === name)!;

describe('inspector param text', () => {
  it('round-trips every catalog default through its text form', () => {
    for (const spec of CATALOG) {
      for (const p of spec.params) {
        if (typeof p.default === 'function' || p.default === null) continue;
        expect(parseParam(formatParam(p.default), p), `${spec.type}.${p.name}`).toEqual(p.default);
      }
    }
  });

  it('widens a single number to a pair and rejects text that does not fit the kind', () => {
    expect(parseParam('5', param('Conv2D', 'kernel'))).toEqual([5, 5]);
    expect(parseParam('3x1', param('Conv2D', 'kernel'))).toEqual([3, 1]);
    expect(parseParam('same', param('Conv2D', 'padding'))).toBe('same');
    expect(() => parseParam('1.5', param('Conv2D', 'filters'))).toThrow(/filters/);
    expect(() => parseParam('swish', param('Conv2D', 'activation'))).toThrow(/activation/);
  });
});

describe('code highlighting', () => {
  it('keeps the exact text of every line and never produces markup', () => {
    const code = 'import torch\n# "<script>" in a comment\nx = nn.Conv2d(3, 64, kernel_size=3)  # conv1_1\nname = "<img onerror=1>"\n';
    const lines = tokenize(code, 'python');
    expect(lines.map((l) => l.map((t) => t.text).join('')).join('\n')).toBe(code);
    expect(lines[0]![0]).toEqual({ text: 'import', cls: 'kw' });
    expect(lines[3]!.find((t) => t.cls === 'str')!.text).toBe('"<img onerror=1>"');
  });
});

describe('library file and search', () => {
  it('exports and imports papers with their PDF bytes intact', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const paper: PaperRecord = {
      id: 'p1',
      title: 'Very Deep Convolutional Networks',
      fileName: 'vgg.pdf',
      kind: 'pdf',
      addedAt: 1,
      bytes,
      regions: [],
      warnings: [],
    };
    const graph = { format: 'paper2net.graph/1' as const, name: 'vgg16', layers: [] };
    const design: DesignRecord = { id: 'd1', paperId: 'p1', original: graph, graph, rating: 4, note: 'ok', edits: [{ at: 2, label: 'x' }], updatedAt: 2 };
    const back = libraryFromJson(libraryToJson([paper], [design]));
    expect(back.papers[0]!.bytes).toEqual(bytes);
    expect(back.designs[0]).toEqual(design);
    expect(() => libraryFromJson(JSON.stringify({ format: 'other' }))).toThrow(/format/);
    expect(() => libraryFromJson(libraryToJson([], [design]))).toThrow(/belongs to no paper/);
  });

  it('matches titles by word prefixes, ignoring case and accents', () => {
    expect(matchesTitle('Very Deep Convolutional Networks', 'deep conv')).toBe(true);
    expect(matchesTitle('Réseaux profonds', 'reseaux')).toBe(true);
    expect(matchesTitle('Very Deep Convolutional Networks', 'resnet')).toBe(false);
  });
});
