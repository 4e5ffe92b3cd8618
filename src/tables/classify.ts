/**
 * Architecture table or results/other table? Bag-of-words cosine against two small vocabularies, plus
 * features of the cells themselves: how many read as layers, how many are scores (decimals, %, ±).
 */
import type { TableGrid } from './grid.ts';
import { parseLayerText, typeOfName } from './layerText.ts';

export interface TableClass {
  architecture: boolean;
  /** 0..1 */
  score: number;
  features: { archCosine: number; resultsCosine: number; layerCells: number; scoreCells: number; cells: number };
}

const ARCH_WORDS =
  'conv convolution convolutional layer layers filter filters kernel stride pool pooling max avg average fc fully connected dense softmax relu input output size channels architecture configuration block blocks depthwise pointwise dw lrn dropout shape type stage upsampling concat batchnorm bn units feature maps patch pad padding'.split(
    ' ',
  );
const RESULTS_WORDS =
  'error accuracy top top-1 top-5 map ap acc result results test val validation train training score scores method methods ours baseline dataset benchmark loss likelihood log bleu f1 precision recall time speed fps params parameters flops mult-adds million millions ms sota state art ensemble trained evaluation'.split(
    ' ',
  );

function bag(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

const ARCH = bag(ARCH_WORDS);
const RESULTS = bag(RESULTS_WORDS);

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Words of a table, with layer spellings folded ("conv3-64" → "conv", "FC-4096" → "fc"). */
export function tableWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(conv|fc|pool)[\d-]+/g, '$1 ')
    .split(/[^a-z0-9-]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

export function classifyTable(grid: TableGrid, caption: string): TableClass {
  const cells = grid.cells.filter((c) => c.text.trim());
  const words = bag([...tableWords(caption), ...cells.flatMap((c) => tableWords(c.text))]);
  const archCosine = cosine(words, ARCH);
  const resultsCosine = cosine(words, RESULTS);
  // A layer written out ("conv 3×3, 64") or named ("conv1", "fc4").
  const layerCells = cells.filter((c) => c.lines.some((l) => parseLayerText(l).length > 0 || typeOfName(l) !== undefined)).length;
  const scoreCells = cells.filter((c) => /\d\.\d|%|±/.test(c.text)).length;
  const n = Math.max(1, cells.length);
  const layerShare = layerCells / n;
  const scoreShare = scoreCells / n;
  const score = Math.max(0, Math.min(1, 0.5 + 0.9 * (layerShare - scoreShare) + 0.8 * (archCosine - resultsCosine)));
  return {
    architecture: layerCells >= 3 && score >= 0.5,
    score,
    features: { archCosine, resultsCosine, layerCells, scoreCells, cells: cells.length },
  };
}
