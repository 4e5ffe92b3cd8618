import { layoutWorker } from '../../pipeline/browser.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './flowView.ts';

/**
 * Starts the layout worker and has ELK lay out a small branching chain, so its code is compiled and warm when
 * the first real graph arrives (big graphs do without ELK: src/pipeline/towerLayout.ts). Called when a model
 * file is opened (the worker warms while the file is read) and when a paper's first designs are shown: while a
 * paper is read it would take a core from the reading.
 */
export function warmUpLayout(): void {
  const nodes = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, width: NODE_WIDTH, height: NODE_HEIGHT }));
  const edges = nodes.slice(1).map((n, i): [string, string] => [`n${i % 5 === 4 ? i - 3 : i}`, n.id]);
  void layoutWorker.run((api) => api.layout(nodes, edges)).catch(() => {});
}
