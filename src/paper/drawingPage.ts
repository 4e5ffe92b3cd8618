/**
 * A page that is one drawing and nothing else: a diagram exported to PDF (PlotNeuralNet, TikZ, Graphviz),
 * with labels but no running text and no caption. Such a page is one figure region of its own.
 */
import type { TextItem } from './types.ts';

/** Running text has long text runs; a diagram's labels are short. */
const LONGEST_LABEL = 50;

export function looksLikeDrawingPage(texts: readonly TextItem[]): boolean {
  return texts.length >= 3 && texts.every((t) => t.str.length <= LONGEST_LABEL);
}
