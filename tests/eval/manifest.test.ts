/** eval/manifest.json, which `paper2net eval` and these tests read: every file it names is in the corpus and loads. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_REFERENCES, parseManifest, parseTruth } from '../../src/eval/index.ts';
import { importModel } from '../../src/importers/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('../../eval/manifest.json', import.meta.url), 'utf8')));

describe('eval manifest', () => {
  it('names corpus files that exist, and references that load as graphs', () => {
    const pairs = [...manifest.papers, ...manifest.figures];
    expect(manifest.papers.length).toBeGreaterThanOrEqual(10);
    for (const path of [...pairs.map((p) => p.input), ...manifest.negatives]) expect(existsSync(new URL(path, corpus)), path).toBe(true);
    for (const { reference } of pairs) {
      const graph = reference.startsWith('builtin:')
        ? BUILTIN_REFERENCES[reference.slice('builtin:'.length)]!
        : importModel(new Uint8Array(readFileSync(new URL(reference, corpus))), reference);
      expect(graph.layers.length, reference).toBeGreaterThan(3);
    }
  });

  it("names the corpus's truth file, whose papers are all in its pdf/", () => {
    const truth = parseTruth(JSON.parse(readFileSync(new URL(manifest.truth!, corpus), 'utf8')));
    for (const paper of Object.keys(truth)) expect(existsSync(new URL(`pdf/${paper}`, corpus)), paper).toBe(true);
  });

  it('refuses an entry without its fields or with an unknown built-in reference', () => {
    expect(() => parseManifest({ papers: [{ input: 'a.pdf', network: 'x' }], negatives: [], figures: [] })).toThrow(
      /papers\[0\] needs input, reference and network/,
    );
    expect(() => parseManifest({ papers: [], negatives: [], figures: [{ input: 'a.png', reference: 'builtin:nope', network: 'x' }] })).toThrow(
      /unknown reference "builtin:nope"/,
    );
  });
});
