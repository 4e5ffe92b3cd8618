/**
 * Networks a table names in single cells rather than row by row: a comparison table's "Architecture"
 * column ("3 layers, 1024 units", "500-500-2000"). Each distinct one becomes a fully connected network,
 * ending in the task's output layer when the paper states how many outputs the task has.
 */
import { bareChain, mlpStatements, proseForm } from '../reading/index.ts';
import type { TableGrid } from './grid.ts';
import type { NetworkDraft, SeqLayer } from './interpret.ts';

function draftOf(hidden: number[], outputs: number | undefined, text: string, box: SeqLayer['box']): NetworkDraft {
  const layer = (units: number, inferred: string[] = []): SeqLayer => ({ kind: 'layer', draft: { type: 'Dense', params: { units }, inferred, text }, box });
  const items = hidden.map((w) => layer(w));
  if (outputs !== undefined)
    items.push({ ...layer(outputs, ['*']), draft: { type: 'Dense', params: { units: outputs, activation: 'softmax' }, inferred: ['*'], text } });
  return { name: text.slice(0, 40), layout: 'rows', bands: [{ items }], readCells: 1, totalCells: 1 };
}

export function cellNetworks(grid: TableGrid, outputs: number | undefined): NetworkDraft[] {
  const seen = new Set<string>();
  const drafts: NetworkDraft[] = [];
  for (const cell of grid.cells) {
    const text = proseForm(cell.text);
    const chain = bareChain(text);
    const stated = chain ? [{ hidden: chain, text }] : mlpStatements(text);
    for (const net of stated) {
      const key = net.hidden.join('-');
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push(draftOf(net.hidden, 'output' in net && net.output !== undefined ? net.output : outputs, net.text, cell.box));
    }
  }
  return drafts;
}
