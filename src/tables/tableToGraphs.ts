/** One table region → the networks it describes (none for results tables). */
import type { Graph } from '../graph/index.ts';
import type { Page, Region } from '../paper/index.ts';
import { buildGrid, type TableGrid } from './grid.ts';
import { classifyTable, type TableClass } from './classify.ts';
import { interpretTable, type BlockStyle, type NetworkDraft } from './interpret.ts';
import { assembleGraph } from './assemble.ts';
import { cellNetworks } from './cellNetworks.ts';
import { roundBox } from '../geometry/index.ts';

export interface TableDesign {
  graph: Graph;
  draft: NetworkDraft;
  weightLayers: number;
  errors: string[];
}

export interface TableReading {
  grid: TableGrid;
  classification: TableClass;
  designs: TableDesign[];
}

/**
 * `taskOutputs`: how many outputs the paper's task has (its class count), for networks a table states
 * without their classifier.
 */
export function tableToGraphs(region: Region, page: Page, blockStyle: BlockStyle, taskOutputs?: number): TableReading {
  const grid = buildGrid(region.lines, page.paths, region.box);
  const classification = classifyTable(grid, region.caption.text);
  // A results table may still name whole networks in single cells ("3 layers, 1024 units").
  const drafts = classification.architecture ? interpretTable(grid, { blockStyle }) : cellNetworks(grid, taskOutputs);
  const designs: TableDesign[] = [];
  // "Table 1. MobileNet Body Architecture" → "MobileNet Body Architecture": the caption's first sentence.
  const title = region.caption.text
    .slice(region.caption.text.search(/[:.|—–-]\s/) + 1)
    .split(/(?<=[a-z)\]])\.\s/)[0]
    .trim()
    .slice(0, 60);
  for (const draft of drafts) {
    const { graph, weightLayers, errors } = assembleGraph(draft, {
      name: `${region.caption.label}: ${draft.name || title || 'network'}`,
      page: page.number,
      source: { page: page.number, kind: 'table', caption: region.caption.text, bbox: roundBox(region.box) },
    });
    if (weightLayers < 2) continue;
    designs.push({ graph, draft, weightLayers, errors });
  }
  return { grid, classification, designs };
}
