/**
 * Every reference network eval/manifest.json names passes the graph validator: the built-in ones (written from
 * papers, and by hand from the corpus drawings in eval/references/) with no issue at all, the corpus model
 * files (when the corpus is there) with no error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_REFERENCES, parseManifest } from '../../src/eval/index.ts';
import { parseGraphJson, validateGraph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';

const manifest = parseManifest(JSON.parse(readFileSync(new URL('../../eval/manifest.json', import.meta.url), 'utf8')));
const references = [...new Set([...manifest.papers, ...manifest.figures].map((pair) => pair.reference))];
const corpus = new URL('../../../shared/corpus/', import.meta.url);
const referencesDir = new URL('../../eval/references/', import.meta.url);

describe('eval references', () => {
  it.each(references.filter((r) => r.startsWith('builtin:')))('%s passes the validator', (reference) => {
    const graph = BUILTIN_REFERENCES[reference.slice('builtin:'.length)]!;
    expect(graph.layers.length, reference).toBeGreaterThan(3);
    expect(validateGraph(graph).map((issue) => `${issue.severity}: ${issue.message}`)).toEqual([]);
  });

  it.runIf(existsSync(corpus))('the corpus model files it names import without validator errors', () => {
    for (const reference of references.filter((r) => !r.startsWith('builtin:'))) {
      const graph = importModel(new Uint8Array(readFileSync(new URL(reference, corpus))), reference);
      expect(
        validateGraph(graph).filter((issue) => issue.severity === 'error'),
        reference,
      ).toEqual([]);
    }
  });

  it('has a built-in reference for every graph file in eval/references, and the manifest uses each', () => {
    const files = readdirSync(referencesDir).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const name = file.slice(0, -'.json'.length);
      expect(BUILTIN_REFERENCES[name], file).toEqual(parseGraphJson(readFileSync(new URL(file, referencesDir), 'utf8')));
      expect(references, file).toContain(`builtin:${name}`);
    }
  });
});
