/** Sentences → transformer designs: the reading core finds the configurations, the block library builds them. */
import { boxOf } from '../paper/index.ts';
import type { Graph } from '../graph/index.ts';
import { transformerGraph, transformerStatements } from '../reading/index.ts';
import type { Sentence } from './sentences.ts';
import { roundBox } from '../geometry/index.ts';

export function transformerDesigns(sentences: Sentence[]): Array<{ graph: Graph; sentences: Sentence[] }> {
  return transformerStatements(sentences).map((config) => {
    const used = config.units.map((u) => sentences[u.index]);
    const first = used[0];
    const bbox = roundBox(boxOf(used.filter((s) => s.page === first.page).map((s) => s.box)));
    const caption = used
      .map((s) => s.text)
      .join(' ')
      .slice(0, 300);
    return { graph: transformerGraph(config, { page: first.page, kind: 'text', caption, bbox }), sentences: used };
  });
}
